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
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from notes.observations import Category, ObservationKind
from ui.client_page.patterns_model import ObservationRow
from ui.widgets import theme

CHART_SESSIONS = 16  # bars the chart shows at most (their numbers must fit): the latest ones


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
        sessions = sorted({(r.session_start, r.session_number) for r in rows})
        if len(sessions) > CHART_SESSIONS:  # hundreds of bars read as nothing: the latest ones
            sessions = sessions[-CHART_SESSIONS:]
            shown = {number for _start, number in sessions}
            rows = [r for r in rows if r.session_number in shown]
            chart.setTitle(f"{chart.title()} — the last {CHART_SESSIONS} sessions with any")
        columns = {number: column for column, (_start, number) in enumerate(sessions)}
        series = QStackedBarSeries()
        self.series_labels = []
        used = {r.observation.category_id for r in rows}
        places = {kind: [c.id for c in categories if c.kind is kind] for kind in ObservationKind}
        for category in categories:
            if category.id not in used:
                continue
            counts = [0] * len(sessions)
            for r in rows:
                if r.observation.category_id == category.id:
                    counts[columns[r.session_number]] += 1
            label = f"{category.kind.short} · {category.display_label}"
            bar_set = QBarSet(label)
            bar_set.append([float(count) for count in counts])
            style = theme.category_style(category.kind, places[category.kind].index(category.id))
            bar_set.setColor(style.qcolor())
            bar_set.setBorderColor(surface.background)  # a thin gap between stacked bars
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
