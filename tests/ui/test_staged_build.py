"""The workspace is built in steps after the first paint (ui/staged_build.py): a passphrase
typed before those steps are done still unlocks, into the whole window, menus built once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import STRONG_PASSPHRASE, menu_action
from ui.main_window import MainWindow
from ui.menus import LAYOUT
from ui.vault_service import VaultService


def test_a_passphrase_typed_at_once_unlocks_into_the_whole_window(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    assert not window._build.done  # typed before the staged build could finish
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    qtbot.wait(300)  # the build's timers still pending fire now, and must add nothing
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for title, _blocks in LAYOUT]  # each menu once, in order
    assert menu_action(window, "&Lock").isEnabled()
    assert window.workspace.client_view.model().rowCount() > 0
