"""Errors a therapist can act on, sorted once at the storage boundary.

Every error here carries a plain sentence for the person at the keyboard. Anything raised from
storage that is *not* a VaultError is a bug and goes to the crash dialog instead.

What SQLCipher lets us tell apart, and what it does not:
- an empty file, a plain (unencrypted) SQLite database and a file whose size is not a whole
  number of pages are recognised before any key is tried: NotAVault;
- a wrong passphrase and a damaged first page look the same to SQLCipher (the first page's
  HMAC fails either way), and so do a wrong passphrase and a file of random bytes: all three
  become WrongPassphrase, whose message says so;
- damage on any later page shows once the key is right, when that page is read or the
  integrity check runs: VaultDamaged.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3


class VaultError(Exception):
    """Base of every error the user can act on; `message` is shown to them as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this vault. Check the keyboard layout and Caps Lock "
            "and try again. If you are sure it is right, the start of the file may be damaged: "
            "restore it from a backup."
        )


class EmptyPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("Type a passphrase: a vault cannot be locked with an empty one.")


class NotAVault(VaultError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path.name} is not an Alliance vault ({why}). Choose another file.")


class VaultMissing(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no vault at {path}. Create one, or choose another file.")


class VaultExists(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"A file already exists at {path}. Open it, or choose another name for a new vault."
        )


class VaultDamaged(VaultError):
    def __init__(self, path: Path | None, detail: str = "") -> None:
        name = path.name if path else "The vault"
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"{name} is damaged{extra}. Nothing has been changed in it. "
            "Restore it from your newest backup; keep the damaged file until you have checked "
            "the restored notes."
        )


class VaultInUse(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} is already open in another Alliance window. Close that one first: "
            "two copies writing at once could damage the vault."
        )


class DiskFull(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full, so the last change was not saved. Your text is still on screen: "
            "free some space and save again."
        )


class NotWritable(VaultError):
    def __init__(self, where: Path | str) -> None:
        super().__init__(
            f"Alliance cannot write to {where}. Check that the folder exists, that you may "
            "write to it, and that the disk is not read-only."
        )


class VaultTooNew(VaultError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"This vault was written by a newer version of Alliance (format {found}; this copy "
            f"knows up to {known}). Update Alliance to open it; nothing has been changed."
        )


class NoteIsSigned(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This note is signed and can no longer be changed. Add an addendum instead."
        )


class PassphraseChangeFailed(VaultError):
    """The rekey did not verify; `message` says what state the vault was left in."""


class VaultLocked(VaultError):
    """The vault was locked while a read on a worker thread (a search) was under way."""

    def __init__(self) -> None:
        super().__init__("The vault was locked. Unlock it to go on.")


# SQLite's primary result codes (extended codes carry them in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_SIGNED_MARKER = "signed notes cannot be changed"


def translate(error: sqlcipher3.Error, path: Path | None) -> Exception:
    """The typed error for a database error, or the error itself when it is a bug."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(error)
    if _SIGNED_MARKER in text:
        return NoteIsSigned()
    if code == _SQLITE_FULL or "disk is full" in text:
        return DiskFull()
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
        return NotWritable(path.parent if path else "the vault's folder")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_IOERR):
        return VaultDamaged(path)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) and path is not None:
        return VaultInUse(path)
    return error


@contextmanager
def translated(path: Path | None) -> Iterator[None]:
    """Run a block of database work, turning actionable SQLite errors into VaultErrors."""
    try:
        yield
    except sqlcipher3.Error as error:
        typed = translate(error, path)
        if typed is error:
            raise
        raise typed from error
    except OSError as error:
        raise _os_error(error, path) from error


def _os_error(error: OSError, path: Path | None) -> Exception:
    if error.errno == errno.ENOSPC:
        return DiskFull()
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
        return NotWritable(error.filename or (path.parent if path else "the vault's folder"))
    return error
