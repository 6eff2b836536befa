"""A passphrase field whose typed characters never reach assistive technology.

A plain QLineEdit in password mode still holds the real text, and Qt puts that text into the
accessibility events it sends when characters are inserted or removed: a screen reader such as
Orca then speaks each typed character, and the whole passphrase when the field is cleared
(KeePassXC met the same, its issues #1920 and #5389). So this field keeps the passphrase in a
Python string of its own and lets the QLineEdit underneath hold only one bullet per character:
whatever Qt reads out, shows, or sends in an event is bullets.

Editing works as people expect: typing, Backspace and Delete (also over a selection), the
cursor keys and Home/End, Ctrl+A, paste, and committed input-method text. Undo, copy, cut, drag
and the context menu are off: they would work on the bullets, not on the passphrase.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:  # its types are made when a key is first pressed, not before the first paint
    from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent, QMouseEvent

BULLET = "\u25cf"


@cache
def _moving_keys() -> tuple:
    """The keys that move the cursor or the selection: QLineEdit's own handling, over bullets."""
    from PySide6.QtGui import QKeySequence

    return (
        QKeySequence.StandardKey.MoveToNextChar,
        QKeySequence.StandardKey.MoveToPreviousChar,
        QKeySequence.StandardKey.MoveToNextWord,
        QKeySequence.StandardKey.MoveToPreviousWord,
        QKeySequence.StandardKey.MoveToStartOfLine,
        QKeySequence.StandardKey.MoveToEndOfLine,
        QKeySequence.StandardKey.MoveToStartOfDocument,
        QKeySequence.StandardKey.MoveToEndOfDocument,
        QKeySequence.StandardKey.SelectNextChar,
        QKeySequence.StandardKey.SelectPreviousChar,
        QKeySequence.StandardKey.SelectNextWord,
        QKeySequence.StandardKey.SelectPreviousWord,
        QKeySequence.StandardKey.SelectStartOfLine,
        QKeySequence.StandardKey.SelectEndOfLine,
        QKeySequence.StandardKey.SelectStartOfDocument,
        QKeySequence.StandardKey.SelectEndOfDocument,
        QKeySequence.StandardKey.SelectAll,
        QKeySequence.StandardKey.Deselect,
    )


class SecretField(QLineEdit):
    """Password entry: `text()` is the passphrase; Qt itself only ever holds bullets."""

    secretChanged = Signal(str)  # the passphrase; textChanged carries only bullets

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = ""
        # Password mode also tells input methods the text is hidden and sensitive, with no
        # predictions (ImhHiddenText, ImhSensitiveData, ImhNoPredictiveText).
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)

    # -- the passphrase ------------------------------------------------------------------------

    def text(self) -> str:  # type: ignore[override]
        return self._secret

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._secret = text
        self._show(len(text))

    def clear(self) -> None:
        self.setText("")

    def selectedText(self) -> str:  # type: ignore[override]
        start, end = self._selection()
        return self._secret[start:end]

    # -- editing -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not on import: the unlock page paints without it
        from PySide6.QtGui import QKeySequence

        if any(event.matches(key) for key in _moving_keys()):
            super().keyPressEvent(event)  # moves the cursor or the selection over the bullets
            return
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)  # returnPressed
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            pasted = QGuiApplication.clipboard().text().splitlines()
            self._replace_selection(pasted[0] if pasted else "")
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            word_back = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            self._delete(forward=key == Qt.Key.Key_Delete, whole_word=bool(modifiers & word_back))
        elif (
            event.text().isprintable()
            and event.text()
            and not modifiers
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        ):
            self._replace_selection(event.text())
        else:
            # Anything else QLineEdit would do itself (undo, copy, cut, Ctrl+K, …) would edit
            # the bullets behind the passphrase's back: the key goes on to the window instead.
            event.ignore()
            return
        event.accept()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():
            self._replace_selection(event.commitString())
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # no menu: its Copy, Cut and Undo would work on the bullets

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.MiddleButton:
            event.accept()  # no paste of the X11 selection: it would arrive as plain text
            return
        super().mouseReleaseEvent(event)

    # -- inside ---------------------------------------------------------------------------------

    def _selection(self) -> tuple[int, int]:
        if self.hasSelectedText():
            start = self.selectionStart()
            return start, start + len(super().selectedText())
        return self.cursorPosition(), self.cursorPosition()

    def _replace_selection(self, text: str) -> None:
        text = "".join(ch for ch in text if ch.isprintable())
        start, end = self._selection()
        self._secret = self._secret[:start] + text + self._secret[end:]
        self._show(start + len(text))

    def _delete(self, forward: bool, whole_word: bool) -> None:
        start, end = self._selection()
        if start == end:
            if whole_word:  # Ctrl+Backspace / Ctrl+Delete: a passphrase is one word
                start, end = (start, len(self._secret)) if forward else (0, start)
            elif forward:
                end = min(end + 1, len(self._secret))
            else:
                start = max(start - 1, 0)
        self._secret = self._secret[:start] + self._secret[end:]
        self._show(start)

    def _show(self, cursor: int) -> None:
        """Put one bullet per character in the QLineEdit and the cursor where it belongs."""
        super().setText(BULLET * len(self._secret))
        self.setCursorPosition(cursor)
        self.secretChanged.emit(self._secret)


def ask_passphrase(parent: QWidget, title: str, label: str) -> str | None:
    """A small dialog with one SecretField (QInputDialog's own field would leak to a screen
    reader); the passphrase, or None when cancelled."""
    from PySide6.QtWidgets import QDialog, QFormLayout

    from ui.widgets.dialog_parts import Standard, form_dialog_layout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    field = SecretField()
    field.setObjectName("backup_passphrase")
    field.setAccessibleName(label.rstrip(":"))
    form = QFormLayout()
    form.addRow(label, field)
    form_dialog_layout(dialog, form, standard=Standard.Ok | Standard.Cancel)
    field.returnPressed.connect(dialog.accept)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    passphrase = field.text()
    field.clear()
    dialog.deleteLater()
    return passphrase if accepted else None
