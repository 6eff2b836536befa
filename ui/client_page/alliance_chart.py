"""The alliance over sessions on the client page: the client's check and the therapist's
estimate (means, 0–10), with ruptures, repairs and missed appointments marked on the same session
axis. What is drawn where is notes.alliance_chart's; how each series looks is the theme's, the
same as in the report.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from notes.alliance import AllianceRating, Rupture
from notes.alliance_chart import AllianceSeries, chart_points
from notes.chart_text import ChartText, alliance_text
from notes.records import Session
from ui.widgets import theme
from ui.widgets.theme import Marker, SeriesStyle

_SHAPES = {
    Marker.CIRCLE: QScatterSeries.MarkerShape.MarkerShapeCircle,
    Marker.SQUARE: QScatterSeries.MarkerShape.MarkerShapeRectangle,
    Marker.TRIANGLE: QScatterSeries.MarkerShape.MarkerShapeTriangle,
    Marker.DIAMOND: QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle,
}
_NAMES = {
    AllianceSeries.CLIENT: "Client's check",
    AllianceSeries.THERAPIST: "Your estimate",
    AllianceSeries.RUPTURE: "Rupture",
    AllianceSeries.REPAIR: "Repair",
    AllianceSeries.MISSED: "Missed appointment",
}


class AllianceChart(QChartView):
    """The chart on the client page. Each line's points are a scatter series of their own (its
    legend entry hidden), so a line's markers have the theme's shape as in the report. Its values
    as text are `text`, renewed with `textChanged`."""

    textChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)  # the page shows through; only the plot has a ground
        chart.setPlotAreaBackgroundVisible(True)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        font = QFont()  # the desktop's font, a little smaller: a legend steps back
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        chart.legend().setFont(font)
        self.lines: dict[AllianceSeries, QLineSeries] = {}
        self.markers: dict[AllianceSeries, QScatterSeries] = {}
        for which in AllianceSeries:
            style = theme.ALLIANCE[which]
            if style.line is not Qt.PenStyle.NoPen:
                line = self.lines[which] = QLineSeries()
                line.setName(_NAMES[which])
                line.setPen(style.pen(theme.LINE_WIDTH))
            points = self.markers[which] = QScatterSeries()
            points.setName(_NAMES[which])
            points.setMarkerShape(_SHAPES[style.marker])
            points.setMarkerSize(theme.MARKER_SIZE[which])
        self.client = self.lines[AllianceSeries.CLIENT]
        self.therapist = self.lines[AllianceSeries.THERAPIST]
        self.ruptures = self.markers[AllianceSeries.RUPTURE]
        self.repairs = self.markers[AllianceSeries.REPAIR]
        self.missed = self.markers[AllianceSeries.MISSED]
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText("Session")
        self.x_axis.setLabelFormat("%d")
        self.y_axis = QValueAxis()
        self.y_axis.setRange(-0.6, 10.6)  # room for markers on the 0 and 10 lines
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setTickInterval(2)
        self.y_axis.setLabelFormat("%d")
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
            chart.addAxis(
                axis,
                Qt.AlignmentFlag.AlignBottom if axis is self.x_axis else Qt.AlignmentFlag.AlignLeft,
            )
        for series in (*self.lines.values(), *self.markers.values()):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        for which in self.lines:  # the line's legend entry stands for its points too
            for entry in chart.legend().markers(self.markers[which]):
                entry.setVisible(False)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setAccessibleName("alliance chart")
        self._colour_in()
        self.points = chart_points([], [], [])
        self.text: ChartText = alliance_text(self.points)
        self._set_range(1)

    def _colour_in(self) -> None:
        """The ground, ink and grid from the palette; hollow markers are filled with the ground."""
        surface = theme.surface(self.palette())
        chart = self.chart()
        chart.setPlotAreaBackgroundBrush(surface.background)
        chart.legend().setLabelColor(surface.ink)
        for axis in (self.x_axis, self.y_axis):
            axis.setGridLineColor(surface.grid)
            axis.setLinePenColor(surface.grid)
            axis.setLabelsColor(surface.ink)
            axis.setTitleBrush(surface.ink)
        for which, points in self.markers.items():
            style = theme.ALLIANCE[which]
            points.setColor(surface.background if style.hollow else style.qcolor())
            outline = style.qcolor() if style.hollow else style.edge()
            points.setPen(QPen(outline, 2 if style.hollow else 1))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the desktop went dark, or light
            self._colour_in()

    def style_of(self, which: AllianceSeries) -> SeriesStyle:
        """The style this chart draws `which` with, read back from its series."""
        points = self.markers[which]
        line = self.lines.get(which)
        hollow = points.color() == self.chart().plotAreaBackgroundBrush().color()
        colour = points.pen().color() if hollow else points.color()
        if line is not None:
            colour = line.pen().color()
        shape = next(marker for marker, qt in _SHAPES.items() if qt == points.markerShape())
        return SeriesStyle(
            colour.name(),
            Qt.PenStyle.NoPen if line is None else line.pen().style(),
            shape,
            hollow,
        )

    def show_data(
        self, sessions: list[Session], ratings: list[AllianceRating], ruptures: list[Rupture]
    ) -> None:
        self.points = chart_points(sessions, ratings, ruptures)
        for which in AllianceSeries:
            shown = [QPointF(x, y) for x, y in self.points.of(which)]
            for series in (self.lines.get(which), self.markers[which]):
                if series is not None:
                    series.replace(shown)
        self._set_range(self.points.last_session)
        self.text = alliance_text(self.points)
        self.setAccessibleDescription(self.text.description)
        self.textChanged.emit()

    def clear(self) -> None:
        self.show_data([], [], [])

    def _set_range(self, last: int) -> None:
        self.x_axis.setRange(0.5, max(last, 2) + 0.5)
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(1)
        self.x_axis.setTickInterval(1 if last <= 12 else 2 if last <= 24 else 5)
