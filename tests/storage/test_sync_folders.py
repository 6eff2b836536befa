"""Looking around a real vault folder: the sync tool's marker up the tree, conflict copies beside;
nothing opened or changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from storage.sync_folders import look_around
from storage.vault import Vault
from tests.helpers import PASSPHRASE


def test_a_vault_in_a_syncthing_folder_and_its_conflict_copy(tmp_path, template_vault):
    root = tmp_path / "Sync"
    (root / ".stfolder").mkdir(parents=True)
    vault_path = root / "Alliance" / "alliance.vault"
    vault_path.parent.mkdir()
    shutil.copyfile(template_vault, vault_path)
    conflict = vault_path.with_name("alliance.sync-conflict-20240302-101500-ABCDEFG.vault")
    shutil.copyfile(template_vault, conflict)
    before = conflict.read_bytes()

    found = look_around(vault_path)
    assert found.sync is not None and found.sync.tool == "Syncthing"
    assert Path(found.sync.root) == root
    assert found.conflicts == [conflict]
    assert found.worrying
    assert conflict.read_bytes() == before  # found and named, never opened
    Vault.open(vault_path, PASSPHRASE).close()


def test_a_vault_in_an_ordinary_folder_is_left_in_peace(vault_path):
    found = look_around(vault_path)
    assert found.sync is None and found.conflicts == [] and not found.worrying
