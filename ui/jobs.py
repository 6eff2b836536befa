"""Run long work off the GUI thread and hand the result back on it.

The work function never touches widgets: it gets a `progress(text, share)` callable, returns a
result or raises, and the callbacks run on the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from notes.progress import Progress


class _Signals(QObject):
    progressed = Signal(str, float)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self.signals = signals

    def run(self) -> None:
        try:
            try:
                result = self._work(self._progress)
            except BaseException as error:  # handed to the GUI thread, which decides
                self.signals.failed.emit(error)
            else:
                self.signals.finished.emit(result)
        except RuntimeError:
            pass  # the application closed meanwhile: nobody is left to tell

    def _progress(self, text: str, share: float) -> None:
        with suppress(RuntimeError):  # as above
            self.signals.progressed.emit(text, share)


_running: set[_Signals] = set()  # keeps the signal objects alive until the job ends


def run_in_background(
    work: Callable[[Progress], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Progress | None = None,
) -> None:
    signals = _Signals()
    _running.add(signals)

    def forget(*_args: object) -> None:
        _running.discard(signals)

    if progress:
        signals.progressed.connect(progress)
    signals.finished.connect(done)
    signals.failed.connect(failed)
    signals.finished.connect(forget)
    signals.failed.connect(forget)
    QThreadPool.globalInstance().start(_Job(work, signals))
