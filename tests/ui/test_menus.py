"""The menu bar built from the features' entries: every entry, its shortcut, and what it does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from notes.templates import Section, new_own_template
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    press,
    wait_until_built,
)
from ui.menus import LAYOUT, Group, MenuEntry

SEPARATOR = "----"
MENU_TITLES = ["&Vault", "&Clients", "&Session", "&Reports", "Vie&w", "&Help"]


def standard(key: QKeySequence.StandardKey) -> str:
    """The platform's shortcut for a standard key (it needs the application to exist)."""
    return QKeySequence(key).toString()


def expected() -> dict[str, list]:
    """Every menu as the therapist sees it: (label with mnemonic, shortcut), separators,
    submenus with their entries."""
    preferences = standard(QKeySequence.StandardKey.Preferences)
    quit_ = standard(QKeySequence.StandardKey.Quit)
    save = standard(QKeySequence.StandardKey.Save)
    return {
        "&Vault": [
            ("&Lock", "Ctrl+L"),
            SEPARATOR,
            ("&Back up now", "Ctrl+Shift+B"),
            ("&Restore from backup…", ""),
            ("Check for &damage", ""),
            ("Change &passphrase…", ""),
            ("Mo&ve to another computer…", ""),
            ("Open a &handed-off vault…", ""),
            ("&Audit log…", ""),
            ("Se&ttings…", preferences),
            SEPARATOR,
            ("&Quit", quit_),
        ],
        "&Clients": [
            ("&New client…", "Ctrl+Shift+C"),
            ("&Edit client…", "Ctrl+E"),
            ("&Search notes…", "Ctrl+K"),
            ("&Find in this note…", "Ctrl+F"),
            ("&Close or reopen case…", ""),
            SEPARATOR,
            ("My conduct across clients…", ""),
            ("My alliance estimates across clients…", ""),
            ("Su&pervision…", "Ctrl+Shift+P"),
        ],
        "&Session": [
            ("&New session…", "Ctrl+Shift+N"),
            ("Session a&bove", "Alt+Up"),
            ("Session be&low", "Alt+Down"),
            ("Ed&it session…", ""),
            ("&Delete session…", ""),
            ("&Void session…", ""),
            SEPARATOR,
            ("&Sign note…", "Ctrl+Shift+S"),
            ("&Write an addendum…", "Ctrl+Shift+D"),
            ("Save &now", save),
            ("Start plan from &last session", ""),
            SEPARATOR,
            ("Check my &conduct…", "Ctrl+Shift+K"),
            ("Rate the &alliance…", "Ctrl+Shift+A"),
            ("Record a r&upture…", ""),
            ("Conduct pro&mpts…", ""),
            ("Outcome m&easures…", "Ctrl+Shift+M"),
            ("&Hand to the client…", "Ctrl+Shift+H"),
            SEPARATOR,
            ("Tag as &transference…", "Ctrl+T"),
            ("Tag as &countertransference…", "Ctrl+Shift+T"),
            ("&Record observation…", "Ctrl+Shift+O"),
            ("Observation &categories…", ""),
            SEPARATOR,
            ("Default &template for new notes", ["SOAP", "DAP", "BIRP", "Free text"]),
            ("My t&emplates…", ""),
            ("P&hrases…", ""),
        ],
        "&Reports": [
            ("&Supervision report…", "Ctrl+Shift+E"),
            ("&Record export…", ""),
            ("Read supervisor's &comments…", ""),
        ],
        "Vie&w": [("&Theme", ["Follow the &system", "&Light", "&Dark"])],
        "&Help": [("&About Alliance…", "")],
    }


OFFERED_WHILE_LOCKED = {
    "&Restore from backup…",
    "Open a &handed-off vault…",  # a second computer may have no vault to unlock yet
    "Se&ttings…",
    "&Quit",
    "&About Alliance…",  # the locked window can say what it is too
    "&Theme",  # the app's look, no client data
}


def shown(menu: QMenu) -> list:
    rows: list = []
    for action in menu.actions():
        if action.isSeparator():
            rows.append(SEPARATOR)
        elif action.menu() is not None:
            rows.append((action.text(), [each.text() for each in action.menu().actions()]))
        else:
            rows.append((action.text(), action.shortcut().toString()))
    return rows


def menus(window) -> dict[str, QMenu]:
    return {action.text(): action.menu() for action in window.menuBar().actions()}


