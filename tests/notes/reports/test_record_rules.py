"""The record release's rules: the whole record by default, drafts left out unless asked for,
and an attestation with a signature line at the very end."""

from __future__ import annotations

from datetime import date, datetime

from notes.records import Client, ProgressNote, Session
from notes.reports.inputs import Period, SessionRecord
from notes.reports.record_report import (
    SIGNATURE_LINE,
    RecordInputs,
    record_period,
    record_report,
    without_drafts,
)

TODAY = date(2026, 12, 2)


def test_the_period_is_the_whole_record():
    assert record_period(TODAY, date(2025, 1, 6), date(2025, 1, 2)) == Period(
        date(2025, 1, 6), TODAY
    )
    assert record_period(TODAY, None, date(2026, 11, 1)) == Period(date(2026, 11, 1), TODAY)
    assert record_period(TODAY, None, date(2027, 1, 1)) == Period(TODAY, TODAY)  # never reversed


def records() -> list[SessionRecord]:
    signed = ProgressNote(
        1, "soap", {"subjective": "Signed words."}, signed_at=datetime(2026, 3, 2)
    )
    draft = ProgressNote(2, "soap", {"subjective": "Draft words."})
    return [
        SessionRecord(Session(1, datetime(2026, 3, 2, 9), id=1, number=1), signed),
        SessionRecord(Session(1, datetime(2026, 3, 9, 9), id=2, number=2), draft),
    ]


def text_of(report) -> list[str]:
    return [getattr(block, "label", "") + getattr(block, "text", "") for block in report.blocks]


def test_drafts_are_left_out_unless_asked_for_and_the_record_ends_with_a_signature_line():
    assert [r.progress is not None for r in without_drafts(records())] == [True, False]
    inputs = RecordInputs(
        Client("ML-01", "Maya Lindqvist", date(2026, 3, 2)),
        Period(date(2026, 3, 2), TODAY),
        records(),
        therapist="Dr Lena Berg",
    )
    lines = text_of(record_report(inputs, prepared_on=TODAY))
    joined = "\n".join(lines)
    assert "Signed words." in joined and "Draft words." not in joined
    assert "Unsigned draft notes are not part of this record." in joined
    assert lines[-3] == "Therapist: Dr Lena Berg"
    assert lines[-2].startswith("Date: ") and "2026" in lines[-2]
    assert lines[-1] == f"Signature: {SIGNATURE_LINE}"
    with_drafts = "\n".join(text_of(record_report(inputs, prepared_on=TODAY, include_drafts=True)))
    assert "Draft words." in with_drafts
