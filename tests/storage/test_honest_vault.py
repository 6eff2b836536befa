"""Issue 13: a damaged vault is never written, a full disk is a full disk, the passphrase in
force is always known, interrupted work is tidied, one window per file, odd input refused.

All on real vault files: byte flips, a real small tmpfs filled to the last byte, real links.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from notes.records import Client
from storage import former_record
from storage.backups import back_up, restore
from storage.clients import ClientRepository
from storage.errors import (
    DiskFull,
    FormerPassphrase,
    InTheWay,
    NotAVault,
    UnusablePassphrase,
    VaultDamaged,
    VaultInUse,
    VaultReadOnly,
    WrongPassphrase,
)
from storage.interrupted import Outcome, tidy
from storage.vault import DAMAGE_FOUND, REKEYING, Vault, rekeying_path
from tests.storage.small_disk import fill, remount_read_only, small_disk
from tests.storage.vault_pages import flip_byte, schema_pages

NEW = "a new 'passphrase' ÄÖ"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_client(vault: Vault, name: str = "Maya Lindqvist", code: str = "ML-01") -> Client:
    return ClientRepository(vault).save(Client(code=code, full_name=name, start_date=date.today()))


def filled_vault(path: Path, passphrase: str, clients: int = 40) -> None:
    vault = Vault.create(path, passphrase)
    try:
        for number in range(clients):
            add_client(vault, f"Client number {number} " + "x" * 2000, f"C-{number:02d}")
    finally:
        vault.close()


# -- 1. a damaged vault is never written -------------------------------------------------------


@pytest.mark.parametrize("where", ["first", "second", "middle", "last"])
def test_a_byte_flip_anywhere_leaves_the_file_byte_identical(tmp_path, passphrase, where):
    path = tmp_path / "alliance.vault"
    filled_vault(path, passphrase)
    pages = path.stat().st_size // 4096
    page = {"first": 1, "second": 2, "middle": pages // 2, "last": pages}[where]
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    before = digest(path)
    try:
        vault = Vault.open(path, passphrase)
    except Exception as error:  # the first page: damage proven before anything opens
        assert where == "first" and "first page is damaged" in str(error)
    else:
        assert vault.read_only_because == DAMAGE_FOUND
        assert not vault.integrity_check().ok
        with pytest.raises(VaultReadOnly):
            add_client(vault)
        vault.close()
    assert digest(path) == before


def test_verify_opens_read_only_and_writes_no_audit_line(vault_path, passphrase):
    before = digest(vault_path)
    vault = Vault.open(vault_path, passphrase, read_only=True)
    assert vault.integrity_check().ok
    vault.close()
    assert digest(vault_path) == before


def test_a_vault_on_read_only_media_can_be_read_searched_and_backed_up(tmp_path, passphrase):
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "alliance.vault"
        vault = Vault.create(path, passphrase)
        add_client(vault)
        vault.close()
        remount_read_only(disk)
        vault = Vault.open(path, passphrase)
        try:
            assert vault.read_only_because == "the disk it is on is read-only"
            assert vault.read("SELECT code FROM clients") == [("ML-01",)]
            backup = back_up(vault, tmp_path / "backups")
            with pytest.raises(VaultReadOnly) as caught:
                add_client(vault, "Another", "AN-01")
            assert "changes can't be saved" in caught.value.message
        finally:
            vault.close()
        copy = Vault.open(backup, passphrase)
        assert copy.read("SELECT code FROM clients") == [("ML-01",)]
        copy.close()


def test_damage_on_a_page_the_first_read_needs_is_called_damage(tmp_path, passphrase):
    """The table of tables is read before anything else: damage there fails that first read,
    which must be said as damage (never a wrong passphrase, nor a read-only open)."""
    path = tmp_path / "alliance.vault"
    filled_vault(path, passphrase)
    pages = schema_pages(path, passphrase)
    assert pages, "the table of tables fits on page 1: no page below it to damage"
    flip_byte(path, pages[len(pages) // 2])
    before = digest(path)
    for _attempt in range(2):  # the second: the lock was let go, not "already open"
        with pytest.raises(VaultDamaged) as caught:
            Vault.open(path, passphrase)
        assert "alliance.vault is damaged" in caught.value.message
        assert "Restore it from your newest backup" in caught.value.message
    assert digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_vault_known_damaged_reads_on_past_a_damaged_page(tmp_path, passphrase):
    """SQLCipher refuses every read on a connection after one met a damaged page; the vault
    reads on with a fresh one, so the parts on whole pages can still be read and exported."""
    path = tmp_path / "alliance.vault"
    filled_vault(path, passphrase)
    vault = Vault.open(path, passphrase)
    [(root,)] = vault.read("SELECT rootpage FROM sqlite_master WHERE name = 'treatment_goals'")
    vault.close()
    flip_byte(path, root)
    before = digest(path)
    vault = Vault.open(path, passphrase)
    try:
        assert vault.read_only_because == DAMAGE_FOUND
        with pytest.raises(VaultDamaged):
            vault.read("SELECT * FROM treatment_goals")
        assert vault.read("SELECT count(*) FROM clients") == [(40,)]
    finally:
        vault.close()
    assert digest(path) == before


# -- 2. a full disk is a full disk --------------------------------------------------------------


def test_the_first_unlock_on_a_full_disk_says_so_and_a_retry_works(tmp_path, passphrase):
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "alliance.vault"
        vault = Vault.create(path, passphrase)
        add_client(vault)
        vault.close()
        path.with_name(path.name + ".lock").unlink()  # the very first unlock on this disk
        filler = fill(disk)
        for _attempt in range(2):  # the lock is not left held by the failure
            with pytest.raises(DiskFull) as caught:
                Vault.open(path, passphrase).close()
            assert caught.value.message.startswith(
                "The disk is full, so the vault could not be opened. Free at least "
            )
            assert "damaged" not in caught.value.message
        filler.unlink()
        vault = Vault.open(path, passphrase)  # no restart needed
        assert vault.read("SELECT code FROM clients") == [("ML-01",)]
        vault.close()


def test_after_an_unlock_refused_by_a_full_disk_the_vault_can_still_be_read(tmp_path, passphrase):
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "alliance.vault"
        vault = Vault.create(path, passphrase)
        add_client(vault)
        vault.close()
        filler = fill(disk)
        with pytest.raises(DiskFull):  # it could not take its audit line
            Vault.open(path, passphrase)
        before = digest(path)
        vault = Vault.open(path, passphrase, read_only=True)  # what search and backup need
        assert vault.read("SELECT code FROM clients") == [("ML-01",)]
        vault.close()
        assert digest(path) == before
        filler.unlink()


def test_save_backup_and_passphrase_change_on_a_full_disk(tmp_path, passphrase):
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "alliance.vault"
        filled_vault(path, passphrase, clients=60)
        vault = Vault.open(path, passphrase)
        try:
            filler = fill(disk)
            with pytest.raises(DiskFull) as caught:
                for number in range(50):
                    add_client(vault, "More text " * 400, f"F-{number:02d}")
            assert "MB" in caught.value.message
            with pytest.raises(DiskFull) as caught:
                back_up(vault, disk / "backups")
            assert "backup" in caught.value.message and "MB" in caught.value.message
            filler.unlink()
            # Room for the backup, not for the copy under the new passphrase as well.
            fill_leaving(disk, path.stat().st_size + 200_000)
            with pytest.raises(DiskFull) as caught:
                vault.change_passphrase(passphrase, NEW, disk / "backups")
            assert "your old passphrase still applies" in caught.value.message
            assert not rekeying_path(path).exists()
            assert not former_record.record_path(path).exists()  # no change: nothing former
            assert vault.read("SELECT count(*) FROM clients")[0][0] >= 60
        finally:
            vault.close()
        Vault.open(path, passphrase).close()  # the old passphrase, truly
        with pytest.raises(WrongPassphrase):
            Vault.open(path, NEW)


def fill_leaving(disk: Path, room: int) -> None:
    filler = fill(disk)
    with filler.open("r+b") as file:
        file.truncate(max(0, filler.stat().st_size - room))


# -- 3. the passphrase in force is always known -------------------------------------------------


def test_the_passphrase_from_before_a_change_is_named_as_such(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    back_up(vault, vault_path.parent / "backups")
    vault.change_passphrase(passphrase, NEW, vault_path.parent / "backups")
    add_client(vault)  # written after the change: it must not be lost to a "restore"
    assert vault.read_detached("SELECT code FROM clients") == [("ML-01",)]
    vault.close()
    with pytest.raises(FormerPassphrase) as caught:
        Vault.open(vault_path, passphrase)
    assert caught.value.message.startswith("That was your passphrase before the change on ")
    assert "damaged" not in caught.value.message.replace("nothing is damaged", "")
    assert "restore" not in caught.value.message.lower()
    vault = Vault.open(vault_path, NEW)
    assert vault.read("SELECT code FROM clients") == [("ML-01",)]
    assert vault.integrity_check().ok
    vault.close()


# -- 4. interrupted work is finished or rolled back ---------------------------------------------


def test_debris_of_interrupted_backups_and_changes_is_removed(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    folder.mkdir()
    (folder / "alliance-backup-2026-01-01_000000.vault.partial").write_bytes(b"x" * 4096)
    rekeying_path(vault_path).write_bytes(b"y" * 4096)
    before = digest(vault_path)
    done = {item.outcome for item in tidy(vault_path, (folder,))}
    assert done == {Outcome.BACKUP_REMOVED, Outcome.CHANGE_ROLLED_BACK}
    assert list(folder.iterdir()) == []
    assert not rekeying_path(vault_path).exists()
    assert digest(vault_path) == before
    Vault.open(vault_path, passphrase).close()


def a_folder_of_the_persons(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "letter.txt").write_text("mine")
    return path


def test_a_folder_under_a_work_files_name_is_left_alone_at_start(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    names = [
        rekeying_path(vault_path),
        vault_path.with_name(vault_path.name + ".restoring"),
        vault_path.with_name(vault_path.name + ".restoring.partial"),
        vault_path.with_name(vault_path.name + ".taking-over"),
        folder / "alliance-backup-2026-01-01_000000.vault.partial",
    ]
    for name in names:
        a_folder_of_the_persons(name)
    before = digest(vault_path)
    assert tidy(vault_path, (folder,)) == []
    assert all((name / "letter.txt").read_text() == "mine" for name in names)
    assert digest(vault_path) == before


def test_a_folder_in_the_way_of_a_passphrase_change_is_named_and_nothing_changes(
    vault_path, passphrase
):
    in_the_way = a_folder_of_the_persons(rekeying_path(vault_path))
    backups = vault_path.parent / "backups"
    vault = Vault.open(vault_path, passphrase)
    try:
        with pytest.raises(InTheWay) as refused:
            vault.change_passphrase(passphrase, NEW, backups)
        add_client(vault)  # the vault goes on being written under the old passphrase
    finally:
        vault.close()
    assert in_the_way.name in refused.value.message
    assert "Move or rename the folder" in refused.value.message
    assert not backups.exists()  # refused before the backup, not after it
    assert (in_the_way / "letter.txt").read_text() == "mine"
    vault = Vault.open(vault_path, passphrase)
    assert vault.read("SELECT code FROM clients") == [("ML-01",)]
    vault.close()


def test_a_folder_in_the_way_of_a_backup_or_a_restore_is_named(vault_path, passphrase):
    backups = vault_path.parent / "backups"
    vault = Vault.open(vault_path, passphrase)
    add_client(vault)
    backup = back_up(vault, backups)
    target = backups / "second.vault"
    a_folder_of_the_persons(target.with_name(target.name + ".partial"))
    with pytest.raises(InTheWay):
        vault.backup_to(target)
    vault.close()
    assert not target.exists()
    before = digest(vault_path)
    a_folder_of_the_persons(vault_path.with_name(vault_path.name + ".restoring"))
    with pytest.raises(InTheWay):
        restore(backup, vault_path, passphrase)
    assert digest(vault_path) == before  # the vault was never moved aside


def test_a_restore_cut_between_its_renames_is_finished(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    add_client(vault)
    backup = back_up(vault, vault_path.parent / "backups")
    vault.close()
    # What a kill between the two renames leaves: the vault moved aside, the copy not yet in.
    incoming = vault_path.with_name(vault_path.name + ".restoring")
    shutil.copyfile(backup, incoming)
    os.replace(vault_path, vault_path.with_name(vault_path.name + ".replaced-2026-01-01_000000"))
    assert [item.outcome for item in tidy(vault_path)] == [Outcome.RESTORE_FINISHED]
    assert not incoming.exists()
    vault = Vault.open(vault_path, passphrase)
    assert vault.read("SELECT code FROM clients") == [("ML-01",)]
    vault.close()


def test_a_restore_cut_before_it_replaced_anything_is_rolled_back(vault_path, passphrase):
    incoming = vault_path.with_name(vault_path.name + ".restoring")
    incoming.write_bytes(b"z" * 4096)
    before = digest(vault_path)
    assert [item.outcome for item in tidy(vault_path)] == [Outcome.RESTORE_ROLLED_BACK]
    assert digest(vault_path) == before and not incoming.exists()


def test_nothing_is_tidied_while_another_window_holds_the_vault(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    try:
        copy = vault_path.with_name(vault_path.name + REKEYING)
        copy.write_bytes(b"under way")
        assert tidy(vault_path) == []
        assert copy.exists()
    finally:
        vault.close()


def test_restore_still_works_end_to_end(vault_path, passphrase):
    vault = Vault.open(vault_path, passphrase)
    add_client(vault)
    backup = back_up(vault, vault_path.parent / "backups")
    vault.close()
    restore(backup, vault_path, passphrase)
    assert not vault_path.with_name(vault_path.name + ".restoring").exists()


# -- 5. one window per file, whatever it is called ----------------------------------------------


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_to_an_open_vault_is_refused(tmp_path, vault_path, passphrase, link):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = elsewhere / "same.vault"
    (os.symlink if link == "symlink" else os.link)(vault_path, other)
    vault = Vault.open(vault_path, passphrase)
    try:
        with pytest.raises(VaultInUse) as caught:
            Vault.open(other, passphrase)
        assert "already open in another Alliance window" in caught.value.message
    finally:
        vault.close()
    Vault.open(other, passphrase).close()  # once the first is closed, the link opens


# -- 7. what cannot be a passphrase, files of other kinds ----------------------------------------


@pytest.mark.parametrize("typed", ["before\x00after", "lone \udc80 surrogate"])
def test_impossible_passphrases_are_refused_plainly(vault_path, typed):
    with pytest.raises(UnusablePassphrase) as caught:
        Vault.open(vault_path, typed)
    assert caught.value.message.startswith("That cannot be a passphrase")


def test_a_word_file_renamed_vault_is_named_for_what_it_is(tmp_path, passphrase):
    path = tmp_path / "notes.vault"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(NotAVault) as caught:
        Vault.open(path, passphrase)
    assert "not an Alliance vault (it looks like a ZIP archive or a Word" in caught.value.message


@pytest.mark.parametrize(
    ("start", "kind"),
    [(b"%PDF-1.7\n", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image")],
)
def test_other_kinds_of_file_are_named(tmp_path, passphrase, start, kind):
    path = tmp_path / "thing.vault"
    path.write_bytes(start + bytes(4096 * 2 - len(start)))
    with pytest.raises(NotAVault, match=kind):
        Vault.open(path, passphrase)


def test_a_take_over_cut_short_is_rolled_back(vault_path, passphrase):
    staging = vault_path.with_name(vault_path.name + ".taking-over")
    staging.write_bytes(b"h" * 4096)
    before = digest(vault_path)
    assert [item.outcome for item in tidy(vault_path)] == [Outcome.TAKE_OVER_ROLLED_BACK]
    assert not staging.exists() and digest(vault_path) == before


def test_verify_and_export_on_a_full_disk(tmp_path, passphrase):
    from storage.export_file import write_export

    with small_disk(tmp_path / "disk") as disk:
        path = disk / "alliance.vault"
        vault = Vault.create(path, passphrase)
        add_client(vault)
        vault.close()
        path.with_name(path.name + ".lock").unlink()  # not even the lock file can be made
        filler = fill(disk)
        checked = Vault.open(path, passphrase, read_only=True)  # reading needs no space
        assert checked.integrity_check().ok
        checked.close()
        with pytest.raises(DiskFull) as caught:
            write_export(disk / "report.docx", b"x" * 100_000)
        assert "the report report.docx was not saved" in caught.value.message
        assert "Free at least 2 MB" in caught.value.message
        assert not (disk / "report.docx").exists()
        filler.unlink()
