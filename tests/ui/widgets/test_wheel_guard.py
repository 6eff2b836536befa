"""The wheel over a filter on the client page scrolls the page; it changes the filter only once
the therapist has put the focus on it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import choose_client, click
from ui.client_page.patterns import ClientPatterns


def turn_wheel(widget: QWidget, notches: int) -> None:
    """One turn of the mouse wheel over the middle of `widget` (positive: away from you)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_filter_scrolls_the_client_page_until_the_filter_has_focus(
    qtbot, open_window
):
    open_window.resize(1000, 520)  # a page taller than the window, so it scrolls
    workspace = open_window.workspace
    choose_client(qtbot, open_window)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    page = workspace.client_page
    combo = page.findChild(ClientPatterns).intensity
    page.ensureWidgetVisible(combo)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    notches = -1 if before < bar.maximum() else 1  # down moves the combo off its first item
    turn_wheel(combo, notches)
    assert combo.currentText() == "Any intensity"
    assert bar.value() != before, "the page did not scroll"

    # The therapist clicks "flagged for supervision" twice (on, off) and Shift+Tabs back.
    supervision = page.findChild(ClientPatterns).supervision
    click(qtbot, supervision)
    click(qtbot, supervision)
    qtbot.keyClick(supervision, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(combo.hasFocus)
    scrolled = bar.value()
    turn_wheel(combo, -1)
    assert combo.currentText() != "Any intensity"
    assert bar.value() == scrolled
