"""View → Theme and the style sheet, as a therapist meets them: the theme chosen from the menu,
remembered in the app's settings, every text in the main views readable (4.5:1) under a dark
and a light palette once the style sheet applies, the countertransference mark at 3:1 against its
background, and text sizes that follow the desktop's font size."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from notes.observations import ObservationKind
from storage.demo import write_demo
from storage.vault import Vault
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    mark_checked_today,
    menu_action,
    wait_until_built,
)
from ui.app import make_app
from ui.app_settings import THEME, app_settings
from ui.appearance.look import ThemeChoice, chosen_theme
from ui.client_page.alliance_chart import AllianceChart
from ui.client_page.patterns_chart import PatternChart
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets import surfaces, theme

# DO-01: the third session in the list has transference tagged in both notes, the fourth a
# countertransference in the process note.
TAGGED_CLIENT, TRANSFERENCE_SESSION, COUNTERTRANSFERENCE_SESSION = 0, 2, 3


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    vault = Vault.create(path, STRONG_PASSPHRASE)
    write_demo(vault)
    mark_checked_today(vault)
    vault.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path, demo_vault) -> Iterator[MainWindow]:
    """The app as it starts (make_app applies the chosen theme), locked on a demo vault."""
    make_app()
    path = tmp_path / "demo.vault"
    shutil.copyfile(demo_vault, path)
    main = MainWindow(VaultService(path))
    qtbot.addWidget(main)
    main.resize(1200, 720)
    main.show()
    qtbot.waitExposed(main)
    wait_until_built(qtbot, main)
    yield main
    main.service.lock()


def theme_action(window: MainWindow, label: str) -> QAction:
    """View → Theme → `label`, found in the menu bar as a person would look for it."""
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "Vie&w")
    submenu = next(a.menu() for a in view.actions() if a.text() == "&Theme")
    assert isinstance(submenu, QMenu)
    return next(a for a in submenu.actions() if a.text() == label)


def choose(qtbot, window: MainWindow, label: str) -> None:
    action = theme_action(window, label)
    assert action.isEnabled()
    action.trigger()  # as the menu does on a click
    qtbot.wait(10)  # the style sheet's repolish reaches the widgets through the event loop


def unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)


def _colours(widget: QWidget) -> tuple[QColor, QColor] | None:
    """The text colour of `widget` and what it is written on, from its palette as the style sheet
    left it; None for a widget that shows no text of its own."""
    palette, role = widget.palette(), QPalette.ColorRole
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView)):
        return palette.color(role.Text), palette.color(role.Base)
    if isinstance(widget, QPushButton) and widget.text():
        return palette.color(role.ButtonText), palette.color(role.Button)
    if isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
        return palette.color(role.WindowText), palette.color(role.Window)
    if isinstance(widget, QLabel) and widget.text():
        return palette.color(widget.foregroundRole()), palette.color(widget.backgroundRole())
    if isinstance(widget, (QGroupBox, QTabBar)):
        return palette.color(role.WindowText), palette.color(role.Window)
    return None


def unreadable(root: QWidget, least: float = 4.5, texts_at_least: int = 4) -> list[str]:
    """Each visible text under `root` below `least`:1, named so a failure says where (the walk
    must meet `texts_at_least` texts, so a view that showed nothing cannot pass)."""
    found = []
    texts = 0
    for widget in root.findChildren(QWidget):
        # WCAG leaves out controls that can't be used; they draw in the disabled colours.
        if not widget.isVisible() or not widget.isEnabled():
            continue
        colours = _colours(widget)
        if colours is None:
            continue
        texts += 1
        ratio = theme.contrast(*colours)
        if ratio < least:
            text = getattr(widget, "text", lambda: "")()
            found.append(
                f"{type(widget).__name__}#{widget.objectName()} {str(text)[:30]!r}: "
                f"{colours[0].name()} on {colours[1].name()} = {ratio:.2f}"
            )
    assert texts >= texts_at_least, "the walk found the view's texts"
    return found


def chart_texts(root: QWidget) -> list[tuple[QColor, QColor]]:
    """The ink of the client page's painted charts and the ground they stand on, as drawn: the
    ground read from the chart's corner, the ink found among the painted pixels."""
    pairs = []
    for chart in [*root.findChildren(AllianceChart), *root.findChildren(PatternChart)]:
        if chart.width() < 50:
            continue
        image = chart.grab().toImage()
        ink = theme.surface(chart.palette()).ink
        painted = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        assert ink.rgb() in painted, type(chart).__name__
        pairs.append((ink, QColor(image.pixel(1, 1))))
    assert pairs
    return pairs


def tag_marks(window: MainWindow, kind: ObservationKind) -> list[tuple[QColor, QColor, QColor]]:
    """(underline, background, text) of each tagged passage of `kind` in the open note."""
    marks = []
    for box in window.workspace.editor.tag_boxes().values():
        for selection in box.extraSelections():
            style = selection.format.underlineStyle()
            wavy = style == selection.format.UnderlineStyle.WaveUnderline
            if wavy == (kind is ObservationKind.COUNTERTRANSFERENCE):
                text = box.palette().color(QPalette.ColorRole.Text)
                background = selection.format.background().color()
                marks.append((selection.format.underlineColor(), background, text))
    return marks


