"""The Clients menu's entries about one client: add, edit, close or reopen the case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    workspace = window.workspace
    return [
        MenuEntry(Group.CLIENTS, "&New client…", workspace.new_client, "Ctrl+Shift+C", writes=True),
        MenuEntry(Group.CLIENTS, "&Edit client…", workspace.edit_client, "Ctrl+E", writes=True),
        MenuEntry(Group.CASE, "&Close or reopen case…", workspace.toggle_case, writes=True),
    ]
