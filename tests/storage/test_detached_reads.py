"""The vault's read connection for worker threads (the search box): it sees what was committed,
never waits for a save on the main connection, stops when the vault locks and closes with it."""

from __future__ import annotations

import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from notes.records import Client
from storage.clients import ClientRepository
from storage.errors import VaultLocked
from storage.search import SearchIndex
from storage.vault import Vault

CODES = "SELECT code FROM clients ORDER BY code"
# Counts to a billion: long enough to be under way when the vault locks.
LONG_READ = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 1000000000) "
    "SELECT count(*) FROM n"
)


def open_files_of(path: Path) -> list[str]:
    """The files of this vault (itself, its -wal and -shm) this process holds open."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith(str(path)) and not target.endswith(".lock"):
            found.append(target)
    return found


def test_a_detached_read_sees_every_committed_write(vault, add_client):
    add_client("Maya Lindqvist", code="ML-01")
    assert vault.read_detached(CODES) == [("ML-01",)]
    add_client("Daniel Okafor", code="DO-01")  # after the read connection opened
    assert vault.read_detached(CODES) == [("DO-01",), ("ML-01",)]


def test_a_detached_read_neither_sees_nor_waits_for_a_save_under_way(vault, add_client):
    add_client("Maya Lindqvist", code="ML-01")
    seen: list[list[tuple]] = []
    with vault.transaction():
        add_client("Daniel Okafor", code="DO-01")  # joins this transaction, not yet committed
        # Another thread reads while this one holds the main connection mid-write.
        reader = threading.Thread(target=lambda: seen.append(vault.read_detached(CODES)))
        reader.start()
        reader.join(10)
        assert not reader.is_alive()
    assert seen == [[("ML-01",)]]
    assert vault.read_detached(CODES) == [("DO-01",), ("ML-01",)]


def test_a_detached_search_finds_what_the_main_one_finds(vault, add_client):
    add_client("Maya Lindqvist", code="ML-01")
    assert SearchIndex(vault, detached=True).search("lindq") == SearchIndex(vault).search("lindq")


def test_locking_stops_a_detached_read_and_closes_its_connection(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    vault.read_detached("SELECT 1")  # the read connection is open
    if os.path.isdir("/proc/self/fd"):
        # The main and the read connection, and the instance lock's hold on the file itself.
        assert len([f for f in open_files_of(vault_path) if f == str(vault_path)]) == 3
    outcome: list[BaseException] = []
    started = threading.Event()

    def read() -> None:
        started.set()
        try:
            vault.read_detached(LONG_READ)
        except BaseException as error:
            outcome.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    started.wait(10)
    time.sleep(0.05)  # let the read get under way (were it not, it would be refused all the same)
    vault.close()
    reader.join(10)
    assert not reader.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], VaultLocked)
    assert outcome[0].message == "The vault was locked. Unlock it to go on."
    with pytest.raises(VaultLocked):
        vault.read_detached("SELECT 1")
    if os.path.isdir("/proc/self/fd"):
        assert open_files_of(vault_path) == []  # neither connection holds the file


def test_after_a_passphrase_change_detached_reads_go_on(vault_path, passphrase, tmp_path):
    vault = Vault.open(vault_path, passphrase)
    try:
        ClientRepository(vault).save(Client("CP-01", "Carla Pinto", date(2024, 3, 4)))
        assert vault.read_detached(CODES) == [("CP-01",)]
        vault.change_passphrase(passphrase, "a new passphrase, long enough", tmp_path / "b")
        ClientRepository(vault).save(Client("CP-02", "Colm Power", date(2024, 3, 5)))
        assert vault.read_detached(CODES) == [("CP-01",), ("CP-02",)]
    finally:
        vault.close()
