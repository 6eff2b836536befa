"""Keep what was typed into an open dialog when the vault locks, and reopen it after.

A dialog takes part by carrying the property "draft_opener": the name of a function the window
registered (see DialogDrafts.register) that opens the same dialog again with saved fields. A
dialog that edits an existing record also carries "draft_record", the record's id (or key),
which comes back to the opener among the fields under that name. A form opened from inside
such a dialog (a prompt's wording inside the prompt set) carries "draft_nested": the name of
the outer dialog's method that opens it again with its fields, so both come back. The fields
are read generically from named child widgets, and kept inside the vault (encrypted), never in
a settings file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QWidget,
)

OPENER = "draft_opener"
RECORD = "draft_record"
# What a dialog holds beyond its inputs (a list edited in memory), as JSON text it keeps current.
EXTRA = "draft_extra"
# A dialog whose work is better saved than set aside (an observation form): auto-lock accepts it.
SAVE_ON_LOCK = "save_on_lock"
# A form opened from inside a draftable dialog: the outer dialog's method that reopens it.
NESTED = "draft_nested"
Fields = dict[str, Any]


# How to read and write each kind of input; the first matching kind wins (a date edit is also
# a spin box, so dates and times come before numbers).
_KINDS: list[tuple[type, Callable[[Any], Any], Callable[[Any, Any], None]]] = [
    (QLineEdit, lambda w: w.text(), lambda w, v: w.setText(v)),
    (QPlainTextEdit, lambda w: w.toPlainText(), lambda w, v: w.setPlainText(v)),
    (QTextEdit, lambda w: w.toPlainText(), lambda w, v: w.setPlainText(v)),
    (QAbstractButton, lambda w: w.isChecked(), lambda w, v: w.setChecked(bool(v))),
    (QComboBox, lambda w: _combo_value(w), lambda w, v: _set_combo(w, v)),
    (
        QDateEdit,
        lambda w: w.date().toString("yyyy-MM-dd"),
        lambda w, v: w.setDate(QDate.fromString(v, "yyyy-MM-dd")),
    ),
    (
        QTimeEdit,
        lambda w: w.time().toString("HH:mm"),
        lambda w, v: w.setTime(QTime.fromString(v, "HH:mm")),
    ),
    (QSpinBox, lambda w: w.value(), lambda w, v: w.setValue(int(v))),
]


def _combo_value(box: QComboBox) -> int | str:
    """A choice by its place; what was typed into an editable box (a reason of one's own) as
    its text."""
    return box.currentText() if box.isEditable() else box.currentIndex()


def _set_combo(box: QComboBox, value: int | str) -> None:
    if isinstance(value, str):
        box.setEditText(value)
    else:
        box.setCurrentIndex(int(value))


def _inputs(dialog: QWidget) -> list[tuple[str, QWidget, int]]:
    """Each input with a stable key: its object name, else its kind and place in the dialog.

    The same dialog built again from the same records has the same inputs in the same order,
    so an unnamed input gets the same key when the dialog is reopened.
    """
    found, counts = [], {}
    for child in dialog.findChildren(QWidget):
        if child.window() is not dialog:
            continue  # the inputs of a form opened from this dialog are that form's own
        inside = child.parent()
        if isinstance(child, QLineEdit) and isinstance(inside, QAbstractSpinBox | QComboBox):
            continue  # the text inside a spin, date or combo box: the box itself is the input
        if isinstance(child, QAbstractButton) and not child.isCheckable():
            continue
        for index, (kind, _read, _write) in enumerate(_KINDS):
            if isinstance(child, kind):
                counts[index] = counts.get(index, 0) + 1
                name = child.objectName()
                key = (
                    name
                    if name and not name.startswith("qt_")
                    else f"{kind.__name__}#{counts[index]}"
                )
                found.append((key, child, index))
                break
    return found


def snapshot(dialog: QWidget) -> Fields:
    """The value of every input in a dialog."""
    return {key: _KINDS[index][1](child) for key, child, index in _inputs(dialog)}


def restore(dialog: QWidget, fields: Fields) -> None:
    """Put saved values back into the dialog's inputs (unknown keys are ignored)."""
    for key, child, index in _inputs(dialog):
        if key in fields:
            _KINDS[index][2](child, fields[key])


def draftable(
    dialog: QDialog, opener: str, fields: Fields | None, record: int | str | None = None
) -> None:
    """Let a lock set the dialog's typing aside (under the opener's name, with the record it
    edits), and refill it from `fields` when it is reopened."""
    dialog.setProperty(OPENER, opener)
    if record is not None:
        dialog.setProperty(RECORD, record)
    if fields:
        restore(dialog, fields)
        reopen_nested(dialog, fields)


def nested_draftable(form: QDialog, reopen: str, record: int | str | None = None) -> None:
    """Let a lock keep a form opened from inside a draftable dialog: `reopen` names the outer
    dialog's method that opens the form again, given its fields."""
    form.setProperty(NESTED, reopen)
    if record is not None:
        form.setProperty(RECORD, record)


def reopen_nested(dialog: QDialog, fields: Fields) -> None:
    """Open again the form that was open inside `dialog` when the lock came, once `dialog`
    itself is showing (the timer fires inside its exec())."""
    nested = fields.get(NESTED)
    if nested:
        method = getattr(dialog, nested["method"])
        QTimer.singleShot(0, lambda: method(nested["fields"]))


def _fields(dialog: QDialog) -> Fields:
    """What a lock keeps of one dialog: its inputs, the record it edits, what it holds."""
    fields = snapshot(dialog)
    for name in (RECORD, EXTRA):
        value = dialog.property(name)
        if value is not None:
            fields[name] = value
    return fields


def _inside(widget: QWidget, outer: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not outer:
        parent = parent.parentWidget()
    return parent is outer


class DialogDrafts:
    """Set aside open dialogs' text before a lock; bring them back after unlocking."""

    def __init__(self, read: Callable[[], str], keep: Callable[[str], None]) -> None:
        """`read` and `keep` load and store the one dialog set aside, as JSON ("" for none)."""
        self._read, self._keep = read, keep
        self._openers: dict[str, Callable[[Fields], None]] = {}

    def register(self, name: str, opener: Callable[[Fields], None]) -> None:
        self._openers[name] = opener

    def set_aside(self, dialogs: list[QDialog]) -> None:
        """Keep the open form (one modal form is open at a time) with the form opened from
        inside it, if any."""
        for dialog in dialogs:
            opener = dialog.property(OPENER)
            if opener in self._openers:
                fields = _fields(dialog)
                for form in dialogs:
                    if form.property(NESTED) and _inside(form, dialog):
                        fields[NESTED] = {"method": form.property(NESTED), "fields": _fields(form)}
                self._keep(json.dumps({"opener": opener, "fields": fields}))
                return

    def bring_back(self) -> None:
        saved = self._read()
        if not saved:
            return
        self._keep("")
        draft = json.loads(saved)
        opener = self._openers.get(draft.get("opener"))
        if opener:  # after the unlock has finished drawing the workspace
            QTimer.singleShot(0, lambda: opener(draft["fields"]))
