"""The client page's section on transference and countertransference over the whole therapy.

Every observation of the client in a table that filters by kind, category, intensity and the
supervision flag; a chart of the listed observations per session, stacked by category; and,
above both, a gentle word when the same category keeps coming back (notes.observations'
`recurring_in`). It reloads only while shown: the client page is often hidden behind the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from notes.observations import (
    CHART_SESSIONS,
    Category,
    Observation,
    ObservationKind,
    counts_per_session,
    matches,
    recurring_in,
)
from notes.records import Client, Session
from ui.session.observation_form import quoted
from ui.vault_service import VaultService
from ui.widgets.models import AnyIndex, DataclassTableModel, ItemRole

SortRole = Qt.ItemDataRole.UserRole + 1  # what a column sorts by (dates as dates, not text)

# Distinct colours, transference in cool tones and countertransference in warm ones; a category
# keeps its colour (by its place in the list) whichever filter is chosen.
_COOL = ("#1f4e99", "#2a9d8f", "#7fb3e6", "#6a4c93", "#8ab17d", "#264653")
_WARM = ("#d1495b", "#f08c2e", "#e0b83c", "#8c510a", "#b23a8a", "#f2a7b5", "#8d8d8d", "#7a1f1f")


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
        o = row.observation
        keys = (
            row.session_start.isoformat(),
            o.kind.value,
            row.category.label.casefold(),
            o.intensity,
            int(o.supervision),
        )
        return keys[column] if column < len(keys) else (o.quote or o.what_i_felt).casefold()

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


class ObservationFilter(QSortFilterProxyModel):
    """Rows of a kind, a category, a least intensity, and (if asked) flagged for supervision."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind: ObservationKind | None = None
        self.category_id: int | None = None
        self.least_intensity = 1
        self.supervision_only = False

    def set_filter(self, **values: Any) -> None:
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


class PatternChart(QChartView):
    """Observations per session, one stacked bar per session, one colour per category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observation_chart")
        self.setAccessibleName("observations per session, by category")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(300)
        self.series_labels: list[str] = []  # what the legend says, for tests and screen readers
        self.show_rows([], [])

    def show_rows(self, rows: list[ObservationRow], categories: list[Category]) -> None:
        chart = QChart()
        chart.setTitle("Observations per session, by category")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # room for whole names
        chart.legend().setShowToolTips(True)
        chart.setBackgroundRoundness(0)
        chart.setMargins(chart.margins())
        counted = counts_per_session(
            ((r.session_start, r.session_number), r.observation.category_id) for r in rows
        )
        sessions = counted.sessions
        if counted.left_out:  # hundreds of bars read as nothing: the latest ones
            chart.setTitle(f"{chart.title()} — the last {CHART_SESSIONS} sessions with any")
        series = QStackedBarSeries()
        self.series_labels = []
        places = {kind: [c.id for c in categories if c.kind is kind] for kind in ObservationKind}
        for category in categories:
            counts = counted.counts.get(category.id)
            if counts is None:
                continue
            label = f"{category.kind.short} · {category.display_label}"
            bar_set = QBarSet(label)
            bar_set.append([float(count) for count in counts])
            palette = _COOL if category.kind is ObservationKind.TRANSFERENCE else _WARM
            colour = palette[places[category.kind].index(category.id) % len(palette)]
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor("white"))
            series.append(bar_set)
            self.series_labels.append(label)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([str(number) for _start, number in sessions] or [""])
        x_axis.setTitleText("Session")
        per_session = [sum(s.at(i) for s in series.barSets()) for i in range(len(sessions))]
        highest = max(per_session, default=1)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(1, highest))
        y_axis.setTickCount(int(max(1, highest)) + 1)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText("Observations")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setVisible(bool(self.series_labels))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


class ClientPatterns(QWidget):
    TITLE = "Transference and countertransference"

    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPatterns")
        self._service = service
        self._client: Client | None = None
        self._sessions: list[Session] = []
        self._categories: list[Category] = []
        self._stale = False

        self.pattern = QLabel()
        self.pattern.setObjectName("patternNote")
        self.pattern.setWordWrap(True)
        self.pattern.setStyleSheet(
            "QLabel { background: #f6f1e3; border-left: 3px solid #b8a46a; padding: 8px; }"
        )
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
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.category, self.intensity, self.supervision):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)

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
        self.chart = PatternChart()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pattern)
        layout.addWidget(self.empty)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.chart)

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
        self._fill_categories()
        self._show_state()

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
        self.count.setText(f"{shown} of {total} observations" if total else "")
        self.chart.show_rows(self.filtered.accepted(), self._categories)
