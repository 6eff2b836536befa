"""Run long work off the GUI thread and hand the result back on it.

The work function never touches widgets: it gets a `progress(text, share)` callable, returns a
result or raises, and the callbacks run on the GUI thread through queued signals.

A failure takes one default path (ui/errors.py): a `VaultError`'s message in a box over the
widget that started the job, anything else to the crash dialog. A caller passes `failed` only
to do something more, or something else: it returns True when it has dealt with the error
itself, and otherwise the default follows. `SystemExit` and `KeyboardInterrupt` are no failure
of the work: they are raised again on the GUI thread, where Python acts on them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from notes.collection import collection_paused
from notes.progress import Progress
from ui.errors import TITLE, show_failure


class _Signals(QObject):
    progressed = Signal(str, float)
    finished = Signal(object)
    failed = Signal(object)
    interrupted = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self.signals = signals

    def run(self) -> None:
        try:
            try:
                result = self._work(self._progress)
            except Exception as error:  # handed to the GUI thread, which decides
                self.signals.failed.emit(error)
            except BaseException as error:  # SystemExit, KeyboardInterrupt: see the docstring
                self.signals.interrupted.emit(error)
            else:
                self.signals.finished.emit(result)
        except RuntimeError:
            pass  # the application closed meanwhile: nobody is left to tell

    def _progress(self, text: str, share: float) -> None:
        with suppress(RuntimeError):  # as above
            self.signals.progressed.emit(text, share)


def _raise_again(error: BaseException) -> None:
    raise error


HANDBACK_S = 0.0005
_switching = threading.Lock()
_busy = 0  # workers running `yielding` now; the usual interval is put back after the last
_usual_switch_s = sys.getswitchinterval()


def yielding(work: Callable[..., Any], *args: Any) -> Any:
    """Run pure-Python work on a worker thread handing the GIL back every half millisecond.

    With Python's usual 5 ms, each time the GUI thread comes back into Python (an event
    filter, the highlighter, a timer, a paint) it can wait up to 5 ms; a keystroke or a paint
    makes dozens of such calls, so typing would stall for tens of milliseconds while a
    dictionary loads, and the window for a hundred or more while the damage check hashes
    every signed note. The cyclic garbage collector is paused meanwhile too
    (notes/collection.py): a full collection holds the GIL for its whole walk."""
    global _busy, _usual_switch_s
    with _switching:
        if _busy == 0:
            _usual_switch_s = sys.getswitchinterval()
            sys.setswitchinterval(HANDBACK_S)
        _busy += 1
    try:
        with collection_paused():
            return work(*args)
    finally:
        with _switching:
            _busy -= 1
            if _busy == 0:
                sys.setswitchinterval(_usual_switch_s)


_running: set[_Signals] = set()  # keeps the signal objects alive until the job ends

Failed = Callable[[Exception], bool | None]  # True: dealt with, the default is not needed


def run_in_background(
    parent: QWidget,
    work: Callable[[Progress], Any],
    done: Callable[[Any], None],
    *,
    failed: Failed | None = None,
    progress: Progress | None = None,
    title: str = TITLE,
) -> None:
    """Run `work` on Qt's thread pool; `done(result)` on success, else the failure path.

    `parent` is the widget a message about a failure belongs to, `title` heads that message.
    Pass bound methods of widgets, not closures, as `done` and `progress`: Qt drops the call
    if their object is gone by then.
    """
    signals = _Signals()
    _running.add(signals)

    def forget(*_args: object) -> None:
        _running.discard(signals)

    def fail(error: Exception) -> None:
        if not isValid(parent):  # the widget closed meanwhile: nobody is left to tell
            return
        if failed is not None and failed(error):
            return
        show_failure(parent, error, title)

    if progress:
        signals.progressed.connect(progress)
    signals.finished.connect(done)
    signals.failed.connect(fail)
    signals.interrupted.connect(_raise_again)
    for ended in (signals.finished, signals.failed, signals.interrupted):
        ended.connect(forget)
    QThreadPool.globalInstance().start(_Job(work, signals))
