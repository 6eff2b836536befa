"""A folder visited in a file dialog is remembered nowhere outside the vault: Qt's own dialog
would write it to QtProject.conf, and ours puts those settings back as they were."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from tests.ui.helpers import answer_dialog
from ui.widgets.file_dialogs import existing_folder, save_file

CLIENT_FOLDER = "Maya Lindqvist reports"


def files_naming(folder: Path, name: str) -> list[str]:
    """Files under `folder` that hold `name`, as it is or as a file:// URL writes it."""
    forms = (name, quote(name))
    return [
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and any(form in path.read_text(errors="replace") for form in forms)
    ]


def pick(qtbot, path: Path, folder: Path):
    """Browse to `folder` in the open file dialog, put `path` in its name box and accept (typed
    key by key, the box's completer would pop up over the dialog)."""

    def act(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    answer_dialog(qtbot, act, QFileDialog)


def test_qt_alone_would_remember_the_folder(qtbot, tmp_path, isolated_settings):
    """The control: without our wrapper the visit lands in QtProject.conf."""
    folder = tmp_path / CLIENT_FOLDER
    folder.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QFileDialog(parent)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    pick(qtbot, folder / "report.docx", folder)
    dialog.exec()
    shiboken6.delete(dialog)
    QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").sync()
    assert files_naming(isolated_settings, CLIENT_FOLDER)


def test_saving_and_choosing_a_folder_leave_no_trail(qtbot, tmp_path, isolated_settings):
    folder = tmp_path / CLIENT_FOLDER
    folder.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    pick(qtbot, folder / "report.docx", folder)
    chosen = save_file(parent, "Save the report as", str(tmp_path), "Word document (*.docx)")
    assert chosen == str(folder / "report.docx")
    pick(qtbot, folder, folder)
    assert existing_folder(parent, "Backup folder", str(tmp_path)) == str(folder)
    assert files_naming(isolated_settings, CLIENT_FOLDER) == []


def test_another_programs_file_dialog_settings_stay(qtbot, tmp_path, isolated_settings):
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/viewMode", "Detail")
    settings.setValue("FileDialog/lastVisited", "file:///home/someone/Pictures")
    settings.sync()
    folder = tmp_path / CLIENT_FOLDER
    folder.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    pick(qtbot, folder / "report.docx", folder)
    save_file(parent, "Save the report as", str(tmp_path), "Word document (*.docx)")
    settings.sync()
    assert settings.value("FileDialog/viewMode") == "Detail"
    assert settings.value("FileDialog/lastVisited") == "file:///home/someone/Pictures"
    assert files_naming(isolated_settings, CLIENT_FOLDER) == []
