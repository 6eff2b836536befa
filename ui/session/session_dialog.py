"""Add a session: date, time, duration and attendance, proposed from the last session
(notes.records.next_session)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QSpinBox,
    QTimeEdit,
)

from notes.records import Attendance, Session, next_session
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.form_fields import date_edit, named


class SessionDialog(QDialog):
    def __init__(self, client_id: int, last: Session | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New session")
        self._client_id = client_id
        proposed = next_session(client_id, last, date.today())
        self.date = named(date_edit(proposed.starts_at.date(), "ddd d MMM yyyy"), "date")
        start = QTime(proposed.starts_at.hour, proposed.starts_at.minute)
        self.time = named(QTimeEdit(start), "time")
        self.time.setDisplayFormat("HH:mm")
        self.duration = named(QSpinBox(), "duration")
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setValue(proposed.duration_minutes)
        self.attendance = named(QComboBox(), "attendance")
        for value in Attendance:
            self.attendance.addItem(value.label, value)
        form = QFormLayout()
        form.addRow("Date", self.date)
        form.addRow("Time", self.time)
        form.addRow("Duration", self.duration)
        form.addRow("Attendance", self.attendance)
        form_dialog_layout(self, form)

    def session(self) -> Session:
        moment: datetime = QDateTime(self.date.date(), self.time.time()).toPython()
        return Session(
            client_id=self._client_id,
            starts_at=moment.replace(second=0, microsecond=0),
            duration_minutes=self.duration.value(),
            attendance=Attendance(self.attendance.currentData()),
        )
