"""Tab order follows the screen, from top to bottom, in the forms a therapist fills most."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget

from tests.ui.helpers import (
    MAIN_DIALOGS,
    answer_dialog,
    choose_client,
    choose_session,
    open_main_dialog,
)
from ui.client_page.client_dialog import ClientDialog
from ui.session.session_dialog import SessionDialog
from ui.widgets.keyboard import KEY_INSTEAD, mnemonic_of


def focused_name() -> str:
    """The accessible name of the focused field (a date edit's inner line edit has none)."""
    widget = QApplication.focusWidget()
    while widget is not None and not spoken_name(widget):
        widget = widget.parentWidget()
    return spoken_name(widget) if widget else ""


def spoken_name(widget) -> str:
    """The name the widget was given, else what a screen reader calls it (a button: its text
    without the "&")."""
    from PySide6.QtGui import QAccessible

    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def tab_through(qtbot, first, count: int) -> list[str]:
    first.window().activateWindow()
    qtbot.waitUntil(lambda: first.window().isActiveWindow())
    first.setFocus()
    names = [focused_name()]
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if focused_name() != names[-1]:  # Tab first walks a date's day, month and year
            names.append(focused_name())
    return names


def test_client_form_tabs_in_screen_order(qtbot):
    dialog = ClientDialog(set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tab_through(qtbot, dialog.full_name, 6)[:5] == [
        "full name",
        "code",
        "start date",
        "presenting problem",
        "identifying terms",
    ]


def test_session_form_tabs_in_screen_order(qtbot):
    dialog = SessionDialog(client_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tab_through(qtbot, dialog.date, 8)[:4] == ["date", "time", "duration", "attendance"]


# -- the workspace: Tab, F6, Return, mnemonics -------------------------------------------------


def open_note(qtbot, window) -> None:
    choose_client(qtbot, window)
    choose_session(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.workspace.editor.section_box("subjective").isVisible())


def test_the_note_tabs_as_it_reads(qtbot, open_window):
    open_note(qtbot, open_window)
    editor = open_window.workspace.editor
    assert tab_through(qtbot, editor.template_box, 9) == [
        "template",
        "Sign note…",
        "Subjective",
        "Objective",
        "Assessment",
        "Plan",
        "process note",
        "observations of this session",
        "Record observation…",
        "client list",  # round the window: back to its first pane
    ]


def test_tab_leaves_a_table_and_the_arrows_move_in_it(qtbot, open_window):
    open_note(qtbot, open_window)
    workspace = open_window.workspace
    workspace.tabs.setCurrentWidget(workspace.client_page)
    table = workspace.measures_section.findChild(QTableView)
    qtbot.waitUntil(table.isVisible)
    assert table.model().columnCount() > 2
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 2 and QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert not table.isAncestorOf(QApplication.focusWidget())


def test_f6_goes_round_the_panes_and_shift_f6_back(qtbot, open_window):
    open_note(qtbot, open_window)
    workspace = open_window.workspace
    workspace.client_view.setFocus()
    seen = [focused_name()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(focused_name())
    assert seen == [
        "client list",
        "session list",
        "Subjective",
        "observations of this session",
        "client list",
    ]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused_name() == "observations of this session"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused_name() == "Subjective"


def test_return_presses_the_focused_button(qtbot, open_window):
    workspace = open_window.workspace
    opened: list[str] = []
    answer_dialog(
        qtbot, lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()), ClientDialog
    )
    workspace.new_client_button.setFocus()
    qtbot.keyClick(workspace.new_client_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened


def test_alt_and_a_label_letter_goes_to_its_field(qtbot):
    dialog = ClientDialog(set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    labels = {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy()}
    code_label = labels[dialog.code]
    letter = mnemonic_of(code_label.text())
    assert letter is not None
    key = getattr(Qt.Key, f"Key_{letter.upper()}")
    qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.code


def letters_shown(root, hidden: bool = False) -> list[tuple[str, str | None]]:
    """(text, Alt+letter) of each showing button and field label under `root` (with `hidden`,
    those that show only at times too), leaving out a button reached by its menu entry's
    shortcut instead (`menu_keys_named`)."""
    from PySide6.QtWidgets import QAbstractButton

    return [
        (widget.text(), mnemonic_of(widget.text()))
        for widget in root.findChildren(QWidget)
        if (hidden or widget.isVisibleTo(root))
        and (isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy()))
        and widget.text()
        and not widget.property(KEY_INSTEAD)
    ]


def menu_keys_named(window, root) -> list[tuple[str, str]]:
    """(text, shortcut) of each button under `root` that takes no letter because a menu entry's
    shortcut reaches it, when that shortcut is not one of the menus' or not in its tooltip."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QMenu

    shortcuts = {
        action.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    wrong = []
    for button in root.findChildren(QAbstractButton):
        key = button.property(KEY_INSTEAD)
        if not key:
            continue
        named = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        if QKeySequence(key).toString() not in shortcuts or named not in button.toolTip():
            wrong.append((button.text(), key))
    return wrong


def test_every_button_and_field_label_has_a_letter(qtbot, open_window):
    open_note(qtbot, open_window)
    workspace = open_window.workspace
    shown = letters_shown(workspace)
    assert len(shown) > 10
    assert [text for text, letter in shown if letter is None] == []
    letters = [letter for _text, letter in shown]
    assert len(set(letters)) == len(letters)  # beside a note, each its own
    menus = {mnemonic_of(action.text()) for action in open_window.menuBar().actions()}
    assert not menus & set(letters)

    workspace.tabs.setCurrentWidget(workspace.client_page)
    qtbot.waitUntil(workspace.client_page.isVisible)
    shown = letters_shown(workspace)
    assert len(shown) > 15
    assert [text for text, letter in shown if letter is None] == []
    assert not menus & {letter for _text, letter in shown}
    # The client page beside the two lists: each letter goes to one control, the rupture
    # suggestion's button (shown after a drop) included.
    page = [
        *letters_shown(workspace.client_page, hidden=True),
        *letters_shown(workspace.widget(0), hidden=True),
        *letters_shown(workspace.widget(1), hidden=True),
    ]
    letters = [letter for _text, letter in page]
    shared = sorted(text for text, letter in page if letters.count(letter) > 1)
    assert shared == []
    assert menu_keys_named(open_window, workspace) == []


@pytest.mark.parametrize("kind", MAIN_DIALOGS)
def test_each_dialog_gives_its_buttons_and_labels_their_own_letters(qtbot, open_window, kind):
    dialog = open_main_dialog(qtbot, open_window, kind)
    shown = letters_shown(dialog)
    assert len(shown) >= 4
    assert [text for text, letter in shown if letter is None] == []
    letters = [letter for _text, letter in shown]
    if kind != "supervision":  # it has more buttons and fields than there are letters
        assert len(set(letters)) == len(letters), str(shown)
