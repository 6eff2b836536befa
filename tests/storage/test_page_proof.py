"""Issue 21: an unlock reads every page only when the file may have changed since a sound
session locked it; damage is still never written over, whatever wrote it.

Real vault files, real byte flips; the receipt beside the vault is looked at as a file.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from notes.records import Client
from storage import page_proof
from storage import vault as storage_vault
from storage.clients import ClientRepository
from storage.errors import VaultDamaged, VaultReadOnly
from storage.vault import DAMAGE_FOUND, Vault
from tests.storage.vault_pages import flip_byte


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_client(vault: Vault, number: int) -> None:
    ClientRepository(vault).save(
        Client(
            code=f"C-{number:02d}",
            full_name=f"Client {number} " + "x" * 2000,
            start_date=date.today(),
        )
    )


@pytest.fixture
def filled(tmp_path: Path, passphrase: str) -> Path:
    """A vault of many pages, created and locked: it holds a receipt."""
    path = tmp_path / "alliance.vault"
    vault = Vault.create(path, passphrase)
    for number in range(30):
        add_client(vault, number)
    vault.close()
    return path


def page_bytes(path: Path, page: int) -> bytes:
    with path.open("rb") as file:
        file.seek((page - 1) * 4096)
        return file.read(4096)


def goals_root(path: Path, passphrase: str) -> int:
    vault = Vault.open(path, passphrase)
    try:
        [(root,)] = vault.read("SELECT rootpage FROM sqlite_master WHERE name = 'treatment_goals'")
    finally:
        vault.close()
    return root


def test_a_locked_sound_vault_has_a_receipt_and_an_open_one_has_none(filled, passphrase):
    receipt = page_proof.receipt_path(filled)
    assert receipt.name == "alliance.vault.proven"
    assert page_proof.unchanged(filled)
    assert receipt.stat().st_mode & 0o777 == 0o600
    vault = Vault.open(filled, passphrase)
    try:
        assert vault.writable
        assert not receipt.exists()  # a crash now leaves none: the next unlock checks all
    finally:
        vault.close()
    assert page_proof.unchanged(filled)


def test_a_byte_flipped_after_the_lock_is_found_even_with_the_time_set_back(filled, passphrase):
    """Anything that writes the file changes its ctime, which no program can set back."""
    before = os.stat(filled)
    pages = filled.stat().st_size // 4096
    flip_byte(filled, pages // 2)
    os.utime(filled, ns=(before.st_atime_ns, before.st_mtime_ns))
    damaged = digest(filled)
    vault = Vault.open(filled, passphrase)
    try:
        assert vault.read_only_because == DAMAGE_FOUND
        with pytest.raises(VaultReadOnly):
            add_client(vault, 99)
    finally:
        vault.close()
    assert digest(filled) == damaged
    assert not page_proof.receipt_path(filled).exists()


def test_damage_the_stamps_cannot_see_is_never_written_over(filled, passphrase):
    """A disk decaying under an unchanged file: the unlock trusts its receipt, but the first
    read that meets the damaged page turns the vault read-only, and so does the daily check."""
    root = goals_root(filled, passphrase)
    flip_byte(filled, root)
    page_proof.keep(filled)  # as if the disk, not a program, had changed the byte
    damaged = page_bytes(filled, root)

    vault = Vault.open(filled, passphrase)
    try:
        assert vault.writable  # not read page by page: nothing says the file changed
        with pytest.raises(VaultDamaged):
            vault.read("SELECT * FROM treatment_goals")
        assert vault.read_only_because == DAMAGE_FOUND
        assert vault.read("SELECT count(*) FROM clients") == [(30,)]
        with pytest.raises(VaultReadOnly):
            add_client(vault, 99)
    finally:
        vault.close()
    assert page_bytes(filled, root) == damaged  # the unlock's audit line went elsewhere
    assert not page_proof.receipt_path(filled).exists()
    reopened = Vault.open(filled, passphrase)
    try:
        assert reopened.read_only_because == DAMAGE_FOUND
    finally:
        reopened.close()


def test_the_daily_check_finds_what_the_receipt_let_through(filled, passphrase):
    pages = filled.stat().st_size // 4096
    flip_byte(filled, pages)
    page_proof.keep(filled)
    vault = Vault.open(filled, passphrase)
    try:
        assert not vault.integrity_check().ok
        assert vault.read_only_because == DAMAGE_FOUND
    finally:
        vault.close()
    reopened = Vault.open(filled, passphrase)
    try:
        assert reopened.read_only_because == DAMAGE_FOUND
    finally:
        reopened.close()


def test_a_file_put_in_the_vaults_place_is_read_page_by_page(filled, tmp_path, passphrase):
    """A restored backup, a copy from another computer: another inode, so no receipt fits."""
    other = tmp_path / "other.vault"
    vault = Vault.create(other, passphrase)
    add_client(vault, 1)
    # The client's own page: the file's last page may hold the schema, without which the
    # vault would not open at all.
    [(clients_page,)] = vault.read("SELECT rootpage FROM sqlite_master WHERE name = 'clients'")
    vault.close()
    flip_byte(other, clients_page)
    os.replace(other, filled)
    assert not page_proof.unchanged(filled)
    vault = Vault.open(filled, passphrase)
    try:
        assert vault.read_only_because == DAMAGE_FOUND
    finally:
        vault.close()


def statements_of_open(monkeypatch, path: Path, passphrase: str) -> list[str]:
    """Every statement `Vault.open` sends, read off its own connections with SQLite's trace
    callback (the real connection is made; it is only listened to)."""
    sent: list[str] = []
    keyed = storage_vault._keyed_connection

    def traced(*args, **kwargs):
        connection = keyed(*args, **kwargs)
        connection.set_trace_callback(sent.append)
        return connection

    monkeypatch.setattr(storage_vault, "_keyed_connection", traced)
    Vault.open(path, passphrase).close()
    monkeypatch.undo()
    return [" ".join(statement.split()) for statement in sent]


def test_an_unlock_of_an_unchanged_vault_reads_no_more_than_a_few_rows(
    filled, passphrase, monkeypatch
):
    """Issue 21: unlocking took 1.8 s at 50,000 sessions, SQLCipher's page check reading the
    whole file. An unchanged vault's unlock checks no pages and reads no table through: every
    row it reads is found by its key or is the last one (the audit line's chain link)."""
    sent = statements_of_open(monkeypatch, filled, passphrase)
    assert not [s for s in sent if "integrity_check" in s]
    reads = [s for s in sent if s.startswith("SELECT") and "sqlite_master" not in s]
    assert reads  # the lineage, the last audit line and the chain's head
    for read in reads:
        bounded = " WHERE " in read or read.endswith("LIMIT 1") or " FROM lineage" in read
        assert bounded, read  # the lineage table holds one row

    # Its guarantee kept: a file that may have changed has every page checked before
    # anything is written. A crash leaves no receipt (the unlock removed it), as here.
    page_proof.forget(filled)
    sent = statements_of_open(monkeypatch, filled, passphrase)
    assert sent.index("PRAGMA cipher_integrity_check") < sent.index("BEGIN IMMEDIATE")


def test_a_page_check_for_the_window_reports_while_it_runs_and_finds_the_same(
    filled, passphrase, monkeypatch
):
    """The every-page check takes 2.3 s at 50,000 sessions and calls SQLite back not once:
    given the window's progress it runs on a thread of its own while the unlock reports, so
    the window keeps painting (ui/lock/update_progress.py). A short one says nothing; here
    every one reports, and damage is found as without."""
    monkeypatch.setattr(storage_vault, "QUIET_CHECK_S", 0.0)
    monkeypatch.setattr(storage_vault, "_REPORT_EVERY_S", 0.0)
    seen: list[str] = []

    def opened(path: Path) -> Vault:
        return Vault.open(path, passphrase, progress=lambda text, _share: seen.append(text))

    page_proof.forget(filled)  # as after a crash
    vault = opened(filled)
    assert vault.read_only_because is None
    vault.close()
    assert seen and set(seen) == {storage_vault.CHECKING}

    flip_byte(filled, filled.stat().st_size // 4096 // 2)
    seen.clear()
    vault = opened(filled)
    try:
        assert vault.read_only_because == DAMAGE_FOUND
    finally:
        vault.close()
    assert set(seen) == {storage_vault.CHECKING}
