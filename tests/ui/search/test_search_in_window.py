"""Search from the window: Ctrl+K, type, Enter — the session opens with the words selected."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QThreadPool

from notes.alliance import BoundaryEvent, Goal
from notes.records import ProcessNote, Session
from notes.search_query import SNIPPETS_AT_ONCE
from tests.ui.helpers import choose_client, choose_session, press, visible_text
from ui.widgets.models import ItemRole


def test_search_opens_the_session_and_selects_the_match(qtbot, open_window):
    service = open_window.service
    choose_client(qtbot, open_window)
    sessions = service.sessions(open_window.workspace.current_client().id)
    service.save_process_note(
        ProcessNote(sessions[1].id, "Felt cast as the critical parent when she mentioned Jonas.")
    )
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    assert open_window.workspace.tabs.currentWidget() is panel
    qtbot.keyClicks(panel.field, "critical par")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1)
    assert "ML-01" in panel.results.index(0).data()
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)

    editor = open_window.workspace.editor
    qtbot.waitUntil(lambda: editor.session is not None and editor.session.id == sessions[1].id)
    assert open_window.workspace.tabs.currentWidget() is editor
    assert editor.process_box.textCursor().selectedText().lower() == "critical"


def test_locking_clears_the_search_results(qtbot, open_window):
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    qtbot.keyClicks(panel.field, "Maya")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1)
    press(qtbot, open_window, "Ctrl+L")
    assert panel.results.rowCount() == 0 and panel.field.text() == ""


def test_a_search_result_on_its_way_at_lock_never_reaches_the_screen(qtbot, open_window):
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    in_flight: list[bool] = []
    open_window.service.locked.connect(lambda: in_flight.append(panel.is_searching()))
    qtbot.keyClicks(panel.field, "Maya")
    panel.search_now()
    # The worker finds Maya; its result waits in the event queue (no event is handled here)
    # and can only land after the lock.
    assert QThreadPool.globalInstance().waitForDone(10_000)
    press(qtbot, open_window, "Ctrl+L")
    assert in_flight == [True]
    qtbot.waitUntil(lambda: not panel.is_searching())  # its result arrived, and was dropped
    assert panel.results.rowCount() == 0 and panel.field.text() == ""
    shown = visible_text(open_window)
    assert "ML-01" not in shown and "Maya" not in shown


def test_find_in_note_cycles_through_sections_and_the_process_note(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    qtbot.keyClicks(editor.section_box("subjective"), "Sleep was poor. Sleep diary kept.")
    qtbot.keyClicks(editor.process_box, "I felt sleepy myself.")
    press(qtbot, open_window, "Ctrl+F")
    bar = editor.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "sleep")
    assert bar.result.text() == "3 in this note"
    subjective = editor.section_box("subjective")
    assert subjective.textCursor().selectionStart() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert subjective.textCursor().selectionStart() == subjective.toPlainText().index("Sleep diary")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert editor.process_box.textCursor().selectedText() == "sleep"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # wraps to the first match
    assert subjective.textCursor().selectionStart() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.process_box.textCursor().selectedText() == "sleep"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.keyClicks(bar.field, "x")
    assert bar.result.text() == "No match"


def test_results_follow_a_saved_note(qtbot, open_window):
    """Search, open the hit, change the word, save, go back: the old line is no longer listed."""
    service = open_window.service
    choose_client(qtbot, open_window)
    sessions = service.sessions(open_window.workspace.current_client().id)
    service.save_process_note(ProcessNote(sessions[0].id, "She watched a kestrel hover."))
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    qtbot.keyClicks(panel.field, "kestrel")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)

    editor = open_window.workspace.editor
    qtbot.waitUntil(lambda: editor.session is not None and editor.session.id == sessions[0].id)
    box = editor.process_box
    box.selectAll()
    qtbot.keyClicks(box, "She watched a falcon hover.")
    assert editor.flush()

    press(qtbot, open_window, "Ctrl+K")
    qtbot.waitUntil(lambda: not panel.is_searching() and panel.results.rowCount() == 0)
    assert panel.field.text() == "kestrel"
    assert "No notes match" in panel.message.text()
    assert not panel.view.isVisible()


def test_a_hidden_panel_searches_again_only_when_shown(qtbot, open_window):
    """Autosave every few seconds must not search a large vault behind the person's back."""
    service = open_window.service
    choose_client(qtbot, open_window)
    sessions = service.sessions(open_window.workspace.current_client().id)
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    qtbot.keyClicks(panel.field, "Maya")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1 and not panel.is_searching())
    open_window.workspace.tabs.setCurrentWidget(open_window.workspace.editor)
    service.save_process_note(ProcessNote(sessions[0].id, "Maya spoke of her sister."))
    assert not panel.is_searching()  # hidden: only marked stale
    open_window.workspace.tabs.setCurrentWidget(panel)
    assert panel.is_searching()  # shown: the search runs again
    qtbot.waitUntil(lambda: not panel.is_searching() and panel.results.rowCount() == 2)


def test_the_case_record_is_searched_and_follows_a_save(qtbot, open_window):
    """A boundary event and a goal are found, the count says how many, and a goal saved while
    the results are shown is listed at once; choosing a hit opens the client's page."""
    service = open_window.service
    maya = open_window.workspace.clients.item(0)
    service.save_boundary_event(
        BoundaryEvent(maya.id, date(2026, 10, 6), "gifts", what_happened="Brought a kestrel mug")
    )
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    qtbot.keyClicks(panel.field, "kestrel")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1 and not panel.is_searching())
    assert "Boundary event" in visible_text(panel)
    assert "1 match" in visible_text(panel)

    service.save_goal(Goal(maya.id, "Watch the kestrel without worry"))  # as the goal form does
    qtbot.waitUntil(lambda: panel.results.rowCount() == 2 and not panel.is_searching())
    assert "2 matches" in visible_text(panel)
    assert "Goal" in visible_text(panel)

    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    workspace = open_window.workspace
    qtbot.waitUntil(lambda: workspace.tabs.currentWidget() is workspace.client_page)
    assert workspace.current_client().id == maya.id


def test_rows_further_down_show_their_snippets_in_the_window(qtbot, open_window):
    # More hits than a search makes snippets for at once: the window's panel asks for the rest.
    service = open_window.service
    choose_client(qtbot, open_window)
    client = open_window.workspace.current_client()
    for week in range(SNIPPETS_AT_ONCE):
        service.save_session(Session(client.id, datetime(2023, 1, 2, 9) + timedelta(weeks=week)))
    for session in service.sessions(client.id):
        service.save_process_note(ProcessNote(session.id, "Spoke of the lighthouse again."))
    count = len(service.sessions(client.id))
    assert count > SNIPPETS_AT_ONCE
    press(qtbot, open_window, "Ctrl+K")
    panel = open_window.workspace.search_panel
    qtbot.keyClicks(panel.field, "lighthouse")
    qtbot.waitUntil(lambda: panel.results.rowCount() == count)
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = panel.results.index(count - 1)
    qtbot.waitUntil(lambda: not last.data(ItemRole).snippet_due)
    assert [text for text, marked in last.data(ItemRole).parts() if marked] == ["lighthouse"]
    assert "Spoke of the lighthouse again." in last.data()
