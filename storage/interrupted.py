"""Work cut short by a crash (a killed backup, restore or passphrase change), finished or
rolled back at the next start, so no temporary file outlives it.

Each kind of work leaves a file of its own name:
- a backup writes `<backup>.partial` and renames it when verified: a `.partial` is never the
  only copy of anything, so it is removed (the vault was not changed);
- a passphrase change writes `<vault>.rekeying` and renames it over the vault once proven: a
  `.rekeying` beside an existing vault is a change that never happened, so it is removed;
- a restore copies the backup to `<vault>.restoring.partial`, flushes it and renames it
  `<vault>.restoring` (so that one is always a whole copy), moves the vault aside as
  `<vault>.replaced-<time>`, then renames the copy into place. A `.restoring.partial` is removed
  (a copy cut short); a `.restoring` beside the vault is removed (nothing was replaced yet); one
  with no vault is finished (the second rename);
- a passphrase change writes its record of the old passphrase as `<vault>.former.writing` and
  renames it once whole, after the change itself is done: one left behind is removed quietly;
- a take-over of a hand-off file stages it as `<vault>.taking-over` before its one rename: one
  left behind is removed (the hand-off file it came from is untouched, so it can be taken
  over again);
- a hand-off writes its file as `<file>.partial` in the folder the therapist picked (a stick,
  perhaps), named in `<vault>.handing-off` beside the vault until it is renamed: a partial file
  named there is removed (this copy was not handed off and stays writable). While that folder
  cannot be reached (the stick is elsewhere) the note stays, for a later start.
Only files are ours: a folder of the person's under one of these names is left as it is (the
work itself then refuses to start, saying so: storage.errors.InTheWay).
Run it holding the vault's instance lock: another window's work under way is not debris.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from storage import former_record
from storage.backups import copying_path, restoring_path
from storage.durable import is_work_file
from storage.errors import VaultInUse
from storage.handoff import PARTIAL, SUFFIX, handing_off_note
from storage.instance_lock import InstanceLock
from storage.private_files import SIDECARS
from storage.vault import REKEYING

TAKING_OVER = ".taking-over"  # storage/taking_over.py's staging file


class Outcome(StrEnum):
    BACKUP_REMOVED = "backup removed"
    CHANGE_ROLLED_BACK = "passphrase change rolled back"
    RESTORE_ROLLED_BACK = "restore rolled back"
    RESTORE_FINISHED = "restore finished"
    TAKE_OVER_ROLLED_BACK = "take-over rolled back"
    HANDOFF_ROLLED_BACK = "hand-off rolled back"


@dataclass(frozen=True)
class Tidied:
    outcome: Outcome
    file: Path


def tidy(vault_path: Path, backup_folders: tuple[Path, ...] = ()) -> list[Tidied]:
    """Finish or roll back what a crash interrupted; returns what was done. Does nothing
    while another window holds the vault (its work may still be under way)."""
    vault_path = Path(vault_path)
    if not vault_path.parent.is_dir():
        return []
    try:
        lock = InstanceLock(vault_path).acquire()
    except (VaultInUse, OSError):
        return []
    except Exception:  # a folder that cannot be written has nothing of ours to tidy
        return []
    try:
        return _tidy(vault_path, backup_folders)
    finally:
        lock.release()


def _tidy(vault_path: Path, backup_folders: tuple[Path, ...]) -> list[Tidied]:
    done: list[Tidied] = []
    copying = copying_path(vault_path)
    if is_work_file(copying):  # cut short mid-copy: never more than a part of the backup
        copying.unlink()
        done.append(Tidied(Outcome.RESTORE_ROLLED_BACK, copying))
    incoming = restoring_path(vault_path)
    if is_work_file(incoming):
        if vault_path.exists():
            incoming.unlink()
            done.append(Tidied(Outcome.RESTORE_ROLLED_BACK, incoming))
        else:
            _set_aside_stray_log(vault_path)
            os.replace(incoming, vault_path)
            done.append(Tidied(Outcome.RESTORE_FINISHED, vault_path))
    copy = vault_path.with_name(vault_path.name + REKEYING)
    if is_work_file(copy) and vault_path.exists():
        copy.unlink()
        done.append(Tidied(Outcome.CHANGE_ROLLED_BACK, copy))
    former_record.discard_unfinished(vault_path)  # the change itself was done: no line for it
    staging = vault_path.with_name(vault_path.name + TAKING_OVER)
    if is_work_file(staging):
        staging.unlink()
        done.append(Tidied(Outcome.TAKE_OVER_ROLLED_BACK, staging))
    done += _tidy_hand_off(vault_path)
    folders = {vault_path.parent, *(Path(folder) for folder in backup_folders if folder)}
    for folder in folders:
        with contextlib.suppress(OSError):
            for partial in Path(folder).glob(f"{vault_path.stem}-*.vault{PARTIAL}"):
                if not is_work_file(partial):
                    continue
                partial.unlink()
                done.append(Tidied(Outcome.BACKUP_REMOVED, partial))
    return done


def _tidy_hand_off(vault_path: Path) -> list[Tidied]:
    note = handing_off_note(vault_path)
    if not note.exists():
        return []
    try:
        partial = Path(note.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        partial = None
    done: list[Tidied] = []
    if partial is not None and partial.name.endswith(SUFFIX + PARTIAL):  # only ever ours
        if not partial.parent.is_dir():
            return []  # the stick is not here: try again at a later start
        with contextlib.suppress(OSError):
            if is_work_file(partial):
                partial.unlink()
                done.append(Tidied(Outcome.HANDOFF_ROLLED_BACK, partial))
    note.unlink(missing_ok=True)
    return done


def _set_aside_stray_log(vault_path: Path) -> None:
    """A restore cut short between moving the vault and its log aside: the log belongs to the
    file set aside, never to the restored one (SQLite would replay it into the wrong file)."""
    asides = sorted(vault_path.parent.glob(f"{vault_path.name}.replaced-*[0-9]"))
    for extra in SIDECARS:
        stray = vault_path.with_name(vault_path.name + extra)
        if stray.exists() and asides:
            os.replace(stray, asides[-1].with_name(asides[-1].name + extra))
        elif stray.exists():
            stray.unlink()
