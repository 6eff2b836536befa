"""Which of a client's observations the table and the chart show: a kind, a category, a least
intensity, and (if asked) only those flagged for supervision."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from notes.observations import ObservationKind, matches
from ui.client_page.patterns_model import ObservationRow
from ui.widgets.models import AnyIndex, ItemRole


class ObservationFilter(QSortFilterProxyModel):
    """Rows of a kind, a category, a least intensity, and (if asked) flagged for supervision."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind: ObservationKind | None = None
        self.category_id: int | None = None
        self.least_intensity = 1
        self.supervision_only = False

    def set_filter(self, **values: Any) -> None:
        if all(getattr(self, name) == value for name, value in values.items()):
            return  # the same filter: a long history's rows are not looked through again
        modern = hasattr(self, "beginFilterChange")  # Qt 6.9+; invalidateRowsFilter before
        if modern:
            self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ItemRole)
        return matches(
            row.observation,
            self.kind,
            self.category_id,
            self.least_intensity,
            self.supervision_only,
        )

    def accepted(self) -> list[ObservationRow]:
        return [self.index(row, 0).data(ItemRole) for row in range(self.rowCount())]
