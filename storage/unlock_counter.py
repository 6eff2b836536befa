"""Failed unlocks counted in a small file beside the vault, so that restarts and the command
line count too.

A wrong passphrase cannot write into the vault (its key is what is missing), so the count waits
outside it, in `alliance.vault.unlocks` (0600): one line with a number and the time of the first
failure since the last unlock, and nothing else. `Vault.open` counts every wrong passphrase here,
whoever asked (the window or a command-line verb), and at the next unlock writes the count into
the audit log and clears the file. Counting is best effort: read-only media or a folder that
cannot be written must never turn a wrong passphrase into another error.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from notes.unlocks import FailedUnlocks
from storage.private_files import reserve_private_file

SUFFIX = ".unlocks"


def counter_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + SUFFIX)


def read(vault_path: Path) -> FailedUnlocks | None:
    """The failures counted since the last unlock; None when there are none or the file is
    unreadable (a count that cannot be read is no reason to refuse an unlock)."""
    try:
        count, since = counter_path(vault_path).read_text(encoding="ascii").split()
        counted = FailedUnlocks(int(count), datetime.fromisoformat(since))
    except (OSError, ValueError):  # missing, unreadable, or not a count
        return None
    return counted if counted.count > 0 else None


def count_failure(vault_path: Path) -> None:
    """Add one failed unlock. Call it with the vault's instance lock held, so that two
    processes never count at once; it never raises for a file it cannot write."""
    earlier = read(vault_path)
    counted = earlier.another() if earlier else FailedUnlocks.first(datetime.now())
    path = counter_path(vault_path)
    with contextlib.suppress(OSError):  # read-only media: what cannot be counted is not
        reserve_private_file(path)
        path.write_text(f"{counted.count} {counted.since.isoformat()}\n", encoding="ascii")


def clear(vault_path: Path) -> None:
    """Forget the count once the audit log holds it; never raises (the vault just opened, so
    its folder can be written, and a file left over is only counted again)."""
    with contextlib.suppress(OSError):
        counter_path(vault_path).unlink(missing_ok=True)
