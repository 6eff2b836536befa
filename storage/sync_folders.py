"""Look around the vault's folder for a file-sync tool and for its conflict copies.

The rules (which markers mean which tool, which names are conflict copies) are in
notes/sync_folders.py; this module only lists folders. Nothing is opened or changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath

from notes.sync_folders import SyncFolder, conflict_copies, sync_folder


@dataclass(frozen=True)
class Surroundings:
    sync: SyncFolder | None
    conflicts: list[Path]

    @property
    def worrying(self) -> bool:
        return self.sync is not None or bool(self.conflicts)


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:  # a folder we may not read is no sign of anything
        return []


def look_around(vault_path: Path) -> Surroundings:
    """Whether the vault sits in a synced folder, and what conflict copies lie beside it."""
    vault_path = Path(vault_path).absolute()
    folders = [vault_path.parent, *vault_path.parent.parents]
    found = sync_folder((PurePath(folder), _names(folder)) for folder in folders)
    beside = conflict_copies(vault_path.name, _names(vault_path.parent))
    return Surroundings(found, [vault_path.parent / name for name in beside])
