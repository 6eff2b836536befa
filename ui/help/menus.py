"""The Help menu's entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _about(window: MainWindow) -> None:
    # Loaded when asked for: the version lookup (importlib.metadata) would slow the menus' build.
    from ui.help.about_dialog import show_about

    show_about(window, window.service.path)


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [
        MenuEntry(
            Group.HELP,
            "&About Alliance…",
            lambda: _about(window),
            needs_vault=False,  # the locked window can say what it is too
        )
    ]
