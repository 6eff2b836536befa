"""Handing the vault to another computer, and taking it over there: one writer at a time.

A hand-off file is the vault itself, copied with VACUUM INTO into the folder the therapist
picked (a USB stick, a folder a sync tool carries), with its lineage row saying in transit,
hand-off N, made on this computer at this time. The row sits inside the encrypted file, so
SQLCipher's HMAC on every page (keyed by the passphrase) signs it: nobody without the passphrase
can change it unnoticed. Only once the file is written, checked and in place is this copy
marked as handed off (read-only here). Taking over verifies the file, compares it with the vault
already on that computer (notes/lineage.py) and puts it in place without overwriting anything.

Every step that can be cut short leaves either the old state or the new one: files are written
under a temporary name and renamed; the vault here is set aside (a hard link, or a copy) before
the new one is renamed over its name, so there is never a moment without a vault at its path.
"""

from __future__ import annotations

import contextlib
import os
import platform
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
from storage.errors import (
    NotAVault,
    NotWritable,
    VaultDamaged,
    VaultError,
    VaultExists,
    WrongPassphrase,
    translated,
)
from storage.instance_lock import InstanceLock
from storage.private_files import SIDECARS, private_folder, reserve_private_file
from storage.vault import Vault, connect, verify_copy

SUFFIX = ".alliance-handoff"
_STAMP = "%Y-%m-%d_%H%M%S"


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


def this_computer() -> str:
    return platform.node() or "this computer"


def _no_progress(_text: str, _share: float) -> None:
    return None


# -- handing off ---------------------------------------------------------------------------


def handoff_name(vault_path: Path, number: int, host: str, moment: datetime) -> str:
    safe_host = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in host) or "computer"
    return f"{vault_path.stem}-handoff-{number}-from-{safe_host}-{moment.strftime(_STAMP)}{SUFFIX}"


def hand_off(
    vault_path: Path,
    passphrase: str,
    folder: Path,
    progress: Progress | None = None,
    host: str | None = None,
) -> Path:
    """Write a verified hand-off file into `folder`, then mark this copy as handed off.

    The vault must be locked in the window: this opens it itself, so it holds the instance
    lock throughout. Returns the hand-off file.
    """
    progress = progress or _no_progress
    host = host or this_computer()
    vault = Vault.open(vault_path, passphrase)
    try:
        if vault.moved is not None:
            raise lineage.ReadOnlyCopy(vault.moved)
        progress("Saving and checking the vault", 0.05)
        with vault.transaction() as connection:
            before = lineage.read(connection)
        moment = datetime.now().replace(microsecond=0)
        number = before.handoffs + 1
        target = _free_name_like(Path(folder) / handoff_name(vault.path, number, host, moment))
        _write_copy(vault.path, passphrase, target, progress)
        _seal_copy(target, passphrase, number, moment, host)
        progress("Marking this copy as handed off", 0.9)
        with vault.transaction() as connection:
            lineage.record(connection, CopyState.HANDED_OFF, number, moment, host, str(target))
            audit_log.append(connection, AuditAction.HANDED_OFF, _handed_off_record(number, target))
    finally:
        vault.close()
    progress("Handed off", 1.0)
    return target


def _handed_off_record(number: int, target: Path) -> str:
    return f"hand-off {number} to {target.name}"


def _partial(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


def _write_copy(vault_path: Path, passphrase: str, target: Path, progress: Progress) -> None:
    """The encrypted copy as `target.partial`; removed again if anything goes wrong."""
    partial = _partial(target)
    try:
        private_folder(target.parent)
        partial.unlink(missing_ok=True)  # left by an earlier attempt that was cut short
    except OSError as error:
        raise NotWritable(target.parent) from error
    progress("Copying the vault", 0.2)
    try:
        with translated(target):
            reserve_private_file(partial)  # VACUUM INTO fills an empty file, keeping its mode
            reader = connect(vault_path, passphrase)
            try:
                reader.execute("VACUUM INTO ?", (str(partial),))
            finally:
                reader.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _seal_copy(target: Path, passphrase: str, number: int, moment: datetime, host: str) -> None:
    """Write the hand-off record into the copy, check it, and only then give it its name."""
    partial = _partial(target)
    try:
        copy = connect(partial, passphrase)
        try:
            with translated(partial):
                copy.execute("BEGIN IMMEDIATE")
                lineage.record(copy, CopyState.IN_TRANSIT, number, moment, host, str(target))
                # The copy carries its own HANDED_OFF line, so the vault that arrives says
                # where it came from even after the computer it left has gone.
                audit_log.append(copy, AuditAction.HANDED_OFF, _handed_off_record(number, target))
                copy.execute("COMMIT")
        finally:
            copy.close()
        verify_copy(partial, passphrase, schema.LATEST_VERSION)
        with translated(target):
            _fsync(partial)
            os.replace(partial, target)
            _fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


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
    progress = progress or _no_progress
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
            _fsync(staging)
            if aside is not None:
                _set_aside(vault_path, aside)
            os.replace(staging, vault_path)
            _fsync_folder(vault_path.parent)
    finally:
        staging.unlink(missing_ok=True)
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
    progress = progress or _no_progress
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
        f"{datetime.now().strftime(_STAMP)}{vault_path.suffix}"
    )
    kept = _free_name_like(kept)
    staging = kept.with_name(kept.name + ".partial")
    try:
        _copy_file(file, staging)
        connection = connect(staging, passphrase)
        try:
            with translated(staging):
                connection.execute("BEGIN IMMEDIATE")
                lineage.set_state(connection, CopyState.KEPT)
                connection.execute("COMMIT")
        finally:
            connection.close()
        verify_copy(staging, passphrase, schema.LATEST_VERSION)
        with translated(kept):
            _fsync(staging)
            os.replace(staging, kept)
    finally:
        staging.unlink(missing_ok=True)
    return kept


def _copy_file(source: Path, target: Path) -> None:
    with translated(target):
        target.unlink(missing_ok=True)  # a staging file left by an earlier, cut-short attempt
        reserve_private_file(target)  # copyfile keeps the mode of a file that exists
        shutil.copyfile(source, target)


def _make_live(
    staging: Path, passphrase: str, incoming: Lineage, file: Path, host: str, aside: Path | None
) -> None:
    """The copy becomes this computer's live vault; its log says from where, and what went."""
    connection = connect(staging, passphrase)
    try:
        with translated(staging):
            connection.execute("BEGIN IMMEDIATE")
            lineage.set_state(connection, CopyState.LIVE)
            what = f"{incoming.handoffs} from {incoming.from_host} ({file.name}) on {host}"
            if aside is not None:
                what += f"; the vault before it kept as {aside.name}"
            audit_log.append(connection, AuditAction.TAKEN_OVER, what)
            connection.execute("COMMIT")
    finally:
        connection.close()


def _aside_name(vault_path: Path) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    return _free_name_like(
        vault_path.with_name(f"{vault_path.stem}-set-aside-{stamp}{vault_path.suffix}")
    )


def _free_name_like(path: Path) -> Path:
    """`path`, or the same name with a counter, so that no file is ever replaced."""
    candidate, counter = path, 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    return candidate


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
            _fsync(target)
    for extra in SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            vault_path.with_name(vault_path.name + extra).unlink()


def _fsync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable; not every system can open a folder for that."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
