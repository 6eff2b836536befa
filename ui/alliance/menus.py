"""The conduct and alliance entries: the checks after a session, and conduct across clients."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

RATE_ALLIANCE_KEY = "Ctrl+Shift+A"  # the client page's "Rate a session…" names it too

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    alliance = window.alliance_actions
    return [
        MenuEntry(Group.ACROSS_CLIENTS, "My conduct across clients…", alliance.show_conduct_trend),
        MenuEntry(
            Group.ALLIANCE,
            "Check my &conduct…",
            alliance.check_conduct,
            "Ctrl+Shift+K",
            writes=True,
        ),
        MenuEntry(
            Group.ALLIANCE,
            "Rate the &alliance…",
            alliance.rate_alliance,
            RATE_ALLIANCE_KEY,
            writes=True,
        ),
        MenuEntry(Group.ALLIANCE, "Record a r&upture…", alliance.record_rupture, writes=True),
        MenuEntry(Group.ALLIANCE, "Conduct pro&mpts…", alliance.edit_conduct_prompts, writes=True),
    ]
