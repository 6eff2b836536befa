"""Find words in the open note: every section of the progress note and the process note.

Enter finds the next match, Shift+Enter the previous one, Escape closes the bar. The search
wraps from the last box to the first, and ignores letter case.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from ui.widgets.keyboard import NO_MNEMONICS
from ui.widgets.status_line import StatusLine


class _FindField(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__()
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.find(backwards)
        elif event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, boxes: Callable[[], list[QPlainTextEdit]], parent=None) -> None:
        super().__init__(parent)
        self._boxes = boxes
        self.field = _FindField(self)
        self.field.setPlaceholderText("Find in this note")
        self.field.setAccessibleName("find in note")
        self.field.setClearButtonEnabled(True)
        self.result = StatusLine("hint")  # "3 in this note": read out as it changes
        previous = QPushButton("Previous")
        following = QPushButton("Next")
        done = QPushButton("Close")
        previous.clicked.connect(lambda: self.find(backwards=True))
        following.clicked.connect(lambda: self.find())
        done.clicked.connect(self.close_bar)
        self.buttons = [previous, following, done]
        # Enter, Shift+Enter and Escape are its keys: Alt+letters are left to the note.
        self.setProperty(NO_MNEMONICS, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.result)
        for button in (previous, following, done):
            layout.addWidget(button)
        self.field.textChanged.connect(lambda: self.find(from_start=True))
        self._last: QPlainTextEdit | None = None
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.selectAll()
        self.field.setFocus()

    def close_bar(self) -> None:
        self.hide()
        self.result.clear()
        if self._last:
            self._last.setFocus()

    def clear(self) -> None:
        self.field.clear()
        self._last = None
        self.hide()

    def find(self, backwards: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match after the current one; False if none."""
        words = self.field.text()
        boxes = [box for box in self._boxes() if box.isVisible() or not self.isVisible()]
        if not words or not boxes:
            self.result.clear()
            return False
        total = sum(box.toPlainText().lower().count(words.lower()) for box in boxes)
        self.result.setText("No match" if not total else f"{total} in this note")
        if not total:
            return False
        # While typing, the first match from the top; then on from the current match.
        start = boxes.index(self._last) if self._last in boxes and not from_start else 0
        before, after = boxes[:start], boxes[start:]
        order = [*after[:1], *before[::-1], *after[:0:-1]] if backwards else after + before
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        for index, box in enumerate(order):
            cursor = box.textCursor()
            if from_start and index == 0:
                cursor.movePosition(QTextCursor.MoveOperation.Start)
            elif index > 0:
                cursor.movePosition(
                    QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start
                )
            found = box.document().find(words, cursor, flags)
            if not found.isNull():
                box.setTextCursor(found)
                box.ensureCursorVisible()
                self._reveal(box)
                self._last = box
                return True
        # Only matches before the cursor in the first box are left: wrap within it.
        first = order[0]
        cursor = first.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start
        )
        found = first.document().find(words, cursor, flags)
        first.setTextCursor(found)
        self._reveal(first)
        self._last = first
        return True

    def _reveal(self, box: QPlainTextEdit) -> None:
        parent = box.parentWidget()
        while parent is not None:
            scroll = getattr(parent, "ensureWidgetVisible", None)
            if scroll:
                scroll(box)
            parent = parent.parentWidget()
