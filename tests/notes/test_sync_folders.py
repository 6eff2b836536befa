"""Sync tools recognised by their own markers and folder names; their conflict copies by name."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from notes.sync_folders import SyncFolder, conflict_copies, sync_folder, tool_of, warning_text


@pytest.mark.parametrize(
    ("folder", "names", "tool"),
    [
        ("/home/ana/Dropbox", [".dropbox", "Notes"], "Dropbox"),
        ("/home/ana/Work", [".dropbox.cache"], "Dropbox"),
        ("/Users/ana/Library/CloudStorage/OneDrive-Practice", [], "OneDrive"),
        ("C:/Users/ana/OneDrive - Praxis Weber", [], "OneDrive"),
        ("D:/Files", [".849C9593-D756-4E56-8D6E-42412F2A707B"], "OneDrive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org", [], "Google Drive"),
        ("G:/My Drive", [], "Google Drive"),
        ("/home/ana/gdrive", [".tmp.drivedownload"], "Google Drive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs", [], "iCloud Drive"),
        ("/home/ana/cloud", [".sync_3f2a9c.db", "Documents"], "Nextcloud"),
        ("/home/ana/cloud", ["._sync_3f2a9c.db"], "Nextcloud"),
        ("/home/ana/Sync", [".stfolder", ".stignore"], "Syncthing"),
    ],
)
def test_each_tool_is_recognised(folder, names, tool):
    assert tool_of(PurePath(folder), names) == tool


@pytest.mark.parametrize(
    ("folder", "names"),
    [("/home/ana/.local/share/Alliance", ["alliance.vault"]), ("/home/ana", [".dropboxish"])],
)
def test_ordinary_folders_are_not_synced(folder, names):
    assert tool_of(PurePath(folder), names) is None


def test_the_first_synced_folder_up_the_chain_is_named():
    chain = [
        (PurePath("/home/ana/Sync/Alliance"), ["alliance.vault"]),
        (PurePath("/home/ana/Sync"), [".stfolder"]),
        (PurePath("/home/ana"), [".dropbox"]),
    ]
    assert sync_folder(chain) == SyncFolder("Syncthing", PurePath("/home/ana/Sync"))
    assert sync_folder(chain[:1]) is None


def test_conflict_copies_are_found_by_each_tools_pattern():
    names = [
        "alliance.vault",
        "alliance.vault-wal",
        "alliance.vault.lock",
        "alliance (Ana's conflicted copy 2024-03-02).vault",  # Dropbox
        "alliance (conflicted copy 2024-03-02 101500).vault",  # Nextcloud
        "alliance_conflict-20240302-101500.vault",  # ownCloud
        "alliance.sync-conflict-20240302-101500-ABCDEFG.vault",  # Syncthing
        "alliance.sync-conflict-20240302-101500-ABCDEFG.vault-wal",
        "alliance-DESKTOP-4F2K9.vault",  # OneDrive
        "alliance (1).vault",  # Google Drive
        "alliance 2.vault",  # iCloud Drive
        # Alliance's own names beside the vault are no conflicts:
        "alliance-set-aside-2024-03-02_101500.vault",
        "alliance-from-laptop-2024-03-02_101500.vault",
        "alliance-backup-2024-03-02_101500.vault",
        "other (1).vault",
    ]
    found = conflict_copies("alliance.vault", names)
    assert found == sorted(names[3:11])


def test_the_warning_names_the_tool_the_folder_and_every_conflict_copy():
    text = warning_text(
        SyncFolder("Dropbox", PurePath("/home/ana/Dropbox")),
        "alliance.vault",
        ["alliance (1).vault"],
    )
    assert "Dropbox keeps in step" in text and "/home/ana/Dropbox" in text
    assert "Move to another computer" in text
    assert "alliance (1).vault" in text and "does not open them" in text
    assert warning_text(None, "alliance.vault", []) == ""
