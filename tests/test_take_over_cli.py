"""`alliance take-over FILE`, run as a real program: the vault here is set aside, a fork or a
wrong passphrase changes nothing and says so in one message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from notes.records import Client
from storage import handoff
from storage.clients import ClientRepository
from storage.vault import Vault
from tests.helpers import CLI_PASSPHRASE, CLI_WRONG_PASSPHRASE, run_cli


def take_over(file: Path, vault: Path, passphrase: str = CLI_PASSPHRASE):
    arguments = ("take-over", str(file), "--vault", str(vault), "--passphrase-stdin")
    return run_cli(*arguments, stdin=passphrase + "\n")


def test_take_over_sets_the_vault_here_aside_and_says_where(tmp_path):
    laptop, desktop = tmp_path / "laptop" / "a.vault", tmp_path / "desktop" / "a.vault"
    Vault.create(laptop, CLI_PASSPHRASE).close()
    Vault.create(desktop, CLI_PASSPHRASE).close()  # another vault, already on the desktop
    before = desktop.read_bytes()
    file = handoff.hand_off(laptop, CLI_PASSPHRASE, tmp_path / "stick", host="laptop")

    done = take_over(file, desktop)
    assert done.returncode == 0, done.stderr
    assert "from laptop (hand-off 1)" in done.stdout
    aside = next(desktop.parent.glob("a-set-aside-*.vault"))
    assert str(aside) in done.stdout and aside.read_bytes() == before
    opened = Vault.open(desktop, CLI_PASSPHRASE)
    assert opened.moved is None  # live here
    opened.close()


def test_take_over_with_a_wrong_passphrase_changes_nothing(tmp_path):
    laptop, desktop = tmp_path / "laptop" / "a.vault", tmp_path / "desktop" / "a.vault"
    Vault.create(laptop, CLI_PASSPHRASE).close()
    file = handoff.hand_off(laptop, CLI_PASSPHRASE, tmp_path / "stick")
    done = take_over(file, desktop, CLI_WRONG_PASSPHRASE)
    assert done.returncode == 2 and "passphrase" in done.stderr.lower()
    assert not desktop.exists()


def test_take_over_of_an_older_file_is_refused_in_plain_words(tmp_path):
    laptop, desktop = tmp_path / "laptop" / "a.vault", tmp_path / "desktop" / "a.vault"
    Vault.create(laptop, CLI_PASSPHRASE).close()
    file = handoff.hand_off(laptop, CLI_PASSPHRASE, tmp_path / "stick")
    assert take_over(file, desktop).returncode == 0
    vault = Vault.open(desktop, CLI_PASSPHRASE)
    ClientRepository(vault).save(Client("NEW-1", "Written on the desktop", date(2024, 1, 8)))
    vault.close()
    before = desktop.read_bytes()
    done = take_over(file, desktop)
    assert done.returncode == 3
    assert "older than a.vault" in done.stderr and "Nothing was changed" in done.stderr
    assert desktop.read_bytes() == before
