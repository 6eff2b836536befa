"""The application-wide filters start once the first page is painted, and then catch up: a
dialog opened or a control made in the moment before is treated as if they had been watching
all along (ui/widgets/app_filters.py). A font changed meanwhile: tests/ui/appearance/
test_desktop_style.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPushButton, QVBoxLayout

from tests.ui.helpers import STRONG_PASSPHRASE, wait_until_built
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets.keyboard import mnemonic_of
from ui.widgets.screen_fit import free_area


def test_a_dialog_opened_before_the_first_paint_is_fitted_and_given_letters_after_it(
    qtbot, caseload
):
    # Windows of earlier tests, closed but not yet deleted, would still watch with their filters.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    early = QDialog()
    qtbot.addWidget(early)
    layout = QVBoxLayout(early)
    combo = QComboBox()
    combo.addItems(["Weekly", "Fortnightly"])
    layout.addWidget(combo)
    close = QPushButton("Close")
    layout.addWidget(close)
    early.resize(4000, 3000)  # as a dialog sized for a large monitor would ask
    early.show()
    combo.ensurePolished()
    # Nothing watches yet: the filters cost the first page nothing.
    assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus
    assert mnemonic_of(close.text()) is None

    window.show()
    qtbot.waitExposed(window)
    area = free_area(early)
    qtbot.waitUntil(lambda: area.contains(early.frameGeometry()))
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel scrolls past it
    assert mnemonic_of(close.text()) == "c"
    window.service.lock()


def unlock_then_press_the_lock_key(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.service.is_unlocked
    qtbot.keyClick(window.workspace, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_the_lock_key_works_from_the_unlock_on_even_before_any_paint(qtbot, caseload):
    window = MainWindow(VaultService(caseload))  # never shown: no first paint comes
    qtbot.addWidget(window)
    unlock_then_press_the_lock_key(qtbot, window)
    assert not window.service.is_unlocked
    assert window.pages.currentWidget() is window.unlock_page


def test_the_lock_key_locks_the_window_started_last_whatever_started_before(qtbot, caseload):
    earlier = MainWindow(VaultService(caseload))  # still locked, its features started
    qtbot.addWidget(earlier)
    earlier.show()
    qtbot.waitExposed(earlier)
    wait_until_built(qtbot, earlier)
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    unlock_then_press_the_lock_key(qtbot, window)
    assert not window.service.is_unlocked
