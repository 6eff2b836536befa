"""The passphrases a vault had before its changes, kept as slow hashes beside it.

A before-change backup recognises a refused passphrase as a former one only while it exists.
So every confirmed change also leaves a line in `<vault>.former` (0600, JSON): when the change
was made, a random salt, PBKDF2-HMAC-SHA512 of the old passphrase at SQLCipher's own cost
(256,000 iterations), and the SQLCipher salt of the file the change wrote. Nothing about a
client, and never the passphrase itself: the record is no easier to guess against than the
backup it stands in for, which is itself an offline test of the old passphrase.

The file salt ties the record to one file's history. A rekeyed copy gets a new salt, while
backups and hand-off files (VACUUM INTO) keep the salt of the file they copy. So after a restore
or a take-over only the changes that led to the file now in place are believed: a change whose
file is not in the vault's past is never said to have happened. The record is only ever a
help: missing, damaged or unwritable, it means "not known", never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.durable import put_in_place
from storage.private_files import reserve_private_file

SUFFIX = ".former"
WRITING = ".writing"  # the record under its temporary name, before the rename
KEPT = 5  # the newest changes: each is one key derivation at a refused unlock
_KIND = "Alliance: passphrases from before a change (slow hashes, no client data)"
_VERSION = 1
_ITERATIONS = 256_000  # SQLCipher 4's default: guessing here costs what it costs on the vault
_SALT = 16


@dataclass(frozen=True)
class FormerChange:
    """One passphrase change: when, the old passphrase's hash, and the file it led to."""

    changed: datetime
    salt: bytes
    digest: bytes
    iterations: int
    file_salt: bytes

    def opened_with(self, passphrase: str) -> bool:
        """Was `passphrase` the one in force before this change?"""
        computed = _digest(passphrase, self.salt, self.iterations)
        return hmac.compare_digest(computed, self.digest)


def record_path(vault_path: Path) -> Path:
    return Path(vault_path).with_name(Path(vault_path).name + SUFFIX)


def file_salt(vault_path: Path) -> bytes | None:
    """The SQLCipher salt in the file's first 16 bytes, which names its passphrase era."""
    try:
        with Path(vault_path).open("rb") as file:
            salt = file.read(_SALT)
    except OSError:
        return None
    return salt if len(salt) == _SALT else None


def known_changes(vault_path: Path) -> list[FormerChange]:
    """The changes that led to the file now at `vault_path`, newest first; empty when the
    record is missing, damaged or describes another file's history."""
    return _leading_to(_read(record_path(vault_path)), file_salt(vault_path))


def other_files(vault_path: Path) -> set[bytes]:
    """The SQLCipher salts of files the record says changes wrote outside the file now in
    place's own past (another line of its history: a later file, before an older backup was
    restored). A backup with one of these salts opens with a passphrase this file never had."""
    recorded = _read(record_path(vault_path))
    past = _leading_to(recorded, file_salt(vault_path))
    return {change.file_salt for change in recorded if change not in past}


def remember(vault_path: Path, old_passphrase: str, changed: datetime, old_file: bytes) -> None:
    """Add a confirmed change (the vault at `vault_path` now opens with the new passphrase;
    `old_file` is the salt of the file it replaced). Best effort, never raises for the disk."""
    vault_path = Path(vault_path)
    new_file = file_salt(vault_path)
    if new_file is None:
        return
    salt = os.urandom(_SALT)
    change = FormerChange(
        changed.replace(microsecond=0),
        salt,
        _digest(old_passphrase, salt, _ITERATIONS),
        _ITERATIONS,
        new_file,
    )
    earlier = _leading_to(_read(record_path(vault_path)), old_file)  # newest first
    _write(vault_path, [change, *earlier][:KEPT])


def discard_unfinished(vault_path: Path) -> None:
    """Remove a record a crash cut short before its rename (the one in place is whole)."""
    with contextlib.suppress(OSError):
        record_path(vault_path).with_name(record_path(vault_path).name + WRITING).unlink(
            missing_ok=True
        )


def _digest(passphrase: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, iterations)


def _leading_to(changes: list[FormerChange], salt: bytes | None) -> list[FormerChange]:
    """From the newest change that wrote the file with `salt`, back: the file's own past."""
    for index, change in enumerate(changes):
        if salt is not None and hmac.compare_digest(change.file_salt, salt):
            return changes[index:]
    return []


def _read(path: Path) -> list[FormerChange]:
    """The record's changes, newest first; a record that cannot be read is an empty one."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        if data.get("version") != _VERSION:
            return []
        changes = [_change(entry) for entry in data["changes"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []
    return sorted(changes, key=lambda change: change.changed, reverse=True)


def _change(entry: dict) -> FormerChange:
    change = FormerChange(
        datetime.fromisoformat(entry["changed"]),
        bytes.fromhex(entry["salt"]),
        bytes.fromhex(entry["hash"]),
        int(entry["iterations"]),
        bytes.fromhex(entry["file"]),
    )
    if len(change.salt) != _SALT or len(change.file_salt) != _SALT or change.iterations < 1:
        raise ValueError("not a change Alliance wrote")
    return change


def _write(vault_path: Path, changes: list[FormerChange]) -> None:
    target = record_path(vault_path)
    written = target.with_name(target.name + WRITING)
    text = json.dumps(
        {
            "kind": _KIND,
            "version": _VERSION,
            "changes": [
                {
                    "changed": change.changed.isoformat(),
                    "kdf": "PBKDF2-HMAC-SHA512",
                    "iterations": change.iterations,
                    "salt": change.salt.hex(),
                    "hash": change.digest.hex(),
                    "file": change.file_salt.hex(),
                }
                for change in changes
            ],
        },
        indent=1,
    )
    try:
        reserve_private_file(written)
        with written.open("w", encoding="utf-8") as file:
            file.write(text + "\n")
        put_in_place(written, target)
    except OSError:  # a full disk or a folder that refuses it: the change stands all the same
        with contextlib.suppress(OSError):
            written.unlink(missing_ok=True)
