"""Was a refused passphrase the one the vault had before a passphrase change?

Every change first writes a backup named `<vault>-before-passphrase-change-<time>.vault`,
which opens with the passphrase from before. If a refused passphrase fits one of those (checked
page by page, storage/page_check.py), it is a former passphrase and the time in the name says
when it stopped applying: nothing is damaged, and no restore is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from storage import page_check
from storage.vault import BEFORE_CHANGE

_STAMP = "%Y-%m-%d_%H%M%S"
_TRIED = 5  # the newest few changes: each try costs one key derivation


def changed_on(vault_path: Path, passphrase: str, folders: Iterable[Path]) -> datetime | None:
    """When `passphrase` stopped opening the vault, or None if it never did (as far as the
    before-change backups in `folders` show)."""
    for backup, moment in _before_change_backups(Path(vault_path), folders)[:_TRIED]:
        if page_check.passphrase_fits(backup, passphrase):
            return moment
    return None


def _before_change_backups(
    vault_path: Path, folders: Iterable[Path]
) -> list[tuple[Path, datetime]]:
    prefix = f"{vault_path.stem}{BEFORE_CHANGE}"
    found: dict[Path, datetime] = {}
    for folder in folders:
        if folder is None or not Path(folder).is_dir():
            continue
        for backup in Path(folder).glob(f"{prefix}*.vault"):
            try:
                found[backup.resolve()] = datetime.strptime(
                    backup.stem.removeprefix(prefix)[: len("2000-01-01_000000")], _STAMP
                )
            except ValueError:
                continue  # not named by a change
    return sorted(found.items(), key=lambda item: item[1], reverse=True)
