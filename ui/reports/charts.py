"""Charts for reports, drawn with QPainter on a QImage and handed on as PNG bytes.

QImage painting is safe off the GUI thread, so the export worker draws them itself. They are
drawn at print resolution (200 dots per inch, 6 inches wide), on paper whatever the desktop's
palette, and read in greyscale: every series differs by shape or pattern as well as by colour.
Each series has the theme's style, the one it has on the client page, and the alliance chart's
points follow the client page's rules (notes.alliance_chart). Only dates and numbers appear on
them, never a name, so de-identification has nothing to do here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPainterPath, QPen

from notes.alliance_chart import AllianceSeries, ChartPoints, points
from notes.attendance import attendance_by_month
from notes.records import Attendance
from notes.reports.inputs import Charts, SupervisionInputs
from ui.measures.timeline_drawing import paint_timeline
from ui.widgets import theme
from ui.widgets.theme import PAPER, SeriesStyle

DPI = 200
WIDTH_INCHES = 6.0
HEIGHT_INCHES = 2.6
SCALE = 2.5  # the print image is about this much denser than the screen: lines and markers grow
_LEGEND_ROW = 60.0


def attendance_style(kind: Attendance) -> SeriesStyle:
    """How the attendance chart draws a kind: the theme's, as on the client page's timeline."""
    return theme.ATTENDANCE[kind]


def alliance_style(which: AllianceSeries) -> SeriesStyle:
    """How the alliance chart draws a series: the theme's, as on the client page."""
    return theme.ALLIANCE[which]


def render_charts(inputs: SupervisionInputs) -> Charts:
    return Charts(
        attendance=attendance_chart(inputs) if inputs.sessions else None,
        alliance=alliance_chart(inputs) if inputs.alliance else None,
        timeline=timeline_chart(inputs) if inputs.measures else None,
    )


def timeline_chart(inputs: SupervisionInputs) -> bytes:
    """The client page's timeline, from the same drawing code, on paper, its date axis in months
    with their years (a report without dates has no charts: ui/reports/export_job.py)."""
    measures = inputs.measures
    assert measures is not None
    return _draw(
        lambda painter, area: paint_timeline(painter, area, measures.timeline, PAPER, SCALE),
        height_inches=3.6,
    )


