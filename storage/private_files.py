"""Files that can hold client data are the owner's alone: 0600 files in 0700 folders.

The mode is set explicitly (not left to the umask, which is 022 on most desktops and would make
the vault world-readable). SQLite gives a database's -wal and -shm files the mode of the
database file itself, so a vault created private stays private with its sidecars.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
SIDECARS = ("-wal", "-shm")


def private_folder(path: Path) -> None:
    """Create `path` and any missing parents as 0700; folders that already exist stay as they
    are (the person chose them, and they may be shared on purpose)."""
    path = Path(path)
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask


def reserve_private_file(path: Path) -> None:
    """Make sure `path` exists as a 0600 file before anything writes client data into it."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)


def make_private(path: Path) -> None:
    """Tighten an existing vault file and its sidecars to 0600 (vaults made before this rule).
    Read-only media cannot be changed; that is no reason to refuse to open the vault."""
    for candidate in (Path(path), *(Path(f"{path}{extra}") for extra in SIDECARS)):
        with contextlib.suppress(OSError):
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                os.chmod(candidate, FILE_MODE)
