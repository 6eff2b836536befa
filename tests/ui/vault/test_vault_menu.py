"""The Vault menu as a therapist uses it: backups, restore, passphrase, damage, audit, settings."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox

from storage.backups import backups_in
from storage.locations import default_vault_path
from storage.vault import Vault, rekeying_path
from tests.ui.helpers import STRONG_PASSPHRASE, answer_dialog, choose_client, menu_action
from ui import app_settings as keys
from ui.vault.audit_dialog import AuditDialog
from ui.vault.passphrase_change_dialog import PassphraseChangeDialog
from ui.vault.settings_dialog import SettingsDialog
from ui.widgets.secret_field import SecretField

NEW_PASSPHRASE = "copper meadow ferry 'lantern' quietly"


@pytest.fixture
def backup_folder(tmp_path, vault_path):
    """The backup folder chosen for this test's vault."""
    folder = tmp_path / "backups"
    keys.set_backup_choices(vault_path, keys.BackupChoices(folder))
    return folder


def click(qtbot, box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def wait_for_message(qtbot, seen: list) -> None:
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.accept()), QMessageBox)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)


def test_back_up_now_writes_a_verified_copy_in_the_chosen_folder(qtbot, open_window, backup_folder):
    seen: list[str] = []
    menu_action(open_window, "Back up now").trigger()
    wait_for_message(qtbot, seen)
    assert "Backup written and checked" in seen[0]
    [backup] = backups_in(backup_folder, open_window.service.path)
    assert str(backup) in seen[0]
    copy = Vault.open(backup, STRONG_PASSPHRASE)
    copy.close()


def test_backup_on_quit_keeps_the_newest_n(qtbot, open_window, backup_folder):
    path = open_window.service.path
    keys.set_backup_choices(path, keys.BackupChoices(backup_folder, on_quit=True, keep=2))
    for _ in range(3):
        open_window.vault_actions.back_up_on_quit()
    assert len(backups_in(backup_folder, open_window.service.path)) == 2
    open_window.close()
    assert not open_window.service.is_unlocked
    assert len(backups_in(backup_folder, open_window.service.path)) == 2


