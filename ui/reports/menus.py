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
    ]


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
