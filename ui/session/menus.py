"""The Session menu's entries about sessions and their notes, and find in the open note.

The default template for new notes is a submenu of checkable entries, the therapist's own
templates among them: the vault's choice is checked whenever the vault is unlocked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from notes.templates import offered_templates
from ui.menus import Group, MenuEntry
from ui.vault_service import VaultService

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    workspace = window.workspace
    editor = workspace.editor
    return [
        MenuEntry(Group.FIND, "&Find in this note…", editor.show_find, "Ctrl+F"),
        MenuEntry(
            Group.SESSIONS, "&New session…", workspace.new_session, "Ctrl+Shift+N", writes=True
        ),
        # Up and down the session list as shown (newest first), like the arrow keys in it.
        MenuEntry(Group.SESSIONS, "Session a&bove", lambda: workspace.step_session(-1), "Alt+Up"),
        MenuEntry(Group.SESSIONS, "Session be&low", lambda: workspace.step_session(1), "Alt+Down"),
        # Enabled by the chosen session's state and the vault (the workspace keeps them so).
        *(
            MenuEntry(Group.SESSIONS, action=each, needs_vault=False)
            for each in workspace.session_actions()
        ),
        MenuEntry(Group.NOTE, "&Sign note…", editor.sign, "Ctrl+Shift+S", writes=True),
        MenuEntry(Group.NOTE, action=editor.addendum_action, writes=True),
        MenuEntry(
            Group.NOTE, "Save &now", editor.flush, QKeySequence.StandardKey.Save, writes=True
        ),
        # The editor's own actions: their shortcuts work wherever the focus is in the window.
        *(
            MenuEntry(Group.OBSERVATIONS, action=each, writes=True)
            for each in editor.observation_actions()
        ),
        MenuEntry(
            Group.TEMPLATES,
            "Default &template for new notes",
            submenu=lambda menu: DefaultTemplateChoice(window.service, menu),
            writes=True,  # the choice is kept in the vault
        ),
    ]


class DefaultTemplateChoice(QObject):
    """Fills a menu with the templates, one checked: the one new notes start with. The
    therapist's own templates are there too, so the list is made again when they change."""

    def __init__(self, service: VaultService, menu: QMenu) -> None:
        super().__init__(menu)
        self._service = service
        self._menu = menu
        self._group = QActionGroup(self)
        self._group.triggered.connect(self._chosen)
        # Bound methods, not closures: Qt drops the connection if the menu is gone.
        service.unlocked.connect(self.show_default)
        service.templatesChanged.connect(self.show_default)
        self.show_default()

    def show_default(self) -> None:
        default = self._service.default_template() if self._service.is_unlocked else None
        for action in self._group.actions():
            self._group.removeAction(action)
            self._menu.removeAction(action)
            action.deleteLater()
        for each in offered_templates(default):
            action = self._menu.addAction(each.name)
            action.setCheckable(True)
            action.setData(each.key)
            action.setChecked(each.key == default)
            self._group.addAction(action)

    def _chosen(self, action: QAction) -> None:
        self._service.set_default_template(action.data())
