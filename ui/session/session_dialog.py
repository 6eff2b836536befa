"""Add a session (date, time, duration and attendance, proposed from the last session by
notes.records.next_session) or correct one; and the question that voids a signed session."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from notes.records import Attendance, Session, next_session
from notes.session_changes import VOID_REASONS, void_reason_problem
from ui.widgets.dialog_parts import Standard, form_dialog_layout
from ui.widgets.form_fields import date_edit, named
from ui.widgets.status_line import StatusLine


class SessionDialog(QDialog):
    """A new session's details, or with `editing` that session's, to correct them."""

    def __init__(
        self,
        client_id: int,
        last: Session | None = None,
        parent: QWidget | None = None,
        editing: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit session" if editing else "New session")
        self._client_id = client_id
        self._editing = editing
        proposed = editing or next_session(client_id, last, date.today())
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
        self.attendance.setCurrentIndex(self.attendance.findData(proposed.attendance))
        form = QFormLayout()
        form.addRow("&Date", self.date)
        form.addRow("&Time", self.time)
        form.addRow("D&uration", self.duration)
        form.addRow("&Attendance", self.attendance)
        below = []
        if editing is not None and editing.note_signed:
            below.append(QLabel("The signed note stays as it was signed."))
        form_dialog_layout(self, form, *below)

    def session(self) -> Session:
        """The session as the form says; an edited one keeps its id and client."""
        moment: datetime = QDateTime(self.date.date(), self.time.time()).toPython()
        details = {
            "starts_at": moment.replace(second=0, microsecond=0),
            "duration_minutes": self.duration.value(),
            "attendance": Attendance(self.attendance.currentData()),
        }
        if self._editing is not None:
            return replace(self._editing, **details)
        return Session(client_id=self._client_id, **details)


class VoidDialog(QDialog):
    """Why a signed session is void: a reason is required; it is kept with the session."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Void session")
        explanation = QLabel(
            f"Void {title}? Its signed note stays in the record and can still be read, marked "
            "void with your reason; the session leaves counts, charts and reports. A void "
            "cannot be taken back."
        )
        explanation.setWordWrap(True)
        self.reason = named(QComboBox(), "void_reason")
        self.reason.setEditable(True)
        self.reason.addItems(VOID_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText("Why this session should not count")
        self.message = StatusLine("error", urgent=True)
        form = QFormLayout()
        form.addRow(explanation)
        form.addRow("&Reason", self.reason)
        buttons = form_dialog_layout(
            self, form, self.message, standard=Standard.Ok | Standard.Cancel
        )
        buttons.button(Standard.Ok).setText("&Void session")

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def accept(self) -> None:
        problem = void_reason_problem(self.reason_text())
        if problem:
            self.message.setText(problem)
            self.reason.setFocus()
            return
        super().accept()
