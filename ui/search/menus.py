"""The Clients menu's entry for searching every note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [MenuEntry(Group.SEARCH, "&Search notes…", window.workspace.show_search, "Ctrl+K")]
