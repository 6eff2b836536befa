"""Backups on real files: dated and verified, pruned to the newest N, restored safely."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime

import pytest

from notes.records import Client
from storage.backups import back_up, backup_name, backups_in, prune, restore
from storage.clients import ClientRepository
from storage.errors import VaultDamaged, WrongPassphrase
from storage.vault import Vault
from tests.helpers import PASSPHRASE


def codes_in(path, passphrase: str = PASSPHRASE) -> list[str]:
    vault = Vault.open(path, passphrase)
    try:
        return [client.code for client in ClientRepository(vault).list()]
    finally:
        vault.close()


def test_backup_is_an_encrypted_verified_copy_with_the_data(vault, add_client, tmp_path):
    client = add_client("Priya Raman")
    folder = tmp_path / "backups"
    path = back_up(vault, folder)
    assert path.parent == folder and path.name.startswith("alliance-backup-")
    assert [p.name for p in folder.iterdir()] == [path.name]  # no .partial left behind
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert codes_in(path) == [client.code]
    assert ("backup", path.name) in vault.read("SELECT action, record FROM audit_log")


def test_two_backups_in_one_second_are_both_kept(vault, tmp_path):
    first = back_up(vault, tmp_path)
    second = back_up(vault, tmp_path)
    assert first != second and first.exists() and second.exists()


def test_backups_are_listed_newest_first_and_pruned(tmp_path):
    vault_path = tmp_path / "alliance.vault"
    names = [backup_name(vault_path, datetime(2026, 11, day, 9)) for day in (3, 1, 2)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    stranger = tmp_path / "other-backup-2026-11-09_090000.vault"
    stranger.write_bytes(b"x")
    assert [p.name for p in backups_in(tmp_path, vault_path)] == sorted(names, reverse=True)
    removed = prune(tmp_path, vault_path, keep=2)
    assert [p.name for p in removed] == [backup_name(vault_path, datetime(2026, 11, 1, 9))]
    assert stranger.exists()


def test_restore_keeps_the_current_vault_aside(vault_path, tmp_path):
    vault = Vault.open(vault_path, PASSPHRASE)
    clients = ClientRepository(vault)
    clients.save(Client("DO-01", "Daniel Okafor", date(2026, 1, 5)))
    backup = back_up(vault, tmp_path / "backups")
    clients.save(Client("EW-01", "Eleanor Whitfield", date(2026, 2, 1)))  # after the backup
    vault.close()
    before = vault_path.read_bytes()

    aside = restore(backup, vault_path, PASSPHRASE)

    assert aside.read_bytes() == before
    assert codes_in(vault_path) == ["DO-01"]
    assert codes_in(aside) == ["DO-01", "EW-01"]


def test_restore_refuses_a_wrong_passphrase_or_a_damaged_backup(vault, tmp_path):
    backup = back_up(vault, tmp_path / "backups")
    vault.close()
    before = vault.path.read_bytes()
    with pytest.raises(WrongPassphrase):
        restore(backup, vault.path, "not it")
    damaged = bytearray(backup.read_bytes())
    damaged[4096 + 100 : 4096 + 140] = os.urandom(40)  # inside page 2
    backup.write_bytes(bytes(damaged))
    with pytest.raises(VaultDamaged):
        restore(backup, vault.path, PASSPHRASE)
    assert vault.path.read_bytes() == before


def test_a_backup_cannot_replace_the_vault_itself(vault):
    from storage.errors import VaultError

    with pytest.raises(VaultError, match="cannot replace the vault itself"):
        vault.backup_to(vault.path)
    assert vault.integrity_check().ok
