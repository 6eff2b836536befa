"""Rules on the records themselves: a first session, the newest one, a new one's defaults."""

from __future__ import annotations

from datetime import date, datetime

from notes.records import Attendance, Session, newest, next_session


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


def test_a_new_session_keeps_the_last_one_s_slot_on_the_day_given():
    last = Session(4, datetime(2026, 3, 2, 17, 30, 45), 80, Attendance.NO_SHOW, id=9, number=3)
    proposed = next_session(4, last, date(2026, 3, 9))
    assert proposed.starts_at == datetime(2026, 3, 9, 17, 30)  # whole minutes
    assert proposed.duration_minutes == 80
    assert proposed.attendance is Attendance.ATTENDED  # not the last one's no-show
    assert (proposed.client_id, proposed.id) == (4, None)


def test_a_first_session_is_proposed_at_nine_for_fifty_minutes():
    proposed = next_session(4, None, date(2026, 3, 9))
    assert proposed.starts_at == datetime(2026, 3, 9, 9, 0)
    assert proposed.duration_minutes == 50
