"""The passphrase field has the keyboard at start, after Ctrl+L and after auto-lock: what is
typed next lands in it, with no click first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import STRONG_PASSPHRASE, press
from ui.first_paint import after_first_paint
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


def test_a_click_on_the_page_around_the_fields_leaves_the_keyboard_in_the_passphrase(
    qtbot, caseload
):
    """The page scrolls on a small screen; its scroll area takes no focus of its own, so a click
    beside the box keeps what is typed next in the field (ui/widgets/screen_fit.py
    `scrolling`)."""
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    page = window.unlock_page
    painted = []  # a person clicks once the page is on screen: the field is painted last
    after_first_paint(page.passphrase, lambda: painted.append(True))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: bool(painted) and QApplication.focusWidget() is page.passphrase)
    background = window.childAt(QPoint(10, 40))  # the page's margin, beside the centred box
    assert background not in (None, page.passphrase, page.unlock_button)
    qtbot.mouseClick(background, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert QApplication.focusWidget() is page.passphrase
    type_into_focus(qtbot, "ab")
    assert page.passphrase.text() == "ab"
