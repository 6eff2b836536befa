"""What a report needs from the vault, for one client and period, as plain inputs.

The records beside the notes (contract and goals, alliance checks, ruptures, observations,
conduct checks, boundary events) are read through their own repositories and turned into the
report's rows (notes/reports/inputs.py) by notes/reports/rows.py, which holds their wording:
this module only reads and picks. The contract and goals are shown as they stand today;
everything else only from sessions in the period.

Also the memory of past exports: each export is a line in the audit log (never any note text),
and the last supervision report for a client sets where the next one's period starts.
"""

from __future__ import annotations

from datetime import date, datetime

from notes import alliance
from notes.records import Session
from notes.reports import rows
from notes.reports.inputs import (
    AllianceEvent,
    AllianceRatingRow,
    ConductLine,
    ContractTerm,
    GoalRow,
    ObservationRow,
    Period,
    SessionRecord,
    SupervisionInputs,
)
from notes.reports.measures_section import measures_inputs
from notes.reports.record_report import RecordInputs
from notes.supervision import open_questions
from notes.templates import use_own_templates
from notes.vault_seal import VaultSeal
from storage.alliance import AllianceRepository
from storage.audit import AuditAction
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.measures import MeasureRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository
from storage.supervision import SupervisionRepository
from storage.templates import OwnTemplateRepository
from storage.vault import Vault

_SUPERVISION_EXPORTS = (
    AuditAction.SUPERVISION_REPORT_EXPORTED,
    AuditAction.IDENTIFIED_SUPERVISION_REPORT_EXPORTED,
)


def _client_record(client_id: int) -> str:
    return f"client {client_id}"


