"""The client's one timeline, drawn with QPainter: symptom scores above (with the published
cut-off), the alliance below (the client's check, the therapist's estimate, ruptures — filled
while unrepaired, hollow once repaired — and the strongest countertransference per session as a
bar), missed sessions as marks on the shared date axis, which names the years. Each panel's value
axis has its title and unit, laid out like every chart's by ui/widgets/chart_axes.py.

`paint_timeline` is the one drawing: the client page's widget (timeline_chart.py) paints it on
screen, and the report (ui/reports/charts.py) paints it on paper, which is why this module
needs only QtGui (the command line exports reports without QtWidgets). Styles are the theme's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from notes.alliance_chart import AllianceSeries
from notes.chart_axes import whole_ticks
from notes.dates import day_text
from notes.measures.instruments import instruments
from notes.measures.timeline import Timeline, timeline_rows
from ui.client_page.alliance_drawing import NAMES
from ui.widgets import theme
from ui.widgets.chart_axes import (
    Metrics,
    Text,
    chart_frame,
    date_axis_texts,
    draw_grid,
    draw_texts,
    value_axis_texts,
    value_y,
)
from ui.widgets.theme import SeriesStyle, Surface

_RIGHT, _GAP = 14.0, 2.6  # the right margin (scaled), the gap between the panels (in lines)
ALLIANCE_TICKS = [0, 5, 10]
ALLIANCE_TITLE = "Alliance (0–10)"


def _style_of(name: str):
    names = [i.name for i in instruments()]
    place = names.index(name) if name in names else len(names)
    return theme.SYMPTOMS[place % len(theme.SYMPTOMS)]


def symptom_top(line: Timeline) -> int:
    return max((p.maximum for points in line.scores.values() for p in points), default=27)


def symptom_title(line: Timeline) -> str:
    """The symptom panel's axis title with its unit: the instruments' scores and their range."""
    scored = {name: points for name, points in line.scores.items() if points}
    ranges = {name: max(p.maximum for p in points) for name, points in scored.items()}
    parts = ", ".join(f"{name} 0–{top}" for name, top in ranges.items())
    return f"Score ({parts})" if parts else "Score"


def _legend_entries(
    line: Timeline, names: Mapping[AllianceSeries, str]
) -> list[tuple[str, SeriesStyle]]:
    alliance = theme.ALLIANCE
    entries = [(name, _style_of(name)) for name in line.scores]
    entries += [
        (names[AllianceSeries.CLIENT], alliance[AllianceSeries.CLIENT]),
        (names[AllianceSeries.THERAPIST], alliance[AllianceSeries.THERAPIST]),
        ("Rupture (hollow = repaired)", alliance[AllianceSeries.RUPTURE]),
        ("Missed", alliance[AllianceSeries.MISSED]),
    ]
    if line.countertransference:
        entries.append(("Countertransference 1–5", theme.COUNTERTRANSFERENCE))
    return entries


@dataclass
class TimelineLayout:
    """Where the timeline's parts go: both panels, the date axis, every text with its rectangle
    (values, the panels' titles, the dates, the legend) and the legend's swatches."""

    symptoms: QRectF
    alliance: QRectF
    symptom_ticks: list[int]
    first: date
    last: date
    inset: float
    texts: list[Text] = field(default_factory=list)
    legend: list[tuple[SeriesStyle, QPointF]] = field(default_factory=list)

    @property
    def plot(self) -> QRectF:
        return self.symptoms.united(self.alliance)

    def x(self, day: date) -> float:
        plot = self.plot
        if self.first == self.last:
            return plot.center().x()
        share = (day - self.first).days / (self.last - self.first).days
        return plot.left() + self.inset + (plot.width() - 2 * self.inset) * share


def timeline_layout(
    area: QRectF,
    line: Timeline,
    metrics: Metrics,
    scale: float = 1.0,
    names: Mapping[AllianceSeries, str] = NAMES,
) -> TimelineLayout:
    """Lay the timeline out in `area` with the font of `metrics`; `names` are the alliance
    series' legend words (the therapist is "you" in the app, "the therapist" in a report)."""
    days = line.days()
    first = days[0] if days else date.today()
    last = days[-1] if days else first
    ticks = whole_ticks(symptom_top(line), 3)
    height = metrics.height()
    titles = (symptom_title(line), ALLIANCE_TITLE)
    entries = _legend_entries(line, names)
    plot, legend = chart_frame(
        area,
        [*ticks, *ALLIANCE_TICKS],
        metrics,
        scale,
        "",
        [label for label, _ in entries],
        top_lines=1.4,
        right=_RIGHT,
    )
    half = (plot.height() - _GAP * height) / 2
    layout = TimelineLayout(
        QRectF(plot.left(), plot.top(), plot.width(), half),
        QRectF(plot.left(), plot.bottom() - half, plot.width(), half),
        ticks,
        first,
        last,
        8 * scale,
    )
    layout.texts += value_axis_texts(layout.symptoms, ticks, ticks[-1], metrics, scale, "")
    layout.texts += value_axis_texts(layout.alliance, ALLIANCE_TICKS, 10, metrics, scale, "")
    for panel, title in zip((layout.symptoms, layout.alliance), titles, strict=True):
        width = min(metrics.horizontalAdvance(title) + 2, panel.width())
        layout.texts.append(
            Text(
                QRectF(panel.left(), panel.top() - height * 1.1, width, height),
                title,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            )
        )
    layout.texts += date_axis_texts(plot, first, last, layout.x, metrics, scale, within=area)
    for (_label, style), (spot, text) in zip(entries, legend, strict=True):
        layout.legend.append((style, spot))
        layout.texts.append(text)
    return layout


Words = dict[str, tuple[str, str, str, str]]


def timeline_words(line: Timeline, rows: list[tuple[str, str, str, str]] | None = None) -> Words:
    """Each point's row of `timeline_rows` (given, or worked out), by its day and kind."""
    return {row[0] + row[2]: row for row in (timeline_rows(line) if rows is None else rows)}


def paint_timeline(
    painter: QPainter,
    area: QRectF,
    line: Timeline,
    surface: Surface,
    scale: float = 1.0,
    names: Mapping[AllianceSeries, str] = NAMES,
    words: Words | None = None,
) -> list[tuple[QPointF, str]]:
    """Draw `line` into `area`; returns each point drawn with its words (for hover and keys).
    A widget that paints the same line again passes its `timeline_words`, worked out once: a
    long history has thousands of points."""
    axes = timeline_layout(area, line, painter.fontMetrics(), scale, names)
    top = axes.symptom_ticks[-1]
    spots: list[tuple[QPointF, str]] = []
    words = timeline_words(line) if words is None else words
    painter.save()
    draw_grid(painter, axes.symptoms, axes.symptom_ticks, top, surface, scale)
    draw_grid(painter, axes.alliance, ALLIANCE_TICKS, 10, surface, scale)
    cutoff = instruments()[0].change.clinical_cutoff if instruments() else 10
    y = value_y(axes.symptoms, cutoff, top)
    pen = QPen(surface.muted, scale)
    pen.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(axes.plot.left(), y), QPointF(axes.plot.right(), y))

    def series(points, panel, high, style, size, what) -> None:
        at = [QPointF(axes.x(p.day), value_y(panel, value_of(p), high)) for p in points]
        if style.line is not Qt.PenStyle.NoPen and len(at) > 1:
            path = QPainterPath(at[0])
            for each in at[1:]:
                path.lineTo(each)
            painter.setPen(style.pen(theme.LINE_WIDTH * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for p, spot in zip(points, at, strict=True):
            theme.draw_marker(painter, spot, style, size * scale, surface.background)
            row = words.get(f"{day_text(p.day)}{what}")
            spots.append((spot, f"{day_text(p.day)}, session {p.session_number}: {what} "
                          + (row[3] if row else f"{value_of(p):g}")))  # fmt: skip

    def value_of(point) -> float:
        return float(getattr(point, "score", getattr(point, "value", 0.0)))

    bar = 6 * scale
    for p in line.countertransference:
        x, base = axes.x(p.day), axes.alliance.bottom()
        height = axes.alliance.height() * p.value / 5 * 0.5  # up to half the panel
        theme.draw_box(
            painter,
            QRectF(x - bar / 2, base - height, bar, height),
            theme.COUNTERTRANSFERENCE,
            surface.background,
        )
        spots.append((QPointF(x, base - height), f"{day_text(p.day)}, session "
                      f"{p.session_number}: countertransference {p.value:g} of 5"))  # fmt: skip
    for name, points in line.scores.items():
        series(points, axes.symptoms, top, _style_of(name), 11, name)
    alliance = theme.ALLIANCE
    series(line.therapist_alliance, axes.alliance, 10, alliance[AllianceSeries.THERAPIST], 9,
           "Your alliance estimate")  # fmt: skip
    series(line.client_alliance, axes.alliance, 10, alliance[AllianceSeries.CLIENT], 9,
           "Client's alliance check")  # fmt: skip
    for p in line.ruptures:
        style = alliance[AllianceSeries.RUPTURE]
        if p.note == "repaired":
            style = theme.SeriesStyle(style.colour, marker=style.marker, hollow=True)
        spot = QPointF(axes.x(p.day), axes.alliance.top() + 8 * scale)
        theme.draw_marker(painter, spot, style, 15 * scale, surface.background)
        spots.append((spot, f"{day_text(p.day)}, session {p.session_number}: rupture, {p.note}"))
    for p in line.missed:
        spot = QPointF(axes.x(p.day), axes.plot.bottom())
        style = alliance[AllianceSeries.MISSED]
        theme.draw_marker(painter, spot, style, 9 * scale, surface.background)
        spots.append((spot, f"{day_text(p.day)}, session {p.session_number}: missed ({p.note})"))
    for style, spot in axes.legend:
        if style.marker is theme.Marker.NONE:  # the countertransference bar
            box = QRectF(spot.x() - 3 * scale, spot.y() - 5 * scale, 6 * scale, 10 * scale)
            theme.draw_box(painter, box, style, surface.background)
        else:
            theme.draw_marker(painter, spot, style, 9 * scale, surface.background)
    draw_texts(painter, axes.texts, surface.ink)
    painter.restore()
    return spots
