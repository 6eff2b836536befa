"""The client page's "Measures and alliance" section: the latest score per instrument with its
band and reliable change, flagged items (PHQ-9 item 9) said plainly, whether each repair held,
and the whole timeline as a chart (hover or arrow keys) and as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from notes.measures.flags import flag_message
from notes.measures.repair_held import repairs_held
from notes.measures.timeline import (
    TABLE_HEADINGS,
    Timeline,
    measure_summaries,
    timeline,
    timeline_rows,
)
from notes.records import Client, Session
from ui.measures.menus import ENTER_MEASURES_KEY, HAND_TO_CLIENT_KEY
from ui.measures.timeline_chart import TimelineChart
from ui.vault_service import VaultService
from ui.vault_writes import writes
from ui.widgets.keyboard import reached_by

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str]] = []

    def show(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TABLE_HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return self.rows[index.row()][index.column()]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TABLE_HEADINGS[section]
        return None


class MeasuresSection(QWidget):
    def __init__(self, service: VaultService, actions=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._actions = actions
        self.client: Client | None = None
        self.sessions: list[Session] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("measures summary")
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setObjectName("suggestion")
        self.flags.setAccessibleName("item flags")
        self.repairs = QLabel()
        self.repairs.setWordWrap(True)
        self.chart = TimelineChart()
        self.model = TimelineModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("timeline table")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.summary, self.flags, self.repairs, self.chart, self.table):
            layout.addWidget(widget)
        if actions is not None:
            row = QHBoxLayout()
            enter = writes(service, QPushButton("Enter measures…"))
            hand = writes(service, QPushButton("Hand to the client…"))
            enter.clicked.connect(lambda: actions.enter_measures())
            hand.clicked.connect(lambda: actions.hand_to_client())
            reached_by(enter, ENTER_MEASURES_KEY)
            reached_by(hand, HAND_TO_CLIENT_KEY)
            row.addWidget(enter)
            row.addWidget(hand)
            row.addStretch(1)
            layout.addLayout(row)
        for signal in (service.measuresChanged, service.allianceChanged):
            signal.connect(self._changed)
        service.observationsChanged.connect(self._changed)

    def _changed(self, client_id: int) -> None:
        if self.client is not None and self.client.id == client_id:
            self.show_client(self.client, self.sessions)

    def show_client(self, client: Client, sessions: list[Session]) -> None:
        self.client, self.sessions = client, sessions
        numbers = {s.id: s.number for s in sessions}
        responses = self._service.measures(client.id)
        ratings = self._service.alliance_ratings(client.id)
        ruptures = self._service.ruptures(client.id)
        observations = self._service.client_observations(client.id)
        summaries = measure_summaries(responses, numbers)
        self.summary.setText(
            "\n".join(summaries)
            or "No outcome measures yet. Enter them with “Outcome measures…” (Ctrl+Shift+M), "
            "or hand the laptop to the client (Ctrl+Shift+H)."
        )
        flagged = [
            f"Session {numbers.get(r.session_id, '?')}: "
            + flag_message(r.instrument, flag, r.answers[flag.item])
            for r in responses
            for flag in r.raised_flags()
        ]
        self.flags.setText("\n".join(flagged))
        self.flags.setVisible(bool(flagged))
        held = []
        # Worked out once for every rupture: per rupture, it re-sorted all the client's checks.
        repaired = repairs_held(ruptures, sessions, ratings)
        for rupture in ruptures:
            result = repaired.get(rupture.id)
            if result is not None:
                at = numbers.get(rupture.session_id, "?")
                held.append(f"Rupture in session {at}: {result.describe()}")
        self.repairs.setText("\n".join(held))
        self.repairs.setVisible(bool(held))
        line = timeline(sessions, responses, ratings, ruptures, observations)
        rows = timeline_rows(line)
        self.chart.show_line(line, rows)
        self.model.show(rows)

    def clear(self) -> None:
        self.client, self.sessions = None, []
        for label in (self.summary, self.flags, self.repairs):
            label.clear()
        self.model.show([])
        self.chart.show_line(Timeline())
