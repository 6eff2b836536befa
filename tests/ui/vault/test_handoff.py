"""Two computers from the Vault menu: hand off, unlock the handed-off copy (read-only, saying
where it went), take the file over on a second computer, and the one warning about a vault in
a synced folder. The folder and file pickers are answered by patching the picker functions
(ui/widgets/file_dialogs.py has its own tests); every other dialog is answered as a person would."""

from __future__ import annotations

import shutil
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from notes.records import Client
from storage.clients import ClientRepository
from storage.handoff import SUFFIX
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    menu_action,
    type_into_every_note_box,
    visible_text,
    wait_until_built,
    when_dialog,
)
from ui.main_window import MainWindow
from ui.vault import handoff_actions
from ui.vault_service import VaultService
from ui.widgets.secret_field import SecretField


def type_passphrase(qtbot, dialog: QDialog) -> None:
    field = dialog.findChild(SecretField)
    qtbot.keyClicks(field, STRONG_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def read_message(seen: list[str]):
    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    return act


def unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)


def hand_off(qtbot, window: MainWindow, folder, monkeypatch) -> list[str]:
    monkeypatch.setattr(handoff_actions, "existing_folder", lambda *_args: str(folder))
    seen: list[str] = []

    def yes(box: QMessageBox) -> None:
        seen.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        when_dialog(qtbot, QDialog, lambda dialog: passphrase_then_result(dialog))

    def passphrase_then_result(dialog: QDialog) -> None:
        if isinstance(dialog, QMessageBox):  # not yet the passphrase dialog
            return
        type_passphrase(qtbot, dialog)
        when_dialog(qtbot, QMessageBox, read_message(seen))

    answer_dialog(qtbot, yes, QMessageBox)
    menu_action(window, "Move to another computer…").trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=20000)
    return seen


def test_hand_off_then_take_over_on_a_second_computer(qtbot, open_window, tmp_path, monkeypatch):
    carried = tmp_path / "stick"
    carried.mkdir()
    seen = hand_off(qtbot, open_window, carried, monkeypatch)
    assert "opens read-only here" in seen[0]
    [file] = carried.glob(f"*{SUFFIX}")
    assert str(file) in seen[1]
    assert open_window.pages.currentWidget() is open_window.unlock_page  # saved and locked

    # Unlocked again, this copy says when and where it went, and is read-only.
    unlock(qtbot, open_window)
    assert open_window.windowTitle() == "Alliance — read-only"
    banner = visible_text(open_window)
    assert "was handed off on" in banner and str(file) in banner and "read-only" in banner
    typed = type_into_every_note_box(qtbot, open_window)  # no box takes typing, and it says why
    assert len(typed) >= 2 and all(before == after for before, after in typed.values())
    status = open_window.workspace.editor.status.text()
    assert f"read-only: this vault was handed off to {file}" in status
    assert not open_window.workspace.editor.sign_button.isEnabled()
    open_window.lock()

    # The second computer: no vault yet, so the window offers to create one.
    desktop = MainWindow(VaultService(tmp_path / "desktop" / "alliance.vault"))
    qtbot.addWidget(desktop)
    desktop.show()
    qtbot.waitExposed(desktop)
    assert desktop.pages.currentWidget() is desktop.create_page
    monkeypatch.setattr(handoff_actions, "open_file", lambda *_args: str(file))
    taken: list[str] = []
    answer_dialog(
        qtbot,
        lambda dialog: (
            type_passphrase(qtbot, dialog),
            when_dialog(qtbot, QMessageBox, read_message(taken)),
        ),
        QDialog,
    )
    wait_until_built(qtbot, desktop)
    action = menu_action(desktop, "Open a handed-off vault…")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: bool(taken), timeout=20000)
    assert "is now this computer's vault" in taken[0]
    assert desktop.pages.currentWidget() is desktop.workspace
    assert "ML-01" in visible_text(desktop.workspace)
    assert desktop.windowTitle() == "Alliance"  # live here: writable
    assert "read-only" not in visible_text(desktop)
    desktop.service.lock()


