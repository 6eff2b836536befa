"""The alliance over sessions: the client's check and the therapist's estimate (means, 0–10),
with ruptures, repairs and missed appointments marked on the same session axis.

Every series differs by shape or line style as well as colour, so it reads in greyscale too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from notes.alliance import AllianceRating, Rater, Repair, Rupture
from notes.records import Session

_CLIENT = QColor("#2f6f8f")
_THERAPIST = QColor("#8a6fb0")
_RUPTURE = QColor("#b45f2a")
_REPAIR = QColor("#4f7a5b")
_MISSED = QColor("#9aa0a6")
_INK = QColor("#33415c")
_GRID = QColor("#e3e6ea")


@dataclass(frozen=True)
class ChartPoints:
    """What the chart draws, as plain numbers: (session number, score) pairs."""

    client: list[tuple[int, float]]
    therapist: list[tuple[int, float]]
    ruptures: list[tuple[int, float]]
    repairs: list[tuple[int, float]]
    missed: list[tuple[int, float]]
    last_session: int


def chart_points(
    sessions: list[Session], ratings: list[AllianceRating], ruptures: list[Rupture]
) -> ChartPoints:
    number = {s.id: s.number for s in sessions}
    client, therapist = {}, {}
    for rating in ratings:
        if rating.session_id not in number:
            continue
        for rater, points in ((Rater.CLIENT, client), (Rater.THERAPIST, therapist)):
            mean = rating.mean(rater)
            if mean is not None:
                points[number[rating.session_id]] = float(mean)

    def height(at: int) -> float:
        # A marker sits on the client's line where there is one, so a drop and its rupture
        # are seen together; otherwise on the estimate, otherwise mid-scale.
        return client.get(at, therapist.get(at, 5.0))

    rupture_points, repair_points = [], []
    for rupture in ruptures:
        if rupture.session_id in number:
            at = number[rupture.session_id]
            rupture_points.append((at, height(at)))
        if rupture.repair is not Repair.NOT_YET and rupture.repair_session_id in number:
            at = number[rupture.repair_session_id]
            repair_points.append((at, height(at)))
    missed = [(s.number, 0.0) for s in sessions if not s.attendance.kept]
    return ChartPoints(
        sorted(client.items()),
        sorted(therapist.items()),
        rupture_points,
        repair_points,
        missed,
        max(number.values(), default=1),
    )


def _line(name: str, colour: QColor, style: Qt.PenStyle) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    pen = QPen(colour, 2.2)
    pen.setStyle(style)
    series.setPen(pen)
    series.setPointsVisible(True)
    return series


def _markers(
    name: str, colour: QColor, shape: QScatterSeries.MarkerShape, size: float
) -> QScatterSeries:
    series = QScatterSeries()
    series.setName(name)
    series.setMarkerShape(shape)
    series.setMarkerSize(size)
    series.setColor(colour)
    series.setBorderColor(colour.darker(130))
    return series


class AllianceChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)  # the page shows through; only the plot is white
        chart.setPlotAreaBackgroundBrush(QColor("white"))
        chart.setPlotAreaBackgroundVisible(True)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        font = QFont()
        font.setPointSizeF(9)
        chart.legend().setFont(font)
        chart.legend().setLabelColor(_INK)
        Shape = QScatterSeries.MarkerShape
        self.client = _line("Client's check", _CLIENT, Qt.PenStyle.SolidLine)
        self.therapist = _line("Your estimate", _THERAPIST, Qt.PenStyle.DashLine)
        self.ruptures = _markers("Rupture", _RUPTURE, Shape.MarkerShapeTriangle, 15)
        self.repairs = _markers("Repair", _REPAIR, Shape.MarkerShapeRotatedRectangle, 13)
        self.missed = _markers("Missed appointment", _MISSED, Shape.MarkerShapeRectangle, 9)
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
            axis.setGridLineColor(_GRID)
            axis.setLabelsColor(_INK)
            axis.setTitleBrush(_INK)
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
            chart.addAxis(
                axis,
                Qt.AlignmentFlag.AlignBottom if axis is self.x_axis else Qt.AlignmentFlag.AlignLeft,
            )
        for series in (self.client, self.therapist, self.ruptures, self.repairs, self.missed):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setAccessibleName("alliance chart")
        self.points = chart_points([], [], [])
        self._set_range(1)

    def show_data(
        self, sessions: list[Session], ratings: list[AllianceRating], ruptures: list[Rupture]
    ) -> None:
        self.points = chart_points(sessions, ratings, ruptures)
        for series, points in (
            (self.client, self.points.client),
            (self.therapist, self.points.therapist),
            (self.ruptures, self.points.ruptures),
            (self.repairs, self.points.repairs),
            (self.missed, self.points.missed),
        ):
            series.replace([QPointF(x, y) for x, y in points])
        self._set_range(self.points.last_session)
        self.setAccessibleDescription(
            f"{len(self.points.client)} client checks, {len(self.points.ruptures)} ruptures, "
            f"{len(self.points.repairs)} repairs, {len(self.points.missed)} missed appointments"
        )

    def clear(self) -> None:
        self.show_data([], [], [])

    def _set_range(self, last: int) -> None:
        self.x_axis.setRange(0.5, max(last, 2) + 0.5)
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(1)
        self.x_axis.setTickInterval(1 if last <= 12 else 2 if last <= 24 else 5)
