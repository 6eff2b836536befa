"""The Session menu's entries for writing fast: own templates, phrases, the last plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.lock.dialog_drafts import Fields, draftable
from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    from ui.writing.carry_forward import carry_plan_forward

    # A lock sets these dialogs' typing aside in the vault; unlocking opens them again.
    window.drafts.register("edit_templates", lambda fields: edit_templates(window, fields))
    window.drafts.register("edit_phrases", lambda fields: edit_phrases(window, fields))
    return [
        MenuEntry(
            Group.NOTE,
            "Start plan from &last session",
            lambda: carry_plan_forward(window),
            writes=True,
        ),
        MenuEntry(Group.TEMPLATES, "My t&emplates…", lambda: edit_templates(window), writes=True),
        MenuEntry(Group.TEMPLATES, "P&hrases…", lambda: edit_phrases(window), writes=True),
    ]


def edit_templates(window: MainWindow, fields: Fields | None = None) -> None:
    from ui.writing.templates_dialog import TemplatesDialog

    _open(window, TemplatesDialog, "edit_templates", fields)


def edit_phrases(window: MainWindow, fields: Fields | None = None) -> None:
    from ui.writing.phrases_dialog import PhrasesDialog

    _open(window, PhrasesDialog, "edit_phrases", fields)


def _open(window: MainWindow, kind: type, opener: str, fields: Fields | None) -> None:
    """Open a dialog of `kind` over the vault, refilled from `fields` after a lock."""
    if not window.service.is_unlocked:
        return
    dialog = kind(window.service, window)
    draftable(dialog, opener, None)
    if fields:
        dialog.restore_draft(fields)
    dialog.exec()