class ReportData:
    """Reads for reports. Safe on a worker thread: the vault serialises its connection."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        # Reports name a note's sections by title, own templates' too (the command line has
        # not registered them, as an unlock does).
        use_own_templates(OwnTemplateRepository(vault).list())
        self._clients = ClientRepository(vault)
        self._sessions = SessionRepository(vault)
        self._notes = NoteRepository(vault)
        self._alliance = AllianceRepository(vault)
        self._conduct = ConductRepository(vault)
        self._categories = CategoryRepository(vault)
        self._observations = ObservationRepository(vault)

    def client_id_for_code(self, code: str) -> int | None:
        for client in self._clients.list(include_closed=True):
            if client.code.casefold() == code.strip().casefold():
                return client.id
        return None

    def session_records(
        self, client_id: int, period: Period, process_notes: bool, include_void: bool = False
    ) -> tuple[list[SessionRecord], int]:
        """The client's sessions in the period with their notes, and how many came before.
        Void sessions only when asked (the record keeps them, marked void); never counted."""
        sessions = self._sessions.for_client(client_id, include_void=include_void)
        before = sum(1 for s in sessions if s.starts_at.date() < period.start and not s.void)
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
        in_period = {record.session.id: record.session for record in records}
        inputs = SupervisionInputs(
            client=self._clients.get(client_id),
            period=period,
            sessions=records,
            sessions_before=before,
        )
        inputs.contract, inputs.goals = self._contract_and_goals(client_id)
        inputs.alliance, inputs.alliance_events = self._alliance_rows(client_id, in_period)
        inputs.observations = self._observation_rows(client_id, in_period)
        inputs.conduct, inputs.conduct_patterns = self._conduct_rows(client_id, in_period)
        inputs.boundary_events = [
            rows.boundary_row(event)
            for event in self._alliance.boundary_events(client_id)
            if event.occurred_on in period
        ]
        inputs.measures = measures_inputs(
            self._sessions.for_client(client_id),
            period.end,
            set(in_period),
            MeasureRepository(self._vault).for_client(client_id),
            self._alliance.ratings(client_id),
            self._alliance.ruptures(client_id),
            self._observations.for_client(client_id),
        )
        inputs.other_clients = [
            other for other in self._clients.list(include_closed=True) if other.id != client_id
        ]
        inputs.since_supervision = SupervisionRepository(self._vault).carry_over(client_id)
        return inputs

    def _contract_and_goals(self, client_id: int) -> tuple[list[ContractTerm], list[GoalRow]]:
        saved = self._alliance.contract(client_id)
        goals = self._alliance.goals(client_id)
        return rows.contract_rows(client_id, saved, goals), [rows.goal_row(g) for g in goals]

    def _alliance_rows(
        self, client_id: int, sessions: dict[int, Session]
    ) -> tuple[list[AllianceRatingRow], list[AllianceEvent]]:
        ratings = []
        for rating in self._alliance.ratings(client_id):
            session = sessions.get(rating.session_id)
            if session is None or rating.empty:
                continue
            ratings.append(rows.rating_row(rating, session.starts_at.date(), session.number))
        events = []
        for rupture in self._alliance.ruptures(client_id):
            session = sessions.get(rupture.session_id)
            if session is not None:
                events.append(rows.rupture_row(rupture, session.starts_at.date(), session.number))
            repaired_in = sessions.get(alliance.repair_session_id(rupture) or -1)
            if repaired_in is not None:
                on = repaired_in.starts_at.date()
                events.append(rows.repair_row(rupture, on, repaired_in.number))
        return ratings, sorted(events, key=lambda event: event.on)

    def _observation_rows(
        self, client_id: int, sessions: dict[int, Session]
    ) -> list[ObservationRow]:
        labels = {category.id: category.label for category in self._categories.list()}
        return [
            rows.observation_row(
                item, labels.get(item.category_id, ""), sessions[item.session_id].starts_at.date()
            )
            for item in self._observations.for_client(client_id)
            if item.session_id in sessions
        ]

    def _conduct_rows(
        self, client_id: int, sessions: dict[int, Session]
    ) -> tuple[list[ConductLine], list[str]]:
        checks = [
            check for check in self._conduct.for_client(client_id) if check.session_id in sessions
        ]
        return rows.conduct_rows(checks, self._conduct.prompt_set())

    def record_inputs(self, client_id: int, period: Period, process_notes: bool) -> RecordInputs:
        records, _before = self.session_records(client_id, period, process_notes, include_void=True)
        return RecordInputs(self._clients.get(client_id), period, records)

    def vault_seal(self) -> VaultSeal | None:
        """The head of signed history now, printed in every report (notes/reports/seal.py)."""
        return self._vault.vault_seal()

    # -- past exports ----------------------------------------------------------------------

    def last_supervision_report(self, client_id: int, before: date | None = None) -> date | None:
        """The day of the last supervision report for the client; with `before`, the last one
        made before that day (a second report on the same day repeats the first one's period
        instead of starting on the day itself)."""
        sql = "SELECT max(at) FROM audit_log WHERE action IN (?, ?) AND record = ?"
        parameters: tuple = (*_SUPERVISION_EXPORTS, _client_record(client_id))
        if before is not None:  # ISO timestamps: any time that day sorts after the bare day
            sql += " AND at < ?"
            parameters += (before.isoformat(),)
        row = self._vault.read_one(sql, parameters)
        return datetime.fromisoformat(row[0]).date() if row and row[0] else None

    def open_questions(self, client_id: int) -> list[str]:
        """The client's questions for supervision not yet discussed: where a report starts."""
        repository = SupervisionRepository(self._vault)
        found = open_questions(repository.questions(), repository.sessions(), client_id)
        return [question.text for question in found]

    def audit_supervision_export(self, client_id: int, identified: bool) -> None:
        action = (
            AuditAction.IDENTIFIED_SUPERVISION_REPORT_EXPORTED
            if identified
            else AuditAction.SUPERVISION_REPORT_EXPORTED
        )
        self._vault.audit(action, _client_record(client_id))

    def audit_record_export(self, client_id: int, process_notes: bool) -> None:
        action = (
            AuditAction.RECORD_WITH_PROCESS_NOTES_EXPORTED
            if process_notes
            else AuditAction.RECORD_EXPORTED
        )
        self._vault.audit(action, _client_record(client_id))
