"""The spelling mark and the transference and countertransference marks never look alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from notes.observations import ObservationKind
from ui.widgets.theme import spelling_format, tag_format


def _dark() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    return palette


def test_the_spelling_underline_differs_in_shape_and_colour_from_both_tags(qapp):
    for palette in (QPalette(), _dark()):
        spelling = spelling_format(palette)
        for kind in ObservationKind:
            tag = tag_format(kind, palette)
            assert spelling.underlineStyle() != tag.underlineStyle()
            assert spelling.underlineColor() != tag.underlineColor()
        assert spelling.underlineColor().red() > spelling.underlineColor().blue()  # red
        assert (
            spelling.background().style() == Qt.BrushStyle.NoBrush
        )  # no wash: a tag's wash stays its own
