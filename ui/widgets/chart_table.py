"""A chart and, a click away, the same values as a table (notes.chart_text words both).

The chart's accessible description is the sentence saying its trend; "Show as table" (a button
that stays down) puts the table in the chart's place, with the sentence above it; pressed again,
the chart comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from notes.chart_text import ChartText

AnyIndex = QModelIndex | QPersistentModelIndex


class ChartTextModel(QAbstractTableModel):
    """A chart's values: rows of text under headings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ChartText((), (), "")

    def show_text(self, text: ChartText) -> None:
        self.beginResetModel()
        self._text = text
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._text.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._text.headings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return self._text.rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._text.headings)
        ):
            return self._text.headings[section]
        return None


class ChartWithTable(QWidget):
    """`chart` (a widget with a `textChanged` signal and a `text` ChartText) with its table."""

    def __init__(self, chart: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        if isinstance(chart, QAbstractScrollArea):  # a chart view: its drawing area takes focus
            chart.viewport().setAccessibleName(chart.accessibleName() or name)
        self.toggle = QPushButton("Show as table")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleDescription(f"the {name} as a table of its values")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("hint")
        self.model = ChartTextModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(f"{name}, as a table")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.chart)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.summary.hide()
        self.table.hide()
        self.toggle.toggled.connect(self._show_table)
        chart.textChanged.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        text: ChartText = self.chart.text
        self.chart.setAccessibleDescription(text.description)
        self.table.setAccessibleDescription(text.description)
        self.summary.setText(text.description)
        self.model.show_text(text)

    def _show_table(self, on: bool) -> None:
        self.chart.setVisible(not on)
        self.summary.setVisible(on)
        self.table.setVisible(on)
        (self.table if on else self.chart).setFocus(Qt.FocusReason.OtherFocusReason)
