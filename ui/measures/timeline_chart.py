"""The client's timeline on the client page: the drawing of timeline_drawing.py, read by hover
(a tooltip with the point's words) and by the arrow keys (each point becomes the chart's
accessible description)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from notes.measures.timeline import Timeline
from notes.wording import counted
from ui.measures.timeline_drawing import Words, paint_timeline, timeline_words
from ui.widgets import theme


class TimelineChart(QWidget):
    """The timeline on the client page: hover a point for its words, or step through the
    points with the arrow keys (each is announced as the chart's description)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = Timeline()
        self._words: Words = {}
        self.spots: list[tuple[QPointF, str]] = []
        self.current = -1
        self.setMinimumHeight(300)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("timeline chart")

    def show_line(
        self, line: Timeline, rows: list[tuple[str, str, str, str]] | None = None
    ) -> None:
        """`rows`: the line's `timeline_rows`, when the caller has them already."""
        self.line = line
        self._words = timeline_words(line, rows)  # once, not at every paint
        self.current = -1
        self.setAccessibleDescription(self._summary())
        self.update()

    def _summary(self) -> str:
        scores = sum(len(points) for points in self.line.scores.values())
        return (
            f"{counted(scores, 'symptom score')}, "
            f"{counted(len(self.line.client_alliance), 'client check')}, "
            f"{counted(len(self.line.ruptures), 'rupture')}, "
            f"{counted(len(self.line.missed), 'missed session')}. "
            "Arrow keys step through the points."
        )

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()  # now, on the GUI thread, never later by the garbage collector

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        surface = theme.surface(self.palette())
        painter.fillRect(self.rect(), surface.background)
        if self.line.empty:
            painter.setPen(surface.muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nothing to show yet.")
            return
        self.spots = sorted(
            paint_timeline(painter, QRectF(self.rect()), self.line, surface, words=self._words),
            key=lambda spot: spot[0].x(),
        )
        if 0 <= self.current < len(self.spots):
            painter.setPen(QPen(surface.ink, 1.5, Qt.PenStyle.DashLine))
            at = self.spots[self.current][0]
            painter.drawEllipse(at, 10, 10)

    def point_words(self, at: QPointF) -> str:
        near = [(abs(s.x() - at.x()) + abs(s.y() - at.y()), text) for s, text in self.spots]
        near = [each for each in near if each[0] < 14]
        return min(near)[1] if near else ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self.point_words(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(event.key()))
        if step is None or not self.spots:
            super().keyPressEvent(event)
            return
        self.current = (self.current + step) % len(self.spots)
        self.setAccessibleDescription(self.spots[self.current][1])
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.current = -1
        self.update()
