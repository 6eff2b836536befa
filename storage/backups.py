"""Backups of a vault: dated, encrypted, verified copies in a folder; pruning; restoring.

A backup is the vault itself, copied with VACUUM INTO and checked before it is put in place
(see Vault.backup_to). Restoring never overwrites the current vault: it is moved aside first.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from notes.progress import Progress
from storage.errors import NotWritable, translated
from storage.private_files import reserve_private_file
from storage.vault import Vault, verify_copy

_SUFFIX = ".vault"
_STAMP = "%Y-%m-%d_%H%M%S"


def backup_name(vault_path: Path, moment: datetime | None = None) -> str:
    return f"{vault_path.stem}-backup-{(moment or datetime.now()).strftime(_STAMP)}{_SUFFIX}"


def back_up(vault: Vault, folder: Path, progress: Progress | None = None) -> Path:
    """Write a new dated backup of an open vault into `folder`; returns its path."""
    target = Path(folder) / backup_name(vault.path)
    counter = 1
    while target.exists():  # two backups in the same second keep both
        counter += 1
        target = target.with_name(f"{target.stem}-{counter}{_SUFFIX}")
    return vault.backup_to(target, progress)


def backups_in(folder: Path, vault_path: Path) -> list[Path]:
    """This vault's backups in a folder, newest first (by the time in their name)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    prefix = f"{vault_path.stem}-backup-"
    found = [p for p in folder.glob(f"{prefix}*{_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def prune(folder: Path, vault_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was deleted."""
    old = backups_in(folder, vault_path)[max(1, keep) :]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def restore(
    backup: Path,
    vault_path: Path,
    passphrase: str,
    progress: Progress | None = None,
) -> Path:
    """Put a backup in the vault's place; the current file is kept aside, never overwritten.

    The vault must be closed. Returns where the previous vault file was moved to.
    """
    progress = progress or (lambda _text, _share: None)
    backup, vault_path = Path(backup), Path(vault_path)
    progress("Checking the backup", 0.1)
    verify_copy(backup, passphrase)  # WrongPassphrase / VaultDamaged speak for themselves
    progress("Keeping the current vault aside", 0.4)
    aside = vault_path.with_name(f"{vault_path.name}.replaced-{datetime.now().strftime(_STAMP)}")
    incoming = vault_path.with_name(vault_path.name + ".restoring")
    try:
        with translated(vault_path):
            reserve_private_file(incoming)  # copyfile keeps the mode of a file that exists
            shutil.copyfile(backup, incoming)
            with incoming.open("rb+") as file:
                os.fsync(file.fileno())
            if vault_path.exists():
                os.replace(vault_path, aside)
                for extra in ("-wal", "-shm"):
                    sidecar = vault_path.with_name(vault_path.name + extra)
                    if sidecar.exists():
                        os.replace(sidecar, aside.with_name(aside.name + extra))
            os.replace(incoming, vault_path)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise NotWritable(vault_path.parent) from error
    finally:
        incoming.unlink(missing_ok=True)
    progress("Restored", 1.0)
    return aside
