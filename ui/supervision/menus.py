"""The Clients menu's entry for the Supervision page (across the caseload, or one client)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.lock.dialog_drafts import Fields, draftable
from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    # A lock sets the page aside with the supervision being recorded in it; unlocking opens
    # both again, filled in.
    window.drafts.register("show_supervision", lambda fields: show_supervision(window, fields))
    return [
        MenuEntry(
            Group.ACROSS_CLIENTS, "Su&pervision…", lambda: show_supervision(window), "Ctrl+Shift+P"
        )
    ]


def show_supervision(window: MainWindow, fields: Fields | None = None) -> None:
    """The Supervision page, showing the client chosen in the workspace, if any."""
    from ui.supervision.page import SupervisionPage

    if not window.service.is_unlocked:
        return
    client = window.workspace.current_client()
    page = SupervisionPage(window.service, client.id if client else None, parent=window)
    draftable(page, "show_supervision", fields)
    page.exec()
    page.deleteLater()  # on the GUI thread, not by a worker's garbage collection
