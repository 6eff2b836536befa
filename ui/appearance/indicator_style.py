"""Fusion with check-box and radio-button indicators whose edge can be seen on any palette.

Fusion outlines an indicator in the window colour made a little darker and fills it with the
base colour: on a dark window both are nearly the window itself, so an unticked box or an
unchosen option is dark on dark, and even on a light one the edge is under 2:1. Here the
indicator is drawn as Fusion draws it, with an edge that stands at least 3:1 against the window
(WCAG 2's contrast for what identifies a control).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from ui.widgets.surfaces import contrast, mix

_Element = QStyle.PrimitiveElement
# The pen Fusion draws each indicator's edge with, from the palette's window colour.
_FUSION_EDGE = {
    _Element.PE_IndicatorCheckBox: lambda window: window.darker(140).lighter(110),
    _Element.PE_IndicatorRadioButton: lambda window: window.darker(150),
}
EDGE_CONTRAST = 3.5  # for 3:1 as drawn: a round edge falls partly between pixels


def window_for_edge(element: QStyle.PrimitiveElement, palette: QPalette) -> QColor:
    """The window colour to hand Fusion so that it draws `element`'s edge 3:1 against the real
    window: the least step from the window towards the text that does."""
    window = palette.color(QPalette.ColorRole.Window).rgb()
    text = palette.color(QPalette.ColorRole.WindowText).rgb()
    return QColor.fromRgb(_window_for_edge(element, window, text))


@cache  # an indicator is painted often (a hundred times in opening a client), palettes are few
def _window_for_edge(element: QStyle.PrimitiveElement, window_rgb: int, text_rgb: int) -> int:
    window, text = QColor.fromRgb(window_rgb), QColor.fromRgb(text_rgb)
    edge = _FUSION_EDGE[element]
    for step in range(1, 21):
        shifted = mix(window, text, step / 20)
        if contrast(edge(shifted), window) >= EDGE_CONTRAST:
            return shifted.rgb()
    return text_rgb


class IndicatorStyle(QProxyStyle):
    """Fusion, whose indicators keep a visible edge on any palette; otherwise unchanged."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in _FUSION_EDGE:
            option = type(option)(option)  # a copy: the caller's option is left as it was
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Window, window_for_edge(element, palette))
            option.palette = palette
        super().drawPrimitive(element, option, painter, widget)
