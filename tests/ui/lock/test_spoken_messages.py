"""What a screen reader hears: a refused unlock or passphrase is read by its text and announced
at once; the note's status line is read by its text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from tests.ui.accessibility_events import Event, accessibility_events
from tests.ui.helpers import STRONG_PASSPHRASE


def spoken_name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def announcements(received) -> list[list[str]]:
    return [texts for kind, texts in received if kind == Event.Announcement]


def test_a_refused_unlock_is_read_out_with_its_reason(qtbot, open_window):
    open_window.lock()
    page = open_window.unlock_page
    with accessibility_events() as received:
        qtbot.keyClicks(page.passphrase, "not the passphrase")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "does not open this vault" in page.message.text()
    assert spoken_name(page.message) == page.message.text()
    assert announcements(received) == [[page.message.text(), "Assertive"]]


def test_a_refused_new_passphrase_is_read_out(qtbot, window):
    page = window.create_page
    with accessibility_events() as received:
        qtbot.keyClicks(page.passphrase, STRONG_PASSPHRASE)
        qtbot.keyClicks(page.repeat, STRONG_PASSPHRASE + "x")
        qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    heard = [texts[0] for texts in announcements(received)]
    assert page.message.text() and heard[-1] == page.message.text()
    assert spoken_name(page.message) == page.message.text()


def test_the_save_status_is_read_by_its_text(qtbot, open_window):
    from tests.ui.helpers import choose_client, choose_session

    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    qtbot.keyClicks(editor.process_box, "A few words.")
    assert editor.flush()
    assert "Saved at" in editor.status.text()
    assert spoken_name(editor.status) == editor.status.text()
