"""Keep what was typed into an open dialog when the vault locks itself, and reopen it after.

A dialog takes part by carrying the property "draft_opener": the name of a function the window
registered (see DialogDrafts.register) that opens the same dialog again with saved fields. The
fields are read generically from named child widgets, and kept inside the vault (encrypted),
never in a settings file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
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

PENDING = "pending_dialog"
OPENER = "draft_opener"
# A dialog whose work is better saved than set aside (an observation form): auto-lock accepts it.
SAVE_ON_LOCK = "save_on_lock"
Fields = dict[str, Any]


def snapshot(dialog: QWidget) -> Fields:
    """The values of every named input in a dialog."""
    fields: Fields = {}
    for child in dialog.findChildren(QWidget):
        name = child.objectName()
        if not name or name.startswith("qt_"):
            continue
        if isinstance(child, QLineEdit) and not isinstance(child.parent(), QAbstractSpinBox):
            fields[name] = child.text()
        elif isinstance(child, QPlainTextEdit | QTextEdit):
            fields[name] = child.toPlainText()
        elif isinstance(child, QCheckBox):
            fields[name] = child.isChecked()
        elif isinstance(child, QComboBox):
            fields[name] = child.currentIndex()
        elif isinstance(child, QDateEdit):
            fields[name] = child.date().toString("yyyy-MM-dd")
        elif isinstance(child, QTimeEdit):
            fields[name] = child.time().toString("HH:mm")
        elif isinstance(child, QSpinBox):
            fields[name] = child.value()
    return fields


def restore(dialog: QWidget, fields: Fields) -> None:
    """Put saved values back into the dialog's named inputs (unknown names are ignored)."""
    for child in dialog.findChildren(QWidget):
        if child.objectName() not in fields:
            continue
        value = fields[child.objectName()]
        if isinstance(child, QLineEdit):
            child.setText(value)
        elif isinstance(child, QPlainTextEdit | QTextEdit):
            child.setPlainText(value)
        elif isinstance(child, QCheckBox):
            child.setChecked(bool(value))
        elif isinstance(child, QComboBox):
            child.setCurrentIndex(int(value))
        elif isinstance(child, QDateEdit):
            child.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        elif isinstance(child, QTimeEdit):
            child.setTime(QTime.fromString(value, "HH:mm"))
        elif isinstance(child, QSpinBox):
            child.setValue(int(value))


class DialogDrafts:
    """Set aside open dialogs' text before an auto-lock; bring them back after unlocking."""

    def __init__(self, get: Callable[[str], str], put: Callable[[str, str], None]) -> None:
        self._get, self._put = get, put
        self._openers: dict[str, Callable[[Fields], None]] = {}

    def register(self, name: str, opener: Callable[[Fields], None]) -> None:
        self._openers[name] = opener

    def set_aside(self, dialogs: list[QDialog]) -> None:
        for dialog in dialogs:
            opener = dialog.property(OPENER)
            if opener in self._openers:
                self._put(PENDING, json.dumps({"opener": opener, "fields": snapshot(dialog)}))
                return  # one modal dialog is open at a time

    def bring_back(self) -> None:
        saved = self._get(PENDING)
        if not saved:
            return
        self._put(PENDING, "")
        draft = json.loads(saved)
        opener = self._openers.get(draft.get("opener"))
        if opener:  # after the unlock has finished drawing the workspace
            QTimer.singleShot(0, lambda: opener(draft["fields"]))
