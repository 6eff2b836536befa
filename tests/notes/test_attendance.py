"""The one tally of kept and missed appointments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notes.attendance import attendance_by_month, attendance_counts, kept, short_summary, summary
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


def test_by_month_counts_each_month_touched_and_leaves_out_the_rest():
    # Weekly from Monday 7 September 2026: four sessions in September, one on 5 October.
    by_month = attendance_by_month(SESSIONS, date(2026, 8, 20), date(2026, 10, 1))
    assert list(by_month) == [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
    assert by_month[date(2026, 8, 1)] == dict.fromkeys(Attendance, 0)
    september = by_month[date(2026, 9, 1)]
    assert (september[Attendance.ATTENDED], september[Attendance.LATE]) == (2, 1)
    assert september[Attendance.NO_SHOW] == 1 and sum(september.values()) == 4
    assert by_month[date(2026, 10, 1)][Attendance.CANCELLED_WITH_NOTICE] == 1
    only_september = attendance_by_month(SESSIONS, date(2026, 9, 1), date(2026, 9, 30))
    assert list(only_september) == [date(2026, 9, 1)]
    assert sum(only_september[date(2026, 9, 1)].values()) == 4


def test_in_therapy_since_is_the_first_session_the_client_came_to():
    from notes.attendance import in_therapy_since
    from notes.records import Attendance, Client, Session

    client = Client("IT-01", "Ida Tamm", date(2026, 12, 2))  # the form's default: today
    sessions = [
        Session(1, datetime(2026, 3, 2, 9), attendance=Attendance.NO_SHOW),
        Session(1, datetime(2026, 3, 9, 9), attendance=Attendance.LATE),
        Session(1, datetime(2026, 3, 16, 9)),
    ]
    assert in_therapy_since(client, sessions) == date(2026, 3, 9)
    assert in_therapy_since(client, sessions[:1]) == date(2026, 12, 2)  # not come yet
