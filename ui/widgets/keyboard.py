"""The keyboard works the same in every view, without each form remembering it.

One application-wide event filter (ui/widgets/app_filters.py, as the wheel guard is one) does
three things:

- Tab leaves tables and lists: item views are made to take Tab as "next control", so the arrows
  move inside a table and Tab moves on (Qt's tables walk cell by cell with Tab and wrap, a trap).
- Return or Enter on a focused push button clicks it, outside dialogs too (Qt clicks a button on
  Return only in a dialog, where it is the default button while it has the focus).
- When a window is shown, its labels and buttons get mnemonics (`give_mnemonics`), and a
  dialog's default button is the one Enter presses, even if it was made default before it was
  put in the dialog (Qt then presses the dialog's first button, "Choose…").

`give_mnemonics` is also called by a view whose buttons are built after its window was shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QPushButton,
    QWidget,
)

from ui.widgets.app_filters import AppFilter


def mnemonic_of(text: str) -> str | None:
    """The letter after a single "&" in `text` (lower case), or None."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":  # "&&" is a written ampersand
            index += 2
            continue
        return text[index + 1].lower()


def _places(text: str) -> list[int]:
    """Where a mnemonic may go in `text`, best first: a word's first letter, then any letter or
    digit of it."""
    words_start = [i for i, c in enumerate(text) if c.isalpha() and (i == 0 or text[i - 1] == " ")]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in words_start]
    return words_start + others


def with_mnemonic(text: str, taken: set[str]) -> str | None:
    """`text` with "&" before a letter not `taken`: a word's first letter if one is free, else
    any letter of it; None when every letter is taken."""
    for index in _places(text):
        if text[index].lower() not in taken:
            return f"{text[:index]}&{text[index:]}"
    return None


def _with_letter(text: str, letter: str) -> str:
    index = next(i for i in _places(text) if text[i].lower() == letter)
    return f"{text[:index]}&{text[index:]}"


def _matched(texts: list[str], free: set[str]) -> list[str | None]:
    """A letter for as many texts as can have one of their own (a maximum matching, each text
    trying its best places first and moving an earlier one to another of its letters when that
    frees one): greedy choice in screen order runs out of letters on a long page that a
    matching still fits."""
    choices = [
        list(dict.fromkeys(c for i in _places(t) if (c := t[i].lower()) in free)) for t in texts
    ]
    holder: dict[str, int] = {}

    def place(item: int, seen: set[str]) -> bool:
        for letter in choices[item]:
            if letter in seen:
                continue
            seen.add(letter)
            if letter not in holder or place(holder[letter], seen):
                holder[letter] = item
                return True
        return False

    for item in range(len(texts)):
        place(item, set())
    letters: list[str | None] = [None] * len(texts)
    for letter, item in holder.items():
        letters[item] = letter
    return letters


def _first_focusable(layout: QLayout) -> QWidget | None:
    from PySide6.QtCore import Qt  # not on import: the unlock page paints without it

    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget()
        if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
        inner = item.layout()
        if inner is not None and (found := _first_focusable(inner)) is not None:
            return found
    return None


