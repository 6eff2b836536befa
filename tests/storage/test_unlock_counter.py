"""Failed unlocks are counted beside the vault, survive a restart and reach the audit log once."""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime
from pathlib import Path

import pytest

from storage import unlock_counter
from storage.audit import AuditAction
from storage.errors import WrongPassphrase
from storage.vault import Vault

WRONG = ("wrong", "correct horse 'battery' stapl", "CORRECT HORSE 'BATTERY' STAPLE")
COUNTER_LINE = re.compile(r"(\d+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\n")


def fail_to_unlock(vault_path: Path, attempts: tuple[str, ...] = WRONG) -> None:
    for attempt in attempts:
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_path, attempt)


def failed_unlock_lines(vault: Vault) -> list[str]:
    rows = vault.read(
        "SELECT record FROM audit_log WHERE action = ? ORDER BY id", (AuditAction.FAILED_UNLOCK,)
    )
    return [record for (record,) in rows]


def test_failed_unlocks_before_a_restart_reach_the_log_as_one_line(vault_path, passphrase):
    before = datetime.now().replace(microsecond=0)
    fail_to_unlock(vault_path, WRONG[:1])
    fail_to_unlock(vault_path, WRONG[1:])  # each Vault.open is a fresh start: nothing in memory
    after = datetime.now()

    vault = Vault.open(vault_path, passphrase)
    try:
        [line] = failed_unlock_lines(vault)
    finally:
        vault.close()

    found = re.fullmatch(r"3 failed unlocks since (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", line)
    assert found, line
    assert before <= datetime.fromisoformat(found[1]) <= after


def test_the_next_unlock_logs_nothing_more_and_one_failure_is_singular(vault_path, passphrase):
    fail_to_unlock(vault_path)
    Vault.open(vault_path, passphrase).close()
    Vault.open(vault_path, passphrase).close()  # the counter was reset: no second line
    fail_to_unlock(vault_path, WRONG[:1])

    vault = Vault.open(vault_path, passphrase)
    try:
        lines = failed_unlock_lines(vault)
    finally:
        vault.close()

    assert [line.split(" since ")[0] for line in lines] == ["3 failed unlocks", "1 failed unlock"]


def test_the_counter_holds_a_number_and_a_time_and_nothing_else(vault_path, passphrase):
    before = os.umask(0o022)
    try:
        fail_to_unlock(vault_path)
    finally:
        os.umask(before)

    counter = unlock_counter.counter_path(vault_path)
    assert counter.name == "alliance.vault.unlocks"
    assert stat.S_IMODE(counter.stat().st_mode) == 0o600
    found = COUNTER_LINE.fullmatch(counter.read_text(encoding="ascii"))
    assert found and found[1] == "3"
    for attempt in WRONG:  # nor any part of what was typed
        assert attempt.split()[0].lower().encode() not in counter.read_bytes().lower()


def test_the_counter_is_gone_after_a_successful_unlock(vault_path, passphrase):
    fail_to_unlock(vault_path, WRONG[:2])
    vault = Vault.open(vault_path, passphrase)
    try:
        assert not unlock_counter.counter_path(vault_path).exists()
        assert unlock_counter.read(vault_path) is None
    finally:
        vault.close()


def test_a_new_vault_does_not_inherit_the_count_of_an_older_file(tmp_path, passphrase):
    path = tmp_path / "alliance.vault"
    unlock_counter.count_failure(path)  # guesses at a file since deleted
    vault = Vault.create(path, passphrase)
    vault.close()
    vault = Vault.open(path, passphrase)
    try:
        assert failed_unlock_lines(vault) == []
    finally:
        vault.close()


def test_a_counter_that_cannot_be_written_still_gives_wrong_passphrase(vault_path, passphrase):
    # A folder where the file would go stops every write to it, even root's.
    unlock_counter.counter_path(vault_path).mkdir()
    fail_to_unlock(vault_path)
    vault = Vault.open(vault_path, passphrase)
    try:
        assert failed_unlock_lines(vault) == []  # what could not be counted is not invented
    finally:
        vault.close()


def test_a_damaged_counter_is_started_again_rather_than_refusing(vault_path, passphrase):
    unlock_counter.counter_path(vault_path).write_bytes(b"\xff\x00 not a count")
    fail_to_unlock(vault_path, WRONG[:1])
    assert COUNTER_LINE.fullmatch(unlock_counter.counter_path(vault_path).read_text())[1] == "1"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders, so chmod cannot make one here",
)
def test_a_read_only_folder_still_gives_wrong_passphrase(vault_path, passphrase):
    Vault.open(vault_path, passphrase).close()  # leaves the lock file, which still locks
    folder = vault_path.parent
    folder.chmod(0o500)
    try:
        fail_to_unlock(vault_path, WRONG[:1])  # no counter can be made: still refused plainly
        assert not unlock_counter.counter_path(vault_path).exists()
        # A counter made before the folder turned read-only is still counted, in place.
        folder.chmod(0o700)
        unlock_counter.count_failure(vault_path)
        folder.chmod(0o500)
        fail_to_unlock(vault_path, WRONG[:1])
        assert COUNTER_LINE.fullmatch(unlock_counter.counter_path(vault_path).read_text())[1] == "2"
    finally:
        folder.chmod(0o700)
    vault = Vault.open(vault_path, passphrase)  # SQLite's -wal and -shm need a writable folder
    try:
        [line] = failed_unlock_lines(vault)
        assert line.startswith("2 failed unlocks since ")
    finally:
        vault.close()
