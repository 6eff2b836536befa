"""Act once a widget is first painted: the window builds its workspace then, and the
benchmark's start-up probe reports the moment and quits.

The probe is used only when the environment variable ALLIANCE_BENCH_EXIT_ON_SHOWN is set (see
ui/app.py and bench/startup.py); it reads no passphrase and changes nothing. It imports nothing
but QtCore, so a bare PySide6 window measured the same way pays no cost for it.

What runs before the first paint leaves Qt's `Qt` namespace alone (alignment flags, keys, focus
policies): PySide builds all of its 93 enums the first time anything touches it, about 14 ms, a
seventh of a bare window's whole start. Code on that path imports `Qt` where it is used, after
the paint, and tests/ui/test_startup_imports.py checks that the namespace is still unbuilt. For
the same reason its value types are NamedTuples: the dataclasses module alone takes ~3 ms to load.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

BENCH_EXIT_ON_SHOWN = "ALLIANCE_BENCH_EXIT_ON_SHOWN"


class _FirstPaint(QObject):
    def __init__(self, widget: QObject, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._then)  # runs once this paint has finished
            # Done: the widget's later events no longer pass through Python on its account.
            watched.removeEventFilter(self)
            self.deleteLater()
        return False


def after_first_paint(widget: QObject, then: Callable[[], object]) -> None:
    """Call `then` once `widget` has been painted for the first time."""
    widget.installEventFilter(_FirstPaint(widget, then))


def _report_and_quit() -> None:
    print(f"shown {time.time():.6f}", flush=True)
    QCoreApplication.quit()


def quit_on_first_paint(widget: QObject) -> None:
    """Print `shown <unix time>` on stdout once `widget` has been painted, then quit the app."""
    after_first_paint(widget, _report_and_quit)
