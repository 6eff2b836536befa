"""The client's one timeline, drawn with QPainter: symptom scores above (with the published
cut-off), the alliance below (the client's check, the therapist's estimate, ruptures — filled
while unrepaired, hollow once repaired — and the strongest countertransference per session as a
bar), missed sessions as marks on the shared date axis, which names the years.

`paint_timeline` is the one drawing: the client page's widget (timeline_chart.py) paints it on
screen, and the report (ui/reports/charts.py) paints it on paper, which is why this module
needs only QtGui (the command line exports reports without QtWidgets). Styles are the theme's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from notes.alliance_chart import AllianceSeries
from notes.measures.instruments import instruments
from notes.measures.timeline import Timeline, timeline_rows
from ui.widgets import theme
from ui.widgets.theme import Surface

_LEFT, _RIGHT, _TOP, _GAP = 46.0, 14.0, 18.0, 26.0


def _style_of(name: str):
    names = [i.name for i in instruments()]
    place = names.index(name) if name in names else len(names)
    return theme.SYMPTOMS[place % len(theme.SYMPTOMS)]


class _Axes:
    """Where a date and a value land: the date axis across, two panels one above the other."""

    def __init__(self, area: QRectF, days: list[date], scale: float) -> None:
        self.first = days[0] if days else date.today()
        self.last = days[-1] if days else self.first
        self.span = max((self.last - self.first).days, 1)
        bottom_room = 78 * scale
        self.plot = area.adjusted(_LEFT * scale, _TOP * scale, -_RIGHT * scale, -bottom_room)
        half = (self.plot.height() - _GAP * scale) / 2
        self.symptoms = QRectF(self.plot.left(), self.plot.top(), self.plot.width(), half)
        self.alliance = QRectF(self.plot.left(), self.plot.bottom() - half, self.plot.width(), half)

    def x(self, day: date) -> float:
        return self.plot.left() + self.plot.width() * ((day - self.first).days / self.span)

    @staticmethod
    def y(panel: QRectF, value: float, top: float) -> float:
        return panel.bottom() - panel.height() * value / top


def symptom_top(line: Timeline) -> int:
    return max((p.maximum for points in line.scores.values() for p in points), default=27)


def paint_timeline(
    painter: QPainter,
    area: QRectF,
    line: Timeline,
    surface: Surface,
    scale: float = 1.0,
    *,
    years_only: bool = False,
) -> list[tuple[QPointF, str]]:
    """Draw `line` into `area`; returns each point drawn with its words (for hover and keys)."""
    axes = _Axes(area, line.days(), scale)
    top = symptom_top(line)
    spots: list[tuple[QPointF, str]] = []
    words = {row[0] + row[2]: row for row in timeline_rows(line)}
    painter.save()
    for panel, title, high, steps in (
        (axes.symptoms, "Symptoms", top, 3),
        (axes.alliance, "Alliance 0–10", 10, 5),
    ):
        for step in range(steps + 1):
            value = high * step / steps
            y = axes.y(panel, value, high)
            painter.setPen(QPen(surface.grid, scale))
            painter.drawLine(QPointF(panel.left(), y), QPointF(panel.right(), y))
            painter.setPen(surface.ink)
            painter.drawText(
                QRectF(panel.left() - 40 * scale, y - 8 * scale, 34 * scale, 16 * scale),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:g}",
            )
        painter.drawText(QPointF(panel.left() + 4 * scale, panel.top() - 4 * scale), title)
    cutoff = instruments()[0].change.clinical_cutoff if instruments() else 10
    y = axes.y(axes.symptoms, cutoff, top)
    pen = QPen(surface.muted, scale)
    pen.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(axes.plot.left(), y), QPointF(axes.plot.right(), y))

    def series(points, panel, high, style, size, what) -> None:
        at = [QPointF(axes.x(p.day), axes.y(panel, value_of(p), high)) for p in points]
        if style.line is not Qt.PenStyle.NoPen and len(at) > 1:
            path = QPainterPath(at[0])
            for each in at[1:]:
                path.lineTo(each)
            painter.setPen(style.pen(theme.LINE_WIDTH * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for p, spot in zip(points, at, strict=True):
            theme.draw_marker(painter, spot, style, size * scale, surface.background)
            row = words.get(f"{p.day:%d %b %Y}{what}")
            spots.append((spot, f"{p.day:%d %b %Y}, session {p.session_number}: {what} "
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
        spots.append((QPointF(x, base - height), f"{p.day:%d %b %Y}, session "
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
        spots.append((spot, f"{p.day:%d %b %Y}, session {p.session_number}: rupture, {p.note}"))
    for p in line.missed:
        spot = QPointF(axes.x(p.day), axes.plot.bottom())
        style = alliance[AllianceSeries.MISSED]
        theme.draw_marker(painter, spot, style, 9 * scale, surface.background)
        spots.append((spot, f"{p.day:%d %b %Y}, session {p.session_number}: missed ({p.note})"))
    _date_axis(painter, axes, surface, scale, years_only)
    _legend(painter, axes, line, surface, scale)
    painter.restore()
    return spots


def date_axis_labels(
    first: date,
    last: date,
    x: Callable[[date], float],
    text_width: Callable[[str], float],
    years_only: bool,
    gap: float,
) -> list[tuple[float, str]]:
    """The date axis's labels as (centre, text), left to right: the first of each month (or,
    with `years_only`, of each year), every label with its year ("Sep 2026"), Januaries first
    choice, and no label closer than `gap` to the one before it."""
    months = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    if years_only:
        months = [m for index, m in enumerate(months) if m.month == 1 or index == 0]

    def label(month: date) -> str:
        return f"{month:%Y}" if years_only else f"{month:%b %Y}"

    def fits(chosen: list[date], month: date) -> bool:
        centre, half = x(month), text_width(label(month)) / 2
        for other in chosen:
            other_half = text_width(label(other)) / 2
            if abs(x(other) - centre) < half + other_half + gap:
                return False
        return True

    # The first month and the Januaries first, then the other months, each where it fits.
    chosen: list[date] = []
    preferred = [m for index, m in enumerate(months) if index == 0 or m.month == 1]
    for month in preferred + [m for m in months if m not in preferred]:
        if fits(chosen, month):
            chosen.append(month)
    return [(x(month), label(month)) for month in sorted(chosen)]


def _date_axis(painter: QPainter, axes: _Axes, surface: Surface, scale: float, years_only: bool):
    painter.setPen(surface.ink)
    metrics = painter.fontMetrics()
    labels = date_axis_labels(
        axes.first,
        axes.last,
        lambda month: max(axes.x(month), axes.plot.left()),
        lambda text: metrics.horizontalAdvance(text),
        years_only,
        gap=12 * scale,
    )
    for centre, text in labels:
        width = metrics.horizontalAdvance(text) + 4 * scale
        painter.drawText(
            QRectF(centre - width / 2, axes.plot.bottom() + 8 * scale, width, 20 * scale),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            text,
        )


def _legend(painter: QPainter, axes: _Axes, line: Timeline, surface: Surface, scale: float):
    """The legend under the date axis, in as many rows as the width needs (two at most)."""
    alliance = theme.ALLIANCE
    entries = [(name, _style_of(name)) for name in line.scores]
    entries += [
        ("Client's check", alliance[AllianceSeries.CLIENT]),
        ("Therapist's estimate", alliance[AllianceSeries.THERAPIST]),
        ("Rupture (hollow = repaired)", alliance[AllianceSeries.RUPTURE]),
        ("Missed", alliance[AllianceSeries.MISSED]),
    ]
    if line.countertransference:
        entries.append(("Countertransference 1–5", theme.COUNTERTRANSFERENCE))
    x, y = axes.plot.left(), axes.plot.bottom() + 40 * scale
    for label, style in entries:
        width = 30 * scale + painter.fontMetrics().horizontalAdvance(label)
        if x > axes.plot.left() and x + width > axes.plot.right() + _RIGHT * scale:
            x, y = axes.plot.left(), y + 20 * scale
        if style.marker is theme.Marker.NONE:  # the countertransference bar
            box = QRectF(x + 3 * scale, y - 5 * scale, 6 * scale, 10 * scale)
            theme.draw_box(painter, box, style, surface.background)
        else:
            spot = QPointF(x + 6 * scale, y)
            theme.draw_marker(painter, spot, style, 9 * scale, surface.background)
        painter.setPen(surface.ink)
        painter.drawText(QPointF(x + 16 * scale, y + 4 * scale), label)
        x += width
