"""Autosave: typed text reaches the vault within seconds of a pause, and survives SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from notes.records import Client, ProcessNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import STRONG_PASSPHRASE, mark_checked_today, press

REPO = Path(__file__).resolve().parents[3]


def seeded_vault(path: Path) -> tuple[int, int]:
    """A vault with one client and one session, as the child process expects."""
    vault = Vault.create(path, STRONG_PASSPHRASE)
    try:
        client = ClientRepository(vault).save(
            Client("PR-01", "Priya Raman", datetime(2026, 9, 1).date())
        )
        session = SessionRepository(vault).save(Session(client.id, datetime(2026, 11, 2, 18)))
        mark_checked_today(vault)  # the unlock starts no background damage check
        return client.id, session.id
    finally:
        vault.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_autosave_survives_sigkill(tmp_path):
    vault_path = tmp_path / "alliance.vault"
    _, session_id = seeded_vault(vault_path)
    text = "checked the charts three times before handover"
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.ui.session.autosave_child",
            str(vault_path),
            str(tmp_path),
            text,
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        child.stdin.write(STRONG_PASSPHRASE + "\n")
        child.stdin.flush()
        line = child.stdout.readline()
        assert line.strip() == "SAVED", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    vault = Vault.open(vault_path, STRONG_PASSPHRASE)
    try:
        notes = NoteRepository(vault)
        assert notes.progress_note(session_id).sections["subjective"] == text
        assert notes.process_note(session_id) == ProcessNote(session_id, "private " + text)
        assert vault.integrity_check().ok
    finally:
        vault.close()


def test_typing_pause_saves_and_shows_when(qtbot, tmp_path, isolated_settings):
    from ui.main_window import MainWindow
    from ui.vault_service import VaultService

    vault_path = tmp_path / "alliance.vault"
    _, session_id = seeded_vault(vault_path)
    window = MainWindow(VaultService(vault_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    workspace = window.workspace
    qtbot.waitUntil(lambda: workspace.clients.rowCount() == 1)
    workspace.client_view.setCurrentIndex(workspace.clients.index(0))
    press(qtbot, window, "Alt+Down")  # the newest session
    qtbot.waitUntil(lambda: workspace.editor.session is not None)
    editor = workspace.editor
    qtbot.keyClicks(editor.section_box("plan"), "Review sleep diary")
    assert editor.status.text() == "Editing…"
    qtbot.waitUntil(lambda: "Saved at" in editor.status.text(), timeout=2500)
    stored = window.service.progress_note(session_id)
    assert stored.sections["plan"] == "Review sleep diary"
    window.service.lock()
