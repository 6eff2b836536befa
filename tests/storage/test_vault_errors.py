"""Typed errors at the storage boundary, each with its plain message, on real files."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from notes.records import Client
from storage.clients import ClientRepository
from storage.errors import (
    DiskFull,
    NotAVault,
    NotWritable,
    VaultDamaged,
    VaultError,
    VaultMissing,
    WrongPassphrase,
)
from storage.vault import Vault


def files_in(folder: Path) -> set[str]:
    return {child.name for child in folder.iterdir()}


def assert_plain(error: VaultError) -> None:
    """A message for a person: a sentence, no SQLite jargon or stack trace."""
    assert error.message == str(error)
    assert error.message.endswith(".")
    for jargon in ("sqlite", "SQLITE_", "Traceback", "errno", "HMAC"):
        assert jargon not in error.message


def test_wrong_passphrase(vault_path):
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(vault_path, "not it")
    assert_plain(caught.value)
    assert "passphrase does not open this vault" in caught.value.message


def test_an_empty_passphrase_never_opens_a_vault(vault_path):
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "")


def test_missing_file(tmp_path, passphrase):
    with pytest.raises(VaultMissing) as caught:
        Vault.open(tmp_path / "nowhere.vault", passphrase)
    assert_plain(caught.value)


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda path: path.write_bytes(b""), "the file is empty"),
        (lambda path: path.mkdir(), "it is a folder"),
        (
            lambda path: sqlite3.connect(path).executescript(
                "CREATE TABLE t (x); INSERT INTO t VALUES ('plain');"
            ),
            "it is an unencrypted SQLite database",
        ),
    ],
    ids=["empty-file", "folder", "plain-sqlite"],
)
def test_not_a_vault(tmp_path, passphrase, make, why):
    path = tmp_path / "thing.vault"
    make(path)
    with pytest.raises(NotAVault) as caught:
        Vault.open(path, passphrase)
    assert_plain(caught.value)
    assert why in caught.value.message
    assert "thing.vault" in caught.value.message


def test_random_whole_pages_read_as_a_wrong_passphrase(tmp_path, passphrase):
    # SQLCipher cannot tell random bytes from a vault under another passphrase: without the
    # right key every page looks random, and the first page's HMAC fails either way. So the
    # person is told "wrong passphrase" (whose message also mentions a damaged start of file).
    path = tmp_path / "random.vault"
    path.write_bytes(os.urandom(4 * 4096))
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase)
    assert path.read_bytes() == before


def test_a_size_that_is_not_whole_pages_is_damage(vault_path, passphrase):
    with vault_path.open("ab") as file:
        file.write(b"\x00" * 100)
    with pytest.raises(VaultDamaged) as caught:
        Vault.open(vault_path, passphrase)
    assert_plain(caught.value)
    assert "not a whole number of pages" in caught.value.message


def test_a_damaged_first_page_is_proven_by_the_later_pages(vault_path, passphrase):
    # SQLCipher cannot tell it from a wrong passphrase (the HMAC of page 1 fails); the later
    # pages pass under the right passphrase, which proves the damage. A wrong one stays wrong.
    with vault_path.open("r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 32)
    before = vault_path.read_bytes()
    with pytest.raises(VaultDamaged) as caught:
        Vault.open(vault_path, passphrase)
    assert "first page is damaged" in caught.value.message
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "not it")
    assert vault_path.read_bytes() == before


def test_failed_unlocks_leave_the_file_byte_for_byte_unchanged(vault_path, passphrase):
    before = vault_path.read_bytes()
    for attempt in ("wrong", passphrase + " ", passphrase.upper()):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_path, attempt)
    assert vault_path.read_bytes() == before
    # No -wal or -shm file appears: the key fails before WAL mode is even read. What does
    # appear is the instance-lock file, which holds only the process id, and the count of
    # failed unlocks, which holds only a number and a time.
    lock = vault_path.with_name(vault_path.name + ".lock")
    counter = vault_path.with_name(vault_path.name + ".unlocks")
    assert files_in(vault_path.parent) == {vault_path.name, lock.name, counter.name}
    assert lock.read_text() == str(os.getpid())
    assert counter.read_text().split()[0] == "3"


def test_disk_full_is_reported_and_earlier_data_survives(vault, vault_path, passphrase):
    clients = ClientRepository(vault)
    clients.save(Client("DF-01", "Dora Fischer", date(2024, 5, 6)))
    with pytest.raises(DiskFull) as caught, vault.transaction() as db:
        # SQLite itself reports SQLITE_FULL once the file may not grow any more.
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        db.execute(
            "INSERT INTO clients (code, full_name, start_date) VALUES (?, ?, ?)",
            ("DF-02", "x" * 200_000, "2024-05-07"),
        )
    assert_plain(caught.value)
    # Nothing half-written, and the vault still answers on the same connection.
    assert [c.code for c in clients.list()] == ["DF-01"]
    with vault.transaction() as db:
        db.execute("PRAGMA max_page_count = 1073741823")
    clients.save(Client("DF-03", "Dan Fox", date(2024, 5, 8)))
    vault.close()

    reopened = Vault.open(vault_path, passphrase)
    try:
        assert [c.code for c in ClientRepository(reopened).list()] == ["DF-01", "DF-03"]
        assert reopened.integrity_check().ok
    finally:
        reopened.close()


def test_not_writable_when_the_folder_cannot_exist(tmp_path, passphrase):
    # Running as root, chmod does not stop writes; a regular file where the folder should be
    # stops everyone.
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    with pytest.raises(NotWritable) as caught:
        Vault.create(blocker / "v.vault", passphrase)
    assert_plain(caught.value)
    assert "afile" in caught.value.message


def test_backup_to_an_impossible_folder_is_not_writable(vault, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    with pytest.raises(NotWritable):
        vault.backup_to(blocker / "copy.vault")
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders, so chmod cannot make one here",
)
def test_not_writable_in_a_read_only_folder(tmp_path, passphrase):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(NotWritable):
            Vault.create(folder / "v.vault", passphrase)
    finally:
        folder.chmod(0o700)


def crash_copy(vault: Vault, folder: Path) -> Path:
    """The files a crash would leave: the vault and its WAL as they are while it is open."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{vault.path}{suffix}", folder / f"{vault.path.name}{suffix}")
    return folder / vault.path.name


def test_after_a_crash_the_next_unlock_finds_the_saved_work(vault, passphrase, tmp_path):
    ClientRepository(vault).save(Client("CR-01", "Cora Ruiz", date(2024, 7, 1)))
    crashed = crash_copy(vault, tmp_path / "crashed")
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0

    reopened = Vault.open(crashed, passphrase)
    try:
        assert [c.code for c in ClientRepository(reopened).list()] == ["CR-01"]
    finally:
        reopened.close()


def test_a_failed_unlock_after_a_crash_loses_nothing(vault, passphrase, tmp_path):
    # The truth, observed: when a -wal file is left over, even a connection with the wrong key
    # opens it, and SQLite checkpoints it into the main file when that connection closes. The
    # frames are copied still encrypted, so the file changes but nothing is lost or exposed.
    ClientRepository(vault).save(Client("CR-02", "Cyril Rao", date(2024, 7, 2)))
    crashed = crash_copy(vault, tmp_path / "crashed")

    with pytest.raises(WrongPassphrase):
        Vault.open(crashed, "wrong")

    assert b"Cyril Rao" not in crashed.read_bytes()
    reopened = Vault.open(crashed, passphrase)
    try:
        assert [c.code for c in ClientRepository(reopened).list()] == ["CR-02"]
        assert reopened.integrity_check().ok
    finally:
        reopened.close()
