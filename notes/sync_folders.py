"""Folders that a file-sync tool manages, and the conflict copies those tools leave beside a file.

A live vault must never sit in such a folder: the tool copies the database and its write-ahead
log at different moments, and when two computers write it keeps "conflicted copies" instead of
merging. Tools are recognised by their own marker files and folders (in the synced folder's
root) or by where they keep their folders; conflict copies by each tool's naming pattern.

Pure rules: storage/sync_folders.py lists the folders and hands the names to these functions.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class SyncTool:
    name: str
    markers: tuple[str, ...] = ()  # names (shell patterns) found in the synced folder's root
    folder_names: tuple[str, ...] = ()  # patterns for a folder the tool itself names


TOOLS: tuple[SyncTool, ...] = (
    SyncTool("Dropbox", (".dropbox", ".dropbox.cache"), ("Dropbox", "Dropbox (*)")),
    # OneDrive marks its root with a hidden file named by a fixed GUID.
    SyncTool(
        "OneDrive",
        (".849C9593-D756-4E56-8D6E-42412F2A707B",),
        ("OneDrive", "OneDrive - *", "OneDrive-*"),
    ),
    SyncTool(
        "Google Drive",
        (".tmp.drivedownload", ".tmp.driveupload"),
        ("Google Drive", "My Drive", "GoogleDrive-*"),
    ),
    SyncTool("iCloud Drive", (), ("com~apple~CloudDocs", "iCloudDrive", "iCloud Drive")),
    SyncTool(
        "Nextcloud",
        (".sync_*.db", "._sync_*.db", ".nextcloudsync.log", ".owncloudsync.log"),
        ("Nextcloud",),
    ),
    SyncTool("Syncthing", (".stfolder",), ()),
)


@dataclass(frozen=True)
class SyncFolder:
    """A vault's folder lies inside `root`, which `tool` keeps in step with other computers."""

    tool: str
    root: PurePath


def tool_of(folder: PurePath, names: Iterable[str]) -> str | None:
    """The sync tool that manages `folder`, by its name or by the names inside it."""
    names = list(names)
    for tool in TOOLS:
        if any(fnmatch.fnmatchcase(folder.name, pattern) for pattern in tool.folder_names):
            return tool.name
        if any(fnmatch.filter(names, marker) for marker in tool.markers):
            return tool.name
    return None


def sync_folder(chain: Iterable[tuple[PurePath, Iterable[str]]]) -> SyncFolder | None:
    """The first synced folder in `chain`: each folder from the vault's own up to the root,
    with the names it holds."""
    for folder, names in chain:
        tool = tool_of(folder, names)
        if tool is not None:
            return SyncFolder(tool, folder)
    return None


def _conflict_patterns(vault_name: str) -> list[re.Pattern[str]]:
    path = PurePath(vault_name)
    stem, end = re.escape(path.stem), re.escape(path.suffix) + r"(?:-wal|-shm)?"
    return [
        # Dropbox and Nextcloud: "alliance (Jane's conflicted copy 2024-03-02).vault"
        re.compile(rf"{stem} \([^)]*conflicted copy[^)]*\){end}"),
        # ownCloud and older Nextcloud: "alliance_conflict-20240302-101500.vault"
        re.compile(rf"{stem}_conflict-\d{{8}}-\d{{6}}{end}"),
        # Syncthing: "alliance.sync-conflict-20240302-101500-ABCDEFG.vault"
        re.compile(rf"{stem}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{end}"),
        # OneDrive adds the computer's name, which Windows writes in capitals:
        # "alliance-DESKTOP-4F2K9.vault" (Alliance's own names beside the vault are lowercase)
        re.compile(rf"{stem}-[A-Z0-9][A-Z0-9-]*{end}"),
        # Google Drive: "alliance (1).vault"; iCloud Drive: "alliance 2.vault"
        re.compile(rf"{stem} \(\d+\){end}"),
        re.compile(rf"{stem} \d+{end}"),
    ]


def conflict_copies(vault_name: str, names: Iterable[str]) -> list[str]:
    """The names among `names` that a sync tool gave to conflicting copies of the vault."""
    patterns = _conflict_patterns(vault_name)
    return sorted(name for name in names if any(p.fullmatch(name) for p in patterns))


# -- wording ---------------------------------------------------------------------------------


def warning_text(found: SyncFolder | None, vault_name: str, conflicts: list[str]) -> str:
    """The one warning, in plain words; empty when there is nothing to say."""
    parts = []
    if found is not None:
        parts.append(
            f"Your vault is inside a folder that {found.tool} keeps in step with other "
            f"computers ({found.root}). Syncing a vault while it is open can damage it or lose "
            "notes: the tool copies the vault and its log of recent changes at different "
            "moments, and when two computers write it keeps two copies instead of merging "
            "them.\n\nMove the vault to a folder that is not synced, and use Vault → Move to "
            f"another computer… to carry it through {found.tool} as a closed, checked hand-off "
            "file instead."
        )
    if conflicts:
        listed = "\n".join(f"  • {name}" for name in conflicts)
        parts.append(
            f"Beside {vault_name} there are copies that a sync tool made when two computers "
            f"changed it at once:\n{listed}\nAlliance does not open them as your vault. Keep "
            "them until you have checked that nothing you need is only in one of them."
        )
    return "\n\n".join(parts)
