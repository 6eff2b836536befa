"""The rules that belong to the records themselves: a first session, the newest session."""

from __future__ import annotations

from datetime import datetime

from notes.records import Attendance, Session, newest


def test_a_first_session_is_number_one_whatever_its_attendance():
    assert Session(1, datetime(2026, 3, 2, 10), number=1).first
    assert Session(1, datetime(2026, 3, 2, 10), Attendance.NO_SHOW, number=1).first
    assert not Session(1, datetime(2026, 3, 9, 10), number=2).first
    assert not Session(1, datetime(2026, 3, 9, 10)).first  # not yet numbered by the vault


def test_the_newest_session_starts_last_and_ties_go_to_the_first_given():
    early = Session(1, datetime(2026, 3, 2, 10), id=1)
    late = Session(1, datetime(2026, 3, 9, 10), id=2)
    same_time = Session(1, datetime(2026, 3, 9, 10), id=3)
    assert newest([late, early]) is late
    assert newest([early, late, same_time]) is late
    assert newest([]) is None
