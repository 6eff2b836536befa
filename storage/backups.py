"""Backups of a vault: dated, encrypted, verified copies in a folder; pruning; restoring.

A backup is the vault itself, copied with VACUUM INTO and checked before it is put in place
(see Vault.backup_to). Restoring never overwrites the current vault: it is moved aside first.
A restore copies the backup under a temporary name and flushes it before one rename makes it
`<vault>.restoring`, so that a `.restoring` file is always a whole copy: a crash mid-copy leaves
only the temporary file, which the next start removes (storage/interrupted.py).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from notes.progress import Progress
from storage.durable import (
    clear_work_file,
    drop_work_file,
    fsync_folder,
    put_in_place,
    unused_name,
)
from storage.errors import NotWritable, translated
from storage.private_files import reserve_private_file
from storage.vault import Vault, verify_copy

_SUFFIX = ".vault"
_STAMP = "%Y-%m-%d_%H%M%S"


def backup_name(vault_path: Path, moment: datetime | None = None) -> str:
    return f"{vault_path.stem}-backup-{(moment or datetime.now()).strftime(_STAMP)}{_SUFFIX}"


def back_up(vault: Vault, folder: Path, progress: Progress | None = None) -> Path:
    """Write a new dated backup of an open vault into `folder`; returns its path."""
    return vault.backup_to(unused_name(Path(folder) / backup_name(vault.path)), progress)


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
    incoming = restoring_path(vault_path)
    copying = copying_path(vault_path)
    with translated(vault_path):
        clear_work_file(copying)  # a folder in the way is said before anything is moved
        clear_work_file(incoming)
    try:
        with translated(vault_path):
            reserve_private_file(copying)  # copyfile keeps the mode of a file that exists
            shutil.copyfile(backup, copying)
            put_in_place(copying, incoming)  # only a whole, flushed copy is ever `.restoring`
            if vault_path.exists():
                os.replace(vault_path, aside)
                for extra in ("-wal", "-shm"):
                    sidecar = vault_path.with_name(vault_path.name + extra)
                    if sidecar.exists():
                        os.replace(sidecar, aside.with_name(aside.name + extra))
            os.replace(incoming, vault_path)
            fsync_folder(vault_path.parent)
    except OSError as error:
        raise NotWritable(vault_path.parent) from error
    finally:
        drop_work_file(copying)
        drop_work_file(incoming)
    progress("Restored", 1.0)
    return aside


RESTORING = ".restoring"


def restoring_path(vault_path: Path) -> Path:
    """The whole, flushed copy of a backup waiting to be renamed into the vault's place."""
    return vault_path.with_name(vault_path.name + RESTORING)


def copying_path(vault_path: Path) -> Path:
    """Where a restore copies the backup first; never more than a temporary file."""
    return vault_path.with_name(vault_path.name + RESTORING + ".partial")
