"""The colours that come from the palette: surfaces, text, tints and accents, and the style
sheet made from them for this palette and font.

Apart from ui/widgets/theme.py (series, markers, tags) so that the first page of the window,
which paints only the style sheet, imports none of the records the charts are keyed by. Only
QtCore and QtGui here: the command line draws the report charts and never loads widgets.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

# Fixed mid-tones, about 3:1 against white paper and a dark window alike (ui/widgets/theme.py).
BLUE = "#3a84b8"
PURPLE = "#8e6cc4"
ORANGE = "#c8642a"
GREEN = "#409a5f"
GREY = "#878d96"
OCHRE = "#a88f22"
RED = "#c8424a"


# -- surfaces and text, from the palette --------------------------------------------------------


class Surface(NamedTuple):  # not a dataclass: see ui/first_paint.py
    """The colours a chart or a view draws its frame with: what it stands on and writes with."""

    background: QColor  # the plot area, the page of a report
    ink: QColor  # labels, axis titles, legend text
    muted: QColor  # hints, retired or set-aside rows, dates under a timeline
    grid: QColor  # grid lines and thin rules


def mix(a: QColor, b: QColor, share: float) -> QColor:
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
    return Surface(base, text, mix(text, base, 0.32), mix(base, text, 0.14))


# A report is printed: white paper and near-black ink, whatever the desktop looks like.
PAPER = Surface(QColor("#ffffff"), QColor("#1f2933"), QColor("#5c6370"), QColor("#d5d9de"))


def tint(hue: str, palette: QPalette | None = None, share: float = 0.16) -> QColor:
    """A background of `hue` under ordinary text: a pale wash on a light base, a deep one on a
    dark base, so the palette's text reads on it either way."""
    palette = _palette(palette)
    if is_dark(palette):
        share *= 0.6  # a hue shows more on a dark ground; light text needs a deep wash
    return mix(palette.color(QPalette.ColorRole.Base), QColor(hue), share)


def accent(hue: str, palette: QPalette | None = None) -> QColor:
    """Text in `hue` (headings, warnings): as it is on a light window, lifted towards the text
    colour on a dark one, where a dark hue would not read."""
    palette = _palette(palette)
    if not is_dark(palette):
        return QColor(hue)
    return mix(QColor(hue), palette.color(QPalette.ColorRole.WindowText), 0.55)


_SAND = "#b8a46a"  # notes kept aside: addenda, a recurring pattern, a suggestion
_LAVENDER = PURPLE  # the private process note
_SLATE = "#33415c"  # headings


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
        "read_only": mix(palette.color(QPalette.ColorRole.Base), text, 0.05),
        "read_only_text": mix(text, palette.color(QPalette.ColorRole.Base), 0.12),
        "strength_weak": QColor(ORANGE),
        "strength_ok": QColor(GREEN),
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
