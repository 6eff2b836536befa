"""The alliance over time on the client page: the client's check and the therapist's estimate
(means, 0–10), with ruptures, repairs and missed appointments, each at its session's date. What
is drawn where is notes.alliance_chart's and alliance_drawing.py's, the same drawing as the
report's; how each series looks is the theme's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from notes.alliance import AllianceRating, Rupture
from notes.alliance_chart import AllianceSeries, chart_points
from notes.chart_text import ChartText, alliance_text
from notes.records import Session
from ui.client_page.alliance_drawing import NAMES, AllianceLayout, alliance_layout, paint_alliance
from ui.widgets import theme


class AllianceChart(QWidget):
    """The chart on the client page, painted by `paint_alliance` in the palette's colours. Its
    values as text are `text`, renewed with `textChanged`."""

    textChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.setAccessibleName("alliance chart")
        self.setMouseTracking(True)
        self.points = chart_points([], [], [])
        self.text: ChartText = alliance_text(self.points)

    def chart_layout(self) -> AllianceLayout:
        """Where the chart's texts and points go at the widget's present size and font."""
        return alliance_layout(QRectF(self.rect()), self.points, QFontMetricsF(self.font()))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            surface = theme.surface(self.palette())
            painter.fillRect(self.rect(), surface.background)
            paint_alliance(painter, QRectF(self.rect()), self.points, surface)
        finally:
            painter.end()  # now, on the GUI thread, never later by the garbage collector

    def point_words(self, at: QPointF) -> str:
        """What the point under `at` is, with its session and date ("" away from any point)."""
        near = [
            (abs(spot.x() - at.x()) + abs(spot.y() - at.y()), which, number)
            for which, number, spot in self.chart_layout().points
        ]
        near = [each for each in near if each[0] < 12]
        if not near:
            return ""
        lines = (AllianceSeries.CLIENT, AllianceSeries.THERAPIST)
        # A rupture or repair sits on the client's line, drawn over its point: the mark wins.
        _distance, which, number = min(near, key=lambda each: (each[1] in lines, each[0]))
        day = self.points.dates[number]
        words = f"Session {number}, {day:%d %b %Y}: {NAMES[which]}"
        if which in lines:
            words += f" {dict(self.points.of(which))[number]:.1f}"
        return words

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        words = self.point_words(event.position())
        if words:
            QToolTip.showText(event.globalPosition().toPoint(), words, self)
        else:
            QToolTip.hideText()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()

    def show_data(
        self, sessions: list[Session], ratings: list[AllianceRating], ruptures: list[Rupture]
    ) -> None:
        self.points = chart_points(sessions, ratings, ruptures)
        self.text = alliance_text(self.points)
        self.setAccessibleDescription(self.text.description)
        self.update()
        self.textChanged.emit()

    def clear(self) -> None:
        self.show_data([], [], [])
