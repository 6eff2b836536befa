"""Build something in small named steps, one per turn of the event loop, so that no step holds
the GUI thread for long; whoever needs the result at once runs the steps still left, in order.

Each step runs exactly once: `start()` chains them on 1 ms timers, `finish()` runs the
rest synchronously, and a timer that fires after `finish()` (or after a step it was meant
for ran) does nothing. A step may return further steps: they run next, before the rest (so
a part that can only be split once it exists, such as a widget's children, is built in steps
too).

A step that raises ends the build: its error goes on to whoever ran it (from a timer, the
crash handler behind sys.excepthook), no later step runs, and `finish()` raises `BuildFailed`
from then on, so that nothing goes on with a half-built result as if it were whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

Step = tuple[str, Callable[[], "Sequence[Step] | None"]]


class BuildFailed(RuntimeError):
    """An earlier step raised: what it was to build is missing."""


class StagedBuild:
    """Runs `steps` in order, one per event-loop turn once started, or all at once on demand."""

    def __init__(self, owner: QObject, steps: Sequence[Step]) -> None:
        self._owner = owner  # its timers die with it: no step runs on a deleted window
        self._steps = list(steps)
        self._next = 0
        self._running = False  # a step that asks for the result must not re-enter the chain
        self.failed: str | None = None  # the name of the step that raised
        self.durations_ms: list[tuple[str, float]] = []  # per step, for bench/startup_stall.py

    @property
    def done(self) -> bool:
        return self._next >= len(self._steps)

    def start(self, delay_ms: int = 0) -> None:
        """Run the first step after `delay_ms`, then each of the rest a turn later."""
        QTimer.singleShot(delay_ms, self._owner, self._turn)

    def finish(self) -> None:
        """Run every step not yet run, now, in order."""
        if self.failed is not None:
            raise BuildFailed(f"the step {self.failed!r} failed earlier")
        while not self.done and not self._running:
            self._run_one()

    def _turn(self) -> None:
        if self.done or self._running or self.failed is not None:
            return
        self._run_one()
        if not self.done:
            # Not 0 ms: a zero-length single shot is a posted event, and Qt delivered those
            # posted meanwhile in the same pass, so two or three steps ran back to back with
            # no turn for a key or a paint between them (60–100 ms where each was under 40).
            QTimer.singleShot(1, self._owner, self._turn)

    def _run_one(self) -> None:
        name, step = self._steps[self._next]
        self._next += 1  # counted first: a step that fails is not run again
        self._running = True
        started = time.perf_counter()
        try:
            more = step()
        except BaseException:
            self.failed = name
            raise
        finally:
            self._running = False
            self.durations_ms.append((name, (time.perf_counter() - started) * 1000))
        if more:
            self._steps[self._next : self._next] = more
