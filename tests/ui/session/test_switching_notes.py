"""Going from note to note, as a therapist does: the editor keeps the boxes of a note's sections
for the next note with the same ones, so nothing of one note may survive into another — not its
text, not its undo steps, not its read-only state or addendum box, not its sections."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from notes.records import Client, ProgressNote, Session
from storage.vault import Vault
from tests.ui.helpers import (
    mark_checked_today,
    open_session_numbered,
    press,
    select_words,
    visible_text,
    window_unlocked_on,
)
from tests.ui.session.test_observations import fill_form, panel_rows
from ui.main_window import MainWindow
from ui.vault_service import VaultService

FIRST = datetime(2026, 9, 7, 9, 0)
SIGNED = "Arrived on time; spoke of the move."
SECOND = "Talked about work and the new manager."
DAP_DATA = "Quiet today; the holiday came up twice."
KEPT = "Words from when this note was SOAP."
OTHER = "Another client's words entirely."


@pytest.fixture(scope="module")
def prepared_vault(tmp_path_factory, template_vault, passphrase):
    """Two clients. The first's sessions: 1 signed (SOAP), 2 a SOAP draft, 3 a DAP draft that
    keeps a section of its earlier template, 4 a SOAP draft with nothing written yet. The
    second client's one session is a SOAP draft."""
    path = tmp_path_factory.mktemp("switching") / "switching.vault"
    shutil.copyfile(template_vault, path)
    service = VaultService(path)
    service.unlock(passphrase)
    first = service.save_client(Client("AB-01", "Ada Brook", date(2026, 9, 7)))
    second = service.save_client(Client("CD-02", "Cai Dunn", date(2026, 9, 7)))
    ids = [
        service.save_session(Session(first.id, FIRST + timedelta(weeks=week))).id
        for week in range(4)
    ]
    signed = ProgressNote(ids[0], "soap", {"subjective": SIGNED})
    service.save_progress_note(signed)
    service.sign(signed, first.id)
    service.save_progress_note(ProgressNote(ids[1], "soap", {"subjective": SECOND}))
    service.save_progress_note(ProgressNote(ids[2], "dap", {"data": DAP_DATA, "subjective": KEPT}))
    other = service.save_session(Session(second.id, FIRST))
    service.save_progress_note(ProgressNote(other.id, "soap", {"subjective": OTHER}))
    service.lock()
    vault = Vault.open(path, passphrase)
    mark_checked_today(vault)  # no background damage check in these tests
    vault.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path, prepared_vault, passphrase):
    path = tmp_path / "switching.vault"
    shutil.copyfile(prepared_vault, path)
    main = window_unlocked_on(qtbot, path, passphrase)
    yield main
    main.service.lock()


def open_client(qtbot, window: MainWindow, code: str) -> None:
    workspace = window.workspace
    row = next(
        r for r in range(workspace.clients.rowCount()) if workspace.clients.item(r).code == code
    )
    view = workspace.client_view
    rect = view.visualRect(workspace.clients.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: workspace.current_client().code == code)


def session_ids(window: MainWindow) -> dict[int, int]:
    """The shown client's session ids, by number."""
    sessions = window.workspace.sessions
    return {sessions.item(r).number: sessions.item(r).id for r in range(sessions.rowCount())}


def type_then_erase(qtbot, box: QPlainTextEdit, text: str) -> None:
    """Type words into the box and take them back with Backspace: the box reads as before, its
    undo steps hold the words."""
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    for _ in text:
        qtbot.keyClick(box, Qt.Key.Key_Backspace)


def undo_in(qtbot, box: QPlainTextEdit, times: int = 4) -> set[str]:
    """Press Ctrl+Z in the box, again and again: every text the box read on the way."""
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    seen = set()
    for _ in range(times):
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        seen.add(box.toPlainText())
    return seen


def test_undo_after_choosing_another_session_brings_back_nothing_of_the_last(qtbot, window):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 4)
    editor = window.workspace.editor
    # Both notes' Objective is empty: the box reads the same before and after the switch.
    type_then_erase(qtbot, editor.section_box("objective"), "do not carry me over")
    assert editor.section_box("objective").toPlainText() == ""

    open_session_numbered(qtbot, window, 2)
    assert undo_in(qtbot, editor.section_box("objective")) == {""}
    assert "carry" not in visible_text(editor)
    assert undo_in(qtbot, editor.section_box("subjective")) == {SECOND}
    editor.flush()
    saved = window.service.progress_note(editor.session.id).sections
    assert saved["subjective"] == SECOND and saved.get("objective", "") == ""

    open_session_numbered(
        qtbot, window, 4
    )  # the session's own undo steps went when it was left, too
    assert undo_in(qtbot, editor.section_box("objective")) == {""}


