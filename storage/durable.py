"""Files that last through a crash or a power cut: the data flushed to the disk before a
rename puts it in place, and the rename itself flushed with its folder. Every file Alliance
writes under a temporary name and renames (backups, passphrase changes, restores, hand-offs,
take-overs) goes through here."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Flush a file's data to the disk."""
    with Path(path).open("rb+") as file:
        os.fsync(file.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX). Windows cannot open a folder and needs no
    such step; some file systems (network shares, some USB sticks) refuse it, and the rename
    has happened all the same, so a refusal is not an error."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def put_in_place(written: Path, target: Path) -> None:
    """Rename a finished file over `target` in one atomic step, flushed before and after:
    afterwards `target` is the old file or the whole new one, never part of it."""
    fsync_file(written)
    os.replace(written, target)
    fsync_folder(Path(target).parent)
