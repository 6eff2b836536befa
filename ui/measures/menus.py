"""The measures entries: enter a session's measures, hand the laptop to the client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

# The client page's measures section names them on its buttons too.
ENTER_MEASURES_KEY = "Ctrl+Shift+M"
HAND_TO_CLIENT_KEY = "Ctrl+Shift+H"

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
            ENTER_MEASURES_KEY,
            writes=True,
        ),
        MenuEntry(
            Group.ALLIANCE,
            "&Hand to the client…",
            measures.hand_to_client,
            HAND_TO_CLIENT_KEY,
            writes=True,
        ),
    ]
