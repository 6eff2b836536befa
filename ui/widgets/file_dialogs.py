"""File dialogs that leave no trail: no folder the therapist visits is written outside the vault.

A folder can carry a client's name ("Maya L – reports"). Qt's own file dialog writes its history
and the last folder visited to QtProject.conf in the user's settings when it closes, and a
desktop's native dialog keeps a recent-files list of its own (GTK's recently-used.xbel). So these
always use Qt's dialog, and once it has closed put QtProject's file-dialog settings back exactly
as they were (another Qt program's choices stay; Alliance's visit is gone).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

_GROUP = "FileDialog"


@contextlib.contextmanager
def _leaving_no_trail() -> Iterator[None]:
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    file = Path(settings.fileName())
    existed = file.exists()
    settings.beginGroup(_GROUP)
    before = {key: settings.value(key) for key in settings.childKeys()}
    settings.endGroup()
    try:
        yield
    finally:
        settings.sync()  # read what the dialog wrote as it was destroyed
        settings.beginGroup(_GROUP)
        for key in settings.childKeys():
            if key not in before:
                settings.remove(key)
        for key, value in before.items():
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()
        if not existed and not settings.allKeys():
            file.unlink(missing_ok=True)


def _run(parent: QWidget | None, configure: Callable[[QFileDialog], None]) -> str | None:
    """Show one Qt file dialog; the chosen path, or None if cancelled."""
    with _leaving_no_trail():
        dialog = QFileDialog(parent)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setObjectName("file_dialog")
        configure(dialog)
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        shiboken6.delete(dialog)  # Qt writes its settings as the dialog is destroyed: now
    return chosen[0] if chosen else None


def save_file(parent: QWidget, title: str, start: str, name_filter: str) -> str | None:
    def configure(dialog: QFileDialog) -> None:
        dialog.setWindowTitle(title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.selectFile(start)

    return _run(parent, configure)


def open_file(parent: QWidget, title: str, start: str, name_filter: str) -> str | None:
    def configure(dialog: QFileDialog) -> None:
        dialog.setWindowTitle(title)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(name_filter)
        dialog.setDirectory(start)

    return _run(parent, configure)


def existing_folder(parent: QWidget, title: str, start: str = "") -> str | None:
    def configure(dialog: QFileDialog) -> None:
        dialog.setWindowTitle(title)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if start:
            dialog.setDirectory(start)

    return _run(parent, configure)
