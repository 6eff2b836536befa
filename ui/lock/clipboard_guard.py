"""Forget what Alliance put on the clipboard when the vault locks.

Only text copied while an Alliance window was active is ours; anything the therapist copied
from another program afterwards is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None  # a digest, so the copied text itself is not kept
        QApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        text = QApplication.clipboard().text()
        self._ours = _digest(text) if text and QApplication.activeWindow() else None

    def clear_if_ours(self) -> bool:
        clipboard = QApplication.clipboard()
        if self._ours and _digest(clipboard.text()) == self._ours:
            clipboard.clear()
            self._ours = None
            return True
        return False
