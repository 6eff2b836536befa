"""On a desktop whose own style is not Fusion (Windows, macOS, KDE's Breeze), following the
desktop keeps that style: through the window's build, a round of themes and a font changed
before the first paint. The offscreen desktop's style is Fusion, so these tests set another."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.appearance.test_look import choose
from tests.ui.helpers import wait_until_built
from ui.app import make_app
from ui.appearance.look import look
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets import surfaces


@pytest.fixture
def windows_desktop(qapp) -> Iterator[None]:
    """The application as Qt starts it on a desktop whose style is Windows."""
    look().remove()  # as before the app's first look is made, at a new start
    qapp.setStyle("Windows")
    yield
    look().remove()
    qapp.setStyle("Fusion")  # the offscreen desktop's own, for the tests after
    make_app()


def style_under_the_sheet() -> str:
    """The name of the application's style (a style sheet's wrapper has none of its own), or
    the class name of one of Alliance's own (IndicatorStyle)."""
    app = QApplication.instance()
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        style = app.style()
        return style.name().lower() or type(style).__name__
    finally:
        app.setStyleSheet(sheet)


def test_following_the_desktop_keeps_its_style_through_the_build_and_a_round_of_themes(
    qtbot, caseload, windows_desktop
):
    make_app()  # the theme chosen at first: follow the desktop
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_until_built(qtbot, window)
    assert style_under_the_sheet() == "windows"
    choose(qtbot, window, "&Dark")
    assert style_under_the_sheet() == "IndicatorStyle"  # Fusion, its indicators seen
    choose(qtbot, window, "&Light")
    choose(qtbot, window, "Follow the &system")
    assert style_under_the_sheet() == "windows"
    window.service.lock()


def test_a_desktop_font_changed_before_the_first_paint_reaches_the_page_after_it(
    qtbot, caseload, windows_desktop
):
    make_app()
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    title = window.unlock_page.findChild(QLabel, "pageTitle")
    before = QApplication.font()
    try:
        larger = QFont(before)
        larger.setPointSizeF(17)
        QApplication.setFont(larger)  # the desktop's font made larger as the app starts
        window.show()
        qtbot.waitExposed(window)
        share = surfaces.FONT_SHARES["page_title"]
        qtbot.waitUntil(lambda: title.font().pointSizeF() == pytest.approx(17 * share))
    finally:
        QApplication.setFont(before)
    window.service.lock()
