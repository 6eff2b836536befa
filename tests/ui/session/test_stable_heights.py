"""Heights stay put: switching sessions, or going to the client page and back, moves neither the
split between the progress note and the process note nor the note's section boxes; the split
is kept for the vault across a restart."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from notes.records import Client, ProcessNote, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import STRONG_PASSPHRASE, choose_client, choose_session
from ui.main_window import MainWindow
from ui.vault_service import VaultService

FIRST = datetime(2026, 10, 5, 9, 0)
LONG = "\n".join(f"Line {n} of a long session, written out in full." for n in range(40))


def short_and_long(vault: Vault) -> None:
    """One client: session 1 with a few words in each box, session 2 long in every one."""
    client = ClientRepository(vault).save(Client("TA-01", "Tove Arnesen", date(2026, 10, 5)))
    sessions, notes = SessionRepository(vault), NoteRepository(vault)
    short = sessions.save(Session(client.id, FIRST))
    long = sessions.save(Session(client.id, FIRST + timedelta(weeks=1)))
    notes.save_progress_note(ProgressNote(short.id, "soap", {"subjective": "Tired."}))
    notes.save_process_note(ProcessNote(short.id, "Calm."))
    notes.save_progress_note(
        ProgressNote(long.id, "soap", {k: LONG for k in ("subjective", "objective", "plan")})
    )
    notes.save_process_note(ProcessNote(long.id, LONG))
    notes.sign(notes.progress_note(long.id))
    notes.add_addendum(long.id, LONG)


def unlocked(qtbot, path) -> MainWindow:
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    window.resize(900, 560)  # a small laptop's screen: the note and the process note compete
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    choose_client(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.sessions.rowCount() == 2)
    return window


@pytest.fixture
def path(caseload_from):
    return caseload_from(short_and_long)


@pytest.fixture
def other_path(path, tmp_path):
    """Another vault, a copy made before either is opened."""
    other = tmp_path / "other" / "demo.vault"
    other.parent.mkdir()
    shutil.copyfile(path, other)
    return other


def open_session(qtbot, window: MainWindow, number: int) -> None:
    row = 0 if number == 2 else 1  # the list is newest first
    choose_session(qtbot, window, row)
    qtbot.waitUntil(lambda: window.workspace.editor.session.number == number)
    qtbot.wait(50)  # let layouts settle, as a person's eye would


def drag_split(qtbot, window: MainWindow, by: int) -> None:
    """Drag the handle between the progress note and the process note, as with the mouse."""
    handle = window.workspace.editor.splitter.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(0, by))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(0, by))


def box_heights(window: MainWindow) -> list[int]:
    editor = window.workspace.editor
    return [editor.section_box(k).height() for k in ("subjective", "objective", "plan")]


def test_the_split_and_the_boxes_stay_as_left_between_sessions_and_views(qtbot, path):
    window = unlocked(qtbot, path)
    editor, workspace = window.workspace.editor, window.workspace
    open_session(qtbot, window, 1)
    drag_split(qtbot, window, -60)
    left = editor.splitter.sizes()
    boxes = box_heights(window)
    assert left[1] > 0 and boxes[0] > 0

    open_session(qtbot, window, 2)  # long and signed, with an addendum
    assert editor.splitter.sizes() == left
    open_session(qtbot, window, 1)
    assert editor.splitter.sizes() == left
    assert box_heights(window) == boxes

    workspace.tabs.setCurrentWidget(workspace.client_page)
    qtbot.waitUntil(workspace.client_page.isVisible)
    workspace.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(editor.isVisible)
    qtbot.wait(50)
    assert editor.splitter.sizes() == left
    assert box_heights(window) == boxes


def test_the_split_is_kept_for_its_vault_across_a_lock_and_a_restart(qtbot, path, other_path):
    window = unlocked(qtbot, path)
    editor = window.workspace.editor
    open_session(qtbot, window, 1)
    untouched = editor.splitter.sizes()
    drag_split(qtbot, window, -60)
    left = editor.splitter.sizes()
    assert left != untouched

    window.lock()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.workspace)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.session is not None)
    qtbot.wait(50)
    assert editor.splitter.sizes() == left
    window.close()

    again = unlocked(qtbot, path)
    open_session(qtbot, again, 1)
    assert again.workspace.editor.splitter.sizes() == left
    again.close()

    # Another vault (a demo, say) keeps its own: it opens as it would have before.
    other = unlocked(qtbot, other_path)
    open_session(qtbot, other, 1)
    assert other.workspace.editor.splitter.sizes() == untouched
    other.close()
