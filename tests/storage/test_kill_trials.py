"""kill -9 during a passphrase change or a restore: afterwards exactly one passphrase opens a
sound vault holding every client, and the next start leaves no temporary file behind.

A child process runs the work on a real vault and is killed at a random moment (seeded, so a
run can be replayed); the moment only spreads the kills over the work, nothing is timed. A
handful of trials run in the ordinary loop; `-m slow` runs fifty of each.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import former_record
from storage.errors import FormerPassphrase, WrongPassphrase
from storage.interrupted import tidy
from storage.vault import Vault
from tests.helpers import REPO_ROOT

OLD, NEW = "old 'one' ÄÖ", "new 'one' 🦉"
CLIENTS = 30

_CHILD = f"""
import sys
from pathlib import Path
from storage.backups import restore
from storage.vault import Vault
work, path, backup = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
print("ready", flush=True)
if work == "change":
    vault = Vault.open(path, {OLD!r})
    vault.change_passphrase({OLD!r}, {NEW!r}, path.parent / "backups")
    vault.close()
else:
    restore(backup, path, {OLD!r})
print("done", flush=True)
"""


def make_vault(folder: Path) -> tuple[Path, Path]:
    from datetime import date

    from notes.records import Client
    from storage.backups import back_up
    from storage.clients import ClientRepository

    path = folder / "alliance.vault"
    vault = Vault.create(path, OLD)
    clients = ClientRepository(vault)
    for number in range(CLIENTS):
        clients.save(Client(f"C-{number:02d}", "Name " + "x" * 3000, date(2026, 1, 1)))
    backup = back_up(vault, folder / "backups")
    vault.close()
    return path, backup


def run_and_kill(work: str, path: Path, backup: Path, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, work, str(path), str(backup)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)  # only to land the kill somewhere in the work
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait(60)


def opens_with(path: Path) -> str:
    """The one passphrase that opens the vault; both opening it would be a failure too."""
    opened = []
    for passphrase in (OLD, NEW):
        try:
            vault = Vault.open(path, passphrase)
        except WrongPassphrase:
            continue
        try:
            assert vault.integrity_check().ok
            assert vault.read("SELECT count(*) FROM clients")[0][0] == CLIENTS
        finally:
            vault.close()
        opened.append(passphrase)
    assert len(opened) == 1, opened
    return opened[0]


def trials(work: str, tmp_path: Path, count: int) -> set[str]:
    rng = random.Random(13)
    seen = set()
    for trial in range(count):
        folder = tmp_path / f"{work}-{trial}"
        folder.mkdir()
        path, backup = make_vault(folder)
        run_and_kill(work, path, backup, rng.uniform(0.0, 1.5))
        tidy(path, (folder / "backups",))
        debris = (".partial", ".restoring", ".rekeying", former_record.WRITING)
        leftovers = [p.name for p in folder.rglob("*") if p.name.endswith(debris)]
        assert leftovers == []
        opened = opens_with(path)
        if work == "change":
            former_is_told(path, opened)
        seen.add(opened)
    return seen


def former_is_told(path: Path, opened: str) -> None:
    """The old passphrase is named as such once, and only once, the change was made."""
    record = former_record.record_path(path)
    if opened == OLD:
        assert not record.exists()  # written only after the change is confirmed
        return
    with pytest.raises(FormerPassphrase):
        Vault.open(path, OLD)
    if record.exists():  # a kill between the rename and the record leaves only the backup
        assert any(change.opened_with(OLD) for change in former_record.known_changes(path))


@pytest.mark.parametrize("work", ["change", "restore"])
def test_a_handful_of_kills(tmp_path, work):
    found = trials(work, tmp_path, 4)
    if work == "restore":
        assert found == {OLD}


@pytest.mark.slow
@pytest.mark.parametrize("work", ["change", "restore"])
def test_fifty_kills(tmp_path, work):
    trials(work, tmp_path, 50)
