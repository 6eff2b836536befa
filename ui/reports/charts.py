"""Charts for reports, drawn with QPainter on a QImage and handed on as PNG bytes.

QImage painting is safe off the GUI thread, so the export worker draws them itself. They are
drawn at print resolution (200 dots per inch, 6 inches wide), on paper whatever the desktop's
palette, and read in greyscale: every series differs by shape or pattern as well as by colour.
Each series has the theme's style, the one it has on the client page; the alliance chart and
the timeline are the client page's own drawings (alliance_drawing.py, timeline_drawing.py), and
every axis is laid out by ui/widgets/chart_axes.py: a titled value axis with its unit, whole
numbers for counts, dates with their years. Only dates and numbers appear on
them, never a name, so de-identification has nothing to do here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter

from notes.alliance_chart import AllianceSeries, ChartPoints, points
from notes.attendance import attendance_by_month
from notes.chart_axes import whole_ticks
from notes.records import Attendance
from notes.reports.inputs import Charts, SupervisionInputs
from ui.client_page.alliance_drawing import NAMES, paint_alliance
from ui.measures.timeline_drawing import paint_timeline
from ui.widgets import theme
from ui.widgets.chart_axes import (
    Metrics,
    Text,
    chart_frame,
    date_axis_texts,
    draw_grid,
    draw_texts,
    value_axis_texts,
)
from ui.widgets.theme import PAPER, SeriesStyle

DPI = 200
WIDTH_INCHES = 6.0
HEIGHT_INCHES = 2.6
SCALE = 2.5  # the print image is about this much denser than the screen: lines and markers grow


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


TIMELINE_HEIGHT_INCHES = 3.6


def timeline_chart(inputs: SupervisionInputs) -> bytes:
    """The client page's timeline, from the same drawing code, on paper, its date axis in months
    with their years (a report without dates has no charts: ui/reports/export_job.py)."""
    measures = inputs.measures
    assert measures is not None
    return _draw(
        lambda painter, area: paint_timeline(
            painter, area, measures.timeline, PAPER, SCALE, REPORT_NAMES
        ),
        height_inches=TIMELINE_HEIGHT_INCHES,
    )


def _image(height_inches: float) -> QImage:
    image = QImage(int(WIDTH_INCHES * DPI), int(height_inches * DPI), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    return font


def print_page(height_inches: float = HEIGHT_INCHES) -> tuple[QRectF, QFontMetricsF]:
    """The area a report chart is drawn in and its font's metrics there: what the layout
    functions take, for a test that checks the printed geometry."""
    image = _image(height_inches)
    return QRectF(image.rect()), QFontMetricsF(_font(), image)


def _draw(paint: Callable[[QPainter, QRectF], None], height_inches: float = HEIGHT_INCHES) -> bytes:
    """A print-resolution image on paper, painted by `paint` inside its margins, as PNG."""
    image = _image(height_inches)
    image.fill(PAPER.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(_font())
    paint(painter, QRectF(image.rect()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


ATTENDANCE_TITLE = "Sessions (count)"


@dataclass
class AttendanceLayout:
    """Where the attendance chart's parts go: the plot, every text with its rectangle, each
    month's bar, and the legend's boxes."""

    plot: QRectF
    ticks: list[int]
    texts: list[Text] = field(default_factory=list)
    bars: dict[date, QRectF] = field(default_factory=dict)
    legend: list[tuple[Attendance, QRectF]] = field(default_factory=list)


def attendance_layout(
    area: QRectF, counts: dict[date, dict[Attendance, int]], metrics: Metrics, scale: float
) -> AttendanceLayout:
    """Sessions per month as bars in month slots, on whole-number ticks, the months named with
    their years (as many as fit), the legend under them."""
    months = list(counts)
    ticks = whole_ticks(max((sum(each.values()) for each in counts.values()), default=1))
    labels = [kind.label for kind in Attendance]
    plot, legend = chart_frame(area, ticks, metrics, scale, ATTENDANCE_TITLE, labels)
    layout = AttendanceLayout(plot, ticks)
    layout.texts += value_axis_texts(plot, ticks, ticks[-1], metrics, scale, ATTENDANCE_TITLE)
    slot = plot.width() / max(1, len(months))
    centre = {month: plot.left() + (index + 0.5) * slot for index, month in enumerate(months)}
    if months:
        layout.texts += date_axis_texts(
            plot, months[0], months[-1], centre.__getitem__, metrics, scale, by="month", within=area
        )
    bar = min(slot * 0.6, 64 * scale)
    for month in months:
        total = sum(counts[month].values())
        height = plot.height() * total / ticks[-1]
        layout.bars[month] = QRectF(centre[month] - bar / 2, plot.bottom() - height, bar, height)
    for kind, (spot, text) in zip(Attendance, legend, strict=True):
        side = metrics.height() * 0.8
        layout.legend.append((kind, QRectF(spot.x() - side / 2, spot.y() - side / 2, side, side)))
        layout.texts.append(text)
    return layout


def attendance_chart(inputs: SupervisionInputs) -> bytes:
    """Sessions per month in the period, stacked by attendance."""
    sessions = (record.session for record in inputs.sessions)
    counts = attendance_by_month(sessions, inputs.period.start, inputs.period.end)

    def paint(painter: QPainter, area: QRectF) -> None:
        layout = attendance_layout(area, counts, painter.fontMetrics(), SCALE)
        top = layout.ticks[-1]
        draw_grid(painter, layout.plot, layout.ticks, top, PAPER, SCALE)
        for month, whole in layout.bars.items():
            y = whole.bottom()
            for kind, count in counts[month].items():
                if count:
                    height = layout.plot.height() * count / top
                    _box(painter, QRectF(whole.left(), y - height, whole.width(), height), kind)
                    y -= height
        for kind, box in layout.legend:
            _box(painter, box, kind)
        draw_texts(painter, layout.texts, PAPER.ink)

    return _draw(paint)


def _box(painter: QPainter, rect: QRectF, kind: Attendance) -> None:
    theme.draw_box(painter, rect, attendance_style(kind), PAPER.background)


REPORT_NAMES = {**NAMES, AllianceSeries.THERAPIST: "Therapist's estimate"}


def alliance_points(inputs: SupervisionInputs) -> ChartPoints:
    """The report's alliance chart as numbers, by the same rules as the client page's chart:
    each rated, ruptured, repaired or missed session of the period, at its session's date."""
    ratings = inputs.alliance
    events = [event for event in inputs.alliance_events if event.session_number is not None]
    dates = {e.session_number: e.on for e in events if e.session_number is not None}
    dates |= {r.session_number: r.on for r in ratings}
    dates |= {s.session.number: s.session.starts_at.date() for s in inputs.sessions}
    return points(
        {r.session_number: r.client for r in ratings if r.client is not None},
        {r.session_number: r.therapist for r in ratings if r.therapist is not None},
        [e.session_number for e in events if not e.is_repair],
        [e.session_number for e in events if e.is_repair],
        [s.session.number for s in inputs.sessions if not s.session.attendance.kept],
        [s.session.number for s in inputs.sessions],
        dates,
    )


def alliance_chart(inputs: SupervisionInputs) -> bytes:
    """The client's check and the therapist's estimate, 0 to 10, with ruptures, repairs and
    missed appointments, at their dates in the period: the client page's drawing, on paper."""
    drawn = alliance_points(inputs)
    return _draw(
        lambda painter, area: paint_alliance(painter, area, drawn, PAPER, SCALE, REPORT_NAMES)
    )
