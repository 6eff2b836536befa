"""The one look of Alliance: every colour, pen, brush, line style and marker the app draws with.

Surfaces and text (the plot, ink, grid lines, hints, tinted backgrounds) come from the palette, so
a dark desktop works. Series colours are fixed mid-tones chosen to keep about 3:1 contrast both on
white paper and on a dark window, so that a series has the same colour on screen and in the Word
report. Every series also differs by line style, marker or fill pattern, so charts read in
greyscale too.

The colours taken from the palette and the style sheet are in ui/widgets/surfaces.py (what the
first page of the window needs); the names of that module most code draws with are also here.
The report charts read `PAPER`, not the palette: they are printed on white whatever the desktop.
Only QtCore and QtGui here: the command line draws the report charts and never loads widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTextCharFormat,
)

from notes.alliance_chart import AllianceSeries
from notes.observations import ObservationKind
from notes.records import Attendance
from ui.widgets.surfaces import (  # the palette's colours, under the names callers use
    BLUE,
    GREEN,
    GREY,
    OCHRE,
    ORANGE,
    PURPLE,
    RED,
    accent,
    mix,
    surface,
    tint,
)
from ui.widgets.surfaces import (
    PAPER as PAPER,
)
from ui.widgets.surfaces import (
    Surface as Surface,
)
from ui.widgets.surfaces import (
    contrast as contrast,
)
from ui.widgets.surfaces import (
    is_dark as is_dark,
)
from ui.widgets.surfaces import (
    luminance as luminance,
)

# -- series -----------------------------------------------------------------------------------


class Marker(Enum):
    NONE = "none"
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn wherever it is drawn. `colour` is a '#rrggbb' name so that two
    styles compare equal exactly when they look the same."""

    colour: str
    line: Qt.PenStyle = Qt.PenStyle.NoPen
    marker: Marker = Marker.NONE
    hollow: bool = False  # a marker drawn as an outline on the background
    fill: Qt.BrushStyle = Qt.BrushStyle.SolidPattern  # for bars and boxes

    def qcolor(self) -> QColor:
        return QColor(self.colour)

    def edge(self) -> QColor:
        """The outline of a filled marker or box: the same hue, a little darker."""
        return QColor(self.colour).darker(130)

    def pen(self, width: float) -> QPen:
        pen = QPen(self.qcolor(), width)
        pen.setStyle(self.line)
        return pen


ALLIANCE: dict[AllianceSeries, SeriesStyle] = {
    # The client's own voice is the solid line; the therapist's estimate is dashed beside it.
    AllianceSeries.CLIENT: SeriesStyle(BLUE, Qt.PenStyle.SolidLine, Marker.CIRCLE),
    AllianceSeries.THERAPIST: SeriesStyle(PURPLE, Qt.PenStyle.DashLine, Marker.SQUARE, True),
    AllianceSeries.RUPTURE: SeriesStyle(ORANGE, marker=Marker.TRIANGLE),
    AllianceSeries.REPAIR: SeriesStyle(GREEN, marker=Marker.DIAMOND),
    AllianceSeries.MISSED: SeriesStyle(GREY, marker=Marker.SQUARE),
}

# Outcome measures on the timeline, by the instrument's place (PHQ-9, GAD-7, any added later),
# and the therapist's strongest countertransference per session as a bar on the alliance panel.
SYMPTOMS: tuple[SeriesStyle, ...] = (
    SeriesStyle(RED, Qt.PenStyle.SolidLine, Marker.DIAMOND),
    SeriesStyle(OCHRE, Qt.PenStyle.DashDotLine, Marker.TRIANGLE, True),
    SeriesStyle(GREEN, Qt.PenStyle.DotLine, Marker.CIRCLE, True),
)
COUNTERTRANSFERENCE = SeriesStyle("#de7321", fill=Qt.BrushStyle.Dense5Pattern)

# Sizes on screen, in pixels; the report draws them larger in proportion (print resolution).
LINE_WIDTH = 2.2
MARKER_SIZE: dict[AllianceSeries, float] = {
    AllianceSeries.CLIENT: 9,
    AllianceSeries.THERAPIST: 9,
    AllianceSeries.RUPTURE: 15,
    AllianceSeries.REPAIR: 13,
    AllianceSeries.MISSED: 9,
}

# Attendance: the screen's timeline and the report's bars. The fill pattern is for print.
ATTENDANCE: dict[Attendance, SeriesStyle] = {
    Attendance.ATTENDED: SeriesStyle(GREEN, fill=Qt.BrushStyle.SolidPattern),
    Attendance.LATE: SeriesStyle(OCHRE, fill=Qt.BrushStyle.Dense3Pattern),
    Attendance.CANCELLED_WITH_NOTICE: SeriesStyle(GREY, fill=Qt.BrushStyle.BDiagPattern),
    Attendance.LATE_CANCELLATION: SeriesStyle(ORANGE, fill=Qt.BrushStyle.DiagCrossPattern),
    Attendance.NO_SHOW: SeriesStyle(RED, fill=Qt.BrushStyle.CrossPattern),
}

