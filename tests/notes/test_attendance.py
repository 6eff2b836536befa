"""The one tally of kept and missed appointments."""

from __future__ import annotations

from datetime import datetime, timedelta

from notes.attendance import attendance_counts, kept, short_summary, summary
from notes.records import Attendance, Session

KINDS = (
    Attendance.ATTENDED,
    Attendance.LATE,
    Attendance.NO_SHOW,
    Attendance.ATTENDED,
    Attendance.CANCELLED_WITH_NOTICE,
)
SESSIONS = [
    Session(1, datetime(2026, 9, 7, 9) + timedelta(weeks=week), attendance=kind)
    for week, kind in enumerate(KINDS)
]


def test_counts_every_kind_and_late_counts_as_kept():
    counts = attendance_counts(KINDS)
    assert counts[Attendance.ATTENDED] == 2 and counts[Attendance.LATE_CANCELLATION] == 0
    assert kept(counts) == 3


def test_summaries_say_the_same_in_two_lengths():
    assert short_summary(SESSIONS) == "5 sessions · 3 kept · 2 missed or cancelled"
    assert summary(SESSIONS) == (
        "5 sessions: 3 kept (1 late), 2 missed — 1 cancelled with notice, 1 no-show."
    )
    assert summary([]) == "0 sessions: 0 kept, 0 missed."
