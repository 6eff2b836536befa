"""Windows fit their screen: the main window and a dialog larger than the screen's free area
open within it, and the window with a note open still shows the whole note."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ui.app_settings import app_settings
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets.screen_fit import free_area


def test_a_dialog_larger_than_the_screen_opens_within_it(qtbot, window):
    dialog = QDialog(window)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("A long form"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    layout.addWidget(buttons)
    dialog.resize(4000, 3000)  # as a dialog sized for a large monitor would ask
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = free_area(dialog)
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()))
    assert area.contains(buttons.mapToGlobal(buttons.rect().bottomRight()))


def test_a_window_remembered_from_a_larger_screen_opens_within_this_one(
    qtbot, vault_path, tmp_path
):
    first = MainWindow(VaultService(vault_path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(-300, -200, 5000, 3000)  # a wall of monitors, or before a 200% scale
    first.save_layout()
    first.close()
    assert app_settings().value("window/geometry") is not None

    again = MainWindow(VaultService(vault_path))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: free_area(again).contains(again.frameGeometry()))
