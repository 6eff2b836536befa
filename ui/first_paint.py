"""The benchmark's start-up probe: report the moment a widget is first painted, then quit.

Used only when the environment variable ALLIANCE_BENCH_EXIT_ON_SHOWN is set (see ui/app.py and
bench/startup.py); it reads no passphrase and changes nothing. It imports nothing but QtCore,
so a bare PySide6 window measured the same way pays no cost for it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

BENCH_EXIT_ON_SHOWN = "ALLIANCE_BENCH_EXIT_ON_SHOWN"


class _FirstPaint(QObject):
    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self._seen = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)  # runs once this paint has finished
        return False

    def _report(self) -> None:
        print(f"shown {time.time():.6f}", flush=True)
        QCoreApplication.quit()


def quit_on_first_paint(widget: QObject) -> None:
    """Print `shown <unix time>` on stdout once `widget` has been painted, then quit the app."""
    widget.installEventFilter(_FirstPaint(widget))
