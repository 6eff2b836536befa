"""The vault's lifecycle on real SQLCipher files: create, unlock, lock, change passphrase,
backup, integrity check, migration by user_version, connection settings, a quiet SQLCipher."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from notes.records import Client
from storage import schema
from storage.clients import ClientRepository
from storage.errors import (
    EmptyPassphrase,
    VaultExists,
    VaultInUse,
    VaultTooNew,
    WrongPassphrase,
)
from storage.preferences import Preferences
from storage.vault import Vault, connect

NEW_PASSPHRASE = "a quite different passphrase, with 'quotes'"


def audit_actions(vault: Vault) -> list[str]:
    return [row[0] for row in vault.read("SELECT action FROM audit_log ORDER BY id")]


def client_codes(vault: Vault) -> list[str]:
    return [client.code for client in ClientRepository(vault).list(include_closed=True)]


def files_in(folder: Path) -> set[str]:
    return {child.name for child in folder.iterdir()}


def damage_page(path: Path, page: int) -> None:
    """Overwrite bytes in the middle of a (1-based) page, as a bad sector would."""
    with path.open("r+b") as file:
        file.seek((page - 1) * 4096 + 2000)
        file.write(b"\xa5" * 64)


# -- create ----------------------------------------------------------------------------------


def test_create_makes_an_encrypted_vault_at_the_latest_version(tmp_path, passphrase):
    path = tmp_path / "new folder" / "mine.vault"  # a missing folder is created
    vault = Vault.create(path, passphrase)
    try:
        assert vault.is_open
        assert vault.read_one("PRAGMA user_version")[0] == schema.LATEST_VERSION
        tables = {row[0] for row in vault.read("SELECT name FROM sqlite_master")}
        assert {"clients", "sessions", "progress_notes", "addenda", "audit_log"} <= tables
        assert audit_actions(vault) == ["vault created"]
    finally:
        vault.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    reopened = Vault.open(path, passphrase)
    reopened.close()


def test_create_refuses_an_existing_vault_and_leaves_it_alone(vault_path, passphrase):
    before = vault_path.read_bytes()
    with pytest.raises(VaultExists) as caught:
        Vault.create(vault_path, passphrase)
    assert str(vault_path) in caught.value.message
    assert vault_path.read_bytes() == before


def test_create_accepts_an_empty_file_left_by_a_failed_attempt(tmp_path, passphrase):
    path = tmp_path / "v.vault"
    path.write_bytes(b"")
    Vault.create(path, passphrase).close()
    Vault.open(path, passphrase).close()


def test_create_refuses_an_empty_passphrase(tmp_path):
    path = tmp_path / "v.vault"
    with pytest.raises(EmptyPassphrase):
        Vault.create(path, "")
    assert not path.exists()


# -- unlock and lock -------------------------------------------------------------------------


def test_unlock_checks_the_key_at_once_on_a_fresh_connection(vault_path, passphrase):
    # The error comes from open itself, not from some later read.
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, passphrase + "x")
    # A connection that was keyed right before does not make a wrong key work afterwards.
    Vault.open(vault_path, passphrase).close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, passphrase.upper())
    # The storage-level connect verifies too.
    with pytest.raises(WrongPassphrase):
        connect(vault_path, "nope")


def test_lock_closes_forgets_the_passphrase_and_unlocks_again(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    ClientRepository(vault).save(Client("LK-01", "Lena Kraus", date(2024, 2, 1)))
    vault.close()

    assert not vault.is_open
    assert vault._passphrase is None  # forgotten, not kept for a later unlock
    with pytest.raises(RuntimeError, match="locked"):
        vault.read("SELECT 1")
    vault.close()  # locking twice is harmless

    again = Vault.open(vault_path, passphrase)
    try:
        assert client_codes(again) == ["LK-01"]
        actions = audit_actions(again)
        assert actions[-2:] == ["lock", "unlock"]
    finally:
        again.close()


def test_settings_in_force_on_an_open_connection(vault):
    assert vault.read_one("PRAGMA journal_mode")[0] == "wal"
    assert vault.read_one("PRAGMA synchronous")[0] == 2  # FULL
    assert vault.read_one("PRAGMA temp_store")[0] == 2  # MEMORY
    assert vault.read_one("PRAGMA foreign_keys")[0] == 1
    # REPLACE must fire the delete triggers that guard signed notes and the audit log.
    assert vault.read_one("PRAGMA recursive_triggers")[0] == 1


def test_a_commit_not_waited_for_leaves_every_later_one_durable(vault, vault_path, passphrase):
    prefs = Preferences(vault)
    prefs.set_last_client_id(7)  # not waited for the disk
    assert vault.read_one("PRAGMA synchronous")[0] == 2  # FULL again at once
    with pytest.raises(sqlcipher3.OperationalError), vault.transaction(durable=False) as db:
        db.execute("INSERT INTO no_such_table VALUES (1)")
    assert vault.read_one("PRAGMA synchronous")[0] == 2  # and after a failed one
    vault.close()
    again = Vault.open(vault_path, passphrase)
    try:
        assert Preferences(again).last_client_id() == 7
    finally:
        again.close()


def test_no_sqlcipher_log_line_reaches_stderr(vault_path, passphrase, capfd):
    # SQLCipher's log level is global to the process: turn it up first, so this test shows that
    # Vault itself silences it rather than relying on an earlier test.
    noisy = sqlcipher3.connect(":memory:")
    noisy.execute("PRAGMA cipher_log_level = WARN")
    noisy.close()
    capfd.readouterr()

    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "definitely wrong")
    vault = Vault.open(vault_path, passphrase)
    vault.close()

    out, err = capfd.readouterr()
    assert err == ""
    assert out == ""


def test_a_second_open_of_the_same_vault_is_refused_until_the_first_closes(vault_path, passphrase):
    first = Vault.open(vault_path, passphrase)
    try:
        with pytest.raises(VaultInUse) as caught:
            Vault.open(vault_path, passphrase)
        assert vault_path.name in caught.value.message
        assert first.read_one("SELECT count(*) FROM clients")[0] == 0  # first one unharmed
    finally:
        first.close()
    Vault.open(vault_path, passphrase).close()


# -- passphrase change -----------------------------------------------------------------------


def test_change_passphrase_backs_up_first_then_rekeys(vault_path, passphrase, tmp_path):
    vault = Vault.open(vault_path, passphrase)
    ClientRepository(vault).save(Client("CP-01", "Carla Pinto", date(2024, 3, 4)))
    backups = tmp_path / "backups"
    shares: list[float] = []
    backup = vault.change_passphrase(
        passphrase, NEW_PASSPHRASE, backups, lambda _text, share: shares.append(share)
    )
    # The vault stays usable in this session after the change.
    ClientRepository(vault).save(Client("CP-02", "Colm Power", date(2024, 3, 5)))
    vault.close()

    assert shares[-1] == 1.0
    assert backup.parent == backups and backup.exists()
    # The backup was taken before the rekey: it opens with the OLD passphrase.
    copy = connect(backup, passphrase)
    try:
        assert copy.execute("SELECT code FROM clients").fetchall() == [("CP-01",)]
    finally:
        copy.close()

    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, passphrase)
    reopened = Vault.open(vault_path, NEW_PASSPHRASE)
    try:
        assert client_codes(reopened) == ["CP-01", "CP-02"]
        assert "passphrase changed" in audit_actions(reopened)
        assert reopened.integrity_check().ok
    finally:
        reopened.close()


def test_change_passphrase_refuses_a_wrong_current_one_and_changes_nothing(
    vault, vault_path, passphrase, tmp_path
):
    backups = tmp_path / "backups"
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the passphrase", NEW_PASSPHRASE, backups)
    with pytest.raises(EmptyPassphrase):
        vault.change_passphrase(passphrase, "", backups)
    assert not backups.exists()
    vault.close()
    Vault.open(vault_path, passphrase).close()


# -- backup ----------------------------------------------------------------------------------


def test_backup_is_an_encrypted_verified_copy(vault, passphrase, tmp_path):
    ClientRepository(vault).save(Client("BK-01", "Bea Kim", date(2024, 4, 1)))
    target = tmp_path / "backups" / "copy.vault"
    steps: list[str] = []

    result = vault.backup_to(target, lambda text, _share: steps.append(text))

    assert result == target
    assert files_in(target.parent) == {"copy.vault"}  # no .partial left behind
    assert steps[-1] == "Backup written"
    assert audit_actions(vault)[-1] == "backup"

    copy = connect(target, passphrase)
    try:
        assert copy.execute("SELECT code, full_name FROM clients").fetchall() == [
            ("BK-01", "Bea Kim")
        ]
        assert copy.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
    finally:
        copy.close()
    with pytest.raises(WrongPassphrase):
        connect(target, "wrong")
    plain = sqlite3.connect(target)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            plain.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        plain.close()


def test_a_second_backup_replaces_the_first(vault, passphrase, tmp_path):
    target = tmp_path / "copy.vault"
    vault.backup_to(target)
    ClientRepository(vault).save(Client("BK-02", "Bo Kask", date(2024, 4, 2)))
    vault.backup_to(target)
    copy = connect(target, passphrase)
    try:
        assert copy.execute("SELECT code FROM clients").fetchall() == [("BK-02",)]
    finally:
        copy.close()


# -- integrity -------------------------------------------------------------------------------


def test_integrity_check_passes_on_a_sound_vault(vault, add_client):
    add_client("Ida Ivers")
    report = vault.integrity_check()
    assert report.ok
    assert report.problems == []


def test_integrity_check_reports_a_damaged_later_page(vault_path, passphrase, tmp_path):
    vault = Vault.open(vault_path, passphrase)
    clients = ClientRepository(vault)
    for number in range(1, 80):  # enough rows for several pages
        clients.save(Client(f"DM-{number:02d}", f"Person {number} " * 20, date(2024, 1, 1)))
    vault.close()
    damaged = tmp_path / "damaged.vault"
    shutil.copyfile(vault_path, damaged)
    assert damaged.stat().st_size >= 5 * 4096
    damage_page(damaged, 4)

    copy = Vault.open(damaged, passphrase)
    try:
        report = copy.integrity_check()
    finally:
        copy.close()  # must not raise although SQLCipher now refuses writes
    assert not report.ok
    assert any("page 4" in problem for problem in report.problems)


# -- migration by user_version ---------------------------------------------------------------


def _vault_at_version(path: Path, passphrase: str, version: int) -> None:
    """A vault file built by the first `version` migrations only, as an older release left it."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = '{passphrase.replace(chr(39), chr(39) * 2)}'")
        connection.execute("PRAGMA journal_mode = WAL")
        for step in schema.MIGRATIONS[:version]:
            step(connection) if callable(step) else connection.executescript(step)
        connection.execute(f"PRAGMA user_version = {version}")
        connection.execute(
            "INSERT INTO clients (code, full_name, start_date)"
            " VALUES ('OV-01', 'Old V', '2020-01-01')"
        )
    finally:
        connection.close()


