"""A vault that takes no changes greys out whatever would change it, and says why.

Three such vaults, each real: a copy handed off to another computer, a vault on a disk mounted
read-only, and one whose file and folder may not be written (chmod; root may write anyway, so
that one runs as an ordinary user only). In each, every menu entry that writes is disabled with
the reason as its tip, every one that only reads (search, export, backup, restore, take-over)
stays enabled; the writing shortcuts and a double-click open nothing; the client page's buttons
follow. A writable vault has them all, and a handed-off copy taken back over has them again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton

from storage import handoff
from tests.storage.small_disk import remount_read_only, small_disk
from tests.ui.helpers import STRONG_PASSPHRASE, choose_client, press
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets.status_line import StatusLine

# Every entry of the menu bar (a submenu counts as one), sorted by whether it changes the vault.
WRITING = {
    "Change &passphrase…",
    "Mo&ve to another computer…",
    "&New client…",
    "&Edit client…",
    "&Close or reopen case…",
    "&New session…",
    "Ed&it session…",
    "&Delete session…",
    "&Void session…",
    "&Sign note…",
    "&Write an addendum…",
    "Save &now",
    "Start plan from &last session",
    "Check my &conduct…",
    "Rate the &alliance…",
    "Record a r&upture…",
    "Conduct pro&mpts…",
    "Outcome m&easures…",
    "&Hand to the client…",
    "Tag as &transference…",
    "Tag as &countertransference…",
    "&Record observation…",
    "Observation &categories…",
    "Default &template for new notes",
    "My t&emplates…",
    "P&hrases…",
    "Read supervisor's &comments…",
}
READING = {
    "&Lock",
    "&Back up now",
    "&Restore from backup…",
    "Check for &damage",
    "Open a &handed-off vault…",
    "&Audit log…",
    "Se&ttings…",
    "&Quit",
    "&Search notes…",
    "&Find in this note…",
    "My conduct across clients…",
    "My alliance estimates across clients…",
    "Su&pervision…",
    "Session a&bove",
    "Session be&low",
    "&Supervision report…",
    "&Record export…",
    "&Theme",
    "&About Alliance…",
}
VOID = "&Void session…"  # a draft cannot be voided, writable or not
# Buttons of the client page that change the vault, and one that only reads.
PAGE_WRITING = {
    "Add goal…",
    "Record event…",
    "Mark explained or agreed…",
    "Rate a session…",
    "Enter measures…",
}
PAGE_READING = "My conduct across clients…"


def entries(window: MainWindow) -> dict[str, QAction]:
    """Each entry of each menu by its label; a submenu by its own entry, not its contents."""
    found: dict[str, QAction] = {}
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.isSeparator():
                found[action.text()] = action
    return found


def tip(why: str) -> str:
    return f"Read-only: {why}, so this can't be done now."


class Opened:
    """Records (and closes) every dialog or popup that opens while it watches."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._close)
        self._timer.start()

    def _close(self) -> None:
        for widget in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
            if widget is not None:
                self.seen.append(type(widget).__name__)
                widget.close()

    def stop(self) -> None:
        self._timer.stop()


def open_on(qtbot, path: Path) -> MainWindow:
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    unlock(qtbot, window)
    return window


def unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    # The client with sessions, its newest (a draft) open: a session that could be corrected.
    choose_client(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.workspace.editor.session is not None)


def page_buttons(window: MainWindow) -> dict[str, QPushButton]:
    return {
        button.text().replace("&", ""): button
        for button in window.workspace.client_page.findChildren(QPushButton)
    }


