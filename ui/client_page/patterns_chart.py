"""The chart of a client's observations: one stacked bar per session, one colour per category
(the theme's: transference in cool tones, countertransference in warm ones), at most the latest
`CHART_SESSIONS` sessions so that every bar keeps its label."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from notes.chart_text import ChartText, pattern_text
from notes.observations import CHART_SESSIONS, Category, ObservationKind, counts_per_session
from ui.client_page.patterns_model import ObservationRow
from ui.widgets import theme


class PatternChart(QChartView):
    """Observations per session, one stacked bar per session, one colour per category; its
    values as text are `text`, renewed with `textChanged`."""

    textChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observation_chart")
        self.setAccessibleName("observations per session, by category")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(300)
        self.series_labels: list[str] = []  # what the legend says, for tests and screen readers
        self.text: ChartText = pattern_text([], {})
        self._shown: tuple[list[ObservationRow], list[Category]] = ([], [])
        self.show_rows([], [])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # View → Theme, or the desktop went dark
            self.show_rows(*self._shown)

    def show_rows(self, rows: list[ObservationRow], categories: list[Category]) -> None:
        self._shown = (rows, categories)
        surface = theme.surface(self.palette())
        chart = QChart()
        chart.setBackgroundBrush(surface.background)
        chart.setTitleBrush(surface.ink)
        chart.legend().setLabelColor(surface.ink)
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
        per_label: dict[str, tuple[int, ...]] = {}
        places = {kind: [c.id for c in categories if c.kind is kind] for kind in ObservationKind}
        for category in categories:
            counts = counted.counts.get(category.id)
            if counts is None:
                continue
            label = f"{category.kind.short} · {category.display_label}"
            bar_set = QBarSet(label)
            bar_set.append([float(count) for count in counts])
            style = theme.category_style(category.kind, places[category.kind].index(category.id))
            bar_set.setColor(style.qcolor())
            bar_set.setBorderColor(surface.background)  # a thin gap between stacked bars
            series.append(bar_set)
            self.series_labels.append(label)
            per_label[label] = tuple(counts)
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
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(surface.ink)
            axis.setTitleBrush(surface.ink)
            axis.setGridLineColor(surface.grid)
            axis.setLinePenColor(surface.grid)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setVisible(bool(self.series_labels))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.text = pattern_text([n for _start, n in sessions], per_label, counted.left_out)
        self.setAccessibleDescription(self.text.description)
        self.textChanged.emit()
