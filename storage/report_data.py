"""What a report needs from the vault, for one client and period, as plain inputs.

The records beside the notes (contract and goals, alliance checks, ruptures, observations,
conduct checks, boundary events) are read through their own repositories and turned into the
report's rows (notes/reports/inputs.py). The contract and goals are shown as they stand today;
everything else only from sessions in the period.

Also the memory of past exports: each export is a line in the audit log (never any note text),
and the last supervision report for a client sets where the next one's period starts.
"""

from __future__ import annotations

from datetime import date, datetime

from notes import alliance, conduct
from notes.records import Session
from notes.reports.inputs import (
    AllianceEvent,
    AllianceRating,
    BoundaryEvent,
    ConductLine,
    ContractTerm,
    Goal,
    Observation,
    Period,
    SessionRecord,
    SupervisionInputs,
)
from notes.reports.record_report import RecordInputs
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
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
            BoundaryEvent(
                event.occurred_on,
                event.dimension_label,
                event.kind.label,
                event.what_happened,
                "Discussed in supervision" if event.discussed_in_supervision else "",
            )
            for event in self._alliance.boundary_events(client_id)
            if event.occurred_on in period
        ]
        return inputs

    def _contract_and_goals(self, client_id: int) -> tuple[list[ContractTerm], list[Goal]]:
        saved = self._alliance.contract(client_id)
        goals = self._alliance.goals(client_id)
        # Once anything is recorded, every term shows: one never explained is worth discussing.
        contract = [
            ContractTerm(item.label, item.explained_on, item.agreed, item.notes)
            for item in (alliance.full_contract(client_id, saved) if saved or goals else [])
        ]
        return contract, [
            Goal(
                goal.text,
                goal.status.label + (f": {goal.review_note}" if goal.review_note.strip() else ""),
                goal.agreed_on,
            )
            for goal in goals
        ]

    def _alliance_rows(
        self, client_id: int, sessions: dict[int, Session]
    ) -> tuple[list[AllianceRating], list[AllianceEvent]]:
        ratings = []
        for rating in self._alliance.ratings(client_id):
            session = sessions.get(rating.session_id)
            if session is None or rating.empty:
                continue
            therapist = rating.mean(alliance.Rater.THERAPIST)
            client = rating.mean(alliance.Rater.CLIENT)
            ratings.append(
                AllianceRating(
                    session.starts_at.date(),
                    session.number,
                    None if therapist is None else round(float(therapist), 1),
                    None if client is None else round(float(client), 1),
                    alliance.describe_difference(rating.mean_difference()),
                )
            )
        events = []
        for rupture in self._alliance.ruptures(client_id):
            session = sessions.get(rupture.session_id)
            if session is not None:
                events.append(
                    AllianceEvent(
                        session.starts_at.date(),
                        f"Rupture ({rupture.kind.label.lower()})",
                        ", ".join(rupture.marker_labels()),
                        rupture.what_happened,
                        session.number,
                    )
                )
            repaired_in = sessions.get(alliance.repair_session_id(rupture) or -1)
            if repaired_in is not None:
                on = repaired_in.starts_at.date()
                events.append(
                    AllianceEvent(
                        on,
                        rupture.repair.label,
                        "",
                        rupture.how_repaired,
                        repaired_in.number,
                        is_repair=True,
                    )
                )
        return ratings, sorted(events, key=lambda event: event.on)

    def _observation_rows(self, client_id: int, sessions: dict[int, Session]) -> list[Observation]:
        labels = {category.id: category.label for category in self._categories.list()}
        rows = []
        for item in self._observations.for_client(client_id):
            session = sessions.get(item.session_id)
            if session is None:
                continue
            notes = (
                ("What happened", item.what_happened),
                ("What I felt", item.what_i_felt),
                ("How I responded", item.how_i_responded),
            )
            rows.append(
                Observation(
                    kind=item.kind.label,
                    category=labels.get(item.category_id, ""),
                    on=session.starts_at.date(),
                    quoted=item.quote,
                    notes=tuple((label, text) for label, text in notes if text.strip()),
                    intensity=item.intensity,
                    flagged=item.supervision,
                    figure=item.figure,
                )
            )
        return rows

    def _conduct_rows(
        self, client_id: int, sessions: dict[int, Session]
    ) -> tuple[list[ConductLine], list[str]]:
        checks = [
            check
            for check in self._conduct.for_client(client_id)
            if check.session_id in sessions and check.state is conduct.CheckState.DONE
        ]
        prompts = self._conduct.prompt_set()
        lines: dict[str, list] = {}  # prompt key: [group, wording, answered, yes]
        for check in checks:
            for answer in check.answers:
                if answer.answer is conduct.Answer.NOT_APPLICABLE:
                    continue
                line = lines.setdefault(answer.prompt_key, [answer.group, "", 0, 0])
                line[1] = answer.prompt_text  # the newest wording asked
                line[2] += 1
                line[3] += answer.answer is conduct.Answer.YES
        order = {group.key: index for index, group in enumerate(prompts.groups)}
        table = [
            ConductLine(prompts.group(group).label, text, answered, yes)
            for group, text, answered, yes in sorted(
                lines.values(), key=lambda line: order.get(line[0], len(order))
            )
        ]
        patterns = [
            f"{pattern.group.label}: {pattern.text} — {pattern.summary}."
            for pattern in conduct.conduct_patterns(checks, prompts)
        ]
        return table, patterns

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
