"""Carry forward: Session ▸ Start plan from last session, as a therapist uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import choose_session, press
from tests.ui.writing.helpers import open_plan_box
from ui.writing.carry_forward import NOTHING_EARLIER


def _trigger(window, label: str) -> None:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == label:
                action.trigger()
                return
    raise AssertionError(f"no menu entry {label!r}")


def _rows_oldest_first(window) -> list[int]:
    model = window.workspace.sessions
    rows = list(range(model.rowCount()))
    return sorted(rows, key=lambda row: model.item(row).starts_at)


def test_the_last_plan_starts_the_new_one_and_typed_text_stays(qtbot, open_window):
    oldest, _middle, newest = _rows_oldest_first(open_window)
    box = open_plan_box(qtbot, open_window, oldest)
    qtbot.keyClicks(box, "Review the sleep diary together.")
    press(qtbot, open_window, "Ctrl+S")
    choose_session(qtbot, open_window, newest)  # the middle session has no plan: skipped
    box = open_window.workspace.editor.section_box("plan")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "Ask about the new job.")
    _trigger(open_window, "Start plan from last session")
    assert box.toPlainText() == "Review the sleep diary together.\n\nAsk about the new job."
    press(qtbot, open_window, "Ctrl+S")
    session = open_window.workspace.editor.session
    assert open_window.service.progress_note(session.id).sections["plan"].startswith("Review")


def test_with_no_earlier_plan_the_status_line_says_so(qtbot, open_window):
    oldest, _middle, _newest = _rows_oldest_first(open_window)
    box = open_plan_box(qtbot, open_window, oldest)
    _trigger(open_window, "Start plan from last session")
    assert open_window.workspace.editor.status.text() == NOTHING_EARLIER
    assert box.toPlainText() == ""
