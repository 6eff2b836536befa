"""The window and signed history changed outside Alliance: the daily check and Check for damage
name each changed record and offer no restore (the file is sound), and the note editor says it
beside the note instead of showing rewritten text as signed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from notes.records import Client, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
)
from ui.main_window import MainWindow
from ui.vault_service import VaultService

FIRST = datetime(2026, 10, 5, 9, 0)
CHANGED = "ML-01, session 1: the signed note was changed outside Alliance"


def one_signed_note(vault: Vault) -> None:
    client = ClientRepository(vault).save(Client("ML-01", "Maya Lindqvist", FIRST.date()))
    session = SessionRepository(vault).save(Session(client.id, FIRST))
    note = ProgressNote(session.id, "soap", {"subjective": "She spoke of her brother."})
    NoteRepository(vault).sign(note, FIRST.replace(hour=11))


def rewrite_in_a_shell(path: Path) -> None:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{STRONG_PASSPHRASE.replace(chr(39), chr(39) * 2)}'")
    try:
        connection.execute("DROP TRIGGER progress_notes_signed_no_update")
        connection.execute(
            "UPDATE progress_notes SET sections = ?",
            (json.dumps({"subjective": "Nothing of note."}),),
        )
    finally:
        connection.close()


def unlocked(qtbot, path: Path) -> MainWindow:
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    return window


def read_next_box(qtbot, seen: list) -> None:
    def read(box: QMessageBox) -> None:
        seen.append(
            (box.windowTitle(), box.text(), [b.text().replace("&", "") for b in box.buttons()])
        )
        box.accept()

    answer_dialog(qtbot, read, QMessageBox)


@pytest.fixture
def tampered(caseload_from) -> Path:
    path = caseload_from(one_signed_note, checked_today=False)
    rewrite_in_a_shell(path)
    return path


def test_the_daily_check_names_the_changed_note_and_offers_no_restore(qtbot, tampered):
    seen: list = []
    read_next_box(qtbot, seen)
    window = unlocked(qtbot, tampered)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=15000)
        title, text, buttons = seen[0]
        assert title == "Signed history was changed"
        assert f"• {CHANGED}" in text
        assert "damaged" not in text and "Restore" not in text
        assert [button.replace("&", "") for button in buttons] == ["OK"]
    finally:
        window.service.lock()


def test_check_for_damage_from_the_menu_names_the_changed_note(qtbot, caseload_from):
    path = caseload_from(one_signed_note)  # checked today: only the menu's check runs
    rewrite_in_a_shell(path)
    window = unlocked(qtbot, path)
    seen: list = []
    try:
        action = next(
            action
            for action in window.menuBar().actions()[0].menu().actions()
            if action.text().replace("&", "") == "Check for damage"
        )
        read_next_box(qtbot, seen)
        action.trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=15000)
        title, text, _buttons = seen[0]
        assert title == "Signed history was changed"
        assert f"• {CHANGED}" in text
    finally:
        window.service.lock()


def test_the_note_editor_says_a_signed_note_was_changed(qtbot, caseload_from):
    path = caseload_from(one_signed_note)  # checked today: no box over the editor
    rewrite_in_a_shell(path)
    window = unlocked(qtbot, path)
    try:
        choose_client(qtbot, window)
        choose_session(qtbot, window, 0)
        status = window.workspace.editor.status.text()
        assert status.startswith("Signed 05 Oct 2026, 11:00 — read-only. Warning: this signed note")
        assert "changed outside Alliance after it was signed" in status
    finally:
        window.service.lock()


def test_a_note_as_signed_shows_no_warning(qtbot, caseload_from):
    window = unlocked(qtbot, caseload_from(one_signed_note))
    try:
        choose_client(qtbot, window)
        choose_session(qtbot, window, 0)
        assert window.workspace.editor.status.text() == "Signed 05 Oct 2026, 11:00 — read-only"
    finally:
        window.service.lock()
