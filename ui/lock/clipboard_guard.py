"""Forget what Alliance put on the clipboard and in the PRIMARY selection when the vault locks.

On X11, selecting text in any box sets the PRIMARY selection, which a middle click pastes into
another program: after a lock it would still hold the note's words. Only text that came from
Alliance is ours (copied or selected while an Alliance window was active, or a selection this
app still owns); anything the therapist copied from another program afterwards is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication

Mode = QClipboard.Mode


def _digest(text: str) -> str:
    import hashlib  # here: OpenSSL's library loads in ~2 ms, not needed before the first paint

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def guarded_modes() -> list[QClipboard.Mode]:
    """The clipboard, and the PRIMARY selection where the platform has one (X11, Wayland)."""
    clipboard = QApplication.clipboard()
    return [Mode.Clipboard] + ([Mode.Selection] if clipboard.supportsSelection() else [])


def _owns(mode: QClipboard.Mode) -> bool:
    clipboard = QApplication.clipboard()
    return clipboard.ownsSelection() if mode is Mode.Selection else clipboard.ownsClipboard()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A digest per mode, so the copied or selected text itself is not kept.
        self._ours: dict[QClipboard.Mode, str] = {}
        clipboard = QApplication.clipboard()
        clipboard.changed.connect(self._changed)

    def _changed(self, mode: QClipboard.Mode) -> None:
        text = QApplication.clipboard().text(mode)
        if text and QApplication.activeWindow():
            self._ours[mode] = _digest(text)
        else:
            self._ours.pop(mode, None)

    def clear_if_ours(self) -> bool:
        """Empty the clipboard and the selection where they hold Alliance's text; True if any
        was."""
        clipboard = QApplication.clipboard()
        cleared = False
        for mode in guarded_modes():
            text = clipboard.text(mode)
            ours = self._ours.get(mode)
            if text and (_owns(mode) or (ours and _digest(text) == ours)):
                clipboard.clear(mode)
                cleared = True
            self._ours.pop(mode, None)
        return cleared