def test_change_passphrase_from_the_menu(qtbot, open_window, backup_folder):
    def fill(dialog: PassphraseChangeDialog) -> None:
        qtbot.keyClicks(dialog.current, STRONG_PASSPHRASE)
        qtbot.keyClicks(dialog.new, NEW_PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
        assert dialog.meter.bar.format() in ("Strong", "Very strong")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    menu_action(open_window, "Change passphrase…").trigger()
    seen: list[str] = []
    wait_for_message(qtbot, seen)
    assert "Your passphrase is changed" in seen[0]
    open_window.lock()
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    # Its backup proves it: the old passphrase is named as such, never as damage.
    message = open_window.unlock_page.message.text()
    assert message.startswith("That was your passphrase before the change on ")
    open_window.unlock_page.passphrase.clear()
    qtbot.keyClicks(open_window.unlock_page.passphrase, NEW_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert open_window.service.is_unlocked
    before = list(backup_folder.glob("*before-passphrase-change*"))
    assert before, "no backup was made before the change"
    Vault.open(before[0], STRONG_PASSPHRASE).close()


def test_a_folder_in_the_way_of_a_change_is_named_and_the_old_passphrase_stays(
    qtbot, open_window, backup_folder
):
    in_the_way = rekeying_path(open_window.service.path)
    in_the_way.mkdir()  # the person's own folder, with a name Alliance uses for a moment

    def fill(dialog: PassphraseChangeDialog) -> None:
        qtbot.keyClicks(dialog.current, STRONG_PASSPHRASE)
        qtbot.keyClicks(dialog.new, NEW_PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    menu_action(open_window, "Change passphrase…").trigger()
    seen: list[str] = []
    wait_for_message(qtbot, seen)
    assert f"A folder named “{in_the_way.name}” is in the way" in seen[0]
    assert "Nothing has been changed" in seen[0]
    assert in_the_way.is_dir()
    open_window.lock()
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert open_window.service.is_unlocked  # the old passphrase still applies


def test_wrong_current_passphrase_changes_nothing(qtbot, open_window, backup_folder):
    def fill(dialog: PassphraseChangeDialog) -> None:
        qtbot.keyClicks(dialog.current, "not my passphrase")
        qtbot.keyClicks(dialog.new, NEW_PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    open_window.vault_actions.change_passphrase()
    seen: list[str] = []
    wait_for_message(qtbot, seen)
    assert "does not open this vault" in seen[0]
    open_window.lock()
    open_window.service.unlock(STRONG_PASSPHRASE)


def test_restore_from_backup_keeps_the_current_vault_aside(qtbot, open_window, backup_folder):
    backup = open_window.service.back_up(backup_folder)
    choose_client(qtbot, open_window)
    open_window.service.set_client_status(
        open_window.workspace.current_client().id,
        open_window.workspace.current_client().status.CLOSED,
    )
    assert shown_codes(open_window) == []

    def confirm(box: QMessageBox) -> None:
        assert "is not deleted" in box.text()

        def passphrase(dialog: QDialog) -> None:
            field = dialog.findChild(SecretField, "backup_passphrase")
            qtbot.keyClicks(field, STRONG_PASSPHRASE)
            qtbot.keyClick(field, Qt.Key.Key_Return)

        answer_dialog(qtbot, passphrase)
        click(qtbot, box, QMessageBox.StandardButton.Yes)

    answer_dialog(qtbot, confirm)
    open_window.vault_actions.restore_from_backup(backup)  # returns as the copy starts
    seen: list[str] = []
    wait_for_message(qtbot, seen)
    assert f"Restored from {backup.name}" in seen[0]
    assert shown_codes(open_window) == ["ML-01"]
    aside = list(open_window.service.path.parent.glob("alliance.vault.replaced-*"))
    assert len([p for p in aside if not p.name.endswith(("-wal", "-shm"))]) == 1
    actions = [entry.action for entry in open_window.service.audit_log().read()]
    assert "restore" in actions


def shown_codes(window) -> list[str]:
    model = window.workspace.clients
    return [model.index(row).data().split()[0] for row in range(model.rowCount())]


def damage(path, page: int) -> bytes:
    """Overwrite 64 bytes inside one page; returns the damaged bytes."""
    data = bytearray(path.read_bytes())
    noise = os.urandom(64)
    data[page * 4096 + 200 : page * 4096 + 264] = noise
    path.write_bytes(bytes(data))
    return noise


def test_damaged_first_page_is_told_apart_when_a_backup_opens(qtbot, open_window, backup_folder):
    open_window.service.back_up(backup_folder)
    path = open_window.service.path
    open_window.lock()
    damage(path, 0)
    before = path.read_bytes()
    seen: list[str] = []
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    message = open_window.unlock_page.message.text()
    # Proven by the later pages, so said, and only then is a restore offered.
    assert "first page is damaged; the passphrase is right" in message
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "Restore from it now?" in seen[0]
    assert path.read_bytes() == before


@pytest.mark.parametrize("with_backup", [False, True])
def test_damaged_later_page_is_reported_and_left_as_it_was(
    qtbot, caseload_due_a_check, backup_folder, with_backup
):
    from ui.main_window import MainWindow
    from ui.vault_service import VaultService

    caseload = caseload_due_a_check  # the damage is found by the check after the unlock

    if with_backup:
        backup_folder.mkdir()
        shutil.copyfile(caseload, backup_folder / "alliance-backup-2026-11-01_090000.vault")
    pages = caseload.stat().st_size // 4096
    noise = damage(caseload, pages - 1)
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def read_and_decline(box: QMessageBox) -> None:
        seen.append(box.text())
        box.reject() if not with_backup else click(qtbot, box, QMessageBox.StandardButton.No)

    answer_dialog(qtbot, read_and_decline, QMessageBox)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "alliance.vault is damaged" in seen[0]
    if with_backup:
        assert "Restore from it now?" in seen[0] and "2026-11-01_090000" in seen[0]
    else:
        assert "No backup was found" in seen[0]
    window.service.lock()
    start = (pages - 1) * 4096 + 200
    assert caseload.exists() and caseload.read_bytes()[start : start + 64] == noise
    assert not list(caseload.parent.glob("*.replaced-*"))


def test_audit_log_lists_actions_and_filters_them(qtbot, qtmodeltester, open_window):
    choose_client(qtbot, open_window)
    dialog = AuditDialog(open_window.service.audit_log(), parent=open_window)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    rows = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert {"vault created", "client added", "unlock", "lock"} <= rows
    dialog.action.setCurrentText("client added")
    assert dialog.model.rowCount() == 2
    assert all(
        dialog.model.index(r, 1).data() == "client added" for r in range(dialog.model.rowCount())
    )
    assert dialog.count.text() == "2 entries"


def test_failed_unlocks_are_recorded_at_the_next_unlock(qtbot, open_window):
    open_window.lock()
    for _ in range(2):
        qtbot.keyClicks(open_window.unlock_page.passphrase, "wrong")
        qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
        open_window.unlock_page.passphrase.clear()
    open_window.service.unlock(STRONG_PASSPHRASE)
    entries = open_window.service.audit_log().read(action="failed unlock")
    assert [entry.record.split(" since ")[0] for entry in entries] == ["2 failed unlocks"]


def test_settings_change_the_auto_lock_time(qtbot, open_window):
    def set_three_minutes(dialog: SettingsDialog) -> None:
        dialog.autolock.setValue(3)
        dialog.accept()

    answer_dialog(qtbot, set_three_minutes)
    open_window.vault_actions.open_settings()
    assert keys.autolock_minutes() == 3
    assert open_window.idle._timer.interval() == 3 * 60_000


def test_check_for_damage_reports_a_sound_vault(qtbot, open_window):
    seen: list[str] = []
    menu_action(open_window, "Check for damage").trigger()
    wait_for_message(qtbot, seen)
    assert seen == [
        "The vault is sound: every page passed its check, and every signed note, addendum and "
        "audit line is as Alliance wrote it."
    ]


def test_the_audit_filter_offers_each_action_the_log_holds(qtbot, open_window):
    from storage.audit import AuditAction

    choose_client(qtbot, open_window)
    dialog = AuditDialog(open_window.service.audit_log(), parent=open_window)
    qtbot.addWidget(dialog)
    offered = [dialog.action.itemText(i) for i in range(1, dialog.action.count())]
    assert offered == sorted(set(offered))
    assert {AuditAction.VAULT_CREATED, AuditAction.CLIENT_ADDED, AuditAction.UNLOCK} <= set(offered)
    for index, text in enumerate(offered, start=1):
        dialog.action.setCurrentIndex(index)
        shown = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
        assert shown == {AuditAction(text).value}


def test_the_audit_log_names_client_codes_and_session_numbers(qtbot, open_window):
    choose_client(qtbot, open_window)
    seen: list[str] = []

    def read(dialog: AuditDialog) -> None:
        seen.extend(dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount()))
        dialog.reject()

    answer_dialog(qtbot, read, AuditDialog)
    next(
        action
        for menu in open_window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if action.text() == "&Audit log…"
    ).trigger()
    assert {"ML-01", "SN-01", "ML-01 · session 1", "ML-01 · session 3"} <= set(seen)
    assert not [record for record in seen if re.fullmatch(r"(client|session) \d+", record)]


def test_each_vault_has_its_own_backup_choices(qtbot, open_window, tmp_path, backup_folder):
    """The settings dialog shows and keeps this vault's choices; another vault (the demo)
    offers none of them, and the shared choice of older versions goes to the default vault."""
    seen: list[tuple[str, bool, int]] = []

    def look_and_change(dialog: SettingsDialog) -> None:
        seen.append((dialog.folder.text(), dialog.on_quit.isChecked(), dialog.keep.value()))
        qtbot.mouseClick(dialog.on_quit, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        dialog.keep.selectAll()
        qtbot.keyClicks(dialog.keep, "4")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, look_and_change, SettingsDialog)
    menu_action(open_window, "Settings…").trigger()
    assert seen == [(str(backup_folder), False, keys.DEFAULT_KEEP)]
    path = open_window.service.path
    assert keys.backup_choices(path) == keys.BackupChoices(backup_folder, True, 4)

    demo = tmp_path / "demo" / "demo.vault"
    assert keys.backup_choices(demo) == keys.BackupChoices()  # never the real vault's backups
    settings = keys.app_settings()
    settings.setValue(keys.SHARED_BACKUP_FOLDER, str(tmp_path / "old shared"))
    assert keys.backup_choices(demo).folder is None
    assert keys.backup_choices(path).folder == backup_folder
    assert keys.backup_choices(default_vault_path()).folder == tmp_path / "old shared"
