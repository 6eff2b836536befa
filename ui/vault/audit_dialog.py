"""The audit log: what was done when, to which record — filtered by day and action."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from notes.audit_records import RecordNames
from notes.wording import counted
from storage.audit import AuditEntry, AuditLog
from ui.widgets.dialog_parts import Standard, dialog_buttons
from ui.widgets.form_fields import date_edit
from ui.widgets.models import DataclassTableModel

ALL_ACTIONS = "All actions"


class AuditTableModel(DataclassTableModel[AuditEntry]):
    headings = ("When", "What", "Record")

    def __init__(self, names: RecordNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names

    def show(self, entry: AuditEntry, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        record = self._names.describe(entry.record)
        return (f"{entry.at:%d %b %Y  %H:%M:%S}", entry.action, record)[column]


class AuditDialog(QDialog):
    def __init__(
        self, log: AuditLog, names: RecordNames | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit log")
        self._log = log
        self.since = date_edit(date.today() - timedelta(days=30))
        self.since.setAccessibleName("from")
        self.until = date_edit(date.today())
        self.until.setAccessibleName("to")
        self.action = QComboBox()
        self.action.setAccessibleName("action")
        self.action.addItem(ALL_ACTIONS)
        self.action.addItems(log.actions())
        self.model = AuditTableModel(names or RecordNames(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setObjectName("hint")
        filters = QHBoxLayout()
        for label, widget in (("From", self.since), ("to", self.until), ("Action", self.action)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        note = QLabel("The log records what was done and to which record, never what a note says.")
        note.setObjectName("hint")
        buttons = dialog_buttons(self, Standard.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(720, 480)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        action = self.action.currentText()
        entries = self._log.read(
            self.since.date().toPython(),
            self.until.date().toPython(),
            None if action == ALL_ACTIONS else action,
        )
        self.model.set_items(entries)
        self.table.resizeColumnsToContents()
        self.count.setText(counted(len(entries), "entry", "entries"))
