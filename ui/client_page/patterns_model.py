"""The table of a client's observations over the whole therapy: one row per observation, with
its session and category beside it, and a sort key per column (dates as dates, not text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from notes.observations import Category, Observation
from ui.session.observation_form import quoted
from ui.widgets.models import DataclassTableModel

SortRole = Qt.ItemDataRole.UserRole + 1  # what a column sorts by (dates as dates, not text)


@dataclass(frozen=True)
class ObservationRow:
    """An observation with what the table shows beside it: its session and category."""

    observation: Observation
    session_number: int
    session_start: datetime
    category: Category


class ClientObservationModel(DataclassTableModel[ObservationRow]):
    headings = ("Session", "Kind", "Category", "Intensity", "Supervision", "Words or feeling")

    def show(self, row: ObservationRow, column: int, role: int) -> Any:
        if role == SortRole:
            return self._sort_key(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            o = row.observation
            lines = [
                ("Redirected from", o.figure),
                ("What happened", o.what_happened),
                ("What I felt or noticed", o.what_i_felt),
                ("How I responded", o.how_i_responded),
            ]
            return "\n".join(f"{label}: {text}" for label, text in lines if text) or None
        return None

    @staticmethod
    def _sort_key(row: ObservationRow, column: int) -> Any:
        # Only the column asked for: sorting a long history's rows asks thousands of times.
        o = row.observation
        if column == 0:
            return row.session_start.isoformat()
        if column == 1:
            return o.kind.value
        if column == 2:
            return row.category.label.casefold()
        if column == 3:
            return o.intensity
        if column == 4:
            return int(o.supervision)
        return (o.quote or o.what_i_felt).casefold()

    @staticmethod
    def _text(row: ObservationRow, column: int) -> str:
        o = row.observation
        if column == 0:
            return f"{row.session_number} · {row.session_start:%d %b %Y}"
        if column == 1:
            return o.kind.label
        if column == 2:
            return row.category.display_label
        if column == 3:
            return f"{o.intensity} of 5"
        if column == 4:
            return "Bring to supervision" if o.supervision else ""
        return quoted(o.quote, 80) if o.quote else o.what_i_felt or o.what_happened
