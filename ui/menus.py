"""The menu bar as a table: the window lays out menus and groups, each feature offers entries.

`LAYOUT` (ui/menu_layout.py) says which menus there are, in which order, and which groups of
entries each holds; a separator stands between the blocks of a menu. Each feature folder has a
`menus.py` whose `menu_entries(window)` names its own entries, with their group, label (with its
mnemonic), shortcut and handler; `menu_steps` puts them in place. Within a group, entries keep
the order they are offered in. An entry that changes the vault says `writes=True`: the write
guard (ui/vault_writes.py) greys it out, with the reason as its tip, while the vault takes no
changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ui.menu_layout import LAYOUT, Group
from ui.staged_build import Step
from ui.vault_writes import WriteGuard

Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class MenuEntry:
    """One entry: give a handler (the builder makes the action), an action the feature made
    itself (one the feature also uses elsewhere), or a function that fills a submenu."""

    group: Group
    label: str = ""  # with its mnemonic: "&Lock"; an `action` brings its own
    handler: Callable[[], object] | None = None  # called with no arguments
    shortcut: Shortcut = ""
    needs_vault: bool = True  # enabled only while the vault is unlocked
    writes: bool = False  # changes the vault: greyed out while it takes no changes
    action: QAction | None = None
    submenu: Callable[[QMenu], None] | None = None

    def __post_init__(self) -> None:
        given = [each for each in (self.handler, self.action, self.submenu) if each is not None]
        if len(given) != 1:
            raise ValueError(f"menu entry {self.label!r}: give one of handler, action, submenu")


def menu_steps(
    bar: QMenuBar,
    entries: Iterable[MenuEntry],
    parent: QObject,
    guard: WriteGuard,
    needs_vault: list[QAction],
) -> list[Step]:
    """The menus of LAYOUT with these entries, added to `bar` a menu a step
    (ui/staged_build.py). The actions that need an unlocked vault are gathered into
    `needs_vault`, for the window to enable and disable through `guard` (which keeps the
    writing ones greyed out while the vault takes no changes)."""
    by_group: dict[Group, list[MenuEntry]] = {group: [] for group in Group}
    for entry in entries:
        by_group[entry.group].append(entry)

    def build(title: str, blocks: tuple) -> None:
        menu = bar.addMenu(title)
        menu.setToolTipsVisible(True)  # a greyed-out entry's tip says why
        for block in blocks:
            placed = [entry for group in block for entry in by_group[group]]
            if placed and not menu.isEmpty():
                menu.addSeparator()
            for entry in placed:
                action = _place(menu, entry, parent)
                if entry.writes:
                    guard.guard(action, wanted=not entry.needs_vault)
                if entry.needs_vault:
                    needs_vault.append(action)

    return [
        (f"menu {title}", lambda title=title, blocks=blocks: build(title, blocks))
        for title, blocks in LAYOUT
    ]


def _place(menu: QMenu, entry: MenuEntry, parent: QObject) -> QAction:
    if entry.submenu is not None:
        submenu = menu.addMenu(entry.label)
        submenu.setToolTipsVisible(True)
        entry.submenu(submenu)
        return submenu.menuAction()
    if entry.action is not None:
        menu.addAction(entry.action)
        return entry.action
    assert entry.handler is not None
    action = QAction(entry.label, parent)
    action.setShortcut(QKeySequence(entry.shortcut))
    # No arguments: Qt would hand `checked` to a handler's first optional parameter.
    action.triggered.connect(lambda _checked=False, handler=entry.handler: handler())
    menu.addAction(action)
    return action
