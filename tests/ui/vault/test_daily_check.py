"""The background damage check runs at the first unlock of the day, and only then.

The GUI fixtures rely on this: their prepared vaults have today's check marked done, so a test's
unlock costs no second key derivation in the background (tests/ui/conftest.py).
"""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import STRONG_PASSPHRASE
from ui.jobs import HANDBACK_S
from ui.main_window import MainWindow
from ui.vault_service import VaultService


@pytest.mark.parametrize(("vault", "checks"), [("caseload_due_a_check", 1), ("caseload", 0)])
def test_the_damage_check_runs_at_the_first_unlock_of_the_day(
    qtbot, request, monkeypatch, vault, checks
):
    path = request.getfixturevalue(vault)
    ran: list[int] = []
    check = VaultService.integrity_check
    monkeypatch.setattr(VaultService, "integrity_check", lambda self: ran.append(1) or check(self))
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    if checks:
        qtbot.waitUntil(lambda: len(ran) == checks, timeout=10000)
    else:
        qtbot.wait(300)  # time enough for a background job to have started
    assert len(ran) == checks
    window.service.lock()


def test_the_damage_check_runs_on_a_worker_handing_the_gil_back(qtbot, monkeypatch, request):
    path = request.getfixturevalue("caseload_due_a_check")
    ran: list[tuple[bool, float]] = []
    check = VaultService.integrity_check

    def noted(self):
        ran.append((threading.current_thread() is threading.main_thread(), sys.getswitchinterval()))
        return check(self)

    monkeypatch.setattr(VaultService, "integrity_check", noted)
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=10000)
    [(on_gui_thread, interval)] = ran
    assert not on_gui_thread
    assert interval == HANDBACK_S  # the window gets the GIL back within half a millisecond
    window.service.lock()
