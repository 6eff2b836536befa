"""The Help menu's entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    from ui.help.about_dialog import show_about

    return [
        MenuEntry(
            Group.HELP,
            "&About Alliance…",
            lambda: show_about(window, window.service.path),
            needs_vault=False,  # the locked window can say what it is too
        )
    ]