def entry(window, label: str):
    for menu in menus(window).values():
        for action in menu.actions():
            if action.text() == label:
                return action
    raise AssertionError(f"no menu entry {label!r}")


def test_every_group_has_one_place_in_the_layout():
    placed = [group for _title, blocks in LAYOUT for block in blocks for group in block]
    assert sorted(placed, key=lambda g: g.value) == sorted(Group, key=lambda g: g.value)


def test_an_entry_acts_in_exactly_one_way():
    with pytest.raises(ValueError):
        MenuEntry(Group.LOCK, "&Lock")
    with pytest.raises(ValueError):
        MenuEntry(Group.LOCK, "&Lock", handler=print, submenu=lambda menu: None)


def test_the_menus_hold_every_entry_with_its_shortcut_in_order(open_window):
    assert {title: shown(menu) for title, menu in menus(open_window).items()} == expected()
    every = [a for m in open_window.menuBar().findChildren(QMenu) for a in m.actions()]
    # Correcting a session follows its state (tests/ui/session/test_session_changes.py): the
    # session opened is a draft, which is edited or deleted, never voided.
    workspace = open_window.workspace
    assert not workspace.current_session().note_signed
    assert all(
        action.isEnabled() for action in every if action is not workspace.void_session_action
    )
    assert not workspace.void_session_action.isEnabled()
    taken = [a.shortcut().toString() for a in every if not a.shortcut().isEmpty()]
    assert len(taken) == len(set(taken)), "two menu entries share a shortcut"


def test_while_locked_only_restore_take_over_settings_and_quit_are_offered(qtbot, window):
    # The whole build, not its first menus: the entries are greyed out in its last step.
    wait_until_built(qtbot, window)
    offered = {
        action.text()
        for menu in menus(window).values()
        for action in menu.actions()
        if action.isEnabled() and not action.isSeparator()
    }
    assert offered == OFFERED_WHILE_LOCKED


def test_shortcuts_reach_their_features(qtbot, open_window):
    workspace = open_window.workspace
    press(qtbot, open_window, "Ctrl+K")
    assert workspace.tabs.currentWidget() is workspace.search_panel

    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    press(qtbot, open_window, "Ctrl+F")
    qtbot.waitUntil(lambda: workspace.editor.find_bar.isVisible())

    titles: list[str] = []
    answer_dialog(qtbot, lambda dialog: (titles.append(dialog.windowTitle()), dialog.reject()))
    press(qtbot, open_window, "Ctrl+Shift+C")  # returns once the dialog is closed
    assert titles == ["New client"]

    answer_dialog(qtbot, lambda dialog: (titles.append(dialog.windowTitle()), dialog.reject()))
    entry(open_window, "&Record export…").trigger()  # as a click on the entry does
    assert titles == ["New client", "Record export"]

    press(qtbot, open_window, "Ctrl+L")
    qtbot.waitUntil(lambda: not open_window.service.is_unlocked)
    assert not entry(open_window, "&Lock").isEnabled()


def test_the_default_template_for_new_notes_is_chosen_in_its_submenu(qtbot, open_window):
    templates = entry(open_window, "Default &template for new notes").menu()
    checked = {action.text(): action.isChecked() for action in templates.actions()}
    assert checked == {"SOAP": True, "DAP": False, "BIRP": False, "Free text": False}

    next(a for a in templates.actions() if a.text() == "DAP").trigger()
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 1)  # a session without a note, not open before
    assert open_window.workspace.editor.template_box.currentText() == "DAP"

    open_window.lock()
    open_window.service.unlock(STRONG_PASSPHRASE)
    assert [a.text() for a in templates.actions() if a.isChecked()] == ["DAP"]


def test_the_therapists_own_template_can_be_the_default(qtbot, open_window):
    templates = entry(open_window, "Default &template for new notes").menu()
    own = new_own_template("Couples", (Section("each", "Each partner", ""),))
    open_window.service.save_own_template(own)
    offered = [a.text() for a in templates.actions()]
    assert offered == ["SOAP", "DAP", "BIRP", "Free text", "Couples"]

    next(a for a in templates.actions() if a.text() == "Couples").trigger()
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 1)  # a session without a note, not open before
    assert open_window.workspace.editor.template_box.currentText() == "Couples"
    open_window.lock()
    open_window.service.unlock(STRONG_PASSPHRASE)
    assert [a.text() for a in templates.actions() if a.isChecked()] == ["Couples"]
