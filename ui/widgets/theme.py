"""The one look of Alliance: every colour, pen, brush, line style and marker the app draws with.

Surfaces and text (the plot, ink, grid lines, hints, tinted backgrounds) come from the palette, so
a dark desktop works. Series colours are fixed mid-tones chosen to keep about 3:1 contrast both on
white paper and on a dark window, so that a series has the same colour on screen and in the Word
report. Every series also differs by line style, marker or fill pattern, so charts read in
greyscale too.

The report charts read `PAPER`, not the palette: they are printed on white whatever the desktop.
Only QtCore and QtGui here: the command line draws the report charts and never loads widgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
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


_BLUE = "#3a84b8"
_PURPLE = "#8e6cc4"
_ORANGE = "#c8642a"
_GREEN = "#409a5f"
_GREY = "#878d96"
_OCHRE = "#a88f22"
_RED = "#c8424a"

ALLIANCE: dict[AllianceSeries, SeriesStyle] = {
    # The client's own voice is the solid line; the therapist's estimate is dashed beside it.
    AllianceSeries.CLIENT: SeriesStyle(_BLUE, Qt.PenStyle.SolidLine, Marker.CIRCLE),
    AllianceSeries.THERAPIST: SeriesStyle(_PURPLE, Qt.PenStyle.DashLine, Marker.SQUARE, True),
    AllianceSeries.RUPTURE: SeriesStyle(_ORANGE, marker=Marker.TRIANGLE),
    AllianceSeries.REPAIR: SeriesStyle(_GREEN, marker=Marker.DIAMOND),
    AllianceSeries.MISSED: SeriesStyle(_GREY, marker=Marker.SQUARE),
}

# Outcome measures on the timeline, by the instrument's place (PHQ-9, GAD-7, any added later),
# and the therapist's strongest countertransference per session as a bar on the alliance panel.
SYMPTOMS: tuple[SeriesStyle, ...] = (
    SeriesStyle(_RED, Qt.PenStyle.SolidLine, Marker.DIAMOND),
    SeriesStyle(_OCHRE, Qt.PenStyle.DashDotLine, Marker.TRIANGLE, True),
    SeriesStyle(_GREEN, Qt.PenStyle.DotLine, Marker.CIRCLE, True),
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
    Attendance.ATTENDED: SeriesStyle(_GREEN, fill=Qt.BrushStyle.SolidPattern),
    Attendance.LATE: SeriesStyle(_OCHRE, fill=Qt.BrushStyle.Dense3Pattern),
    Attendance.CANCELLED_WITH_NOTICE: SeriesStyle(_GREY, fill=Qt.BrushStyle.BDiagPattern),
    Attendance.LATE_CANCELLATION: SeriesStyle(_ORANGE, fill=Qt.BrushStyle.DiagCrossPattern),
    Attendance.NO_SHOW: SeriesStyle(_RED, fill=Qt.BrushStyle.CrossPattern),
}

# Observation categories: transference in cool tones, countertransference in warm ones. A
# category keeps its colour (by its place in its kind's list) whichever filter is chosen.
_CATEGORY_COLOURS = {
    ObservationKind.TRANSFERENCE: (
        _BLUE,
        "#2a9d8f",
        "#7a86d6",
        _PURPLE,
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


# -- surfaces and text, from the palette --------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """The colours a chart or a view draws its frame with: what it stands on and writes with."""

    background: QColor  # the plot area, the page of a report
    ink: QColor  # labels, axis titles, legend text
    muted: QColor  # hints, retired or set-aside rows, dates under a timeline
    grid: QColor  # grid lines and thin rules


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """`a` moved `share` of the way towards `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of `colour`: 0 for black, 1 for white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(palette: QPalette | None) -> QPalette:
    return QGuiApplication.palette() if palette is None else palette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is lighter than what it is written on: a dark desktop."""
    palette = _palette(palette)
    return (
        palette.color(QPalette.ColorRole.WindowText).lightness()
        > palette.color(QPalette.ColorRole.Window).lightness()
    )


def surface(palette: QPalette | None = None) -> Surface:
    """The screen's surface: the palette's base to draw on, its text to write with."""
    palette = _palette(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return Surface(base, text, _mix(text, base, 0.32), _mix(base, text, 0.14))


# A report is printed: white paper and near-black ink, whatever the desktop looks like.
PAPER = Surface(QColor("#ffffff"), QColor("#1f2933"), QColor("#5c6370"), QColor("#d5d9de"))


def tint(hue: str, palette: QPalette | None = None, share: float = 0.16) -> QColor:
    """A background of `hue` under ordinary text: a pale wash on a light base, a deep one on a
    dark base, so the palette's text reads on it either way."""
    palette = _palette(palette)
    if is_dark(palette):
        share *= 0.6  # a hue shows more on a dark ground; light text needs a deep wash
    return _mix(palette.color(QPalette.ColorRole.Base), QColor(hue), share)


def accent(hue: str, palette: QPalette | None = None) -> QColor:
    """Text in `hue` (headings, warnings): as it is on a light window, lifted towards the text
    colour on a dark one, where a dark hue would not read."""
    palette = _palette(palette)
    if not is_dark(palette):
        return QColor(hue)
    return _mix(QColor(hue), palette.color(QPalette.ColorRole.WindowText), 0.55)


_SAND = "#b8a46a"  # notes kept aside: addenda, a recurring pattern, a suggestion
_LAVENDER = _PURPLE  # the private process note
_YELLOW = "#f2c230"  # a marker pen over search matches
_SLATE = "#33415c"  # headings


def search_match(palette: QPalette | None = None) -> QColor:
    """The soft marker-pen yellow behind each search match."""
    return tint(_YELLOW, palette, 0.4)


def muted(palette: QPalette | None = None) -> QColor:
    """Text that steps back: hints, retired prompts, goals set aside."""
    return surface(palette).muted


def share_tint(share: float, palette: QPalette | None = None) -> QColor:
    """A cell's background for a share of "yes": from sand (few) to green (most); calm, never
    alarming."""
    return _mix(tint("#d9a35c", palette, 0.3), tint(_GREEN, palette, 0.3), share)


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


_SPELLING_RED = "#c42b1c"


def spelling_format(palette: QPalette | None = None) -> QTextCharFormat:
    """How a word the dictionary does not know looks: a red dotted underline.

    Dotted, not Qt's SpellCheckUnderline: that one takes the style's shape, a wave on most
    desktops, which is the countertransference mark's. Tagged words keep their own mark (it is
    drawn over this one), so the two never stand on the same word."""
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    text_format.setUnderlineColor(accent(_SPELLING_RED, palette))
    return text_format


# -- the style sheet ---------------------------------------------------------------------------


def style_colours(palette: QPalette | None = None) -> dict[str, str]:
    """The colours the style sheet names as `@name`, made for this palette."""
    palette = _palette(palette)
    base = surface(palette)
    text = palette.color(QPalette.ColorRole.Text)
    colours = {
        "heading": accent(_SLATE, palette),
        "hint": base.muted,
        "error": accent("#a4262c", palette),
        "kept": accent("#8a5a00", palette),
        "rule": base.grid,
        "aside": tint(_SAND, palette, 0.16),
        "aside_edge": QColor(_SAND),
        "suggestion": tint(_SAND, palette, 0.12),
        "suggestion_edge": tint(_SAND, palette, 0.45),
        "private": tint(_LAVENDER, palette, 0.1),
        "private_edge": tint(_LAVENDER, palette, 0.4),
        "private_box": tint(_LAVENDER, palette, 0.03),
        "read_only": _mix(palette.color(QPalette.ColorRole.Base), text, 0.05),
        "read_only_text": _mix(text, palette.color(QPalette.ColorRole.Base), 0.12),
        "strength_weak": QColor(_ORANGE),
        "strength_ok": QColor(_GREEN),
    }
    return {name: colour.name() for name, colour in colours.items()}


# Text sizes the style sheet names as `@size_name`: shares of the desktop's own font size, so a
# larger desktop font makes every heading larger too (no fixed point sizes).
FONT_SHARES = {
    "page_title": 1.6,
    "note_title": 1.15,
    "pane_title": 1.1,
    "section_heading": 1.1,
}


def style_sizes(font: QFont | None = None) -> dict[str, str]:
    """The sizes the style sheet names as `@size_name`, in the unit the desktop's font uses."""
    font = QGuiApplication.font() if font is None else font
    if font.pointSizeF() > 0:
        return {f"size_{n}": f"{font.pointSizeF() * s:.1f}pt" for n, s in FONT_SHARES.items()}
    return {f"size_{n}": f"{round(font.pixelSize() * s)}px" for n, s in FONT_SHARES.items()}


_TOKEN = re.compile(r"@([a-z_]+)")


def style_sheet(template: str, palette: QPalette | None = None, font: QFont | None = None) -> str:
    """The shipped style sheet with each `@name` replaced by its colour for this palette and
    each `@size_name` by its size for this font."""
    tokens = style_colours(palette) | style_sizes(font)
    return _TOKEN.sub(lambda match: tokens[match.group(1)], template)
