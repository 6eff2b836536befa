"""Every file that can hold client data is 0600 and every folder Alliance makes for them 0700,
whatever the umask: vault, -wal, -shm, lock, backups, partial copies, restored vaults."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from notes.records import Client, ProcessNote, Session
from storage.backups import back_up, restore
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import PASSPHRASE


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def open_umask(request):
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def write_a_note(vault: Vault) -> None:
    client = ClientRepository(vault).save(Client("TC-01", "Ada Lovelace", date(2026, 1, 5)))
    session = SessionRepository(vault).save(Session(client.id, datetime(2026, 1, 5, 9)))
    NoteRepository(vault).save_process_note(ProcessNote(session.id, "Private words."))


def test_a_new_vault_its_sidecars_lock_and_folder_are_private(open_umask, tmp_path):
    folder = tmp_path / "made" / "by" / "alliance"
    path = folder / "alliance.vault"
    vault = Vault.create(path, PASSPHRASE)
    try:
        write_a_note(vault)
        made = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")]
        assert all(each.exists() for each in made)
        assert {each.name: mode(each) for each in made} == {each.name: 0o600 for each in made}
        assert [mode(f) for f in (folder, folder.parent, folder.parent.parent)] == [0o700] * 3
    finally:
        vault.close()


def test_an_old_world_readable_vault_is_tightened_on_open(open_umask, vault_path):
    os.chmod(vault_path, 0o644)
    vault = Vault.open(vault_path, PASSPHRASE)
    try:
        write_a_note(vault)
        assert mode(vault_path) == 0o600
        assert mode(Path(f"{vault_path}-wal")) == 0o600
    finally:
        vault.close()


def test_backups_and_restored_vaults_are_private(open_umask, vault_path, tmp_path):
    vault = Vault.open(vault_path, PASSPHRASE)
    try:
        write_a_note(vault)
        backup = back_up(vault, tmp_path / "new backups")
    finally:
        vault.close()
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    restore(backup, vault_path, PASSPHRASE)
    assert mode(vault_path) == 0o600
    reopened = Vault.open(vault_path, PASSPHRASE)
    reopened.close()
