"""The client page's section on transference and countertransference over the whole therapy.

Every observation of the client in a table (patterns_model) that filters by kind, category,
intensity and the supervision flag (patterns_filter); a chart of the listed observations per
session, stacked by category (patterns_chart); and, above both, a gentle word when the same
category keeps coming back (notes.observations' `recurring_in`). This module lays them out and
wires the filters. It reloads only while shown: the client page is often hidden behind the note.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from notes.observations import Category, ObservationKind, recurring_in
from notes.records import Client, Session
from notes.wording import counted
from ui.client_page.patterns_chart import PatternChart
from ui.client_page.patterns_filter import ObservationFilter
from ui.client_page.patterns_model import ClientObservationModel, ObservationRow, SortRole
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService
from ui.widgets.chart_table import ChartWithTable
from ui.widgets.flow_layout import FlowLayout


def _sessions_text(numbers: list[int]) -> str:
    listed = [str(number) for number in numbers]
    return ", ".join(listed[:-1]) + f" and {listed[-1]}" if len(listed) > 1 else listed[0]


def pattern_text(found: list[tuple[Category, list[int]]], window: int) -> str:
    """One gentle paragraph naming each recurring category and the sessions it came up in."""
    lines = [
        f"• “{category.display_label}” ({category.kind.value}): {len(numbers)} of {window} — "
        f"sessions {_sessions_text(numbers)}"
        for category, numbers in found
    ]
    return (
        f"Coming back in the last {window} sessions with observations:\n"
        + "\n".join(lines)
        + "\nA pattern like this is often worth bringing to supervision."
    )


class ClientPatterns(QWidget):
    TITLE = "Transference and countertransference"

    def __init__(
        self, service: VaultService, parent: QWidget | None = None, *, staged: bool = False
    ) -> None:
        """Built whole; or, with `staged=True`, the rest by each of `build_steps()` in order
        (ui/staged_build.py: a turn of the event loop apart, the window never held long)."""
        super().__init__(parent)
        self.setObjectName("clientPatterns")
        self._service = service
        self._client: Client | None = None
        self._sessions: list[Session] = []
        self._categories: list[Category] = []
        self._stale = False
        if not staged:
            StagedBuild(self, self.build_steps()).finish()

    def build_steps(self) -> list[Step]:
        """Its parts, each a few milliseconds of building, in order."""
        return [
            ("patterns filters", self._build_filters),
            ("patterns table", self._build_table),
            ("patterns chart", self._build_chart),
        ]

    def _build_filters(self) -> None:
        self.pattern = QLabel()
        self.pattern.setObjectName("patternNote")
        self.pattern.setWordWrap(True)  # its look is the style sheet's QLabel#patternNote
        self.empty = QLabel(
            "No observations yet. In a session note, select words and press Ctrl+T "
            "(transference) or Ctrl+Shift+T (countertransference)."
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("kind filter")
        self.kind.addItem("Both kinds", None)
        for kind in ObservationKind:
            self.kind.addItem(kind.label, kind.value)
        self.category = QComboBox()
        self.category.setAccessibleName("category filter")
        self.intensity = QComboBox()
        self.intensity.setAccessibleName("intensity filter")
        self.intensity.addItem("Any intensity", 1)
        for least in range(2, 5):
            self.intensity.addItem(f"Intensity {least} or more", least)
        self.intensity.addItem("Intensity 5 only", 5)
        self.supervision = QCheckBox("Only for supervision")
        self.count = QLabel()
        self.count.setObjectName("hint")
        # Wraps in a narrow column rather than widen the page.
        self._filters = filters = FlowLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.category, self.intensity, self.supervision, self.count):
            filters.addWidget(widget)

    def _build_table(self) -> None:
        self.model = ClientObservationModel(self)
        self.filtered = ObservationFilter(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setObjectName("client_observations")
        self.table.setAccessibleName("observations of this client")
        self.table.setModel(self.filtered)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # years of rows stay quick
        self.table.horizontalHeader().setSectionResizeMode(
            len(ClientObservationModel.headings) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMinimumHeight(220)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the latest sessions first

    def _build_chart(self) -> None:
        service = self._service
        self.chart = PatternChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pattern)
        layout.addWidget(self.empty)
        layout.addLayout(self._filters)
        layout.addWidget(self.table)
        layout.addWidget(ChartWithTable(self.chart, "observations chart"))

        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.category.currentIndexChanged.connect(
            lambda: self._filter(category_id=self.category.currentData())
        )
        self.intensity.currentIndexChanged.connect(
            lambda: self._filter(least_intensity=self.intensity.currentData())
        )
        self.supervision.toggled.connect(lambda on: self._filter(supervision_only=on))
        service.observationsChanged.connect(self._observations_changed)
        service.categoriesChanged.connect(self._refresh)
        self.clear()

    # -- the client page's section protocol ------------------------------------------------

    def show_client(self, client: Client, sessions: list[Session]) -> None:
        if self._client is None or self._client.id != client.id:
            self.supervision.setChecked(False)
            self.kind.setCurrentIndex(0)
            self.intensity.setCurrentIndex(0)
        self._client, self._sessions = client, list(sessions)
        self._refresh()

    def clear(self) -> None:
        self._client, self._sessions, self._categories = None, [], []
        self._stale = False
        self.model.set_items([])
        self.pattern.hide()
        self.pattern.clear()
        self.category.clear()
        self.chart.show_rows([], [])
        self._show_state()

    # -- loading ---------------------------------------------------------------------------

    def _observations_changed(self, client_id: int) -> None:
        if self._client is not None and self._client.id == client_id:
            self._refresh()

    def _refresh(self) -> None:
        """Reload now if shown, else when next shown."""
        if self._client is None:
            return
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        assert self._client is not None and self._client.id is not None
        self._stale = False
        self._categories = self._service.observation_categories()
        by_id = {c.id: c for c in self._categories}
        sessions = {s.id: s for s in self._sessions}
        observations = [
            o
            for o in self._service.client_observations(self._client.id)
            if o.session_id in sessions
        ]
        self.model.set_items(
            [
                ObservationRow(
                    o,
                    sessions[o.session_id].number,
                    sessions[o.session_id].starts_at,
                    by_id[o.category_id],
                )
                for o in observations
            ]
        )
        order = [s.id for s in sorted(self._sessions, key=lambda s: (s.starts_at, s.id))]
        found = recurring_in(observations, order)
        if found:
            self.pattern.setText(
                pattern_text(
                    [(by_id[p.category], [sessions[s].number for s in p.sessions]) for p in found],
                    found[0].window,
                )
            )
        self.pattern.setVisible(bool(found))
        self._fill_categories()  # which filters, counts and charts what is shown

    def _chosen_kind(self) -> ObservationKind | None:
        value = self.kind.currentData()  # Qt keeps the enum's plain string value
        return ObservationKind(value) if value else None

    def _kind_chosen(self) -> None:
        self._filter(kind=self._chosen_kind())
        self._fill_categories()

    def _fill_categories(self) -> None:
        kind = self._chosen_kind()
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("Any category", None)
        for category in self._categories:
            if kind is None or category.kind is kind:
                prefix = f"{category.kind.short} · " if kind is None else ""
                self.category.addItem(prefix + category.display_label, category.id)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)
        self._filter(category_id=self.category.currentData())

    def _filter(self, **values: Any) -> None:
        self.filtered.set_filter(**values)
        self._show_state()

    def _show_state(self) -> None:
        total, shown = self.model.rowCount(), self.filtered.rowCount()
        self.empty.setVisible(total == 0)
        self.count.setText(f"{shown:,} of {counted(total, 'observation')}" if total else "")
        self.chart.show_rows(self.filtered.accepted(), self._categories)
