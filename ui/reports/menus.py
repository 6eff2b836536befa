"""The Reports menu: a supervision report, or the record export, of the chosen client."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [
        MenuEntry(
            Group.REPORTS,
            "&Supervision report…",
            lambda: export_supervision_report(window),
            "Ctrl+Shift+E",
        ),
        MenuEntry(Group.REPORTS, "&Record export…", lambda: export_record(window)),
        MenuEntry(
            Group.REPORTS,
            "Read supervisor's &comments…",
            lambda: read_supervisor_comments(window),
            writes=True,  # the comments are kept in the vault
        ),
    ]


def read_supervisor_comments(window: MainWindow) -> None:
    """Choose a report the supervisor returned with comments; keep them beside their notes."""
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from notes.reports.returned import MAX_BYTES, NotAReturnedReport
    from storage.supervisor_comments import NotThisVaultsReport
    from ui.widgets.file_dialogs import open_file

    if not window.service.is_unlocked:
        return
    chosen = open_file(
        window,
        "Read supervisor's comments",
        str(window.service.report_folder() or Path.home()),
        "Word documents (*.docx)",
    )
    if not chosen:
        return
    title = "Supervisor's comments"
    try:
        with open(chosen, "rb") as file:
            content = file.read(MAX_BYTES + 1)
        read = window.service.keep_supervisor_comments(content)
    except OSError as error:
        QMessageBox.warning(
            window, title, f"The file could not be read ({error.strerror}). Choose it again."
        )
        return
    except (NotAReturnedReport, NotThisVaultsReport) as error:
        QMessageBox.warning(window, title, str(error))
        return
    QMessageBox.information(window, title, read.sentence())


def export_supervision_report(window: MainWindow) -> None:
    from ui.reports.export_dialog import SupervisionExportDialog  # python-docx: load when needed

    _export(window, SupervisionExportDialog)


def export_record(window: MainWindow) -> None:
    from ui.reports.export_dialog import RecordExportDialog

    _export(window, RecordExportDialog)


def _export(window: MainWindow, dialog_class: Callable[..., QDialog]) -> None:
    """Save what is on screen, so the export holds it, then ask what to export."""
    if not window.service.is_unlocked:
        return
    window.workspace.editor.flush()
    client = window.workspace.current_client()
    dialog_class(window.service, client.id if client else None, parent=window).exec()