def test_every_older_real_version_is_migrated_on_open(tmp_path, passphrase):
    for version in range(1, schema.LATEST_VERSION):
        path = tmp_path / f"v{version}.vault"
        _vault_at_version(path, passphrase, version)
        vault = Vault.open(path, passphrase)
        try:
            assert vault.read_one("PRAGMA user_version")[0] == schema.LATEST_VERSION
            assert client_codes(vault) == ["OV-01"]
            assert vault.integrity_check().ok
        finally:
            vault.close()
    # The newest real version opens as it is.
    path = tmp_path / "latest.vault"
    _vault_at_version(path, passphrase, schema.LATEST_VERSION)
    vault = Vault.open(path, passphrase)
    try:
        assert client_codes(vault) == ["OV-01"]
    finally:
        vault.close()


def test_a_vault_one_version_behind_gets_the_new_migration(vault_path, passphrase, monkeypatch):
    newer = [*schema.MIGRATIONS, "CREATE TABLE future_table (id INTEGER PRIMARY KEY);"]
    monkeypatch.setattr(schema, "MIGRATIONS", newer)
    monkeypatch.setattr(schema, "LATEST_VERSION", len(newer))

    vault = Vault.open(vault_path, passphrase)
    try:
        assert vault.read_one("PRAGMA user_version")[0] == len(newer)
        assert vault.read_one("SELECT count(*) FROM future_table")[0] == 0
    finally:
        vault.close()


def test_a_failing_migration_leaves_the_vault_at_its_old_version(
    vault_path, passphrase, monkeypatch
):
    broken = [
        *schema.MIGRATIONS,
        "CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;",
    ]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    monkeypatch.setattr(schema, "LATEST_VERSION", len(broken))
    with pytest.raises(sqlcipher3.OperationalError):
        Vault.open(vault_path, passphrase)
    monkeypatch.undo()

    vault = Vault.open(vault_path, passphrase)  # the lock was released, the file is sound
    try:
        assert vault.read_one("PRAGMA user_version")[0] == schema.LATEST_VERSION
        names = {row[0] for row in vault.read("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
    finally:
        vault.close()


def test_a_vault_from_a_newer_version_is_refused_and_left_unchanged(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    with vault.transaction() as db:
        db.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    vault.close()
    folder_before = files_in(vault_path.parent)
    before = vault_path.read_bytes()

    with pytest.raises(VaultTooNew) as caught:
        Vault.open(vault_path, passphrase)

    assert f"format {schema.LATEST_VERSION + 1}" in caught.value.message
    assert vault_path.read_bytes() == before
    assert files_in(vault_path.parent) == folder_before  # no -wal or -shm left behind
