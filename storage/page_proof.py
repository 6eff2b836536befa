"""Whether a vault file is still as Alliance left it, so that an unlock need not read it all.

SQLCipher's page check (`PRAGMA cipher_integrity_check`) proves every page's HMAC, which means
reading the whole file: two seconds for a 50,000-session vault, at every unlock, on the GUI
thread. A file that nothing but Alliance has written since its pages were last proven needs no
second proof: every page Alliance writes it has first read (SQLCipher checks each page's HMAC
as it reads it) or written whole.

So, when a vault that may be written is locked, a receipt beside it (`alliance.vault.proven`,
0600) keeps the file's stamps: device, inode, size, and the times of its last change in
nanoseconds — no client data. The next unlock skips the page check only when the file's stamps
still match the receipt and no write-ahead log waits. Any program that writes the file, copies
another over it or restores a backup changes its ctime, which no program can set back. The
receipt is removed as the vault opens for writing, so a crash, damage found meanwhile or a
vault turned read-only leaves none, and the next unlock checks every page again.

What stamps cannot see is the disk itself decaying under an unchanged file: the daily check
(`Vault.integrity_check`, after the first unlock of a day) reads every page for that, and a
damaged page met on any read turns the vault read-only at once.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from storage.private_files import reserve_private_file

SUFFIX = ".proven"


def receipt_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + SUFFIX)


def _stamps(vault_path: Path) -> str:
    found = os.stat(vault_path)
    return (
        f"{found.st_dev} {found.st_ino} {found.st_size} {found.st_mtime_ns} {found.st_ctime_ns}\n"
    )


def unchanged(vault_path: Path) -> bool:
    """Whether the file is as it was when its last proven session locked it (False when in
    any doubt: no receipt, an unreadable one, or a file that cannot be looked at)."""
    try:
        return receipt_path(vault_path).read_text(encoding="ascii") == _stamps(vault_path)
    except (OSError, ValueError):
        return False


def forget(vault_path: Path) -> None:
    """No receipt from now on (the vault is opening for writing); never raises."""
    with contextlib.suppress(OSError):
        receipt_path(vault_path).unlink(missing_ok=True)


def keep(vault_path: Path) -> None:
    """The sound vault was just locked: keep its stamps. Best effort: without a receipt the
    next unlock only checks every page, as it always may."""
    path = receipt_path(vault_path)
    with contextlib.suppress(OSError):
        reserve_private_file(path)
        path.write_text(_stamps(vault_path), encoding="ascii")
