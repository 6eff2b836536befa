"""Text that could not be saved (a full disk) survives a lock, encrypted in memory and never on
disk in plaintext; the lock page says so, unlocking puts it back, and quitting first asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.held_text import seal, unseal
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    press,
)

MARKER = "kestrel-held-4471"


def fill_the_disk(window) -> None:
    """From now on the vault file may not grow: SQLite reports SQLITE_FULL, as on a full disk.
    (A per-connection limit: the next unlock opens a fresh connection, with room again.)"""
    with window.service._vault.transaction() as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")


def paste(qtbot, box, text: str) -> None:
    QApplication.clipboard().setText(text)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def long_text() -> str:
    # Far more than the free pages of a small vault can take, so the save must grow the file.
    return f"{MARKER} " + " ".join(f"line {n} of the session, said slowly" for n in range(6000))


def files_holding(folder: Path, text: str) -> list[Path]:
    needle = text.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def full_disk_window(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    fill_the_disk(open_window)
    return open_window


def test_ctrl_l_on_a_full_disk_holds_the_text_says_so_and_puts_it_back(
    qtbot, full_disk_window, tmp_path
):
    window = full_disk_window
    editor = window.workspace.editor
    session_id = editor.session.id
    text = long_text()
    paste(qtbot, editor.section_box("plan"), text)
    QApplication.clipboard().clear()

    press(qtbot, window, "Ctrl+L")  # no question, no message box: it just locks
    assert not window.service.is_unlocked
    assert window.pages.currentWidget() is window.unlock_page
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    held = window.unlock_page.held
    assert held.isVisible()
    assert "could not be saved: the disk is full." in held.text()
    assert "encrypted" in held.text() and "never on disk" in held.text()
    # Nowhere on disk in plaintext: not in the vault, its -wal, or any file of the test.
    assert files_holding(tmp_path, MARKER) == []

    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.session is not None and editor.session.id == session_id)
    assert editor.section_box("plan").toPlainText().endswith(text)
    # The fresh connection has room again: the text is saved now, and nothing is held.
    assert window.service.progress_note(session_id).sections["plan"].endswith(text)
    assert not window.service.holds_unsaved
    assert "back in the note, and saved" in window.statusBar().currentMessage()
    window.lock()
    assert not window.unlock_page.held.isVisible()


def test_auto_lock_on_a_full_disk_holds_the_text_too(qtbot, full_disk_window):
    window = full_disk_window
    editor = window.workspace.editor
    paste(qtbot, editor.section_box("subjective"), long_text())
    QApplication.clipboard().clear()
    window.idle.set_timeout_ms(300)
    window.idle.start()
    qtbot.waitUntil(lambda: not window.service.is_unlocked, timeout=5000)
    assert window.service.holds_unsaved
    assert window.unlock_page.held.isVisible()
    window.service.unlock(STRONG_PASSPHRASE)  # takes it back, so closing the window asks nothing
    assert (
        "line 5999 of the session"
        in window.workspace.editor.section_box("subjective").toPlainText()
    )


def test_quitting_while_text_is_held_asks_first(qtbot, full_disk_window):
    window = full_disk_window
    paste(qtbot, window.workspace.editor.section_box("plan"), long_text())
    QApplication.clipboard().clear()
    window.lock()
    asked = []

    def keep_it(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    answer_dialog(qtbot, keep_it, QMessageBox)
    window.close()
    assert asked and "Quitting now loses it" in asked[0]
    assert window.isVisible() and window.service.holds_unsaved  # still there, still held

    answer_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.close()
    assert not window.isVisible()


def test_sealed_text_opens_only_with_its_passphrase():
    sealed = seal(f"Said {MARKER} twice \udcff", STRONG_PASSPHRASE)
    assert MARKER.encode() not in sealed.ciphertext
    assert unseal(sealed, STRONG_PASSPHRASE) == f"Said {MARKER} twice \udcff"
    assert unseal(sealed, "another passphrase") is None
    # A fresh salt for every key: the same passphrase never gives the same sealed bytes.
    assert seal("x", STRONG_PASSPHRASE).salt != seal("x", STRONG_PASSPHRASE).salt
