"""The axes every painted chart shares, on screen and on paper: a value axis (grid lines, their
values, and a title with its unit turned up the left side) and a time axis (dated labels, each
with its year). The layout functions return the rectangles the texts take, so the drawing and
the tests read the same geometry; notes.chart_axes decides which ticks and labels there are.

Only QtCore and QtGui: the report's charts are drawn by the command line too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QFontMetricsF, QPainter, QPen

from notes.chart_axes import date_labels
from ui.widgets.theme import Surface

Metrics = QFontMetrics | QFontMetricsF
TICK_GAP = 5.0  # between a tick's value and the plot, before scaling
LABEL_GAP = 10.0  # the least room between two labels on a time axis, before scaling


@dataclass(frozen=True)
class Text:
    """A text of a chart and the rectangle it takes; a `vertical` one reads bottom to top."""

    rect: QRectF
    text: str
    vertical: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter


def tick_text(value: float) -> str:
    return f"{value:g}"


def value_axis_room(ticks: Sequence[float], metrics: Metrics, scale: float, title: str) -> float:
    """How far left of the plot the value axis reaches: its widest value and its turned title."""
    widest = max((metrics.horizontalAdvance(tick_text(t)) for t in ticks), default=0)
    return widest + metrics.height() * (1.4 if title else 0) + TICK_GAP * scale * 2


def value_axis_texts(
    plot: QRectF,
    ticks: Sequence[float],
    top: float,
    metrics: Metrics,
    scale: float,
    title: str,
    bottom: float = 0.0,
) -> list[Text]:
    """The values beside their grid lines, right-aligned against the plot, and the title turned
    up beside them, centred on the plot's height."""
    height = metrics.height()
    texts = []
    for tick in ticks:
        y = value_y(plot, tick, top, bottom)
        width = metrics.horizontalAdvance(tick_text(tick)) + 2
        texts.append(
            Text(
                QRectF(plot.left() - TICK_GAP * scale - width, y - height / 2, width, height),
                tick_text(tick),
                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            )
        )
    if title:
        room = value_axis_room(ticks, metrics, scale, title)
        length = min(metrics.horizontalAdvance(title) + 4, plot.height() + height)
        texts.append(
            Text(
                QRectF(plot.left() - room, plot.center().y() - length / 2, height, length),
                title,
                vertical=True,
            )
        )
    return texts


def value_y(plot: QRectF, value: float, top: float, bottom: float = 0.0) -> float:
    return plot.bottom() - plot.height() * (value - bottom) / (top - bottom)


def date_axis_room(metrics: Metrics, scale: float) -> float:
    """How much a time axis takes under the plot: clear of the bottom value's label, one line."""
    return date_axis_top(metrics, scale) + metrics.height() + TICK_GAP * scale


def date_axis_top(metrics: Metrics, scale: float) -> float:
    """How far under the plot the dates begin: below the label of a value on its bottom line."""
    return max(TICK_GAP * scale, metrics.height() / 2 + 1)


def date_axis_texts(
    plot: QRectF,
    first: date,
    last: date,
    x: Callable[[date], float],
    metrics: Metrics,
    scale: float,
    *,
    by: str = "auto",
    within: QRectF | None = None,
) -> list[Text]:
    """The time axis's labels under the plot, each within `within` (the whole chart); `by` as
    notes.chart_axes.date_labels takes it."""
    within = within or plot
    labels = date_labels(
        first,
        last,
        x,
        lambda text: metrics.horizontalAdvance(text) + 2,
        LABEL_GAP * scale,
        by=by,
        low=within.left(),
        high=within.right(),
    )
    top = plot.bottom() + date_axis_top(metrics, scale)
    return [
        Text(QRectF(label.left, top, label.right - label.left, metrics.height()), label.text)
        for label in labels
    ]


SWATCH = 24.0  # a legend entry's line, marker or box, before scaling


def legend_layout(
    labels: Sequence[str], left: float, top: float, width: float, metrics: Metrics, scale: float
) -> list[tuple[QPointF, Text]]:
    """Each legend entry's swatch centre and text, in rows that fit `width` from `left`, the
    first row's middle at `top` plus half a line."""
    line = metrics.height()
    swatch = (SWATCH + 6) * scale
    # A label wider than the column itself wraps onto lines of its own under its swatch
    # (a narrow client page), rather than running past the chart's edge.
    room = max(width - swatch, line)
    wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    entries = []
    x, y = left, top + line * 0.75
    below = 0.0  # how far the tallest entry of this row reaches under its middle
    for label in labels:
        width_of_text = metrics.horizontalAdvance(label) + 2
        height = line
        if width_of_text > room:
            box = QFontMetricsF(metrics).boundingRect(QRectF(0, 0, room, 100 * line), wrap, label)
            width_of_text, height = room, max(line, box.height())
        if x > left and x + swatch + width_of_text > left + width:
            x, y = left, y + below + line
            below = 0.0
        y_mid = y + (height - line) / 2  # a wrapped label's lines go down from the row's line
        below = max(below, y_mid + height / 2 - y)
        start = x + swatch
        text = Text(
            QRectF(start, y_mid - height / 2, width_of_text, height),
            label,
            align=wrap
            if height > line
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        )
        entries.append((QPointF(x + SWATCH * scale / 2, y), text))
        x = start + width_of_text + 18 * scale
    return entries


def legend_height(labels: Sequence[str], width: float, metrics: Metrics, scale: float) -> float:
    entries = legend_layout(labels, 0.0, 0.0, width, metrics, scale)
    return max(t.rect.bottom() for _, t in entries) + metrics.height() * 0.25 if entries else 0.0


def chart_frame(
    area: QRectF,
    ticks: Sequence[float],
    metrics: Metrics,
    scale: float,
    title: str,
    legend: Sequence[str],
    *,
    top_lines: float = 0.6,
    right: float = 12.0,
) -> tuple[QRectF, list[tuple[QPointF, Text]]]:
    """The plot inside `area` with room left for the value axis (`ticks`, its `title`), below
    for the time axis and the `legend`'s rows, and `top_lines` of text above; and the legend's
    entries, laid out under the time axis."""
    room_left = value_axis_room(ticks, metrics, scale, title) + 4 * scale
    width = area.width() - room_left - 4 * scale
    below = date_axis_room(metrics, scale)
    plot = area.adjusted(
        room_left,
        metrics.height() * top_lines,
        -right * scale,
        -(below + legend_height(legend, width, metrics, scale)),
    )
    return plot, legend_layout(legend, plot.left(), plot.bottom() + below, width, metrics, scale)


def draw_grid(
    painter: QPainter,
    plot: QRectF,
    ticks: Sequence[float],
    top: float,
    surface: Surface,
    scale: float,
    bottom: float = 0.0,
) -> None:
    painter.setPen(QPen(surface.grid, scale))
    for tick in ticks:
        y = value_y(plot, tick, top, bottom)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))


def draw_texts(painter: QPainter, texts: Sequence[Text], ink: QColor) -> None:
    painter.save()
    painter.setPen(ink)
    for text in texts:
        if not text.vertical:
            painter.drawText(text.rect, text.align, text.text)
            continue
        painter.save()
        painter.translate(text.rect.center())
        painter.rotate(-90)
        r = text.rect
        painter.drawText(
            QRectF(-r.height() / 2, -r.width() / 2, r.height(), r.width()), text.align, text.text
        )
        painter.restore()
    painter.restore()
