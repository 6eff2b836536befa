"""The Session menu's entries for writing fast: own templates, phrases, the last plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    from ui.writing.carry_forward import carry_plan_forward

    return [
        MenuEntry(Group.NOTE, "Start plan from &last session", lambda: carry_plan_forward(window)),
        MenuEntry(Group.TEMPLATES, "My t&emplates…", lambda: edit_templates(window)),
        MenuEntry(Group.TEMPLATES, "P&hrases…", lambda: edit_phrases(window)),
    ]


def edit_templates(window: MainWindow) -> None:
    from ui.writing.templates_dialog import TemplatesDialog

    if window.service.is_unlocked:
        TemplatesDialog(window.service, window).exec()


def edit_phrases(window: MainWindow) -> None:
    from ui.writing.phrases_dialog import PhrasesDialog

    if window.service.is_unlocked:
        PhrasesDialog(window.service, window).exec()
