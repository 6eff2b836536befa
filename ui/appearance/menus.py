"""The View menu's entries: Theme, with follow the system, light and dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from ui.appearance.look import ThemeChoice, choose_theme, chosen_theme
from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LABELS = {
    ThemeChoice.SYSTEM: "Follow the &system",
    ThemeChoice.LIGHT: "&Light",
    ThemeChoice.DARK: "&Dark",
}


def _fill_theme(menu: QMenu) -> None:
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = chosen_theme()
    for choice, label in LABELS.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(choice is current)
        action.setObjectName(f"theme_{choice.value}")
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, choice=choice: choose_theme(choice))


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [MenuEntry(Group.VIEW, "&Theme", submenu=_fill_theme, needs_vault=False)]
