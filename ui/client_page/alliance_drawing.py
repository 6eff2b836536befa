"""The alliance chart, drawn with QPainter: the client's check and the therapist's estimate
(means, 0–10), ruptures, repairs and missed appointments, each at its session's date on a time
axis that names the years.

`alliance_layout` says where everything goes (the tests read it); `paint_alliance` draws that.
It is the one drawing: the client page's widget (alliance_chart.py) paints it on screen, the
report (ui/reports/charts.py) on paper, so this module needs only QtGui. Styles are the theme's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from notes.alliance_chart import AllianceSeries, ChartPoints
from ui.widgets import theme
from ui.widgets.chart_axes import (
    SWATCH,
    Metrics,
    Text,
    chart_frame,
    date_axis_texts,
    draw_grid,
    draw_texts,
    value_axis_texts,
    value_y,
)
from ui.widgets.theme import Surface

TICKS = (0, 2, 4, 6, 8, 10)
LOW, HIGH = -0.6, 10.6  # room for a marker on the 0 and the 10 line
Y_TITLE = "Alliance (mean, 0–10)"
NAMES: Mapping[AllianceSeries, str] = {
    AllianceSeries.CLIENT: "Client's check",
    AllianceSeries.THERAPIST: "Your estimate",
    AllianceSeries.RUPTURE: "Rupture",
    AllianceSeries.REPAIR: "Repair",
    AllianceSeries.MISSED: "Missed appointment",
}


@dataclass
class AllianceLayout:
    """Where the chart's parts go: the plot, every text (values, the axis title, dates, the
    legend) with its rectangle, and every point with its series and session number."""

    plot: QRectF
    texts: list[Text] = field(default_factory=list)
    points: list[tuple[AllianceSeries, int, QPointF]] = field(default_factory=list)
    legend: list[tuple[AllianceSeries, QPointF]] = field(default_factory=list)

    def of(self, which: AllianceSeries) -> list[QPointF]:
        return [spot for series, _number, spot in self.points if series is which]


def marker_size(which: AllianceSeries, scale: float) -> float:
    return theme.MARKER_SIZE[which] * scale


def alliance_layout(
    area: QRectF,
    drawn: ChartPoints,
    metrics: Metrics,
    scale: float = 1.0,
    names: Mapping[AllianceSeries, str] = NAMES,
) -> AllianceLayout:
    """Lay the chart out in `area` with the font of `metrics`; `scale` grows lines, markers and
    margins for print."""
    shown = [which for which in AllianceSeries if drawn.placed(which)]
    labels = [names[which] for which in shown]
    plot, legend = chart_frame(area, TICKS, metrics, scale, Y_TITLE, labels)
    layout = AllianceLayout(plot)
    layout.texts += value_axis_texts(plot, TICKS, HIGH, metrics, scale, Y_TITLE, LOW)
    first, last = drawn.span or (date.today(), date.today())
    inset = 10 * scale

    def x(day: date) -> float:
        if first == last:
            return plot.center().x()
        share = (day - first).days / (last - first).days
        return plot.left() + inset + (plot.width() - 2 * inset) * share

    layout.texts += date_axis_texts(plot, first, last, x, metrics, scale, within=area)
    for which in shown:
        for number, value in drawn.of(which):
            if number in drawn.dates:
                spot = QPointF(x(drawn.dates[number]), value_y(plot, value, HIGH, LOW))
                layout.points.append((which, number, spot))
    for which, (spot, text) in zip(shown, legend, strict=True):
        layout.legend.append((which, spot))
        layout.texts.append(text)
    return layout


def paint_alliance(
    painter: QPainter,
    area: QRectF,
    drawn: ChartPoints,
    surface: Surface,
    scale: float = 1.0,
    names: Mapping[AllianceSeries, str] = NAMES,
) -> AllianceLayout:
    """Draw the chart into `area` on `surface`; returns where everything went."""
    layout = alliance_layout(area, drawn, painter.fontMetrics(), scale, names)
    painter.save()
    painter.fillRect(layout.plot, surface.background)
    draw_grid(painter, layout.plot, TICKS, HIGH, surface, scale, LOW)
    for which in AllianceSeries:
        style = theme.ALLIANCE[which]
        at = layout.of(which)
        if style.line is not Qt.PenStyle.NoPen and len(at) > 1:
            path = QPainterPath(at[0])
            for each in at[1:]:
                path.lineTo(each)
            painter.setPen(style.pen(theme.LINE_WIDTH * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for each in at:
            theme.draw_marker(painter, each, style, marker_size(which, scale), surface.background)
    for which, spot in layout.legend:
        style = theme.ALLIANCE[which]
        if style.line is not Qt.PenStyle.NoPen:
            painter.setPen(style.pen(theme.LINE_WIDTH * scale))
            half = SWATCH * scale / 2
            painter.drawLine(spot - QPointF(half, 0), spot + QPointF(half, 0))
        theme.draw_marker(painter, spot, style, marker_size(which, scale), surface.background)
    draw_texts(painter, layout.texts, surface.ink)
    painter.restore()
    return layout
