"""The chart of a client's observations, drawn with QPainter: one stacked bar per session at
the session's date, one colour per category, on whole-number ticks of a titled count axis and a
time axis that names the years. `patterns_layout` says where everything goes (the tests read
it); `paint_patterns` draws it. Only QtGui, like every painted chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from notes.chart_axes import whole_ticks
from ui.widgets.chart_axes import (
    Metrics,
    Text,
    chart_frame,
    date_axis_texts,
    draw_grid,
    draw_texts,
    value_axis_texts,
)
from ui.widgets.theme import SeriesStyle, Surface

Y_TITLE = "Observations (count)"


@dataclass(frozen=True)
class Stack:
    """One category's counts, one per session, and how its bars look."""

    label: str
    style: SeriesStyle
    counts: tuple[int, ...]


@dataclass
class PatternLayout:
    """Where the chart's parts go: the plot, every text with its rectangle, each session's
    whole bar, and each legend entry's swatch."""

    plot: QRectF
    ticks: list[int]
    texts: list[Text] = field(default_factory=list)
    bars: list[QRectF] = field(default_factory=list)
    legend: list[tuple[SeriesStyle, QPointF]] = field(default_factory=list)


def patterns_layout(
    area: QRectF,
    days: list[date],
    stacks: list[Stack],
    metrics: Metrics,
    scale: float = 1.0,
    title: str = "",
) -> PatternLayout:
    """Lay the chart out in `area`; `days` are the sessions' dates, oldest first."""
    totals = [sum(stack.counts[i] for stack in stacks) for i in range(len(days))]
    ticks = whole_ticks(max(totals, default=1))
    line = metrics.height()
    labels = [stack.label for stack in stacks]
    top = 1.8 if title else 0.6
    plot, legend = chart_frame(area, ticks, metrics, scale, Y_TITLE, labels, top_lines=top)
    layout = PatternLayout(plot, ticks)
    if title:
        layout.texts.append(
            Text(
                QRectF(area.left(), area.top() + line * 0.2, area.width(), line),
                title,
                align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            )
        )
    layout.texts += value_axis_texts(plot, ticks, ticks[-1], metrics, scale, Y_TITLE)
    first, last = (days[0], days[-1]) if days else (date.today(), date.today())
    gaps = [(b - a).days for a, b in pairwise(days)]
    # Half a bar's width of room at either end, so the first and last bars stay inside.
    bar = min(28 * scale, max(3 * scale, plot.width() / max(1, len(days)) * 0.6))
    inset = bar / 2 + 4 * scale

    def x(day: date) -> float:
        if first == last:
            return plot.center().x()
        share = (day - first).days / (last - first).days
        return plot.left() + inset + (plot.width() - 2 * inset) * share

    if gaps and min(gaps) > 0:  # neighbours never touch: a bar no wider than its nearest gap
        nearest = (plot.width() - 2 * inset) * min(gaps) / max(1, (last - first).days)
        bar = min(bar, max(2 * scale, nearest * 0.8))
    layout.texts += date_axis_texts(plot, first, last, x, metrics, scale, within=area)
    for day, total in zip(days, totals, strict=True):
        height = plot.height() * total / ticks[-1]
        layout.bars.append(QRectF(x(day) - bar / 2, plot.bottom() - height, bar, height))
    for stack, (spot, text) in zip(stacks, legend, strict=True):
        layout.legend.append((stack.style, spot))
        layout.texts.append(text)
    return layout


def paint_patterns(
    painter: QPainter,
    area: QRectF,
    days: list[date],
    stacks: list[Stack],
    surface: Surface,
    scale: float = 1.0,
    title: str = "",
) -> PatternLayout:
    """Draw the chart into `area` on `surface`; returns where everything went."""
    layout = patterns_layout(area, days, stacks, painter.fontMetrics(), scale, title)
    top = layout.ticks[-1]
    painter.save()
    painter.fillRect(layout.plot, surface.background)
    draw_grid(painter, layout.plot, layout.ticks, top, surface, scale)
    for column, whole in enumerate(layout.bars):
        y = whole.bottom()
        for stack in stacks:
            count = stack.counts[column]
            if count:
                height = layout.plot.height() * count / top
                box = QRectF(whole.left(), y - height, whole.width(), height)
                painter.fillRect(box, stack.style.qcolor())
                painter.setPen(surface.background)  # a thin gap between stacked parts
                painter.drawLine(box.topLeft(), box.topRight())
                y -= height
    side = painter.fontMetrics().height() * 0.7
    for style, spot in layout.legend:
        painter.fillRect(
            QRectF(spot.x() - side / 2, spot.y() - side / 2, side, side), style.qcolor()
        )
    draw_texts(painter, layout.texts, surface.ink)
    painter.restore()
    return layout