def link_form_labels(root: QWidget) -> None:
    """A form row whose field is a layout (a date range, a file and its button) has its label
    linked to the row's first control, as a row with one widget is by Qt itself."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label = label_item.widget()
            if not isinstance(label, QLabel) or label.buddy() is not None or not label.text():
                continue
            if field_item.layout() is not None:
                field = _first_focusable(field_item.layout())
            else:
                field = field_item.widget()
            if field is not None:
                label.setBuddy(field)


def _menu_letters(root: QWidget) -> set[str]:
    window = root.window()
    if not isinstance(window, QMainWindow) or window.menuWidget() is None:
        return set()
    return {
        letter
        for action in window.menuBar().actions()
        if (letter := mnemonic_of(action.text())) is not None
    }


NO_MNEMONICS = "noMnemonics"  # a property: this widget's buttons have their own keys
# A property: the shortcut of the menu entry this button repeats, which reaches it instead of a
# letter of its own (see `reached_by`).
KEY_INSTEAD = "keyInstead"


def reached_by(button: QAbstractButton, shortcut: str) -> None:
    """A button that repeats a menu entry with a shortcut takes no letter: a page with more
    buttons than letters keeps each letter to one control, and the shortcut, named in the
    tooltip and to a screen reader, does what Alt and a letter would."""
    button.setProperty(KEY_INSTEAD, shortcut)
    named = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{button.toolTip()} ({named})".strip())
    button.setAccessibleDescription(f"Shortcut {named}")


def _spared(widget: QWidget, root: QWidget) -> bool:
    while widget is not None and widget is not root:
        if widget.property(NO_MNEMONICS):
            return True
        widget = widget.parentWidget()
    return False


def _labelled(root: QWidget) -> Iterable[QAbstractButton | QLabel]:
    for widget in root.findChildren(QWidget):
        if _spared(widget, root) or widget.property(KEY_INSTEAD):
            continue
        named_field = isinstance(widget, QLabel) and widget.buddy() is not None
        if (isinstance(widget, QAbstractButton) or named_field) and widget.text():
            yield widget


def give_mnemonics(root: QWidget, reserved: Iterable[str] = ()) -> set[str]:
    """Give each button and each label of a field under `root` a mnemonic (Alt+letter) that no
    other one there, nor the window's menu bar, nor `reserved` uses; return the letters used.
    When the letters run out (a long page of sections), a letter is shared among the page's own
    controls, never with the menus or `reserved`: Alt and that letter then goes from one to the
    next, as Qt does for a shared letter. Texts that already have one keep it. Labels in forms
    are linked to their fields first."""
    link_form_labels(root)
    widgets = [w for w in _labelled(root) if "<" not in w.text()]  # rich text is left alone
    kept = set(reserved) | _menu_letters(root)
    taken = kept | {letter for w in widgets if (letter := mnemonic_of(w.text())) is not None}
    bare = [w for w in widgets if mnemonic_of(w.text()) is None]
    free = {c for w in bare for c in w.text().lower() if c.isalnum()} - taken
    for widget, letter in zip(bare, _matched([w.text() for w in bare], free), strict=True):
        if letter is not None:
            text = _with_letter(widget.text(), letter)
        else:  # more controls than letters: share one, never a menu's or a reserved one
            text = with_mnemonic(widget.text(), kept)
        if text is not None:
            taken.add(mnemonic_of(text) or "")
            widget.setText(text)  # a screen reader reads the text without the "&"
    return taken


def _register_default(dialog: QDialog) -> None:
    """Enter runs the button made default (Export, Save), not the first button the dialog holds
    (Choose…): a button made default before it was put in its dialog is made so again."""
    for button in dialog.findChildren(QPushButton):
        if button.isDefault():
            button.setDefault(False)  # Qt does nothing for a button that is default already
            button.setDefault(True)
            return


def _shown_window(widget: QWidget) -> bool:
    """A window whose letters are given as it is shown (the main window's views give their own)."""
    return widget.isWindow() and not isinstance(widget, QMainWindow)


def _give_window_keys(window: QWidget) -> None:
    give_mnemonics(window)
    if isinstance(window, QDialog):
        _register_default(window)


class KeyboardGuard(AppFilter):
    """One for the application, started by ui/widgets/app_filters.py `start`."""

    EVENTS = frozenset({QEvent.Type.Polish, QEvent.Type.KeyPress, QEvent.Type.Show})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import Qt  # made after the first paint, which goes without it

        self._return_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self._plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)

    def catch_up(self) -> None:
        for widget in QApplication.allWidgets():
            if isinstance(widget, QAbstractItemView):
                widget.setTabKeyNavigation(False)
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and _shown_window(window):
                _give_window_keys(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            watched.setTabKeyNavigation(False)
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and event.key() in self._return_keys
            and event.modifiers() in self._plain
            and not watched.autoDefault()
            and not watched.isDefault()
        ):
            if watched.isEnabled():
                watched.animateClick()
            return True
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and _shown_window(watched):
            _give_window_keys(watched)
        return False
