"""The Clients menu's entry for the Supervision page (across the caseload, or one client)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [
        MenuEntry(
            Group.ACROSS_CLIENTS, "Su&pervision…", lambda: show_supervision(window), "Ctrl+Shift+P"
        )
    ]


def show_supervision(window: MainWindow) -> None:
    """The Supervision page, showing the client chosen in the workspace, if any."""
    from ui.supervision.page import SupervisionPage

    if not window.service.is_unlocked:
        return
    client = window.workspace.current_client()
    page = SupervisionPage(window.service, client.id if client else None, parent=window)
    page.exec()
    page.deleteLater()  # on the GUI thread, not by a worker's garbage collection
