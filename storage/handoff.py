"""Handing the vault to another computer: a verified hand-off file, then this copy read-only.

A hand-off file is the vault itself, copied with VACUUM INTO into the folder the therapist
picked (a USB stick, a folder a sync tool carries), with its lineage row saying in transit,
hand-off N, made on this computer at this time. The row sits inside the encrypted file, so
SQLCipher's HMAC on every page (keyed by the passphrase) signs it: nobody without the passphrase
can change it unnoticed. Only once the file is written, checked and in place is this copy
marked as handed off (read-only here). Taking it over is storage/taking_over.py.

Every step that can be cut short leaves the old state or the new one: the file is written under
a temporary name, checked, and only then renamed. While it is written, `<vault>.handing-off`
beside the vault names the temporary file, which may be on a stick far from the vault: the next
start removes a temporary file left by a crash (storage/interrupted.py).
"""

from __future__ import annotations

import contextlib
import platform
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlcipher3

from notes.lineage import CopyState
from notes.progress import Progress
from storage import audit as audit_log
from storage import lineage, schema
from storage.audit import AuditAction
from storage.durable import clear_work_file, drop_work_file, put_in_place
from storage.errors import NotWritable, translated
from storage.private_files import private_folder, reserve_private_file
from storage.vault import Vault, connect, verify_copy

SUFFIX = ".alliance-handoff"
STAMP = "%Y-%m-%d_%H%M%S"


def this_computer() -> str:
    return platform.node() or "this computer"


def no_progress(_text: str, _share: float) -> None:
    return None


# -- handing off ---------------------------------------------------------------------------


def handoff_name(vault_path: Path, number: int, host: str, moment: datetime) -> str:
    safe_host = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in host) or "computer"
    return f"{vault_path.stem}-handoff-{number}-from-{safe_host}-{moment.strftime(STAMP)}{SUFFIX}"


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
    progress = progress or no_progress
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
        target = free_name(Path(folder) / handoff_name(vault.path, number, host, moment))
        note = handing_off_note(vault.path)
        with translated(vault.path):
            reserve_private_file(note)
            note.write_text(str(partial_path(target)), encoding="utf-8")
        try:
            _write_copy(vault.path, passphrase, target, progress)
            _seal_copy(target, passphrase, number, moment, host)
        finally:  # each removes its temporary file on failure; only a crash leaves the note
            note.unlink(missing_ok=True)
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


PARTIAL = ".partial"
HANDING_OFF = ".handing-off"


def partial_path(target: Path) -> Path:
    """Where a hand-off file is written before it is checked and given its name."""
    return target.with_name(target.name + PARTIAL)


def handing_off_note(vault_path: Path) -> Path:
    """Beside the vault while a hand-off file is written: the path of its temporary file."""
    return vault_path.with_name(vault_path.name + HANDING_OFF)


def _write_copy(vault_path: Path, passphrase: str, target: Path, progress: Progress) -> None:
    """The encrypted copy as `target.partial`; removed again if anything goes wrong."""
    partial = partial_path(target)
    try:
        private_folder(target.parent)
        clear_work_file(partial)  # left by an earlier attempt that was cut short
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
        drop_work_file(partial)
        raise


def _seal_copy(target: Path, passphrase: str, number: int, moment: datetime, host: str) -> None:
    """Write the hand-off record into the copy, check it, and only then give it its name."""
    partial = partial_path(target)
    try:
        with changing_copy(partial, passphrase) as copy:
            lineage.record(copy, CopyState.IN_TRANSIT, number, moment, host, str(target))
            # The copy carries its own HANDED_OFF line, so the vault that arrives says where it
            # came from even after the computer it left has gone.
            audit_log.append(copy, AuditAction.HANDED_OFF, _handed_off_record(number, target))
        verify_copy(partial, passphrase, schema.LATEST_VERSION)
        with translated(target):
            put_in_place(partial, target)
    except BaseException:
        drop_work_file(partial)
        raise


@contextlib.contextmanager
def changing_copy(path: Path, passphrase: str) -> Iterator[sqlcipher3.Connection]:
    """One transaction on a copy that is not open as a vault (a file on its way into place)."""
    connection = connect(path, passphrase)
    try:
        with translated(path):
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
    finally:
        connection.close()  # uncommitted work is rolled back with the connection


def free_name(path: Path) -> Path:
    """`path`, or the same name with a counter, so that no file is ever replaced."""
    candidate, counter = path, 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    return candidate
