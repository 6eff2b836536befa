"""Reference cycles holding Qt objects are collected on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QDialog

from ui.app import make_app


class _Cycle:
    """An object that refers to itself and holds a dialog, as a closure over `self` does."""

    def __init__(self) -> None:
        self.me = self
        self.dialog = QDialog()


def test_a_cycle_holding_a_dialog_is_deleted_on_the_gui_thread(qtbot):
    make_app()
    assert not gc.isenabled()  # Python's own collector would run in whichever thread allocates
    deleted_in: list[threading.Thread] = []
    cycle = _Cycle()
    cycle.dialog.destroyed.connect(lambda: deleted_in.append(threading.current_thread()))
    del cycle

    def allocate() -> None:  # a background job that makes many objects, as spelling does
        kept = [[index] for index in range(50_000)]
        del kept

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert deleted_in == []  # nothing was collected on the worker
    qtbot.waitUntil(lambda: bool(deleted_in), timeout=5000)
    assert deleted_in == [threading.main_thread()]
