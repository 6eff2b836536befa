"""Files that last through a crash or a power cut: the data flushed to the disk before a
rename puts it in place, and the rename itself flushed with its folder. Every file Alliance
writes under a temporary name and renames (backups, passphrase changes, restores, hand-offs,
take-overs) goes through here."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from storage.errors import InTheWay


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


def unused_name(target: Path) -> Path:
    """`target`, or when a file is already there `name-2`, `name-3`, …: a new copy never
    replaces an older one (two made in the same second get the same dated name)."""
    target = Path(target)
    found, counter = target, 1
    while found.exists():
        counter += 1
        found = target.with_name(f"{target.stem}-{counter}{target.suffix}")
    return found


def is_work_file(path: Path) -> bool:
    """Is what lies at a temporary name of ours a file (ours, left by an attempt cut short)?
    A folder under that name is the person's, whatever it is called."""
    path = Path(path)
    return path.is_symlink() or path.is_file()


def clear_work_file(path: Path) -> None:
    """Free the temporary name `path` for a new attempt: a file an attempt cut short left
    there is removed; a folder there is not ours to remove, and InTheWay says so before
    anything has been touched."""
    path = Path(path)
    if path.exists() and not is_work_file(path):
        raise InTheWay(path)
    path.unlink(missing_ok=True)


def drop_work_file(path: Path) -> None:
    """Remove our temporary file after a failure; never raises, and leaves a folder alone."""
    with contextlib.suppress(OSError):
        if is_work_file(path):
            Path(path).unlink()
