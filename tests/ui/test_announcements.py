"""What a screen reader is told without being asked: a form's refusal, the count of words found
in a note (the export's end is in tests/ui/reports/test_export_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.accessibility_events import accessibility_events
from tests.ui.helpers import choose_client, choose_session, press
from ui.client_page.client_dialog import ClientDialog


def announced(events) -> list[tuple[str, str]]:
    """(message, politeness) of each announcement among `events`."""
    return [(texts[0], texts[1]) for kind, texts in events if kind == kind.Announcement]


def test_a_refused_form_says_why_at_once(qtbot):
    dialog = ClientDialog(set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with accessibility_events() as events:
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)  # Enter saves: nothing typed yet
    assert dialog.isVisible()
    assert announced(events) == [
        ("Enter the client's name; it stays in the vault and never goes in reports.", "Assertive")
    ]


def test_find_in_the_note_says_how_many_it_found(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    box = editor.section_box("subjective")
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClicks(box, "Jonas called; Jonas wrote.")
    with accessibility_events() as events:
        press(qtbot, open_window, "Ctrl+F")
        qtbot.keyClicks(editor.find_bar.field, "Jonas")
        qtbot.keyClick(editor.find_bar.field, Qt.Key.Key_Backspace)
        qtbot.keyClicks(editor.find_bar.field, "x")
    said = [message for message, _politeness in announced(events)]
    assert "2 in this note" in said and said[-1] == "No match"
