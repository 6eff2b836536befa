"""Gathering a report from a real vault: the period, the notes, and the memory of exports."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notes.alliance import (
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    ContractItem,
    Goal,
    GoalStatus,
    Repair,
    Rupture,
    RuptureKind,
)
from notes.conduct import Answer, ConductAnswer
from notes.observations import Observation, ObservationKind
from notes.records import Attendance, ProcessNote, ProgressNote
from notes.reports.inputs import Period
from storage.alliance import AllianceRepository
from storage.audit import AuditAction
from storage.conduct import ConductRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.report_data import ReportData

PERIOD = Period(date(2026, 3, 1), date(2026, 3, 31))


def test_sessions_in_the_period_with_their_notes(vault, add_client, add_session):
    maya = add_client("Maya Lindqvist", code="ML-01")
    other = add_client("Sam Novak", code="SN-01")
    before = add_session(maya.id, datetime(2026, 2, 23, 9))
    first = add_session(maya.id, datetime(2026, 3, 2, 9))
    last = add_session(maya.id, datetime(2026, 3, 31, 18), Attendance.NO_SHOW)
    add_session(maya.id, datetime(2026, 4, 1, 9))
    add_session(other.id, datetime(2026, 3, 3, 9))
    notes = NoteRepository(vault)
    notes.sign(ProgressNote(first.id, "soap", {"subjective": "Talked about Jonas."}))
    notes.add_addendum(first.id, "Phoned after.")
    notes.save_process_note(ProcessNote(first.id, "I felt protective."))
    notes.save_progress_note(ProgressNote(before.id, "soap", {"subjective": "Earlier."}))

    data = ReportData(vault)
    inputs = data.supervision_inputs(maya.id, PERIOD)
    assert inputs.client.full_name == "Maya Lindqvist"
    assert [r.session.id for r in inputs.sessions] == [first.id, last.id]
    assert [r.session.number for r in inputs.sessions] == [2, 3]
    assert inputs.sessions_before == 1
    assert inputs.sessions[0].progress.signed
    assert [a.text for a in inputs.sessions[0].progress.addenda] == ["Phoned after."]
    assert inputs.sessions[0].process.text == "I felt protective."

    withheld = data.record_inputs(maya.id, PERIOD, process_notes=False)
    assert [r.process for r in withheld.sessions] == [None, None]
    assert data.client_id_for_code(" ml-01 ") == maya.id
    assert data.client_id_for_code("XX-99") is None


def test_exports_are_remembered_in_the_audit_log_without_text(vault, add_client):
    maya = add_client("Maya Lindqvist", code="ML-01")
    other = add_client("Sam Novak", code="SN-01")
    data = ReportData(vault)
    assert data.last_supervision_report(maya.id) is None
    data.audit_supervision_export(maya.id, identified=False)
    data.audit_supervision_export(maya.id, identified=True)
    data.audit_record_export(other.id, process_notes=True)
    assert data.last_supervision_report(maya.id) == date.today()
    # A second report the same day is not asked to start today: it repeats the first's period.
    assert data.last_supervision_report(maya.id, before=date.today()) is None
    assert data.last_supervision_report(maya.id, before=date.today() + timedelta(days=1)) == (
        date.today()
    )
    assert data.last_supervision_report(other.id) is None  # a record export is not supervision
    rows = vault.read("SELECT action, record FROM audit_log WHERE action LIKE '%exported'")
    assert rows == [
        (AuditAction.SUPERVISION_REPORT_EXPORTED, f"client {maya.id}"),
        (AuditAction.IDENTIFIED_SUPERVISION_REPORT_EXPORTED, f"client {maya.id}"),
        (AuditAction.RECORD_WITH_PROCESS_NOTES_EXPORTED, f"client {other.id}"),
    ]


def test_the_records_beside_the_notes_become_report_rows(vault, add_client, add_session):
    """Contract, goals, alliance, observations, conduct and boundaries, from the period only."""
    client = add_client("Maya Lindqvist", code="ML-01")
    outside = add_session(client.id, datetime(2026, 2, 2, 9))
    first = add_session(client.id, datetime(2026, 3, 2, 9))
    second = add_session(client.id, datetime(2026, 3, 9, 9))
    store = AllianceRepository(vault)
    store.save_contract_item(ContractItem(client.id, "fees", date(2026, 1, 5), True))
    store.save_goal(Goal(client.id, "Sleep better", date(2026, 1, 5), None, GoalStatus.PARTLY))
    store.save_rating(AllianceRating(first.id, {"comfortable": 6, "free": 8}, {"comfortable": 9}))
    store.save_rating(AllianceRating(outside.id, {"comfortable": 1}, {}))
    store.save_rupture(
        Rupture(
            first.id,
            RuptureKind.WITHDRAWAL,
            ["shifting_topic"],
            "Changed the subject",
            Repair.REPAIRED,
            second.id,
            "Talked it through",
        )
    )
    store.save_boundary_event(
        BoundaryEvent(client.id, date(2026, 3, 9), "gifts", BoundaryKind.CROSSING, "A card", True)
    )
    store.save_boundary_event(BoundaryEvent(client.id, date(2026, 2, 1), "time"))
    categories = {c.key: c for c in CategoryRepository(vault).list()}
    ObservationRepository(vault).save(
        Observation(
            second.id,
            ObservationKind.COUNTERTRANSFERENCE,
            categories["helpless_inadequate"].id,
            intensity=4,
            what_i_felt="Useless",
            supervision=True,
            quote="nothing helps",
        )
    )
    ObservationRepository(vault).save(
        Observation(outside.id, ObservationKind.TRANSFERENCE, categories["secure_engaged"].id)
    )
    conduct = ConductRepository(vault)
    prompt = conduct.prompt_set().prompts[0]
    for session in (first, second):
        conduct.save_answers(
            session.id, [ConductAnswer(prompt.key, prompt.group, prompt.text, Answer.NO)]
        )

    inputs = ReportData(vault).supervision_inputs(client.id, PERIOD)

    fees = next(term for term in inputs.contract if term.explained_on)
    assert (fees.explained_on, fees.agreed) == (date(2026, 1, 5), True)
    assert len(inputs.contract) > 1  # every term shows once the contract was started
    assert [(g.text, g.status) for g in inputs.goals] == [("Sleep better", "Partly reached")]
    [rating] = inputs.alliance
    assert (rating.on, rating.session_number, rating.client, rating.therapist) == (
        date(2026, 3, 2),
        2,
        7.0,
        9.0,
    )
    assert [(e.on, e.kind, e.description) for e in inputs.alliance_events] == [
        (date(2026, 3, 2), "Rupture (withdrawal)", "Changed the subject"),
        (date(2026, 3, 9), "Repaired", "Talked it through"),
    ]
    [observation] = inputs.observations
    assert observation.kind == "Countertransference" and observation.flagged
    assert observation.category == categories["helpless_inadequate"].label
    assert (
        observation.notes == (("What I felt", "Useless"),) and observation.quoted == "nothing helps"
    )
    [line] = inputs.conduct
    assert (line.prompt, line.checked, line.met) == (prompt.text, 2, 0)
    assert len(inputs.conduct_patterns) == 1 and prompt.text in inputs.conduct_patterns[0]
    [boundary] = inputs.boundary_events
    assert (boundary.kind, boundary.follow_up) == ("Crossing", "Discussed in supervision")
