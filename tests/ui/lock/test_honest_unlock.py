"""What the unlock page says when the vault is not simply locked (issue 13), as a user sees it:
a passphrase from before a change, work a crash cut short, input that cannot be a passphrase."""

from __future__ import annotations

import shutil
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from storage import former_record
from storage.vault import BEFORE_CHANGE, rekeying_path
from tests.ui.helpers import STRONG_PASSPHRASE
from ui.main_window import MainWindow
from ui.vault_service import VaultService

NEW = "copper meadow ferry 'lantern' quietly"


def type_passphrase(qtbot, window, text: str) -> str:
    field = window.unlock_page.passphrase
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return window.unlock_page.message.text()


def test_the_passphrase_from_before_a_change_is_named_never_damage(qtbot, open_window):
    folder = open_window.service.path.parent / "backups"  # where a change puts its backup
    open_window.service.change_passphrase(STRONG_PASSPHRASE, NEW, folder)
    open_window.lock()
    message = type_passphrase(qtbot, open_window, STRONG_PASSPHRASE)
    assert message.startswith("That was your passphrase before the change on ")
    assert "Restore" not in message and "restore" not in message
    assert open_window.pages.currentWidget() is open_window.unlock_page
    type_passphrase(qtbot, open_window, NEW)
    qtbot.waitUntil(lambda: open_window.pages.currentWidget() is open_window.workspace)


def test_the_passphrase_from_before_a_change_is_named_after_its_backup_is_gone(qtbot, open_window):
    folder = open_window.service.path.parent / "backups"
    backup = open_window.service.change_passphrase(STRONG_PASSPHRASE, NEW, folder)
    open_window.lock()
    shutil.rmtree(folder)  # pruned, or moved to another disk: the record beside the vault speaks
    message = type_passphrase(qtbot, open_window, STRONG_PASSPHRASE)
    stamp = datetime.strptime(backup.stem.split(BEFORE_CHANGE)[1], "%Y-%m-%d_%H%M%S")
    assert message == (
        f"That was your passphrase before the change on {stamp.day} {stamp:%B %Y} at "
        f"{stamp:%H:%M}. The vault now opens with the passphrase you chose then; nothing is "
        "damaged."
    )
    assert open_window.pages.currentWidget() is open_window.unlock_page
    former_record.record_path(open_window.service.path).write_bytes(b"\x00 not a record")
    message = type_passphrase(qtbot, open_window, STRONG_PASSPHRASE)
    assert message.startswith("That passphrase does not open this vault.")
    type_passphrase(qtbot, open_window, NEW)
    qtbot.waitUntil(lambda: open_window.pages.currentWidget() is open_window.workspace)


def test_a_change_cut_short_is_rolled_back_with_one_line(qtbot, caseload):
    copy = rekeying_path(caseload)
    copy.write_bytes(b"half a passphrase change")
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    said = (
        "A passphrase change cut short earlier was undone: nothing was changed, and your old "
        "passphrase still applies."
    )
    # The tidy-up runs a turn after the page's first paint (start-up time is the time to it).
    qtbot.waitUntil(lambda: window.unlock_page.message.text() == said)
    assert not copy.exists()
    type_passphrase(qtbot, window, STRONG_PASSPHRASE)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    window.service.lock()


