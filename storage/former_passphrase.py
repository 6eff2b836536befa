"""Was a refused passphrase the one the vault had before a passphrase change?

Two witnesses, cheapest first. Every confirmed change leaves a slow hash of the old passphrase
in the record beside the vault (storage/former_record.py), which lasts when backups are pruned
or moved. And every change first writes a backup named
`<vault>-before-passphrase-change-<time>.vault`, which opens with the passphrase from before:
if a refused passphrase fits one of those (checked page by page, storage/page_check.py), it is
a former passphrase too — unless its SQLCipher salt shows that it is a copy of the file in
place (then the passphrase it takes is the current one) or of a file the record places outside
this file's past (a later file, before an older backup was restored). Either way the time
says when it stopped applying: nothing is damaged, and no restore is needed. Only a
passphrase the vault itself refused is asked about here, so a passphrase that opens the file
(after a restore, say) is never called a former one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from storage import former_record, page_check
from storage.vault import BEFORE_CHANGE

_STAMP = "%Y-%m-%d_%H%M%S"
_TRIED = 5  # the newest few changes: each try costs one key derivation


def changed_on(vault_path: Path, passphrase: str, folders: Iterable[Path]) -> datetime | None:
    """When `passphrase` stopped opening the vault, or None if it never did (as far as the
    record beside it and the before-change backups in `folders` show)."""
    known = former_record.known_changes(Path(vault_path))
    for change in known:
        if change.opened_with(passphrase):
            return change.changed
    # A backup named for a change the record holds would only repeat its answer.
    covered = {change.changed for change in known}
    not_before = {former_record.file_salt(vault_path), *former_record.other_files(vault_path)}
    backups = [
        (backup, moment)
        for backup, moment in _before_change_backups(Path(vault_path), folders)
        if moment not in covered and former_record.file_salt(backup) not in not_before
    ]
    for backup, moment in backups[:_TRIED]:
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
