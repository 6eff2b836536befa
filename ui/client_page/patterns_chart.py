"""The chart of a client's observations on the client page: one stacked bar per session at its
date, one colour per category (the theme's: transference in cool tones, countertransference in
warm ones), at most the latest `CHART_SESSIONS` sessions. patterns_drawing.py draws it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QRectF, Signal
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from notes.chart_text import ChartText, pattern_text
from notes.observations import CHART_SESSIONS, Category, ObservationKind, counts_per_session
from ui.client_page.patterns_drawing import PatternLayout, Stack, paint_patterns, patterns_layout
from ui.client_page.patterns_model import ObservationRow
from ui.widgets import theme

TITLE = "Observations per session, by category"


class PatternChart(QWidget):
    """Observations per session, one stacked bar per session at its date, one colour per
    category; its values as text are `text`, renewed with `textChanged`."""

    textChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observation_chart")
        self.setAccessibleName("observations per session, by category")
        self.setMinimumHeight(300)
        self.series_labels: list[str] = []  # what the legend says, for tests and screen readers
        self.title = TITLE
        self.days: list[date] = []
        self.numbers: list[int] = []
        self.stacks: list[Stack] = []
        self.text: ChartText = pattern_text([], {})
        self.show_rows([], [])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()

    def chart_layout(self) -> PatternLayout:
        """Where the chart's texts and bars go at the widget's present size and font."""
        metrics = QFontMetricsF(self.font())
        area = QRectF(self.rect())
        return patterns_layout(area, self.days, self.stacks, metrics, 1.0, self.title)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            surface = theme.surface(self.palette())
            painter.fillRect(self.rect(), surface.background)
            paint_patterns(
                painter, QRectF(self.rect()), self.days, self.stacks, surface, 1.0, self.title
            )
        finally:
            painter.end()  # now, on the GUI thread, never later by the garbage collector

    def show_rows(self, rows: list[ObservationRow], categories: list[Category]) -> None:
        counted = counts_per_session(
            ((r.session_start, r.session_number), r.observation.category_id) for r in rows
        )
        sessions = counted.sessions
        self.title = TITLE
        if counted.left_out:  # hundreds of bars read as nothing: the latest ones
            self.title = f"{TITLE} — the last {CHART_SESSIONS} sessions with any"
        self.days = [start.date() for start, _number in sessions]
        self.numbers = [number for _start, number in sessions]
        self.stacks = []
        places = {kind: [c.id for c in categories if c.kind is kind] for kind in ObservationKind}
        for category in categories:
            counts = counted.counts.get(category.id)
            if counts is None:
                continue
            label = f"{category.kind.short} · {category.display_label}"
            style = theme.category_style(category.kind, places[category.kind].index(category.id))
            self.stacks.append(Stack(label, style, tuple(counts)))
        self.series_labels = [stack.label for stack in self.stacks]
        per_label = {stack.label: stack.counts for stack in self.stacks}
        self.text = pattern_text(self.numbers, per_label, counted.left_out)
        self.setAccessibleDescription(self.text.description)
        self.update()
        self.textChanged.emit()
