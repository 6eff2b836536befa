"""My conduct across clients: the share of "yes" per prompt group over recent months."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from notes.conduct import GroupTrend
from notes.wording import counted
from ui.widgets import theme
from ui.widgets.dialog_parts import Standard, dialog_buttons
from ui.widgets.headings import Heading
from ui.widgets.models import AnyIndex, ItemRole


class TrendModel(QAbstractTableModel):
    """Rows are prompt groups, columns months (oldest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupTrend] = []
        self._months: list[date] = []

    def set_trend(self, rows: list[GroupTrend], months: list[date]) -> None:
        self.beginResetModel()
        self._rows, self._months = list(rows), list(months)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._months)
        ):
            return None
        row = self._rows[index.row()]
        cell = row.cells[index.column()]
        share = cell.share
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if share is None else f"{round(share * 100)}%"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and share is not None:
            return theme.share_tint(share)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            month = f"{self._months[index.column()]:%B %Y}"
            if share is None:
                return f"{row.group.label}, {month}: no answers"
            answers = counted(cell.answered, "answer")
            return f"{row.group.label}, {month}: “yes” in {cell.yes} of {answers}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._months):
            return f"{self._months[section]:%b %Y}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._rows[section].group.label
        return None


class ConductTrendDialog(QDialog):
    def __init__(
        self, rows: list[GroupTrend], months: list[date], checks: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("My conduct across clients")
        heading = Heading("My conduct across clients")
        heading.setObjectName("sectionHeading")
        hint = QLabel(
            "How often you answered “yes”, per group of prompts and by the month of the "
            "session, across all your clients. “Not applicable” is left out. A lower month is "
            "something to be curious about, not a mark against you."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.model = TrendModel(self)
        self.model.set_trend(rows, months)
        self.table = QTableView()
        self.table.setAccessibleName("conduct trend")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.resizeRowsToContents()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + self.table.verticalHeader().length()
            + 2 * self.table.frameWidth()
        )
        self.basis = QLabel(
            f"Based on {checks} answered checks since {months[0]:%B %Y}."
            if checks
            else "No answered checks in these months yet."
        )
        self.basis.setObjectName("hint")
        buttons = dialog_buttons(self, Standard.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(self.basis)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
        self.adjustSize()
