"""The rules for correcting a session, the question before deleting one, and void sessions
left out of the attendance counts."""

from __future__ import annotations

from datetime import date, datetime

from notes.attendance import attendance_by_month, in_therapy_since, short_summary, summary
from notes.audit_records import RecordNames, session_record
from notes.records import Attendance, Client, Session
from notes.session_changes import (
    SessionContents,
    can_delete,
    can_edit,
    can_void,
    delete_question,
    void_label,
    void_reason_problem,
)

START = datetime(2026, 10, 5, 9)


def session(signed: bool = False, void: bool = False, **fields) -> Session:
    return Session(
        1,
        fields.pop("starts_at", START),
        note_signed=signed,
        voided_at=START if void else None,
        void_reason="Entered twice" if void else "",
        **fields,
    )


def test_what_may_be_done_to_a_session_follows_its_state():
    draft, signed, void = session(), session(signed=True), session(signed=True, void=True)
    assert [can_edit(s) for s in (None, draft, signed, void)] == [False, True, True, False]
    assert [can_delete(s) for s in (None, draft, signed, void)] == [False, True, False, False]
    assert [can_void(s) for s in (None, draft, signed, void)] == [False, False, True, False]


def test_a_reason_is_required_to_void():
    assert void_reason_problem("  \n ") is not None
    assert void_reason_problem("Entered under the wrong client") is None
    assert void_label(session(signed=True, void=True)) == "Void: Entered twice"


def test_the_delete_question_says_what_is_lost():
    full = SessionContents(
        progress_note=True, process_note=True, observations=2, measures=1, boundary_events=1
    )
    text = delete_question("Session 3 · Mon 05 Oct 2026, 09:00", full)
    assert text.startswith("Delete Session 3 · Mon 05 Oct 2026, 09:00? This also deletes")
    assert "the draft progress note, the process note, 2 observations and 1 measure." in text
    assert "1 boundary event recorded on it stays with the client." in text
    assert "cannot be undone" in text
    empty = delete_question("Session 4", SessionContents())
    assert "Nothing has been written on it yet." in empty


def test_void_sessions_leave_the_attendance_counts():
    kept = session(number=1)
    missed = session(number=2, attendance=Attendance.NO_SHOW)
    void = session(signed=True, void=True, starts_at=datetime(2026, 9, 1, 9))
    every = [void, kept, missed]
    assert short_summary(every) == "2 sessions · 1 kept · 1 missed or cancelled"
    assert summary(every).startswith("2 sessions: 1 kept, 1 missed")
    months = attendance_by_month(every, date(2026, 9, 1), date(2026, 10, 31))
    assert months[date(2026, 9, 1)][Attendance.ATTENDED] == 0
    assert months[date(2026, 10, 1)][Attendance.ATTENDED] == 1
    client = Client("IR-01", "Ines Roa", date(2026, 8, 1))
    assert in_therapy_since(client, every) == date(2026, 10, 5)  # not the void September one


def test_audit_lines_name_deleted_and_void_sessions_by_code_and_number():
    names = RecordNames({6: "IR-01"}, {108: ("IR-01", 0), 109: ("IR-01", 2)})
    assert names.describe(session_record(107, 6, 3)) == "IR-01 · session 3"
    assert names.describe(session_record(108, 6, 2)) == "IR-01 · session 2"
    assert names.describe("session 108") == "IR-01 · a void session"
    assert names.describe("session 109") == "IR-01 · session 2"
