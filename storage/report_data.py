"""What a report needs from the vault, for one client and period, as plain inputs.

Also the memory of past exports: each export is a line in the audit log (never any note text),
and the last supervision report for a client sets where the next one's period starts.
"""

from __future__ import annotations

from datetime import date, datetime

from notes.record_report import RecordInputs
from notes.report_inputs import Period, SessionRecord, SupervisionInputs
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault

SUPERVISION_EXPORTED = "supervision report exported"
IDENTIFIED_SUPERVISION_EXPORTED = "identified supervision report exported"
RECORD_EXPORTED = "record exported"
RECORD_WITH_PROCESS_NOTES_EXPORTED = "record with process notes exported"


def _client_record(client_id: int) -> str:
    return f"client {client_id}"


class ReportData:
    """Reads for reports. Safe on a worker thread: the vault serialises its connection."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._clients = ClientRepository(vault)
        self._sessions = SessionRepository(vault)
        self._notes = NoteRepository(vault)

    def client_id_for_code(self, code: str) -> int | None:
        for client in self._clients.list(include_closed=True):
            if client.code.casefold() == code.strip().casefold():
                return client.id
        return None

    def session_records(
        self, client_id: int, period: Period, process_notes: bool
    ) -> tuple[list[SessionRecord], int]:
        """The client's sessions in the period with their notes, and how many came before."""
        sessions = self._sessions.for_client(client_id)
        before = sum(1 for s in sessions if s.starts_at.date() < period.start)
        records = [
            SessionRecord(
                session,
                self._notes.progress_note(session.id),
                self._notes.process_note(session.id) if process_notes else None,
            )
            for session in sessions
            if session.starts_at.date() in period
        ]
        return records, before

    def supervision_inputs(
        self, client_id: int, period: Period, process_notes: bool = True
    ) -> SupervisionInputs:
        records, before = self.session_records(client_id, period, process_notes)
        inputs = SupervisionInputs(
            client=self._clients.get(client_id),
            period=period,
            sessions=records,
            sessions_before=before,
        )
        return inputs

    def record_inputs(self, client_id: int, period: Period, process_notes: bool) -> RecordInputs:
        records, _before = self.session_records(client_id, period, process_notes)
        return RecordInputs(self._clients.get(client_id), period, records)

    # -- past exports ----------------------------------------------------------------------

    def last_supervision_report(self, client_id: int) -> date | None:
        row = self._vault.read_one(
            "SELECT max(at) FROM audit_log WHERE action IN (?, ?) AND record = ?",
            (SUPERVISION_EXPORTED, IDENTIFIED_SUPERVISION_EXPORTED, _client_record(client_id)),
        )
        return datetime.fromisoformat(row[0]).date() if row and row[0] else None

    def record_supervision_export(self, client_id: int, identified: bool) -> None:
        action = IDENTIFIED_SUPERVISION_EXPORTED if identified else SUPERVISION_EXPORTED
        self._vault.record(action, _client_record(client_id))

    def record_record_export(self, client_id: int, process_notes: bool) -> None:
        action = RECORD_WITH_PROCESS_NOTES_EXPORTED if process_notes else RECORD_EXPORTED
        self._vault.record(action, _client_record(client_id))
