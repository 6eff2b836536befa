"""The Session menu's entries for writing fast: the therapist's phrases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    return [MenuEntry(Group.TEMPLATES, "&Phrases…", lambda: edit_phrases(window))]


def edit_phrases(window: MainWindow) -> None:
    from ui.writing.phrases_dialog import PhrasesDialog

    if window.service.is_unlocked:
        PhrasesDialog(window.service, window).exec()
