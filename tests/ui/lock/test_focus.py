"""The passphrase field has the keyboard at start, after Ctrl+L and after auto-lock: what is
typed next lands in it, with no click first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import STRONG_PASSPHRASE, press
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def type_into_focus(qtbot, text: str) -> None:
    """Keys to whatever widget has the keyboard, as a person's typing goes."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def unlocks_by_typing(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock_page.passphrase)
    type_into_focus(qtbot, STRONG_PASSPHRASE)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)


def test_the_create_page_has_the_keyboard_at_first_start(qtbot, window):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.create_page.passphrase)


def test_the_unlock_page_has_the_keyboard_at_start_after_ctrl_l_and_after_auto_lock(
    qtbot, caseload
):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    unlocks_by_typing(qtbot, window)

    press(qtbot, window, "Ctrl+L")
    assert window.pages.currentWidget() is window.unlock_page
    unlocks_by_typing(qtbot, window)

    window.auto_lock()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    unlocks_by_typing(qtbot, window)
    window.service.lock()
