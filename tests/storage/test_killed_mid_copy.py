"""A restore killed half-way through copying the backup, and a hand-off killed before its file
was checked: a real child process is killed (SIGKILL, at a chosen point), and the next start
puts nothing half-copied in place and leaves no temporary file behind (issues 13 and 19)."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from notes.records import Client
from storage import handoff
from storage.backups import back_up, copying_path, restore, restoring_path
from storage.clients import ClientRepository
from storage.interrupted import Outcome, tidy
from storage.vault import Vault
from tests.helpers import PASSPHRASE, REPO_ROOT

# The child does the real work and kills itself at one point of it, as a power cut would.
_CHILD = """
import os, signal, sys
from pathlib import Path

work, vault, other, passphrase = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]


def killed(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


if work == "restore":
    from storage import backups

    def half_then_killed(source, target):
        data = Path(source).read_bytes()
        with open(target, "r+b") as file:
            file.write(data[: len(data) // 2])
            file.flush()
            os.fsync(file.fileno())
        killed()

    backups.shutil.copyfile = half_then_killed
    backups.restore(other, vault, passphrase)
else:
    from storage import handoff

    handoff.verify_copy = killed  # the hand-off file is written and sealed, not yet checked
    handoff.hand_off(vault, passphrase, other)
"""


def killed_while(work: str, vault: Path, other: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, work, str(vault), str(other), PASSPHRASE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr


def debris(*folders: Path) -> list[str]:
    ends = (".partial", ".restoring", ".handing-off")
    return [p.name for f in folders if f.is_dir() for p in f.iterdir() if p.name.endswith(ends)]


@pytest.fixture
def backup(vault_path: Path) -> Path:
    vault = Vault.open(vault_path, PASSPHRASE)
    ClientRepository(vault).save(Client("ML-01", "Maya Lindqvist", date(2026, 3, 2)))
    made = back_up(vault, vault_path.parent / "backups")
    vault.close()
    return made


def test_a_restore_killed_mid_copy_onto_a_new_computer_is_never_put_in_place(backup, tmp_path):
    fresh = tmp_path / "new computer" / "alliance.vault"  # no vault here yet
    fresh.parent.mkdir()
    killed_while("restore", fresh, backup)
    assert copying_path(fresh).exists() and not restoring_path(fresh).exists()
    assert not fresh.exists()

    done = tidy(fresh)
    assert [item.outcome for item in done] == [Outcome.RESTORE_ROLLED_BACK]
    assert not fresh.exists()  # half a backup is never taken for the vault
    assert debris(fresh.parent) == []
    restore(backup, fresh, PASSPHRASE)  # tried again, it works
    vault = Vault.open(fresh, PASSPHRASE)
    assert vault.read("SELECT code FROM clients") == [("ML-01",)]
    vault.close()


def test_a_restore_killed_mid_copy_leaves_the_vault_as_it_was(backup, vault_path):
    before = vault_path.read_bytes()
    killed_while("restore", vault_path, backup)
    assert [item.outcome for item in tidy(vault_path)] == [Outcome.RESTORE_ROLLED_BACK]
    assert vault_path.read_bytes() == before
    assert debris(vault_path.parent) == []


def test_a_hand_off_killed_before_its_file_was_checked_is_undone_at_the_next_start(
    vault_path, tmp_path
):
    stick = tmp_path / "stick"
    killed_while("hand-off", vault_path, stick)
    [partial] = stick.iterdir()
    assert partial.name.endswith(handoff.SUFFIX + ".partial")
    assert handoff.handing_off_note(vault_path).exists()

    done = tidy(vault_path)
    assert [(item.outcome, item.file) for item in done] == [(Outcome.HANDOFF_ROLLED_BACK, partial)]
    assert list(stick.iterdir()) == [] and debris(vault_path.parent) == []
    vault = Vault.open(vault_path, PASSPHRASE)
    assert vault.writable  # never handed off: it stays this computer's vault
    vault.close()
    assert handoff.hand_off(vault_path, PASSPHRASE, stick).exists()  # and it can be tried again


def test_a_hand_off_file_on_a_stick_that_is_not_here_is_tidied_once_it_is(vault_path, tmp_path):
    stick = tmp_path / "stick"
    killed_while("hand-off", vault_path, stick)
    away = tmp_path / "in a drawer"
    stick.rename(away)
    assert tidy(vault_path) == []  # nothing to reach: the note waits
    assert handoff.handing_off_note(vault_path).exists()
    away.rename(stick)
    assert [item.outcome for item in tidy(vault_path)] == [Outcome.HANDOFF_ROLLED_BACK]
    assert list(stick.iterdir()) == [] and debris(vault_path.parent) == []


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_has_its_plain_line(outcome):
    from notes.interrupted import interrupted_line

    line = interrupted_line(outcome, "alliance.vault.partial")
    assert line.endswith(".") and "{" not in line
