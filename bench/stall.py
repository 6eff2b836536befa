"""How long the GUI thread's event loop stalls while something runs.

A QTimer on the GUI thread ticks every TICK_MS; the longest gap between two ticks (minus the
tick itself) is the longest time the window could not react to a key or a click. `wait_until`
runs a real event loop (as app.exec() does) while the meter runs, so work handed to a worker
thread and finished through queued signals is measured the way a person would live through it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer

TICK_MS = 5


class StallMeter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._last = 0
        self.longest_ms = 0.0
        self.ticks = 0

    def __enter__(self) -> StallMeter:
        self.longest_ms = 0.0
        self.ticks = 0
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._tick()  # a stall running up to the very end counts too
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        gap_ms = (now - self._last) / 1e6 - TICK_MS
        self.longest_ms = max(self.longest_ms, gap_ms)
        self._last = now
        self.ticks += 1


def wait_until(done: Callable[[], bool], timeout_s: float = 600.0) -> float:
    """Run a real event loop (as app.exec() does) until `done()`; returns the seconds it took.

    Raises TimeoutError when it takes longer than `timeout_s`.
    """
    started = time.perf_counter()
    if done():
        return 0.0
    loop = QEventLoop()
    late = []

    def check() -> None:
        if done():
            loop.quit()
        elif time.perf_counter() - started > timeout_s:
            late.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if late:
        raise TimeoutError("the operation did not finish in time")
    return time.perf_counter() - started