def _draw(paint: Callable[[QPainter, QRectF], None], height_inches: float = HEIGHT_INCHES) -> bytes:
    """A print-resolution image on paper, painted by `paint` inside its margins, as PNG."""
    image = QImage(int(WIDTH_INCHES * DPI), int(height_inches * DPI), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(PAPER.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setPointSizeF(8.5)
    painter.setFont(font)
    paint(painter, QRectF(image.rect()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def attendance_chart(inputs: SupervisionInputs) -> bytes:
    """Sessions per month in the period, stacked by attendance."""
    sessions = (record.session for record in inputs.sessions)
    counts = attendance_by_month(sessions, inputs.period.start, inputs.period.end)
    months = list(counts)
    top = max(1, *(sum(each.values()) for each in counts.values()))

    def paint(painter: QPainter, area: QRectF) -> None:
        legend_height = 70.0
        plot = area.adjusted(110, 30, -30, -(80 + legend_height))
        _axis(painter, plot, top, steps=min(top, 5))
        slot = plot.width() / len(months)
        bar = min(slot * 0.6, 160.0)
        for index, month in enumerate(months):
            x = plot.left() + index * slot + (slot - bar) / 2
            y = plot.bottom()
            for kind, count in counts[month].items():
                if not count:
                    continue
                height = plot.height() * count / top
                _box(painter, QRectF(x, y - height, bar, height), kind)
                y -= height
            label = f"{month:%b %Y}" if len(months) <= 8 else f"{month:%b}"
            painter.setPen(PAPER.ink)
            painter.drawText(
                QRectF(plot.left() + index * slot, plot.bottom() + 8, slot, 40),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        x = plot.left()
        for kind in Attendance:
            _box(painter, QRectF(x, area.bottom() - legend_height + 10, 34, 34), kind)
            painter.setPen(PAPER.ink)
            text = kind.label
            painter.drawText(QPointF(x + 44, area.bottom() - legend_height + 38), text)
            x += 64 + painter.fontMetrics().horizontalAdvance(text)

    return _draw(paint)


def _box(painter: QPainter, rect: QRectF, kind: Attendance) -> None:
    theme.draw_box(painter, rect, attendance_style(kind), PAPER.background)


def _axis(painter: QPainter, plot: QRectF, top: float, steps: int) -> None:
    """Horizontal grid lines with their values on the left, from 0 to `top`."""
    for step in range(steps + 1):
        value = top * step / steps
        y = plot.bottom() - plot.height() * step / steps
        painter.setPen(QPen(PAPER.grid, 2))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(PAPER.ink)
        painter.drawText(
            QRectF(plot.left() - 100, y - 20, 85, 40),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value:g}",
        )


_ALLIANCE_LABELS = {
    AllianceSeries.CLIENT: "Client's check",
    AllianceSeries.THERAPIST: "Therapist's estimate",
    AllianceSeries.RUPTURE: "Rupture",
    AllianceSeries.REPAIR: "Repair",
    AllianceSeries.MISSED: "Missed appointment",
}


def alliance_points(inputs: SupervisionInputs) -> ChartPoints:
    """The report's alliance chart as numbers, by the same rules as the client page's chart:
    each rated, ruptured, repaired or missed session of the period at its session number."""
    ratings = inputs.alliance
    events = [event for event in inputs.alliance_events if event.session_number is not None]
    return points(
        {r.session_number: r.client for r in ratings if r.client is not None},
        {r.session_number: r.therapist for r in ratings if r.therapist is not None},
        [e.session_number for e in events if not e.is_repair],
        [e.session_number for e in events if e.is_repair],
        [s.session.number for s in inputs.sessions if not s.session.attendance.kept],
        [s.session.number for s in inputs.sessions],
    )


def alliance_chart(inputs: SupervisionInputs) -> bytes:
    """The client's check and the therapist's estimate, 0 to 10, with ruptures, repairs and
    missed appointments, over the sessions of the period."""
    drawn = alliance_points(inputs)
    shown = [which for which in AllianceSeries if drawn.of(which)]

    def paint(painter: QPainter, area: QRectF) -> None:
        legend = _legend_rows(painter, shown, area.width() - 140)
        plot = area.adjusted(110, 30, -30, -(70 + _LEGEND_ROW * len(legend)))
        _axis(painter, plot, 10, steps=5)
        first, last = drawn.first_session, drawn.last_session
        slot = plot.width() / (last - first + 1)

        def point(at: int, value: float) -> QPointF:
            return QPointF(
                plot.left() + (at - first + 0.5) * slot,
                plot.bottom() - plot.height() * value / 10,
            )

        for which in shown:
            style = alliance_style(which)
            at = [point(number, value) for number, value in drawn.of(which)]
            if style.line is not Qt.PenStyle.NoPen and len(at) > 1:
                path = QPainterPath(at[0])
                for each in at[1:]:
                    path.lineTo(each)
                painter.setPen(style.pen(theme.LINE_WIDTH * SCALE))
                painter.drawPath(path)
            for each in at:
                _marker(painter, each, which)
        painter.setPen(PAPER.ink)
        every = next(step for step in (1, 2, 5, 10, 20, 50, 100, 10**9) if last - first < 12 * step)
        for number in range(first, last + 1):
            if (number - first) % every:
                continue
            painter.drawText(
                QRectF(point(number, 0).x() - 90, plot.bottom() + 8, 180, 40),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(number),
            )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 44, plot.width(), 40),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "Session",
        )
        for row, entries in enumerate(legend):
            x = plot.left()
            y = area.bottom() - _LEGEND_ROW * (len(legend) - row) + 20
            for which in entries:
                style = alliance_style(which)
                if style.line is not Qt.PenStyle.NoPen:
                    painter.setPen(style.pen(theme.LINE_WIDTH * SCALE))
                    painter.drawLine(QPointF(x, y), QPointF(x + 60, y))
                _marker(painter, QPointF(x + 30, y), which)
                painter.setPen(PAPER.ink)
                label = _ALLIANCE_LABELS[which]
                painter.drawText(QPointF(x + 74, y + 11), label)
                x += 120 + painter.fontMetrics().horizontalAdvance(label)

    return _draw(paint)


def _legend_rows(
    painter: QPainter, shown: list[AllianceSeries], width: float
) -> list[list[AllianceSeries]]:
    """The legend's entries in rows that fit `width`."""
    rows: list[list[AllianceSeries]] = [[]]
    used = 0.0
    for which in shown:
        entry = 120 + painter.fontMetrics().horizontalAdvance(_ALLIANCE_LABELS[which])
        if rows[-1] and used + entry > width:
            rows.append([])
            used = 0.0
        rows[-1].append(which)
        used += entry
    return rows


def _marker(painter: QPainter, at: QPointF, which: AllianceSeries) -> None:
    size = theme.MARKER_SIZE[which] * SCALE
    theme.draw_marker(painter, at, alliance_style(which), size, PAPER.background)
