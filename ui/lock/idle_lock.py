"""Notice when nobody has touched the app for a while, so the window can lock itself.

Idle time is measured from the last key or mouse event in any window of the app.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal

from ui.widgets.app_filters import AppFilter

DEFAULT_MINUTES = 5
MINUTES_RANGE = (1, 60)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(AppFilter):
    """Emits `idle` when no input has come for the set minutes since `start`; its filter is
    started with the window's others (ui/widgets/app_filters.py), before the vault can open."""

    idle = Signal()

    EVENTS = frozenset(_ACTIVITY)

    def __init__(self, minutes: int = DEFAULT_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._since_restart = QElapsedTimer()
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        low, high = MINUTES_RANGE
        self.set_timeout_ms(max(low, min(high, int(minutes))) * 60_000)

    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def start(self) -> None:
        self._timer.start()
        self._since_restart.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Restarting a timer on every mouse move is wasteful; a quarter second is precise enough.
        if (
            event.type() in _ACTIVITY
            and self._timer.isActive()
            and self._since_restart.elapsed() > 250
        ):
            self.start()
        return False
