"""The measures entries: enter a session's measures, hand the laptop to the client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    measures = window.measure_actions
    return [
        MenuEntry(
            Group.ACROSS_CLIENTS, "My alliance estimates across clients…", measures.show_calibration
        ),
        MenuEntry(
            Group.ALLIANCE,
            "Outcome m&easures…",
            measures.enter_measures,
            "Ctrl+Shift+M",
            writes=True,
        ),
        MenuEntry(
            Group.ALLIANCE,
            "&Hand to the client…",
            measures.hand_to_client,
            "Ctrl+Shift+H",
            writes=True,
        ),
    ]
