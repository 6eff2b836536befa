"""Ctrl+L from anywhere in the app: over a dialog, a message box, a file dialog or an open menu.

The window's "Lock" action has the shortcut too, but Qt only fires a window's shortcut while
that window has the keyboard: a modal dialog or an open menu keeps it. So the key is also caught
on its way to any widget of the app, by a filter on the application itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

from ui.widgets.app_filters import AppFilter

LOCK_KEYS = QKeySequence("Ctrl+L")


def is_lock_key(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(LOCK_KEYS) == QKeySequence.SequenceMatch.ExactMatch


class LockKey(AppFilter):
    """Calls `lock` when the lock keys are pressed in any window of the app. The lock only
    hides windows and ends their event loops (they return once this key event is done), so it
    can run at once, inside the filter. Started with the window's other filters
    (ui/widgets/app_filters.py): before that the vault is not open, so there is nothing to lock."""

    EVENTS = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress})

    def __init__(self, lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self._locking = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ShortcutOverride comes first: taking it keeps the key from Qt's shortcut map (so the
        # window's action does not lock a second time) and from the focused widget (a line
        # edit would otherwise treat Ctrl+L as its own). The key press then follows, and is
        # swallowed too; when nothing has focus only the key press arrives.
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not is_lock_key(event):
            return False
        event.accept()
        if not self._locking:  # closing the windows must not press the key again
            self._locking = True
            try:
                self._lock()
            finally:
                self._locking = False
        return True