def test_undo_after_choosing_another_client_brings_back_nothing_of_the_last(qtbot, window):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 2)
    editor = window.workspace.editor
    type_then_erase(qtbot, editor.section_box("subjective"), " and more")

    open_client(qtbot, window, "CD-02")
    qtbot.waitUntil(lambda: editor.session is not None)
    window.workspace.tabs.setCurrentWidget(editor)
    assert undo_in(qtbot, editor.section_box("subjective")) == {OTHER}
    assert SECOND not in visible_text(editor)


def test_each_note_shows_its_own_template_and_kept_sections(qtbot, window):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 3)
    editor = window.workspace.editor
    assert editor.template_box.currentData() == "dap"
    assert editor.section_box("data").toPlainText() == DAP_DATA
    qtbot.waitUntil(lambda: "kept from an earlier template" in visible_text(editor))
    assert editor.section_box("subjective").toPlainText() == KEPT

    open_session_numbered(qtbot, window, 2)
    assert editor.template_box.currentData() == "soap"
    qtbot.waitUntil(
        lambda: "Objective" in visible_text(editor).replace("&", "")
    )  # new boxes show a turn later
    shown = visible_text(editor)
    assert "kept from an earlier template" not in shown
    assert DAP_DATA not in shown and KEPT not in shown
    assert editor.section_box("subjective").toPlainText() == SECOND
    with pytest.raises(KeyError):
        editor.section_box("data")

    open_session_numbered(qtbot, window, 4)  # the same sections as the last note: its text only
    assert editor.section_box("subjective").toPlainText() == ""
    qtbot.keyClicks(editor.section_box("objective"), "Calm")
    open_session_numbered(qtbot, window, 2)
    assert editor.section_box("objective").toPlainText() == ""
    ids = session_ids(window)
    assert window.service.progress_note(ids[4]).sections["objective"] == "Calm"
    assert window.service.progress_note(ids[2]).sections.get("objective", "") == ""


def test_signed_then_draft_then_signed_again(qtbot, window):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 1)
    editor = window.workspace.editor
    assert editor.section_box("subjective").isReadOnly()
    assert editor.section_box("subjective").toPlainText() == SIGNED
    assert editor.addendum_box is not None

    open_session_numbered(qtbot, window, 2)
    box = editor.section_box("subjective")
    assert not box.isReadOnly() and editor.template_box.isEnabled()
    assert editor.addendum_box is None
    qtbot.waitUntil(lambda: "Add addendum" not in visible_text(editor).replace("&", ""))
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " Typed in two.")
    assert editor.status.text() == "Editing…"

    open_session_numbered(qtbot, window, 1)
    assert editor.section_box("subjective").isReadOnly()
    assert editor.section_box("subjective").toPlainText() == SIGNED
    press(qtbot, window, "Ctrl+Shift+D")
    qtbot.waitUntil(lambda: editor.addendum_box is not None and editor.addendum_box.hasFocus())
    assert editor.addendum_box.isVisible()
    saved = session_ids(window)
    assert (
        window.service.progress_note(saved[2]).sections["subjective"] == SECOND + " Typed in two."
    )
    assert window.service.progress_note(saved[1]).sections["subjective"] == SIGNED


def test_words_tagged_in_a_box_kept_from_the_last_note_are_tagged_once(qtbot, window):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 4)
    open_session_numbered(qtbot, window, 2)  # the same boxes, shown a second time
    editor = window.workspace.editor
    box = editor.section_box("subjective")
    select_words(qtbot, box, "the new manager")
    fill_form(qtbot, "Angry / entitled", 3, "Judged.")
    press(qtbot, window, "Ctrl+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    (stored,) = window.service.session_observations(editor.session.id)
    assert stored.anchor.section == "subjective"

    open_session_numbered(qtbot, window, 4)  # the tag leaves with its note, and comes back with it
    assert panel_rows(window) == []
    assert editor.section_box("subjective").extraSelections() == []
    open_session_numbered(qtbot, window, 2)
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    tagged = editor.section_box("subjective").extraSelections()
    assert [s.cursor.selectedText() for s in tagged] == ["the new manager"]
    assert len(window.service.session_observations(editor.session.id)) == 1


def test_locking_leaves_no_note_text_in_the_boxes_kept_for_the_next_note(qtbot, window, passphrase):
    open_client(qtbot, window, "AB-01")
    open_session_numbered(qtbot, window, 2)
    editor = window.workspace.editor
    box = editor.section_box("subjective")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "Locked away. ")

    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    held = [b.toPlainText() for b in window.findChildren(QPlainTextEdit)]
    assert not any("Locked away" in text or SECOND in text for text in held)

    qtbot.keyClicks(window.unlock_page.passphrase, passphrase)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    qtbot.waitUntil(lambda: editor.session is not None and editor.session.number == 2)
    window.workspace.tabs.setCurrentWidget(editor)
    assert undo_in(qtbot, editor.section_box("subjective")) == {SECOND + "Locked away. "}