def test_a_pasted_nul_is_refused_plainly(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    QGuiApplication.clipboard().setText("before\x00after")
    field = window.unlock_page.passphrase
    field.setFocus()
    qtbot.keySequence(field, QKeySequence.StandardKey.Paste) if hasattr(
        qtbot, "keySequence"
    ) else qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    message = window.unlock_page.message.text()
    assert message.startswith("That cannot be a passphrase") or "does not open" in message
    assert "went wrong" not in message
    QGuiApplication.clipboard().clear()


def test_a_vault_found_damaged_opens_read_only_with_a_plain_banner(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel, QMessageBox

    from storage.demo import write_demo
    from storage.vault import Vault
    from tests.ui.helpers import answer_dialog

    path = tmp_path / "alliance.vault"
    vault = Vault.create(path, STRONG_PASSPHRASE)
    write_demo(vault)
    vault.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2
    data[middle * 4096 + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    type_passphrase(qtbot, window, STRONG_PASSPHRASE)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    banner = window.statusBar().findChild(QLabel, "readOnlyBanner")
    assert banner.isVisible()
    assert banner.text() == (
        "Read-only: damage was found in it. You can read, search, export and back up; "
        "changes can't be saved, so whatever would change the vault is greyed out."
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "is damaged" in seen[0]
    window.grab().save("/tmp/vault-readonly-shot.png")
    window.service.lock()
    assert path.read_bytes() == before


def test_damage_found_while_a_note_is_open_stops_the_note_taking_text(qtbot, open_window):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.helpers import answer_dialog, type_into_every_note_box

    typed = type_into_every_note_box(qtbot, open_window)  # sound: the boxes take typing
    assert all(after.endswith(" typed here") for _before, after in typed.values())
    qtbot.waitUntil(lambda: not open_window.workspace.editor.dirty, timeout=10000)  # autosaved
    path = open_window.service.path
    data = bytearray(path.read_bytes())
    data[(len(data) // 4096 // 2) * 4096 + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    seen: list[str] = []
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    [check] = [
        action
        for action in open_window.menuBar().actions()[0].menu().actions()
        if action.text().replace("&", "") == "Check for damage"
    ]
    check.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert "is damaged" in seen[0]
    editor = open_window.workspace.editor
    assert "read-only: damage was found in it" in editor.status.text()
    # The menus and buttons that would change the vault follow at once, saying why.
    [new_client] = [
        action
        for action in open_window.menuBar().actions()[1].menu().actions()
        if action.text() == "&New client…"
    ]
    reason = "Read-only: damage was found in it, so this can't be done now."
    assert not new_client.isEnabled() and new_client.toolTip() == reason
    assert not open_window.workspace.new_client_button.isEnabled()
    assert not editor.observations.record_button.isEnabled()
    typed = type_into_every_note_box(qtbot, open_window)
    assert all(before == after for before, after in typed.values())

    # Tagging words would open a form whose observation could not be saved: none opens.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    opened: list[str] = []
    looked: list[bool] = []

    def close_any() -> None:  # runs once: inside a form's exec, had one opened
        modal = QApplication.activeModalWidget()
        if modal is not None:
            opened.append(modal.windowTitle())
            modal.reject()
        looked.append(True)

    QTimer.singleShot(0, close_any)
    editor.tagging.tag_transference_action.trigger()
    qtbot.waitUntil(lambda: bool(looked))
    assert opened == []


def test_damage_the_first_read_trips_on_is_shown_as_damage_with_a_backup_offered(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from storage.demo import write_demo
    from storage.vault import Vault
    from tests.storage.vault_pages import flip_byte, schema_pages
    from tests.ui.helpers import answer_dialog

    path = tmp_path / "alliance.vault"
    vault = Vault.create(path, STRONG_PASSPHRASE)
    write_demo(vault)
    vault.close()
    flip_byte(path, schema_pages(path, STRONG_PASSPHRASE)[-1])
    before = path.read_bytes()
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    message = type_passphrase(qtbot, window, STRONG_PASSPHRASE)
    assert message.startswith("alliance.vault is damaged")
    assert "Nothing has been changed in it" in message
    assert window.pages.currentWidget() is window.unlock_page  # not opened, read-only or not
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "is damaged" in seen[0]
    assert path.read_bytes() == before


def test_a_note_on_a_damaged_page_says_so_in_its_place_and_the_rest_still_reads(qtbot, tmp_path):
    """Opened read-only after damage was found, the window reads what it can: a note or a
    section of the client page on a damaged page says so where it would be, no crash box;
    the notes that can be read show in boxes that take no typing, saying why."""
    from PySide6.QtWidgets import QMessageBox

    from storage.demo import write_demo
    from storage.vault import Vault, connect
    from tests.storage.vault_pages import flip_byte
    from tests.ui.helpers import answer_dialog, choose_client, type_into_every_note_box

    path = tmp_path / "alliance.vault"
    vault = Vault.create(path, STRONG_PASSPHRASE)
    write_demo(vault)
    vault.close()
    reader = connect(path, STRONG_PASSPHRASE)
    roots = dict(reader.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'"))
    reader.close()
    flip_byte(path, roots["treatment_goals"])
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    type_passphrase(qtbot, window, STRONG_PASSPHRASE)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)  # the one box: damage, and a backup
    choose_client(qtbot, window)
    page = window.workspace.client_page
    assert page.problem.text().endswith(
        "Part of this page (Treatment goals) cannot be read: it is on a damaged "
        "part of the vault. Nothing has been changed in it."
    )
    typed = type_into_every_note_box(qtbot, window)  # the notes themselves still read
    assert len(typed) >= 2 and all(before == after for before, after in typed.values())
    assert "read-only: damage was found in it" in window.workspace.editor.status.text()
    window.service.lock()

    flip_byte(path, roots["process_notes"])  # and now the notes too
    answer_dialog(qtbot, lambda box: (seen.append(box.text()), box.reject()), QMessageBox)
    type_passphrase(qtbot, window, STRONG_PASSPHRASE)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    choose_client(qtbot, window)
    editor = window.workspace.editor
    qtbot.waitUntil(lambda: "cannot be read" in editor.empty.text())
    assert editor.empty.isVisible() and editor.session is None
    assert editor.empty.text().endswith(
        "cannot be read: it is on a damaged part of the vault. Nothing has been changed in it."
    )
    window.service.lock()
