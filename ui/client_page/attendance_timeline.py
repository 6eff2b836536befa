"""A client's sessions as a timeline: one mark per session, shaped and lettered by attendance.

Shape and letter carry the meaning, colour only repeats it, so it reads in greyscale too. The
colours are the theme's, the same as the report's attendance chart.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from notes.attendance import summary
from notes.records import Attendance, Client, Session
from ui.widgets import theme
from ui.widgets.theme import SeriesStyle

_LETTER = {
    Attendance.ATTENDED: "●",
    Attendance.LATE: "L",
    Attendance.CANCELLED_WITH_NOTICE: "C",
    Attendance.LATE_CANCELLATION: "X",
    Attendance.NO_SHOW: "✕",
}
_STEP = 20.0
_ROW = 26.0


def mark_style(kind: Attendance) -> SeriesStyle:
    """How the timeline draws a kind of attendance: the theme's, as in the report."""
    return theme.ATTENDANCE[kind]


class _Strip(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[Session] = []
        self.marks_painted = 0
        self.setMinimumHeight(int(_ROW * 2))

    def per_row(self) -> int:
        return max(1, int((self.width() - 8) // _STEP))

    def sizeHint(self) -> QSize:
        rows = max(1, -(-len(self.sessions) // self.per_row()))
        return QSize(400, int(rows * _ROW + 22))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        per_row = max(1, int((width - 8) // _STEP))
        return int(max(1, -(-len(self.sessions) // per_row)) * _ROW + 22)

    def exposed_marks(self, area: QRect) -> range:
        """The sessions (by place) whose marks lie in `area`: whole rows of marks, so that a
        long history that runs below the window is drawn only as far as it is seen."""
        per_row = self.per_row()
        first = max(0, int((area.top() - 4) // _ROW))
        last = max(first, int((area.bottom() - 4) // _ROW))
        return range(
            min(first * per_row, len(self.sessions)), min((last + 1) * per_row, len(self.sessions))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        per_row = self.per_row()
        surface = theme.surface(self.palette())
        marks = self.exposed_marks(event.rect())
        self.marks_painted = len(marks)  # what a test of a long history counts
        for index in marks:
            session = self.sessions[index]
            row, column = divmod(index, per_row)
            x, y = 4 + column * _STEP, 4 + row * _ROW
            letter, colour = _LETTER[session.attendance], mark_style(session.attendance).qcolor()
            box = QRectF(x, y, _STEP - 2, _STEP - 2)
            painter.setPen(QPen(colour, 1.4))
            if session.attendance.kept:
                path = QPainterPath()
                path.addEllipse(box.adjusted(2, 2, -2, -2))
                painter.fillPath(path, colour)
                if session.attendance is Attendance.LATE:
                    painter.setPen(surface.background)  # the letter cut out of the mark
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
            else:
                painter.drawRect(box.adjusted(1, 1, -1, -1))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
        if self.sessions:
            painter.setPen(surface.muted)
            first, last = self.sessions[0].starts_at, self.sessions[-1].starts_at
            rows = -(-len(self.sessions) // per_row)
            painter.drawText(QPointF(4, rows * _ROW + 16), f"{first:%d %b %Y}  →  {last:%d %b %Y}")
        painter.end()


class AttendanceTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = _Strip()
        self.strip.setAccessibleName("attendance timeline")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        legend = QLabel(
            "● attended   L late   C cancelled with notice   X late cancellation   ✕ no-show"
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.strip)
        layout.addWidget(legend)

    def show_client(self, _client: Client, sessions: list[Session]) -> None:
        ordered = sorted(sessions, key=lambda s: s.starts_at)
        self.strip.sessions = ordered
        self.strip.updateGeometry()
        self.strip.update()
        self.counts.setText(summary(ordered))
        self.strip.setToolTip(self.counts.text())

    def clear(self) -> None:
        self.strip.sessions = []
        self.strip.update()
        self.counts.clear()
