"""The menu bar's menus, in order, and the groups of entries each holds (ui/menus.py builds
them): plain data, so the unlock page can keep the menus' letters and the menu bar its height
before the first paint without loading what builds the menus.
"""

from __future__ import annotations

from enum import Enum, auto


class Group(Enum):
    """Where in the menu bar an entry goes."""

    LOCK = auto()
    VAULT = auto()  # backups, restore, damage, passphrase, audit, settings
    QUIT = auto()
    CLIENTS = auto()
    SEARCH = auto()
    FIND = auto()
    CASE = auto()
    ACROSS_CLIENTS = auto()
    SESSIONS = auto()
    NOTE = auto()
    ALLIANCE = auto()  # the checks after a session: conduct, alliance, ruptures
    OBSERVATIONS = auto()
    CATEGORIES = auto()
    TEMPLATES = auto()
    REPORTS = auto()
    VIEW = auto()  # the theme
    HELP = auto()  # About


# Each menu: its title, then its blocks (separated by a line), each an ordered tuple of groups.
LAYOUT: tuple[tuple[str, tuple[tuple[Group, ...], ...]], ...] = (
    ("&Vault", ((Group.LOCK,), (Group.VAULT,), (Group.QUIT,))),
    (
        "&Clients",
        ((Group.CLIENTS, Group.SEARCH, Group.FIND, Group.CASE), (Group.ACROSS_CLIENTS,)),
    ),
    (
        "&Session",
        (
            (Group.SESSIONS,),
            (Group.NOTE,),
            (Group.ALLIANCE,),
            (Group.OBSERVATIONS, Group.CATEGORIES),
            (Group.TEMPLATES,),
        ),
    ),
    ("&Reports", ((Group.REPORTS,),)),
    ("Vie&w", ((Group.VIEW,),)),
    ("&Help", ((Group.HELP,),)),
)


def menu_letters() -> set[str]:
    """The menu bar's mnemonics (lower case), which no button or label of the window may use."""
    return {title[title.index("&") + 1].lower() for title, _blocks in LAYOUT if "&" in title}
