"""One running copy per vault file, whatever name it is reached by.

Two locks, both dropped by the OS when the process dies, so a crash never leaves the vault
locked:
- a small file beside the vault's *resolved* path (symlinks followed), holding nothing but the
  process id; it works on every platform and on network folders;
- on Linux, a `flock` on the vault file itself, which belongs to the file's identity (device
  and inode): a hard link under another name or in another folder meets the same lock. Linux
  keeps `flock` apart from the `fcntl` locks SQLite takes, so the two never interfere; other
  systems mix them, and there the resolved path is all the lock follows.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

from storage.errors import DiskFull, NotWritable, VaultInUse
from storage.private_files import FILE_MODE

_UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)
_LOCKS_THE_FILE = sys.platform.startswith("linux")


class InstanceLock:
    """Held while a vault is open; `release` is safe to call more than once."""

    def __init__(self, vault_path: Path) -> None:
        resolved = Path(os.path.realpath(vault_path))
        self.path = resolved.with_name(resolved.name + ".lock")
        self._vault_path = Path(vault_path)
        self._fd: int | None = None
        self._file_fd: int | None = None  # the flock on the vault file itself
        self.beside_held = False  # False on read-only media, where no lock file can be made

    def acquire(self, *, read_only: bool = False) -> InstanceLock:
        """Take both locks or raise VaultInUse; on read-only media (`read_only`) the file
        beside cannot be made, and the lock on the vault file alone keeps one copy open."""
        try:
            self._acquire_beside(read_only)
            if self._vault_path.exists():
                self.hold_file(self._vault_path)
        except BaseException:
            self.release()
            raise
        return self

    def _acquire_beside(self, read_only: bool) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            if read_only and error.errno in (*_UNWRITABLE, errno.ENOSPC, errno.EDQUOT):
                return  # nothing will write; the lock on the file itself still holds
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(1_000_000, "the vault could not be opened") from error
            raise NotWritable(self.path.parent) from error
        with contextlib.suppress(OSError):  # not ours to change: it still locks
            os.fchmod(fd, FILE_MODE)  # whatever the umask was
        try:
            _lock(fd)
        except OSError as error:
            os.close(fd)
            raise VaultInUse(self._vault_path) from error
        self._fd = fd
        self.beside_held = True
        # The process id only helps a person see who holds the lock; a full disk that cannot
        # take it is no reason to refuse the vault (and must not leave the lock held).
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())

    def hold_file(self, vault_file: Path) -> None:
        """Lock the vault file's identity (Linux); call once the file exists."""
        if not _LOCKS_THE_FILE or self._file_fd is not None:
            return
        self._file_fd = _flock_file(vault_file, self._vault_path)

    def follow(self, new_file: Path) -> None:
        """Lock `new_file`, which is about to be renamed over the vault, and let go of the old
        file: the lock stays with whatever file the vault's name points to."""
        if not _LOCKS_THE_FILE:
            return
        fd = _flock_file(new_file, self._vault_path)
        old, self._file_fd = self._file_fd, fd
        if old is not None:
            os.close(old)

    def release(self) -> None:
        if self._file_fd is not None:
            os.close(self._file_fd)  # closing the descriptor drops its flock
            self._file_fd = None
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None
            self.beside_held = False


def _flock_file(path: Path, vault_path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as error:
        raise NotWritable(Path(path).parent) from error
    try:
        _lock(fd)
    except OSError as error:
        os.close(fd)
        raise VaultInUse(vault_path) from error
    return fd


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
