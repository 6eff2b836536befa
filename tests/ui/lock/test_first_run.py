"""The first-run story, driven as a therapist would: create, add, write, lock, unlock, read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from tests.ui.helpers import STRONG_PASSPHRASE, answer_dialog, press, visible_text
from ui.client_page.client_dialog import ClientDialog
from ui.session.session_dialog import SessionDialog

NOTE = "Spoke about her sister Margaret's move; tearful, then relieved."


def create_vault(qtbot, window, passphrase: str = STRONG_PASSPHRASE) -> None:
    page = window.create_page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.repeat, passphrase)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)


def add_client(qtbot, window, name: str = "Eleanor Whitfield", terms: str = "Margaret") -> None:
    def fill(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.full_name, name)
        qtbot.keyClicks(dialog.terms, terms)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, fill)
    press(qtbot, window, "Ctrl+Shift+C")


def add_session(qtbot, window) -> None:
    def save(dialog: SessionDialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    answer_dialog(qtbot, save)
    press(qtbot, window, "Ctrl+Shift+N")


def test_create_write_lock_unlock_keeps_the_note(qtbot, window):
    assert window.pages.currentWidget() is window.create_page
    create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)

    add_client(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.clients.rowCount() == 1)
    code = window.workspace.clients.item(0).code  # suggested at random (issue 14)
    assert code and not code.startswith("EW")
    assert f"{code}  Eleanor Whitfield" in visible_text(window)

    add_session(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.editor.session is not None)
    subjective = window.workspace.editor.section_box("subjective")
    qtbot.keyClicks(subjective, NOTE)

    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    shown = visible_text(window)
    assert "Eleanor" not in shown and code not in shown and "Margaret" not in shown
    assert window.workspace.clients.rowCount() == 0

    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    # The last open client comes back; choose the session as a person would.
    qtbot.waitUntil(lambda: window.workspace.sessions.rowCount() == 1)
    view = window.workspace.session_view
    rect = view.visualRect(window.workspace.sessions.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.workspace.editor.session is not None)
    assert window.workspace.editor.section_box("subjective").toPlainText() == NOTE


def test_wrong_passphrase_shows_message_in_place(qtbot, window):
    create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    add_client(qtbot, window, "Daniel Okafor", "Chidi")
    qtbot.waitUntil(lambda: window.workspace.clients.rowCount() == 1)
    window.lock()

    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is page
    assert "does not open this vault" in page.message.text()
    assert page.passphrase.selectedText() == "not the passphrase"
    assert "Daniel" not in visible_text(window)


def test_weak_passphrase_is_refused_with_advice(qtbot, window):
    page = window.create_page
    qtbot.keyClicks(page.passphrase, "password1")
    qtbot.keyClicks(page.repeat, "password1")
    assert page.meter.bar.format() in ("Very weak", "Weak")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is page
    assert "too easy to guess" in page.message.text()
    assert not window.service.path.exists()


def test_mismatched_passphrases_are_refused(qtbot, window):
    page = window.create_page
    qtbot.keyClicks(page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClicks(page.repeat, STRONG_PASSPHRASE + "x")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in page.message.text()
    assert not window.service.path.exists()


def test_edit_client_keeps_code_and_updates_terms(qtbot, window):
    create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    add_client(qtbot, window, "Maya Lindqvist", "Jonas")
    qtbot.waitUntil(lambda: window.workspace.clients.rowCount() == 1)
    code = window.workspace.clients.item(0).code  # suggested at random (issue 14)

    def edit(dialog: ClientDialog) -> None:
        assert dialog.code.text() == code
        qtbot.keyClick(dialog.terms, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.terms, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.terms, "Uppsala")
        name: QLineEdit = dialog.full_name
        name.selectAll()
        qtbot.keyClicks(name, "Maya Lind")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, edit)
    press(qtbot, window, "Ctrl+E")
    qtbot.waitUntil(lambda: "Maya Lind" in window.workspace.clients.item(0).full_name)
    client = window.workspace.clients.item(0)
    assert client.full_name == "Maya Lind"
    assert client.code == code
    assert client.identifying_terms == ["Jonas", "Uppsala"]
