"""Taking a hand-off file over: it becomes this computer's vault, and nothing is overwritten.

The file is checked with the passphrase, then compared with the vault already at this
computer's path (notes/lineage.py, by their audit logs): an older file, or two copies both
changed after they parted, change nothing at all. Otherwise the vault here is set aside (a hard
link, or a copy, under a new name) before the new one is renamed over its name, so there is
never a moment without a vault at its path.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from notes import lineage as rules
from notes.lineage import AuditLine, CopyState, Lineage, Relation
from notes.progress import Progress
from storage import audit as audit_log
from storage import lineage, schema
from storage.audit import AuditAction
from storage.durable import (
    clear_work_file,
    drop_work_file,
    fsync_file,
    fsync_folder,
    put_in_place,
)
from storage.errors import (
    NotAVault,
    NotWritable,
    VaultDamaged,
    VaultError,
    VaultExists,
    WrongPassphrase,
    translated,
)
from storage.handoff import (
    STAMP,
    changing_copy,
    free_name,
    hand_off,
    no_progress,
    this_computer,
)
from storage.instance_lock import InstanceLock
from storage.private_files import SIDECARS, private_folder, reserve_private_file
from storage.vault import connect, verify_copy


class NotAHandOff(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} is not a hand-off file waiting to be taken over. Choose the file that "
            "Vault → Move to another computer… wrote on the other computer."
        )


class HandOffIncomplete(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} did not pass its check: it may not have finished copying. Wait until "
            "the sync tool shows it up to date, or copy it from the stick again, then try "
            "again. Nothing was changed."
        )


class CopiesForked(VaultError):
    """Both copies were changed after they parted; nothing was changed."""

    def __init__(self, vault_path: Path, file: Path) -> None:
        super().__init__(rules.fork_text(vault_path.name, file.name))
        self.vault_path, self.file = vault_path, file


class HandOffOlder(VaultError):
    def __init__(self, vault_path: Path, file: Path) -> None:
        super().__init__(rules.older_text(vault_path.name, file.name))


# -- taking over ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TakeOver:
    """What taking over did: where the vault now is, and where the one before it went."""

    vault_path: Path
    lineage: Lineage
    set_aside: Path | None
    relation: Relation


@dataclass(frozen=True)
class _Copy:
    lineage: Lineage
    lines: list[AuditLine]


def _read_copy(path: Path, passphrase: str) -> _Copy:
    connection = connect(path, passphrase)
    try:
        with translated(path):
            connection.execute("PRAGMA query_only = ON")
            return _Copy(lineage.read(connection), lineage.history(connection))
    finally:
        connection.close()


def inspect(file: Path, passphrase: str) -> Lineage:
    """The record of a hand-off file, after checking every page of it."""
    file = Path(file)
    try:
        verify_copy(file, passphrase)
    except (VaultDamaged, NotAVault) as error:  # a file still arriving looks damaged
        raise HandOffIncomplete(file) from error
    found = _read_copy(file, passphrase).lineage
    if found.state is not CopyState.IN_TRANSIT:
        raise NotAHandOff(file)
    return found


def compare(file: Path, vault_path: Path, passphrase: str) -> Relation:
    """How the hand-off file stands to the vault at `vault_path` (which must be closed)."""
    return _compare(_read_copy(Path(file), passphrase), Path(vault_path), passphrase)


def _compare(incoming: _Copy, vault_path: Path, passphrase: str) -> Relation:
    if not vault_path.exists() or vault_path.stat().st_size == 0:
        return Relation.NO_VAULT_HERE
    try:
        here = _read_copy(vault_path, passphrase)
    except (WrongPassphrase, VaultDamaged):
        return Relation.UNRELATED  # cannot be read with this passphrase: set aside, unread
    return rules.relation(
        here.lineage, here.lines, incoming.lineage, incoming.lines, audit_log.NOT_CHANGES
    )


def take_over(
    file: Path,
    vault_path: Path,
    passphrase: str,
    progress: Progress | None = None,
    host: str | None = None,
) -> TakeOver:
    """Make the hand-off file this computer's vault at `vault_path`.

    A vault already there is set aside under a new name, never overwritten; when it holds
    changes the file lacks (HandOffOlder) or both were changed (CopiesForked), nothing at all
    is changed. The vault must not be open anywhere (the instance lock is held throughout).
    """
    progress = progress or no_progress
    file, vault_path = Path(file), Path(vault_path)
    host = host or this_computer()
    progress("Checking the hand-off file", 0.05)
    incoming = inspect(file, passphrase)
    try:
        private_folder(vault_path.parent)
    except OSError as error:
        raise NotWritable(vault_path.parent) from error
    lock = InstanceLock(vault_path).acquire()
    staging = vault_path.with_name(vault_path.name + ".taking-over")
    try:
        progress("Comparing it with the vault on this computer", 0.3)
        relation = _compare(_read_copy(file, passphrase), vault_path, passphrase)
        if relation is Relation.FORKED:
            raise CopiesForked(vault_path, file)
        if relation is Relation.HERE_NEWER:
            raise HandOffOlder(vault_path, file)
        progress("Copying it into place", 0.5)
        _copy_file(file, staging)
        aside = _aside_name(vault_path) if relation is not Relation.NO_VAULT_HERE else None
        _make_live(staging, passphrase, incoming, file, host, aside)
        verify_copy(staging, passphrase, schema.LATEST_VERSION)
        with translated(vault_path):
            fsync_file(staging)
            if aside is not None:
                _set_aside(vault_path, aside)
            os.replace(staging, vault_path)
            fsync_folder(vault_path.parent)
    finally:
        drop_work_file(staging)
        lock.release()
    progress("Taken over", 1.0)
    return TakeOver(vault_path, incoming, aside, relation)


def move_out(
    vault_path: Path,
    passphrase: str,
    new_path: Path,
    through: Path,
    progress: Progress | None = None,
) -> TakeOver:
    """Move a vault out of a synced folder to `new_path` on this same computer, the safe way:
    a hand-off file in `through`, taken over at `new_path` (which must be free). The copy left
    behind is read-only; the hand-off file, meant for nobody else, is removed again."""
    progress = progress or no_progress
    new_path = Path(new_path)
    if new_path.exists():
        raise VaultExists(new_path)
    file = hand_off(vault_path, passphrase, through, lambda text, share: progress(text, share / 2))
    done = take_over(
        file, new_path, passphrase, lambda text, share: progress(text, 0.5 + share / 2)
    )
    file.unlink(missing_ok=True)  # taken over here: left in the folder, a second computer could too
    return done


def keep_beside(file: Path, vault_path: Path, passphrase: str) -> Path:
    """After a fork: a copy of the hand-off file beside the vault, marked kept (read-only),
    so that it can be opened to carry text across. The file and the vault stay as they are."""
    file, vault_path = Path(file), Path(vault_path)
    incoming = inspect(file, passphrase)
    kept = vault_path.with_name(
        f"{vault_path.stem}-from-{incoming.from_host or 'elsewhere'}-"
        f"{datetime.now().strftime(STAMP)}{vault_path.suffix}"
    )
    kept = free_name(kept)
    staging = kept.with_name(kept.name + ".partial")
    try:
        _copy_file(file, staging)
        with changing_copy(staging, passphrase) as connection:
            lineage.set_state(connection, CopyState.KEPT)
        verify_copy(staging, passphrase, schema.LATEST_VERSION)
        with translated(kept):
            put_in_place(staging, kept)
    finally:
        drop_work_file(staging)
    return kept


def _copy_file(source: Path, target: Path) -> None:
    with translated(target):
        clear_work_file(target)  # a staging file left by an earlier, cut-short attempt
        reserve_private_file(target)  # copyfile keeps the mode of a file that exists
        shutil.copyfile(source, target)


def _make_live(
    staging: Path, passphrase: str, incoming: Lineage, file: Path, host: str, aside: Path | None
) -> None:
    """The copy becomes this computer's live vault; its log says from where, and what went."""
    with changing_copy(staging, passphrase) as connection:
        lineage.set_state(connection, CopyState.LIVE)
        what = f"{incoming.handoffs} from {incoming.from_host} ({file.name}) on {host}"
        if aside is not None:
            what += f"; the vault before it kept as {aside.name}"
        audit_log.append(connection, AuditAction.TAKEN_OVER, what)


def _aside_name(vault_path: Path) -> Path:
    stamp = datetime.now().strftime(STAMP)
    return free_name(
        vault_path.with_name(f"{vault_path.stem}-set-aside-{stamp}{vault_path.suffix}")
    )


def _set_aside(vault_path: Path, aside: Path) -> None:
    """Give the vault here a second name (its sidecars too) before its own name is reused.

    A hard link keeps the very same file under the new name; where links are not possible
    (some USB sticks) it is copied. The sidecars are then taken away from the old name: a
    write-ahead log must never be read against another database file.
    """
    for extra in ("", *SIDECARS):
        source = vault_path.with_name(vault_path.name + extra)
        if not source.exists():
            continue
        target = aside.with_name(aside.name + extra)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
            fsync_file(target)
    for extra in SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            vault_path.with_name(vault_path.name + extra).unlink()