# Observation categories: transference in cool tones, countertransference in warm ones. A
# category keeps its colour (by its place in its kind's list) whichever filter is chosen.
_CATEGORY_COLOURS = {
    ObservationKind.TRANSFERENCE: (
        BLUE,
        "#2a9d8f",
        "#7a86d6",
        PURPLE,
        "#5c9e57",
        "#4f7f95",
    ),
    ObservationKind.COUNTERTRANSFERENCE: (
        "#d1495b",
        "#de7321",
        "#ab8a21",
        "#9a6b3a",
        "#c0508f",
        "#e0669a",
        "#8c8c8c",
        "#bd4642",
    ),
}


def category_style(kind: ObservationKind, place: int) -> SeriesStyle:
    """The bar colour of the category at `place` among the categories of its kind."""
    colours = _CATEGORY_COLOURS[kind]
    return SeriesStyle(colours[place % len(colours)])


# -- markers -----------------------------------------------------------------------------------


def draw_marker(
    painter: QPainter, at: QPointF, style: SeriesStyle, size: float, background: QColor
) -> None:
    """One marker of `style`, `size` across, centred on `at`: filled, or hollow on `background`."""
    if style.marker is Marker.NONE:
        return
    painter.save()
    painter.setPen(QPen(style.qcolor() if style.hollow else style.edge(), max(1.0, size / 7)))
    painter.setBrush(background if style.hollow else style.qcolor())
    half = size / 2
    box = QRectF(at.x() - half, at.y() - half, size, size)
    if style.marker is Marker.CIRCLE:
        painter.drawEllipse(box)
    elif style.marker is Marker.SQUARE:
        painter.drawRect(box.adjusted(size / 10, size / 10, -size / 10, -size / 10))
    else:
        points = (
            [box.center() + QPointF(0, -half), box.bottomRight(), box.bottomLeft()]
            if style.marker is Marker.TRIANGLE
            else [
                QPointF(at.x(), box.top()),
                QPointF(box.right(), at.y()),
                QPointF(at.x(), box.bottom()),
                QPointF(box.left(), at.y()),
            ]
        )
        path = QPainterPath()
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
        painter.drawPath(path)
    painter.restore()


def draw_box(painter: QPainter, rect: QRectF, style: SeriesStyle, background: QColor) -> None:
    """A bar or legend box: the background, the style's fill pattern over it, an outline."""
    painter.fillRect(rect, background)
    painter.fillRect(rect, QBrush(style.qcolor(), style.fill))
    painter.setPen(QPen(style.edge(), 2))
    painter.drawRect(rect)


_YELLOW = "#f2c230"  # a marker pen over search matches


def search_match(palette: QPalette | None = None) -> QColor:
    """The soft marker-pen yellow behind each search match."""
    return tint(_YELLOW, palette, 0.4)


def muted(palette: QPalette | None = None) -> QColor:
    """Text that steps back: hints, retired prompts, goals set aside."""
    return surface(palette).muted


def share_tint(share: float, palette: QPalette | None = None) -> QColor:
    """A cell's background for a share of "yes": from sand (few) to green (most); calm, never
    alarming."""
    return mix(tint("#d9a35c", palette, 0.3), tint(GREEN, palette, 0.3), share)


# Tags on the words of a note: (underline, underline colour, background hue). The kinds differ by
# the underline's shape as well as by colour.
_TAGS = {
    ObservationKind.TRANSFERENCE: (QTextCharFormat.UnderlineStyle.SingleUnderline, "#2b5797"),
    ObservationKind.COUNTERTRANSFERENCE: (QTextCharFormat.UnderlineStyle.WaveUnderline, "#a1461c"),
}


def tag_format(kind: ObservationKind, palette: QPalette | None = None) -> QTextCharFormat:
    """How tagged words look in a note: the kind's underline over a wash of its colour."""
    underline, hue = _TAGS[kind]
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(underline)
    text_format.setUnderlineColor(accent(hue, palette))
    text_format.setBackground(tint(hue, palette, 0.22))
    return text_format


_SPELLINGRED = "#c42b1c"


def spelling_format(palette: QPalette | None = None) -> QTextCharFormat:
    """How a word the dictionary does not know looks: a red dotted underline.

    Dotted, not Qt's SpellCheckUnderline: that one takes the style's shape, a wave on most
    desktops, which is the countertransference mark's. Tagged words keep their own mark (it is
    drawn over this one), so the two never stand on the same word."""
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    text_format.setUnderlineColor(accent(_SPELLINGRED, palette))
    return text_format