@pytest.mark.parametrize("label", ["&Dark", "&Light"])
def test_every_text_of_the_main_views_reads_in_the_chosen_theme(qtbot, window, label):
    choose(qtbot, window, label)
    dark = label == "&Dark"
    assert theme.is_dark(QApplication.palette()) is dark
    assert unreadable(window) == []  # the unlock page

    unlock(qtbot, window)
    choose_client(qtbot, window, TAGGED_CLIENT)
    marks = []
    for row, kind in (
        (TRANSFERENCE_SESSION, ObservationKind.TRANSFERENCE),
        (COUNTERTRANSFERENCE_SESSION, ObservationKind.COUNTERTRANSFERENCE),
    ):
        choose_session(qtbot, window, row)
        qtbot.waitUntil(lambda kind=kind: bool(tag_marks(window, kind)))
        assert unreadable(window) == []  # the workspace with a tagged note open
        marks += tag_marks(window, kind)
    process = window.workspace.editor.process_box
    assert theme.is_dark(process.palette()) is dark  # the private note's box follows the theme
    for underline, background, text in marks:
        assert theme.contrast(text, background) >= 4.5, (text.name(), background.name())
        assert theme.contrast(underline, background) >= 3, (underline.name(), background.name())

    tabs = window.workspace.tabs
    bar = tabs.tabBar()
    page = tabs.indexOf(window.workspace.client_page)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page).center())
    assert tabs.currentWidget() is window.workspace.client_page
    assert unreadable(window) == []  # the client page
    for ink, ground in chart_texts(window.workspace.client_page):
        assert theme.contrast(ink, ground) >= 4.5, (ink.name(), ground.name())

    choose(qtbot, window, "&Light" if dark else "&Dark")  # changed with everything open
    assert unreadable(window) == []
    for ink, ground in chart_texts(window.workspace.client_page):
        assert theme.contrast(ink, ground) >= 4.5, (ink.name(), ground.name())
    tabs.setCurrentWidget(window.workspace.editor)
    kind = ObservationKind.COUNTERTRANSFERENCE
    for underline, background, text in tag_marks(window, kind):
        assert (theme.luminance(background) < 0.2) is not dark  # repainted in the new colours
        assert theme.contrast(text, background) >= 4.5, (text.name(), background.name())
        assert theme.contrast(underline, background) >= 3, (underline.name(), background.name())


def test_the_theme_is_the_apps_setting_and_holds_at_the_next_start(qtbot, window):
    assert theme_action(window, "Follow the &system").isChecked()  # at first, the desktop's
    choose(qtbot, window, "&Dark")
    assert app_settings().value(THEME) == "dark"
    assert chosen_theme() is ThemeChoice.DARK
    assert theme_action(window, "&Dark").isChecked()
    assert not theme_action(window, "&Light").isChecked()

    QApplication.setPalette(QPalette())  # as at a new start, before the app chose anything
    make_app()
    assert theme.is_dark(QApplication.palette())
    choose(qtbot, window, "Follow the &system")
    assert chosen_theme() is ThemeChoice.SYSTEM
    assert not theme.is_dark(QApplication.palette())  # the offscreen desktop is light


def test_text_sizes_follow_the_desktops_font(qtbot, window):
    title = window.unlock_page.findChild(QLabel, "pageTitle")
    assert title is not None and title.isVisible()
    before = QApplication.font()
    try:
        larger = QFont(before)
        larger.setPointSizeF(16)
        QApplication.setFont(larger)  # the desktop's font made larger
        qtbot.waitUntil(lambda: title.font().pointSizeF() > 16)
        assert title.font().pointSizeF() == pytest.approx(16 * surfaces.FONT_SHARES["page_title"])
        passphrase = window.unlock_page.passphrase
        assert passphrase.font().pointSizeF() == pytest.approx(16)  # no fixed size anywhere
    finally:
        QApplication.setFont(before)


def edge_contrast(widget: QCheckBox | QRadioButton) -> float:
    """The strongest contrast against the window among the pixels drawn in `widget`'s indicator
    (its edge and mark), as painted on screen."""
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(widget, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = widget.style().subElementRect(element, option, widget)
    image = widget.grab().toImage()
    window = widget.palette().color(QPalette.ColorRole.Window)
    return max(
        theme.contrast(QColor(image.pixel(x, y)), window)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


@pytest.mark.parametrize("label", ["&Dark", "&Light"])
def test_an_unticked_box_and_an_unchosen_option_show_their_edge(qtbot, window, label):
    choose(qtbot, window, label)
    unlock(qtbot, window)
    show_closed = window.workspace.show_closed
    assert isinstance(show_closed, QCheckBox) and not show_closed.isChecked()
    choose_client(qtbot, window)
    edges: list[tuple[str, float]] = []

    def look_then_close(dialog: QDialog) -> None:
        kinds = [b for b in dialog.findChildren(QRadioButton) if not b.isChecked()]
        edges.extend((b.text(), edge_contrast(b)) for b in kinds[:1])
        dialog.reject()

    answer_dialog(qtbot, look_then_close, QDialog)
    menu_action(window, "Record a rupture…").trigger()
    qtbot.waitUntil(lambda: bool(edges))
    edges.append((show_closed.text(), edge_contrast(show_closed)))
    for text, edge in edges:
        assert edge >= 3, text  # WCAG 2: the edge that identifies a control