def synced_window(qtbot, caseload, tmp_path, monkeypatch) -> MainWindow:
    """A window on a vault in a Syncthing folder, with a conflict copy beside it; Alliance's
    usual place for a vault is a free one in this test's own folder."""
    root = tmp_path / "Sync"
    (root / ".stfolder").mkdir(parents=True)
    path = root / "alliance.vault"
    shutil.copyfile(caseload, path)
    shutil.copyfile(caseload, root / "alliance.sync-conflict-20240302-101500-ABCDEFG.vault")
    usual = tmp_path / "usual" / "alliance.vault"
    monkeypatch.setattr(handoff_actions, "default_vault_path", lambda: usual)
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_button(qtbot, box: QMessageBox, label: str) -> None:
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == label]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_vault_in_a_synced_folder_is_warned_about_once(qtbot, caseload, tmp_path, monkeypatch):
    window = synced_window(qtbot, caseload, tmp_path, monkeypatch)
    seen: list[str] = []

    def not_now(box: QMessageBox) -> None:
        seen.append(f"{box.text()}\n{box.informativeText()}")
        press_button(qtbot, box, "Not now")

    answer_dialog(qtbot, not_now, QMessageBox)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Syncthing keeps in step" in seen[0]
    assert "alliance.sync-conflict-20240302-101500-ABCDEFG.vault" in seen[0]
    assert str(tmp_path / "usual" / "alliance.vault") in seen[0]
    window.lock()
    unlock(qtbot, window)  # no second warning: a box would be waiting here otherwise
    assert len(seen) == 1
    assert window.service.path == tmp_path / "Sync" / "alliance.vault"  # not moved
    window.service.lock()


def test_the_vault_is_moved_out_of_the_synced_folder_on_request(
    qtbot, caseload, tmp_path, monkeypatch
):
    window = synced_window(qtbot, caseload, tmp_path, monkeypatch)
    left = window.service.path
    seen: list[str] = []

    def move(box: QMessageBox) -> None:
        press_button(qtbot, box, "Move the vault out")
        answer_dialog(
            qtbot,
            lambda dialog: (
                type_passphrase(qtbot, dialog),
                when_dialog(qtbot, QMessageBox, read_message(seen)),
            ),
            QDialog,
        )

    answer_dialog(qtbot, move, QMessageBox)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    usual = tmp_path / "usual" / "alliance.vault"
    assert f"Your vault is now at {usual}" in seen[0]
    assert window.service.path == usual and window.service.is_unlocked
    assert window.service.moved is None  # the moved vault is the live one
    assert "ML-01" in visible_text(window.workspace)
    assert not list((tmp_path / "Sync").glob(f"*{SUFFIX}"))  # no hand-off file left for others
    window.lock()
    assert window.unlock_page.where.text() == str(usual)
    from storage.vault import Vault

    old = Vault.open(left, STRONG_PASSPHRASE)
    assert old.moved is not None  # the copy in the synced folder is read-only
    old.close()


def test_forked_copies_are_named_kept_and_one_kept_read_only_beside(
    qtbot, open_window, tmp_path, monkeypatch
):
    from storage import handoff, taking_over
    from storage.vault import Vault, connect

    path = open_window.service.path
    open_window.lock()
    carried = tmp_path / "stick"
    file = handoff.hand_off(path, STRONG_PASSPHRASE, carried)
    # Cut short before this copy was marked: it stays live, and both go on being written.
    connection = connect(path, STRONG_PASSPHRASE)
    connection.execute("UPDATE lineage SET state = 'live'")
    connection.close()
    desktop = tmp_path / "desktop" / "alliance.vault"
    taking_over.take_over(file, desktop, STRONG_PASSPHRASE)
    for code, where in (("DE-01", desktop), ("LA-01", path)):
        vault = Vault.open(where, STRONG_PASSPHRASE)
        ClientRepository(vault).save(Client(code, "Written after the hand-off", date(2026, 11, 2)))
        vault.close()
    again = handoff.hand_off(desktop, STRONG_PASSPHRASE, carried)
    before = path.read_bytes()

    monkeypatch.setattr(handoff_actions, "open_file", lambda *_args: str(again))
    seen: list[str] = []

    def keep(box: QMessageBox) -> None:
        seen.append(box.text())
        [button] = [
            b for b in box.buttons() if "Keep a read-only copy" in b.text().replace("&", "")
        ]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        when_dialog(qtbot, QMessageBox, read_message(seen))

    answer_dialog(
        qtbot,
        lambda dialog: (type_passphrase(qtbot, dialog), when_dialog(qtbot, QMessageBox, keep)),
        QDialog,
    )
    menu_action(open_window, "Open a handed-off vault…").trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=20000)
    assert "were changed after they parted" in seen[0]
    assert "Neither was put over the other" in seen[0]
    [kept] = path.parent.glob("alliance-from-*.vault")
    assert str(kept) in seen[1] and "unchanged" in seen[1]
    assert path.read_bytes() == before and again.exists()
    copy = Vault.open(kept, STRONG_PASSPHRASE)
    assert copy.moved is not None  # opens read-only
    copy.close()
