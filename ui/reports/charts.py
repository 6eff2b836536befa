"""Charts for reports, drawn with QPainter on a QImage and handed on as PNG bytes.

QImage painting is safe off the GUI thread, so the export worker draws them itself. They are
drawn at print resolution (200 dots per inch, 6 inches wide) and read in greyscale: every series
differs by shape or pattern as well as by colour. Only dates and numbers appear on them, never
a name, so de-identification has nothing to do here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen

from notes.attendance import attendance_by_month
from notes.records import Attendance
from notes.reports.inputs import AllianceRatingRow, Charts, SupervisionInputs

DPI = 200
WIDTH_INCHES = 6.0
HEIGHT_INCHES = 2.6
_INK = QColor("#1f2933")
_GRID = QColor("#d5d9de")

# Attendance kinds: colour, and a fill pattern so the bars read in greyscale too.
_KINDS = {
    Attendance.ATTENDED: ("#4f7a5b", Qt.BrushStyle.SolidPattern),
    Attendance.LATE: ("#c9b458", Qt.BrushStyle.Dense3Pattern),
    Attendance.CANCELLED_WITH_NOTICE: ("#6b7280", Qt.BrushStyle.BDiagPattern),
    Attendance.LATE_CANCELLATION: ("#b45f2a", Qt.BrushStyle.DiagCrossPattern),
    Attendance.NO_SHOW: ("#a4262c", Qt.BrushStyle.CrossPattern),
}


def render_charts(inputs: SupervisionInputs) -> Charts:
    return Charts(
        attendance=attendance_chart(inputs) if inputs.sessions else None,
        alliance=alliance_chart(inputs.alliance) if inputs.alliance else None,
    )


def _draw(paint: Callable[[QPainter, QRectF], None]) -> bytes:
    """A white print-resolution image, painted by `paint` inside its margins, as PNG."""
    image = QImage(int(WIDTH_INCHES * DPI), int(HEIGHT_INCHES * DPI), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
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
            painter.setPen(_INK)
            painter.drawText(
                QRectF(plot.left() + index * slot, plot.bottom() + 8, slot, 40),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        x = plot.left()
        for kind in Attendance:
            _box(painter, QRectF(x, area.bottom() - legend_height + 10, 34, 34), kind)
            painter.setPen(_INK)
            text = kind.label
            painter.drawText(QPointF(x + 44, area.bottom() - legend_height + 38), text)
            x += 64 + painter.fontMetrics().horizontalAdvance(text)

    return _draw(paint)


def _box(painter: QPainter, rect: QRectF, kind: Attendance) -> None:
    colour, pattern = _KINDS[kind]
    painter.fillRect(rect, QColor("white"))
    painter.fillRect(rect, QBrush(QColor(colour), pattern))
    painter.setPen(QPen(QColor(colour).darker(130), 2))
    painter.drawRect(rect)


def _axis(painter: QPainter, plot: QRectF, top: float, steps: int) -> None:
    """Horizontal grid lines with their values on the left, from 0 to `top`."""
    for step in range(steps + 1):
        value = top * step / steps
        y = plot.bottom() - plot.height() * step / steps
        painter.setPen(QPen(_GRID, 2))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(_INK)
        painter.drawText(
            QRectF(plot.left() - 100, y - 20, 85, 40),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value:g}",
        )


def alliance_chart(ratings: list[AllianceRatingRow]) -> bytes:
    """The therapist's estimate (solid, circles) and the client's check (dashed, squares),
    0 to 10, one point per rated session."""
    ordered = sorted(ratings, key=lambda rating: (rating.on, rating.session_number))

    def paint(painter: QPainter, area: QRectF) -> None:
        legend_height = 70.0
        plot = area.adjusted(110, 30, -70, -(80 + legend_height))
        _axis(painter, plot, 10, steps=5)
        step = plot.width() / max(1, len(ordered) - 1) if len(ordered) > 1 else 0.0

        def point(index: int, value: float) -> QPointF:
            x = plot.left() + (index * step if step else plot.width() / 2)
            return QPointF(x, plot.bottom() - plot.height() * value / 10)

        series = (
            (
                "Therapist's estimate",
                "#2f5d8a",
                Qt.PenStyle.SolidLine,
                lambda r: r.therapist,
                False,
            ),
            ("Client's check", "#b45f2a", Qt.PenStyle.DashLine, lambda r: r.client, True),
        )
        for _label, colour, style, value_of, square in series:
            points = [
                point(index, value_of(rating))
                for index, rating in enumerate(ordered)
                if value_of(rating) is not None
            ]
            if len(points) > 1:
                path = QPainterPath(points[0])
                for each in points[1:]:
                    path.lineTo(each)
                painter.setPen(QPen(QColor(colour), 5, style))
                painter.drawPath(path)
            for each in points:
                _marker(painter, each, colour, square)
        painter.setPen(_INK)
        every = max(1, len(ordered) // 8)
        for index, rating in enumerate(ordered):
            if index % every:
                continue
            at = point(index, 0)
            painter.drawText(
                QRectF(at.x() - 90, plot.bottom() + 8, 180, 40),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{rating.on.day} {rating.on:%b}",
            )
        x = plot.left()
        for label, colour, style, _value_of, square in series:
            y = area.bottom() - legend_height + 27
            painter.setPen(QPen(QColor(colour), 5, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 60, y))
            _marker(painter, QPointF(x + 30, y), colour, square)
            painter.setPen(_INK)
            painter.drawText(QPointF(x + 74, y + 11), label)
            x += 120 + painter.fontMetrics().horizontalAdvance(label)

    return _draw(paint)


def _marker(painter: QPainter, at: QPointF, colour: str, square: bool) -> None:
    painter.setPen(QPen(QColor(colour), 3))
    painter.setBrush(QColor("white") if square else QColor(colour))
    box = QRectF(at.x() - 11, at.y() - 11, 22, 22)
    if square:
        painter.drawRect(box)
    else:
        painter.drawEllipse(box)
    painter.setBrush(Qt.BrushStyle.NoBrush)
