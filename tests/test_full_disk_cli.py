"""`alliance search` and `alliance backup` on a real full disk (a small tmpfs filled to the
last byte): searching needs no writes, so it still reads; a backup that cannot be written says
the disk is full, with the space it needs, and loses nothing (issue 13, point 2)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli import EXIT_OK, EXIT_VAULT_ERROR
from storage.demo import write_demo
from storage.vault import Vault
from tests.helpers import CLI_PASSPHRASE, run_cli
from tests.storage.small_disk import fill, small_disk


def demo_vault(path: Path) -> None:
    vault = Vault.create(path, CLI_PASSPHRASE)
    try:
        write_demo(vault)
    finally:
        vault.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(verb: str, path: Path, *more: str):
    return run_cli(verb, "--vault", str(path), *more, "--passphrase-stdin", stdin=CLI_PASSPHRASE)


def test_search_still_reads_a_vault_on_a_full_disk(tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "alliance.vault"
        demo_vault(path)
        expected = cli("search", path, "sleep")
        assert expected.returncode == EXIT_OK and expected.stdout, expected.stderr
        filler = fill(disk)
        before = digest(path)
        result = cli("search", path, "sleep")
        assert result.returncode == EXIT_OK, result.stderr
        assert result.stdout == expected.stdout  # the same notes found
        assert "disk is full" in result.stderr and "damaged" not in result.stderr
        assert digest(path) == before
        filler.unlink()


def test_backup_onto_a_full_disk_says_so_and_loses_nothing(tmp_path):
    path = tmp_path / "vault" / "alliance.vault"
    path.parent.mkdir()
    demo_vault(path)
    with small_disk(tmp_path / "stick", "3m") as stick:
        older = stick / "an older backup.vault"
        older.write_bytes(b"kept as it is")
        filler = fill(stick)
        result = cli("backup", path, "--to", str(stick))
        assert result.returncode == EXIT_VAULT_ERROR
        line = result.stderr.strip()
        assert line.startswith("The disk is full, so the backup ")
        assert "was not written. Free at least " in line and "MB" in line
        assert "damaged" not in line and "Traceback" not in result.stderr
        assert sorted(p.name for p in stick.iterdir()) == ["an older backup.vault", "filler"]
        assert older.read_bytes() == b"kept as it is"
        filler.unlink()
        done = cli("backup", path, "--to", str(stick))  # with room again, it works
        assert done.returncode == EXIT_OK, done.stderr
        assert Path(done.stdout.strip()).exists()
    vault = Vault.open(path, CLI_PASSPHRASE)  # the vault itself: sound and whole
    assert vault.integrity_check().ok
    vault.close()


def test_backup_of_a_vault_on_a_full_disk_is_written_elsewhere(tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "alliance.vault"
        demo_vault(path)
        filler = fill(disk)
        before = digest(path)
        result = cli("backup", path, "--to", str(tmp_path / "backups"))
        assert result.returncode == EXIT_OK, result.stderr
        written = Path(result.stdout.strip())
        assert written.parent == tmp_path / "backups" and written.exists()
        assert "disk is full" in result.stderr and "damaged" not in result.stderr
        assert digest(path) == before
        filler.unlink()
    copy = Vault.open(written, CLI_PASSPHRASE)
    assert copy.integrity_check().ok
    copy.close()