def assert_read_only(qtbot, window: MainWindow, why: str) -> None:
    found = entries(window)
    assert set(found) == WRITING | READING  # a new entry must be sorted into one of them
    for label in WRITING:
        assert not found[label].isEnabled(), label
        assert found[label].toolTip() == tip(why), label
        assert found[label].statusTip() == tip(why), label
    assert [label for label in READING if not found[label].isEnabled()] == []
    workspace = window.workspace
    for button in (
        workspace.new_client_button,
        workspace.edit_client_button,
        workspace.new_session_button,
        workspace.editor.sign_button,
        workspace.editor.observations.record_button,
    ):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == tip(why), button.text()
    buttons = page_buttons(window)
    for label in PAGE_WRITING:
        assert not buttons[label].isEnabled(), label
        assert buttons[label].toolTip() == tip(why), label
    assert buttons[PAGE_READING].isEnabled()

    # The writing shortcuts, and a double-click on the client, open nothing.
    opened = Opened()
    try:
        for label in sorted(WRITING):
            keys = found[label].shortcut().toString()
            if keys:
                press(qtbot, window, keys)
                qtbot.wait(20)
        view = workspace.client_view
        rect = view.visualRect(workspace.clients.index(0))
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.wait(20)
    finally:
        opened.stop()
    assert opened.seen == []
    assert window.statusBar().currentMessage() == tip(why)  # the double-click was answered


def assert_writable(qtbot, window: MainWindow) -> None:
    found = entries(window)
    assert [label for label in WRITING - {VOID} if not found[label].isEnabled()] == []
    assert [label for label in READING if not found[label].isEnabled()] == []
    assert [label for label in WRITING if "Read-only" in found[label].toolTip()] == []
    assert [label for label in WRITING if found[label].statusTip()] == []
    buttons = page_buttons(window)
    assert all(buttons[label].isEnabled() for label in PAGE_WRITING)
    assert window.workspace.editor.sign_button.isEnabled()
    assert "Read-only" not in window.workspace.editor.sign_button.toolTip()
    opened = Opened()
    try:
        for count, keys in enumerate(("Ctrl+Shift+C", "Ctrl+Shift+N"), 1):  # New client, session
            press(qtbot, window, keys)
            qtbot.waitUntil(lambda count=count: len(opened.seen) == count)
    finally:
        opened.stop()
    assert opened.seen == ["ClientDialog", "SessionDialog"]


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_a_writable_vault_offers_every_entry(qtbot, caseload):
    window = open_on(qtbot, caseload)
    try:
        assert_writable(qtbot, window)
    finally:
        window.service.lock()


def test_a_handed_off_copy_greys_out_what_writes_until_it_is_taken_back(qtbot, caseload, stick):
    file = handoff.hand_off(caseload, STRONG_PASSPHRASE, stick)
    window = open_on(qtbot, caseload)
    try:
        assert_read_only(qtbot, window, f"this vault was handed off to {file}")
        bar = window.findChild(StatusLine, "read_only_banner")
        assert "greyed out" in bar.text()

        # Handed back: the file taken over here again, the same window writes once more.
        window.lock()
        window.service.take_over(file, STRONG_PASSPHRASE)
        unlock(qtbot, window)
        assert_writable(qtbot, window)
    finally:
        window.service.lock()


def test_a_vault_on_a_read_only_disk_greys_out_what_writes(qtbot, caseload, tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = disk / "alliance.vault"
        shutil.copyfile(caseload, path)
        remount_read_only(disk)
        window = open_on(qtbot, path)
        try:
            assert_read_only(qtbot, window, "the disk it is on is read-only")
            banner = window.statusBar().findChild(StatusLine, "readOnlyBanner")
            assert "greyed out" in banner.text()
        finally:
            window.service.lock()
            window.close()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root may write to a file whatever its mode",
)
def test_a_vault_that_may_not_be_written_greys_out_what_writes(qtbot, caseload):
    caseload.chmod(0o400)
    caseload.parent.chmod(0o500)
    try:
        window = open_on(qtbot, caseload)
        try:
            assert_read_only(qtbot, window, "you may not write to the file or its folder")
        finally:
            window.service.lock()
    finally:
        caseload.parent.chmod(0o700)
        caseload.chmod(0o600)
