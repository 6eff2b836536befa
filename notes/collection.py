"""Python's cyclic garbage collector paused while a big job runs on a worker thread.

A full collection walks every object of the process while holding the GIL: with a job building
records by the hundred thousand (the signed-history check, an export, the sweep, a dictionary
being loaded) the collector runs again and again, and the window, on its own thread, cannot
answer during each walk (40–60 ms at 50,000 sessions: issue 21.4). Such jobs make no garbage
cycles worth collecting before they end; what they leave is collected as usual afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pausing = threading.Lock()
_paused = 0  # jobs running now; collection resumes after the last
_was_enabled = False


def resume_collection() -> None:
    """Collection on for good (the window holds it off until its first paint); if a job has
    paused it meanwhile, it comes back when the last such job ends, not in the middle of it."""
    global _was_enabled
    with _pausing:
        if _paused:
            _was_enabled = True
        else:
            gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection until the last job that asked for a pause has ended."""
    global _paused, _was_enabled
    with _pausing:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pausing:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
