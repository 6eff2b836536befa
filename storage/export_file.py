"""Putting an exported file on disk: all of it or nothing, never half a file.

The bytes go to a temporary file beside the target, are flushed to the disk, and only then
renamed over the target (os.replace is atomic on one file system). A failed export leaves no
partial file behind and never damages an older file of the same name.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from storage.errors import DiskFull, VaultError


class ExportFailed(VaultError):
    """The export could not be written; the message says where and what to do."""


def write_export(target: Path, data: bytes) -> Path:
    """Write `data` to `target` atomically; raise ExportFailed or DiskFull with a plain message."""
    target = Path(target)
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder. Choose a file name for the report.")
    folder = target.parent
    if not folder.is_dir():
        raise ExportFailed(
            f"The folder {folder} does not exist. Choose another folder, or create it first."
        )
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".partial", dir=folder
        )
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise _plain(error, target, len(data)) from error
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return target


def _plain(error: OSError, target: Path, size: int) -> VaultError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        # What the report needs, plus room for the file system's own bookkeeping.
        return DiskFull(size + 1_000_000, f"the report {target.name} was not saved")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportFailed(
            f"Alliance may not write to {target.parent}. Choose a folder you can write to "
            "(your Documents folder, for example); nothing was saved."
        )
    if error.errno == errno.EBUSY or error.errno == errno.ETXTBSY:
        return ExportFailed(
            f"{target.name} is open in another program. Close it there, then export again."
        )
    return ExportFailed(
        f"The report could not be saved as {target} ({error.strerror or error}). "
        "Try another folder or file name; nothing was saved."
    )
