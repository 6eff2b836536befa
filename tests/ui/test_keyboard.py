"""Tab order follows the screen, from top to bottom, in the forms a therapist fills most."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.client_page.client_dialog import ClientDialog
from ui.session.session_dialog import SessionDialog


def focused_name() -> str:
    """The accessible name of the focused field (a date edit's inner line edit has none)."""
    widget = QApplication.focusWidget()
    while widget is not None and not widget.accessibleName():
        widget = widget.parentWidget()
    return widget.accessibleName() if widget else ""


def tab_through(qtbot, first, count: int) -> list[str]:
    first.window().activateWindow()
    qtbot.waitUntil(lambda: first.window().isActiveWindow())
    first.setFocus()
    names = [focused_name()]
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if focused_name() != names[-1]:  # Tab first walks a date's day, month and year
            names.append(focused_name())
    return names


def test_client_form_tabs_in_screen_order(qtbot):
    dialog = ClientDialog(set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tab_through(qtbot, dialog.full_name, 6)[:5] == [
        "full name",
        "code",
        "start date",
        "presenting problem",
        "identifying terms",
    ]


def test_session_form_tabs_in_screen_order(qtbot):
    dialog = SessionDialog(client_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tab_through(qtbot, dialog.date, 8)[:4] == ["date", "time", "duration", "attendance"]
