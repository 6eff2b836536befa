"""One running copy per vault: an OS lock on a small file beside the vault.

The lock file holds nothing but the process id; the OS drops the lock when the process dies,
so a crash never leaves the vault locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from storage.errors import NotWritable, VaultInUse
from storage.private_files import FILE_MODE


class InstanceLock:
    """Held while a vault is open; `release` is safe to call more than once."""

    def __init__(self, vault_path: Path) -> None:
        self.path = vault_path.with_name(vault_path.name + ".lock")
        self._vault_path = vault_path
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            raise NotWritable(self.path.parent) from error
        with contextlib.suppress(OSError):  # not ours to change: it still locks
            os.fchmod(fd, FILE_MODE)  # whatever the umask was
        try:
            _lock(fd)
        except OSError as error:
            os.close(fd)
            raise VaultInUse(self._vault_path) from error
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


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
