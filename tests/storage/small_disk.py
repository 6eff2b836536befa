"""A real small disk for full-disk and read-only runs: a tmpfs of a few megabytes.

Mounting needs root (or CAP_SYS_ADMIN); where the machine does not allow it the tests that
need one are skipped with that reason. No storage call is mocked: the disk really fills.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(where: Path, size: str = "3m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a small tmpfs: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte; returns the filler file (delete it to free space)."""
    filler = disk / "filler"
    with filler.open("wb") as file:
        with contextlib.suppress(OSError):
            while True:
                file.write(b"\0" * 4096)
                file.flush()
        with contextlib.suppress(OSError):
            file.close()
    return filler


def remount_read_only(disk: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this machine cannot remount a tmpfs read-only: {done.stderr.strip()}")
