"""The vault is a standard SQLCipher 4 file: any SQLCipher tool opens it with the passphrase,
nothing else can read it, and no client text lies in the clear in it or beside it."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlcipher3

from notes.records import Client, ProcessNote, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault

MARKER = "zanzibar-quokka-7f3a91"
VAULT_FILES = ("", "-wal", "-shm")


def write_marked_records(vault: Vault) -> None:
    client = ClientRepository(vault).save(
        Client("MK-01", f"Client {MARKER}", date(2024, 1, 1), [f"term {MARKER}"], MARKER)
    )
    session = SessionRepository(vault).save(Session(client.id, datetime(2024, 1, 2, 10)))
    notes = NoteRepository(vault)
    notes.sign(ProgressNote(session.id, "soap", {"subjective": f"Said {MARKER} today."}))
    notes.add_addendum(session.id, f"Addendum {MARKER}")
    notes.save_process_note(ProcessNote(session.id, f"Process {MARKER}"))


def assert_marker_nowhere(folder: Path) -> list[str]:
    """No file in the folder holds the marker, in UTF-8 or UTF-16; returns the files seen."""
    forms = [MARKER.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]
    seen = []
    for file in sorted(folder.iterdir()):
        data = file.read_bytes()
        seen.append(file.name)
        for form in forms:
            assert form not in data, f"{file.name} holds client text in the clear"
    return seen


@pytest.fixture
def marked_vault(tmp_path, passphrase) -> Path:
    path = tmp_path / "folder" / "marked.vault"
    vault = Vault.create(path, passphrase)
    try:
        write_marked_records(vault)
        # While it is open the WAL holds the new pages: they are encrypted too.
        seen = assert_marker_nowhere(path.parent)
        assert "marked.vault-wal" in seen
        # Nothing but the vault, its WAL index and the instance lock: no temp or draft files.
        assert set(seen) <= {"marked.vault" + suffix for suffix in (*VAULT_FILES, ".lock")}
    finally:
        vault.close()
    return path


def test_no_client_text_in_the_clear_after_closing(marked_vault):
    seen = assert_marker_nowhere(marked_vault.parent)
    assert "marked.vault" in seen


def test_a_plain_sqlcipher_connection_reads_the_note(marked_vault, passphrase):
    # Nothing from this program: the recovery path in the README.
    connection = sqlcipher3.connect(str(marked_vault))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        escaped = passphrase.replace("'", "''")
        connection.execute(f"PRAGMA key = '{escaped}'")
        sections = connection.execute("SELECT sections FROM progress_notes").fetchone()[0]
        assert MARKER in sections
        # SQLCipher 4's defaults, so any SQLCipher 4 tool opens it without extra settings.
        assert connection.execute("PRAGMA cipher_page_size").fetchone()[0] == "4096"
        assert connection.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"
        assert connection.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
        assert (
            connection.execute("PRAGMA cipher_kdf_algorithm").fetchone()[0] == "PBKDF2_HMAC_SHA512"
        )
    finally:
        connection.close()


def test_plain_sqlite_cannot_read_it(marked_vault):
    assert marked_vault.read_bytes()[:16] != b"SQLite format 3\x00"
    connection = sqlite3.connect(marked_vault)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            connection.execute("SELECT * FROM progress_notes").fetchall()
    finally:
        connection.close()
