"""The create-vault page as a person meets it: a refusal goes once they type again, and nothing
on the page is cut off, with a long vault path in a small window (1920×1080 at 200%)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea

from tests.ui.helpers import STRONG_PASSPHRASE
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def test_an_old_refusal_goes_when_the_passphrase_is_typed_again(qtbot, window):
    page = window.create_page
    qtbot.keyClicks(page.passphrase, "short")
    qtbot.keyClicks(page.repeat, "short")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.message.text()  # refused, and says why
    page.passphrase.selectAll()
    qtbot.keyClicks(page.passphrase, STRONG_PASSPHRASE)
    assert page.meter.bar.text() and page.message.text() == ""  # no red line beside the meter
    qtbot.keyClicks(page.repeat, "x")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.message.text()  # the repeat does not match
    qtbot.keyClick(page.repeat, Qt.Key.Key_Backspace)
    assert page.message.text() == ""


def test_nothing_on_the_page_is_cut_off_in_a_small_window(qtbot, tmp_path):
    deep = tmp_path.joinpath(*["a-rather-long-folder-name-for-notes"] * 6) / "alliance.vault"
    window = MainWindow(VaultService(deep))
    qtbot.addWidget(window)
    window.resize(960, 510)  # 1920×1080 at 200%, less a task bar
    window.show()
    qtbot.waitExposed(window)
    page = window.create_page
    box = page.create_button.parentWidget()
    for label in box.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.width() <= box.width()
            assert label.height() >= label.heightForWidth(label.width()) or not label.wordWrap()
    intro = next(label for label in box.findChildren(QLabel) if "encrypted file" in label.text())
    assert intro.sizeHint().width() <= box.width()  # the long path wraps inside the box
    area = page.findChild(QScrollArea)
    area.ensureWidgetVisible(page.create_button)
    visible = page.create_button.visibleRegion().boundingRect()
    assert visible.size() == page.create_button.size()  # reachable, not cut off
