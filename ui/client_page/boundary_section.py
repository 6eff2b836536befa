"""Boundary events on the client page: which dimension, crossing or violation, what happened,
and whether it was taken to supervision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from notes.alliance import (
    BOUNDARY_DIMENSIONS,
    VOID_EVENT,
    VOID_EVENT_FIXED,
    BoundaryEvent,
    BoundaryKind,
    boundary_summary,
)
from notes.records import Client, Session
from ui.client_page.list_section import RecordSection
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD, Fields, draftable
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.form_fields import SessionChooser, date_edit, text_box
from ui.widgets.models import DataclassListModel, emphasis

_KIND_HINTS = {
    BoundaryKind.CROSSING: "Crossing: a step outside the usual frame that may be harmless or "
    "even helpful, and is worth thinking about.",
    BoundaryKind.VIOLATION: "Violation: a step that harms or exploits the client, or risks "
    "doing so. Please take it to supervision.",
}


class BoundaryModel(DataclassListModel[BoundaryEvent]):
    def show(self, event: BoundaryEvent, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            supervision = (
                "discussed in supervision"
                if event.discussed_in_supervision
                else "not yet in supervision"
            )
            if event.session_void:  # it follows its session: shown, marked, not counted
                supervision = VOID_EVENT
            return (
                f"{event.occurred_on:%d %b %Y} · {event.dimension_label} · "
                f"{event.kind.label.lower()} · {supervision}\n    {event.what_happened}"
            )
        if role == Qt.ItemDataRole.FontRole and event.session_void:
            return emphasis(struck=True)
        if role == Qt.ItemDataRole.FontRole and event.kind is BoundaryKind.VIOLATION:
            return emphasis(bold=True)
        return None


class BoundaryDialog(QDialog):
    def __init__(
        self, event: BoundaryEvent, sessions: list[Session], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._event = event
        self.setWindowTitle("Boundary event" if event.id else "New boundary event")
        self.day = date_edit(event.occurred_on, "ddd d MMM yyyy")
        self.day.setAccessibleName("date")
        self.session = SessionChooser(sessions, event.session_id, "Outside a session")
        self.session.setAccessibleName("session")
        self.dimension = QComboBox()
        self.dimension.setAccessibleName("dimension")
        for term in BOUNDARY_DIMENSIONS:
            self.dimension.addItem(term.label, term.key)
        if self.dimension.findData(event.dimension) < 0:
            self.dimension.addItem(event.dimension_label, event.dimension)
        self.dimension.setCurrentIndex(self.dimension.findData(event.dimension))
        self.kind = QComboBox()
        self.kind.setAccessibleName("crossing or violation")
        for kind in BoundaryKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(event.kind))
        self.kind_hint = QLabel()
        self.kind_hint.setObjectName("hint")
        self.kind_hint.setWordWrap(True)
        self.what = text_box("what happened", "What happened, briefly and factually.")
        self.what.setPlainText(event.what_happened)
        self.supervision = QCheckBox("Discussed in supervision")
        self.supervision.setChecked(event.discussed_in_supervision)
        form = QFormLayout()
        form.addRow("Date", self.day)
        form.addRow("Session", self.session)
        form.addRow("Dimension", self.dimension)
        form.addRow("Kind", self.kind)
        form.addRow("", self.kind_hint)
        form.addRow("What happened", self.what)
        form.addRow("", self.supervision)
        form_dialog_layout(self, form)
        self.kind.currentIndexChanged.connect(self._show_hint)
        self.session.currentIndexChanged.connect(self._session_chosen)
        self._sessions = {s.id: s for s in sessions}
        self._show_hint()
        self.setMinimumWidth(500)
        self.adjustSize()

    def _show_hint(self) -> None:
        self.kind_hint.setText(_KIND_HINTS[BoundaryKind(self.kind.currentData())])

    def _session_chosen(self) -> None:
        session = self._sessions.get(self.session.session_id())
        if session is not None:
            self.day.setDate(QDate(session.starts_at.date()))

    def boundary_event(self) -> BoundaryEvent:
        return BoundaryEvent(
            self._event.client_id,
            self.day.date().toPython(),
            self.dimension.currentData(),
            BoundaryKind(self.kind.currentData()),
            self.what.toPlainText().strip(),
            self.supervision.isChecked(),
            self.session.session_id(),
            self._event.id,
        )


class BoundarySection(RecordSection):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(
            service, BoundaryModel(), "boundary events", "No boundary events recorded.", parent
        )
        self.add_button("Record event…", self.add_event)
        self.add_button("Edit event…", self.edit_chosen)

    def load(self, client: Client) -> list[BoundaryEvent]:
        return self._service.boundary_events(client.id)[::-1]  # newest first

    def describe(self, events: list[BoundaryEvent]) -> str:
        return boundary_summary(events)

    def add_event(self, fields: Fields | None = None) -> None:
        """A new event; `fields` refill it after a lock set it aside."""
        if self.client is not None:
            event = BoundaryEvent(self.client.id, date.today(), BOUNDARY_DIMENSIONS[0].key)
            self._edit(event, fields)

    def edit_chosen(self) -> None:
        event = self.chosen()
        if event is not None and event.session_void:
            QMessageBox.information(self, "Boundary event", VOID_EVENT_FIXED)
        elif event is not None:
            self._edit(event)

    def edit_event(self, fields: Fields) -> None:
        """Reopen the edit of an event that a lock set aside (its id is among the fields)."""
        event = next((e for e in self.model.items() if e.id == fields[RECORD]), None)
        if event is not None:
            self._edit(event, fields)

    def _edit(self, event: BoundaryEvent, draft: Fields | None = None) -> None:
        dialog = BoundaryDialog(event, self.sessions, self)
        if event.id is None:
            draftable(dialog, "add_boundary_event", draft)
        else:
            draftable(dialog, "edit_boundary_event", draft, event.id)
        if dialog.exec():
            attempt(self, lambda: self._service.save_boundary_event(dialog.boundary_event()))
