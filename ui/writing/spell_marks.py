"""Marks words the dictionary does not know with a red dotted underline (a QSyntaxHighlighter).

Qt asks for one paragraph at a time, and only for those that changed, so typing in a long note
checks one paragraph per keystroke; the checker caches every word it has looked up. The word
being typed at the cursor is left unmarked until it is finished.
"""

from __future__ import annotations

from PySide6.QtGui import QSyntaxHighlighter
from PySide6.QtWidgets import QPlainTextEdit

from ui.widgets.theme import spelling_format
from ui.writing.aids import current


class SpellMarks(QSyntaxHighlighter):
    def __init__(self, box: QPlainTextEdit) -> None:
        super().__init__(box.document())
        self._box = box
        self._format = spelling_format(box.palette())
        aids = current()
        if aids is not None:
            aids.spellingChanged.connect(self._redraw)

    def _redraw(self) -> None:
        """Mark again (the checker arrived, or its words changed). Only the marks change, but
        Qt reports a redrawn document as changed text: the box keeps that to itself, or every
        form and note would think it was typed into (and a read-only vault be asked to save)."""
        was_blocked = self._box.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            self._box.blockSignals(was_blocked)

    def highlightBlock(self, text: str) -> None:
        aids = current()
        if aids is None or aids.checker is None or not text:
            return
        typing_at = -1  # where the word still being typed ends: it is not even looked up
        if self._box.hasFocus():
            cursor, block = self._box.textCursor(), self.currentBlock()
            if cursor.block() == block:
                typing_at = cursor.position() - block.position()
        for word in aids.checker.misspelt(text, typing_at):
            self.setFormat(word.start, word.length, self._format)
