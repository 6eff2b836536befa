"""Help > About, opened from the locked window's menu as a person would, says what it shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTabWidget

from notes.about import declared_version
from storage.library_versions import library_versions
from tests.ui.helpers import answer_dialog
from ui.app import icon_once_painted, make_app
from ui.help.about_dialog import AboutDialog
from ui.main_window import MainWindow
from ui.vault_service import VaultService

pytestmark = pytest.mark.gui


def help_action(window, text: str):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-1] == "&Help"  # the last menu, where people look for it
    for action in window.menuBar().actions()[-1].menu().actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no Help entry {text!r}")


def test_about_shows_version_licence_vault_and_the_libraries_in_use(qtbot, window):
    window.workspace  # noqa: B018 - the menus are built with the workspace
    action = help_action(window, "About Alliance…")
    assert action.isEnabled()  # also while the vault is locked
    seen: dict = {}

    def read(dialog: AboutDialog) -> None:
        seen["facts"] = dialog.facts.text()
        tabs = dialog.findChild(QTabWidget)
        seen["tabs"] = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        table = dialog.libraries
        seen["rows"] = {
            table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())
        }
        seen["licence"] = dialog.licence.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_dialog(qtbot, read, AboutDialog)
    action.trigger()
    qtbot.waitUntil(lambda: "facts" in seen)
    versions = library_versions()
    assert "Licence: GPL-3.0-or-later" in seen["facts"]
    assert f"Vault: {window.service.path}" in seen["facts"]
    assert f"SQLCipher: {versions.sqlcipher}" in seen["facts"]
    assert f"SQLite: {versions.sqlite}" in seen["facts"]
    assert f"Qt: {qVersion()}" in seen["facts"]
    assert seen["tabs"] == ["About", "Libraries", "Licence"]
    assert seen["rows"]["python-docx"][1] == "MIT"
    assert seen["rows"]["Qt"] == (qVersion(), "LGPL-3.0-only")
    assert seen["rows"]["sqlcipher3 (SQLCipher inside)"][1].startswith("BSD-3-Clause")
    assert "GNU GENERAL PUBLIC LICENSE" in seen["licence"]


def test_the_title_names_the_version_from_pyproject(qtbot, tmp_path):
    dialog = AboutDialog(tmp_path / "a.vault")
    qtbot.addWidget(dialog)
    titles = [label.text() for label in dialog.findChildren(type(dialog.facts))]
    assert f"<h2>Alliance {declared_version()}</h2>" in titles


def test_the_window_carries_alliances_icon_once_its_first_page_is_painted(qtbot, tmp_path):
    app = make_app()
    app.setWindowIcon(QIcon())  # none yet, whatever an earlier test set
    window = MainWindow(VaultService(tmp_path / "new.vault"))
    qtbot.addWidget(window)
    icon_once_painted(app, window)  # as at start-up: every window of the app shows it
    assert window.windowIcon().isNull()
    window.show()
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())
    icon = window.windowIcon()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}
