"""When something unexpected breaks: say so plainly, keep the typed text, offer to lock.

The traceback shown names files, lines and functions only. Exception messages and variable
values are left out, because either may contain words from a note.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QWidget


def scrubbed_traceback(error: BaseException) -> str:
    """The stack of an error without its message or any values."""
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f'  File "{Path(frame.filename).name}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines.append(f"{type(error).__module__}.{type(error).__qualname__} (message withheld)")
    return "\n".join(lines)


class CrashHandler:
    """Installed as sys.excepthook while the window runs."""

    def __init__(
        self, parent: QWidget, save_text: Callable[[], object], lock: Callable[[], None]
    ) -> None:
        self._parent = parent
        self._save_text = save_text
        self._lock = lock
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) or self._showing:
            return
        self._showing = True
        try:
            try:
                self._save_text()
                saved = "Your typing has been saved."
            except Exception:
                saved = "Your typing is still on screen; Alliance could not save it just now."
            from PySide6.QtWidgets import QMessageBox  # its type is made only for a crash

            box = QMessageBox(self._parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Something went wrong")
            box.setText(
                f"Alliance hit an unexpected problem. {saved}\n\n"
                "You can keep working, or lock the vault to be safe. The details below contain "
                "no client information; they help us fix the problem."
            )
            box.setDetailedText(scrubbed_traceback(error.with_traceback(tb)))
            lock = box.addButton("Lock now", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton("Keep working", QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() is lock:
                self._lock()
        finally:
            self._showing = False
