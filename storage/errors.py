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

import contextlib
import errno
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
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
            "and try again."
        )


class EmptyPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("Type a passphrase: a vault cannot be locked with an empty one.")


class UnusablePassphrase(VaultError):
    """Input that cannot be a passphrase (a NUL character, bytes that are not UTF-8 text)."""

    def __init__(self, why: str) -> None:
        super().__init__(f"That cannot be a passphrase: {why}. Type it again.")


class FormerPassphrase(WrongPassphrase):
    """The passphrase opened this vault before a passphrase change (proven by the record of
    changes beside it or by a before-change backup: the same words either way)."""

    def __init__(self, changed: datetime) -> None:
        when = f"{changed.day} {changed:%B %Y} at {changed:%H:%M}"
        VaultError.__init__(
            self,
            f"That was your passphrase before the change on {when}. The vault now opens with "
            "the passphrase you chose then; nothing is damaged.",
        )


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
    """The disk is full; `needed` (bytes), when known, is how much more space the work takes."""

    def __init__(self, needed: int | None = None, what: str = "") -> None:
        self.needed = needed
        amount = f" Free at least {megabytes(needed)} and try again" if needed else ""
        what = what or (
            "the last change was not saved. Your text is still on screen: free some space and "
            "save again"
        )
        super().__init__(f"The disk is full, so {what}.{amount}{'.' if amount else ''}")

    def doing(self, what: str) -> DiskFull:
        """The same full disk, said of the work that met it ("the backup was not written")."""
        return DiskFull(self.needed, what)


def megabytes(size: int) -> str:
    return f"{max(1, -(-size // 1_000_000))} MB"


class VaultReadOnly(VaultError):
    """The vault is open for reading only; changes cannot be saved."""

    def __init__(self, why: str) -> None:
        self.why = why
        super().__init__(f"This vault is open read-only ({why}), so changes can't be saved.")


class NotWritable(VaultError):
    def __init__(self, where: Path | str) -> None:
        super().__init__(
            f"Alliance cannot write to {where}. Check that the folder exists, that you may "
            "write to it, and that the disk is not read-only."
        )


class InTheWay(VaultError):
    """A name Alliance writes to for a moment, beside the vault or a backup, holds a folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"A folder named “{self.path.name}” is in the way in {self.path.parent}: Alliance "
            "needs that name for a moment to write a file safely. Move or rename the folder, "
            "then try again. Nothing has been changed."
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


class SessionIsVoid(VaultError):
    def __init__(self) -> None:
        super().__init__("This session is void and stays in the record as it was voided.")


class VaultLocked(VaultError):
    """The vault was locked while a read on a worker thread (a search) was under way."""

    def __init__(self) -> None:
        super().__init__("The vault was locked. Unlock it to go on.")


# SQLite's primary result codes (extended codes carry them in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_SIGNED_MARKER = "signed notes cannot be changed"
_VOID_MARKER = "a void stands"


def translate(error: sqlcipher3.Error, path: Path | None) -> Exception:
    """The typed error for a database error, or the error itself when it is a bug."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(error)
    if _SIGNED_MARKER in text:
        return NoteIsSigned()
    if _VOID_MARKER in text:
        return SessionIsVoid()
    if code == _SQLITE_FULL or "disk is full" in text:
        return DiskFull(space_needed(path))
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and disk_is_full(path):
        # SQLite reports a failed write of its -shm or -wal file on a full disk as an I/O
        # error: that is a full disk, never damage.
        return DiskFull(space_needed(path))
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
        return NotWritable(path.parent if path else "the vault's folder")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_IOERR):
        return VaultDamaged(path)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) and path is not None:
        return VaultInUse(path)
    return error


# Below this much free space a failed write is put down to the full disk: a vault's write-ahead
# log and its index need a few pages more than the data written.
_NEARLY_FULL = 1_000_000


def disk_is_full(path: Path | None) -> bool:
    """The disk holding `path` has (next to) no space left."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(_existing_folder(path)).free < _NEARLY_FULL
    except OSError:
        return False


def space_needed(path: Path | None) -> int:
    """What work on the vault at `path` may need: a copy's worth of the file, and a margin."""
    size = 0
    if path is not None:
        with contextlib.suppress(OSError):
            size = path.stat().st_size
    return size + _NEARLY_FULL


def _existing_folder(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


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
        raise os_error(error, path) from error


def os_error(error: OSError, path: Path | None) -> Exception:
    """The typed error for a failed file operation, or the error itself when it is a bug."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(space_needed(path))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
        return NotWritable(error.filename or (path.parent if path else "the vault's folder"))
    return error
