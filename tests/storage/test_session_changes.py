"""Correcting sessions in a real vault: edited, deleted with what is recorded on them, or voided
(kept, unnumbered, out of every client list), each with its audit line."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from notes.alliance import (
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    Rater,
    Repair,
    Rupture,
    RuptureKind,
    boundary_summary,
)
from notes.audit_records import RecordNames
from notes.conduct import Answer, ConductAnswer
from notes.measures.scoring import AnsweredBy, MeasureResponse
from notes.observations import Observation
from notes.records import Attendance, ProcessNote, ProgressNote
from storage.alliance import AllianceRepository
from storage.audit import AuditAction, AuditLog
from storage.conduct import ConductRepository
from storage.errors import NoteIsSigned, SessionIsVoid
from storage.measures import MeasureRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.search import SearchIndex
from storage.sessions import SessionRepository

MONDAY = datetime(2026, 10, 5, 9)


@pytest.fixture
def sessions(vault) -> SessionRepository:
    return SessionRepository(vault)


def week(n: int) -> datetime:
    return MONDAY.replace(day=5 + 7 * n)


def lines(vault, action: AuditAction) -> list[str]:
    return [entry.record for entry in AuditLog(vault).read(action=action.value)]


def sign(vault, session_id: int) -> None:
    NoteRepository(vault).sign(ProgressNote(session_id, "free", {"text": "Came in tired."}))


def record_everything(vault, session_id: int, client_id: int) -> None:
    """A draft, a process note, an observation, an alliance check, a rupture, a conduct check,
    a measure and a boundary event, all on the one session."""
    notes = NoteRepository(vault)
    notes.save_progress_note(ProgressNote(session_id, "free", {"text": "Spoke of moving."}))
    notes.save_process_note(ProcessNote(session_id, "I felt rushed."))
    category = CategoryRepository(vault).list()[0]
    ObservationRepository(vault).save(
        Observation(session_id=session_id, kind=category.kind, category_id=category.id)
    )
    alliance = AllianceRepository(vault)
    rating = AllianceRating(session_id)
    rating.scores(Rater.THERAPIST)["bond"] = 6
    alliance.save_rating(rating)
    alliance.save_rupture(Rupture(session_id, RuptureKind.WITHDRAWAL, repair=Repair.NOT_YET))
    ConductRepository(vault).save_answers(
        session_id, [ConductAnswer("trust.noticed", "trust", "…", Answer.YES)]
    )
    MeasureRepository(vault).save(
        MeasureResponse(session_id, "phq9", {"interest": 1}, answered_by=AnsweredBy.THERAPIST)
    )
    alliance.save_boundary_event(
        BoundaryEvent(
            client_id,
            date(2026, 10, 5),
            "time",
            BoundaryKind.CROSSING,
            "Ran over.",
            session_id=session_id,
        )
    )


def test_an_edited_session_keeps_its_note_and_says_so_in_the_log(
    vault, sessions, add_client, add_session
):
    client = add_client()
    session = add_session(client.id, week(0))
    sign(vault, session.id)
    session.starts_at = week(0).replace(hour=15, minute=30)
    session.duration_minutes = 45
    session.attendance = Attendance.LATE

    edited = sessions.save(session)

    assert (edited.starts_at.hour, edited.duration_minutes) == (15, 45)
    assert edited.attendance is Attendance.LATE
    assert edited.note_signed
    assert lines(vault, AuditAction.SESSION_EDITED) == [f"session {session.id}"]


def test_a_session_without_a_signed_note_is_deleted_with_what_is_on_it(
    vault, sessions, add_client, add_session
):
    client = add_client("Ines Roa", "IR-01")
    first = add_session(client.id, week(0))
    doomed = add_session(client.id, week(1))
    record_everything(vault, doomed.id, client.id)
    contents = sessions.contents(doomed.id)
    assert contents.lost == [
        "the draft progress note",
        "the process note",
        "1 observation",
        "the alliance check",
        "the conduct check",
        "1 rupture",
        "1 measure",
    ]
    assert contents.boundary_events == 1

    sessions.delete(doomed.id)

    assert [s.id for s in sessions.for_client(client.id)] == [first.id]
    count = vault.read_one
    for table in (
        "observations",
        "process_notes",
        "progress_notes",
        "alliance_scores",
        "ruptures",
        "conduct_checks",
        "conduct_answers",
        "measure_responses",
    ):
        assert count(f"SELECT count(*) FROM {table} WHERE session_id = ?", (doomed.id,)) == (0,)
    # The boundary event stays with the client, no longer tied to the session.
    events = AllianceRepository(vault).boundary_events(client.id)
    assert [(e.what_happened, e.session_id) for e in events] == [("Ran over.", None)]
    [line] = lines(vault, AuditAction.SESSION_DELETED)
    assert line == f"session {doomed.id} (client {client.id}, number 2)"
    assert RecordNames({client.id: "IR-01"}).describe(line) == "IR-01 · session 2"


def test_a_failed_delete_leaves_everything(vault, sessions, add_client, add_session):
    client = add_client()
    signed = add_session(client.id, week(0))
    NoteRepository(vault).save_process_note(ProcessNote(signed.id, "Kept."))
    sign(vault, signed.id)

    with pytest.raises(NoteIsSigned):
        sessions.delete(signed.id)

    assert sessions.get(signed.id).note_signed
    assert NoteRepository(vault).process_note(signed.id).text == "Kept."
    assert lines(vault, AuditAction.SESSION_DELETED) == []


def test_a_void_session_stays_unnumbered_and_leaves_the_client_lists(
    vault, sessions, add_client, add_session
):
    client = add_client("Ines Roa", "IR-01")
    first = add_session(client.id, week(0))
    wrong = add_session(client.id, week(1))
    third = add_session(client.id, week(2))
    record_everything(vault, wrong.id, client.id)
    sign(vault, first.id)
    NoteRepository(vault).sign(NoteRepository(vault).progress_note(wrong.id))

    voided = sessions.void(wrong.id, "  Entered under the wrong client ")

    assert voided.void and voided.void_reason == "Entered under the wrong client"
    assert voided.number == 0 and voided.note_signed
    assert [s.id for s in sessions.for_client(client.id)] == [first.id, third.id]
    assert [s.number for s in sessions.for_client(client.id)] == [1, 2]
    every = sessions.for_client(client.id, include_void=True)
    assert [(s.id, s.void) for s in every] == [
        (first.id, False),
        (wrong.id, True),
        (third.id, False),
    ]
    # Its note stays readable; nothing on it reaches a client's lists.
    assert NoteRepository(vault).progress_note(wrong.id).sections == {"text": "Spoke of moving."}
    alliance = AllianceRepository(vault)
    assert alliance.ratings(client.id) == [] and alliance.ruptures(client.id) == []
    assert ObservationRepository(vault).for_client(client.id) == []
    assert ObservationRepository(vault).for_session(wrong.id) != []
    assert ConductRepository(vault).for_client(client.id) == []
    assert ConductRepository(vault).since(MONDAY) == []
    assert MeasureRepository(vault).for_client(client.id) == []
    [line] = lines(vault, AuditAction.SESSION_VOIDED)
    assert line == f"session {wrong.id} (client {client.id}, number 2)"
    assert "wrong client" not in line  # the reason is the record's, not the log's


def test_a_void_stands(vault, sessions, add_client, add_session):
    client = add_client()
    session = add_session(client.id, week(0))
    sign(vault, session.id)
    voided = sessions.void(session.id, "Entered twice")

    voided.attendance = Attendance.NO_SHOW
    with pytest.raises(SessionIsVoid):
        sessions.save(voided)
    with pytest.raises(SessionIsVoid):
        sessions.void(session.id, "Again")
    with pytest.raises(SessionIsVoid), vault.transaction() as db:
        db.execute("DELETE FROM session_voids")
    assert sessions.get(session.id).attendance is Attendance.ATTENDED
    # Its notes take nothing more either: not the process note, not an addendum.
    notes = NoteRepository(vault)
    with pytest.raises(SessionIsVoid):
        notes.save_process_note(ProcessNote(session.id, "Later thoughts."))
    with pytest.raises(SessionIsVoid):
        notes.add_addendum(session.id, "Later.")
    assert notes.process_note(session.id).text == ""
    assert notes.progress_note(session.id).addenda == []


def test_only_a_signed_session_is_voided_and_a_reason_is_required(
    vault, sessions, add_client, add_session
):
    client = add_client()
    draft = add_session(client.id, week(0))
    with pytest.raises(Exception, match="signed note"):
        sessions.void(draft.id, "Entered twice")
    sign(vault, draft.id)
    with pytest.raises(Exception, match="CHECK"):
        sessions.void(draft.id, "   ")
    assert not sessions.get(draft.id).void
    assert lines(vault, AuditAction.SESSION_VOIDED) == []


def test_reports_leave_a_void_session_out_of_counts_and_the_record_keeps_it_marked(
    vault, sessions, add_client, add_session
):
    from notes.reports.builder import session_blocks
    from notes.reports.inputs import Period
    from storage.report_data import ReportData

    client = add_client("Ines Roa", "IR-01")
    earlier = add_session(client.id, datetime(2026, 9, 28, 9))
    wrong_before = add_session(client.id, datetime(2026, 9, 29, 9))
    kept = add_session(client.id, week(0))
    wrong = add_session(client.id, week(1))
    for each in (earlier, wrong_before, kept, wrong):
        sign(vault, each.id)
    sessions.void(wrong_before.id, "Entered twice")
    sessions.void(wrong.id, "Entered under the wrong client")
    period = Period(date(2026, 10, 1), date(2026, 10, 31))

    data = ReportData(vault)
    supervision = data.supervision_inputs(client.id, period)
    assert [(r.session.id, r.session.number) for r in supervision.sessions] == [(kept.id, 2)]
    assert supervision.sessions_before == 1

    record = data.record_inputs(client.id, period, process_notes=False)
    assert [r.session.id for r in record.sessions] == [kept.id, wrong.id]
    heading, facts = session_blocks(record.sessions[1], progress=True, process=False)[:2]
    assert heading.text.startswith("Void session · ")
    assert facts.text.startswith("Void: Entered under the wrong client · Attended")


def test_nothing_on_a_void_session_is_found_or_counted_and_its_events_follow_it(
    vault, sessions, add_client, add_session
):
    client = add_client("Ines Roa", "IR-01")
    kept, wrong = add_session(client.id, week(0)), add_session(client.id, week(1))
    notes, alliance = NoteRepository(vault), AllianceRepository(vault)
    for session in (kept, wrong):
        notes.sign(ProgressNote(session.id, "free", {"text": f"Moving house {session.id}."}))
        notes.save_process_note(ProcessNote(session.id, f"I felt rushed {session.id}."))
        notes.add_addendum(session.id, f"Called the landlord {session.id}.")
        alliance.save_rupture(
            Rupture(session.id, RuptureKind.WITHDRAWAL, what_happened=f"Went quiet {session.id}.")
        )
        alliance.save_boundary_event(
            BoundaryEvent(
                client.id,
                session.starts_at.date(),
                "gifts",
                what_happened=f"A gift card {session.id}.",
                session_id=session.id,
            )
        )
    alliance.save_boundary_event(
        BoundaryEvent(client.id, date(2026, 10, 1), "time", what_happened="A gift at the door.")
    )
    index = SearchIndex(vault)
    assert len(index.search("gift")) == 3

    sessions.void(wrong.id, "Entered twice")

    for words in ("moving", "rushed", "landlord", "quiet", "gift"):
        for order in ("newest", "best"):
            found = index.search(words, order=order)
            assert found, words
            assert all(str(wrong.id) not in hit.snippet for hit in found), (words, order)
    assert len(index.search("gift")) == 2  # the one outside any session still counts
    assert [e.session_id for e in alliance.boundary_events(client.id)] == [None, kept.id]
    every = alliance.boundary_events(client.id, include_void=True)
    assert [(e.session_id, e.session_void) for e in every] == [
        (None, False),
        (kept.id, False),
        (wrong.id, True),
    ]
    assert boundary_summary(every) == (
        "2 recorded; 2 not yet taken to supervision; 1 more on a void session, not counted."
    )
