"""Gathering a report from a real vault: the period, the notes, and the memory of exports."""

from __future__ import annotations

from datetime import date, datetime

from notes.records import Attendance, ProcessNote, ProgressNote
from notes.report_inputs import Period
from storage.note_store import NoteRepository
from storage.report_data import (
    IDENTIFIED_SUPERVISION_EXPORTED,
    RECORD_WITH_PROCESS_NOTES_EXPORTED,
    SUPERVISION_EXPORTED,
    ReportData,
)

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
    data.record_supervision_export(maya.id, identified=False)
    data.record_supervision_export(maya.id, identified=True)
    data.record_record_export(other.id, process_notes=True)
    assert data.last_supervision_report(maya.id) == date.today()
    assert data.last_supervision_report(other.id) is None  # a record export is not supervision
    rows = vault.read("SELECT action, record FROM audit_log WHERE action LIKE '%exported'")
    assert rows == [
        (SUPERVISION_EXPORTED, f"client {maya.id}"),
        (IDENTIFIED_SUPERVISION_EXPORTED, f"client {maya.id}"),
        (RECORD_WITH_PROCESS_NOTES_EXPORTED, f"client {other.id}"),
    ]
