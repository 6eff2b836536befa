"""The audit line for failed unlocks: a count and the time of the first, in the log's own words."""

from __future__ import annotations

from datetime import datetime

from notes.unlocks import FailedUnlocks


def test_the_count_grows_and_keeps_the_time_of_the_first_failure():
    first = FailedUnlocks.first(datetime(2026, 5, 4, 9, 12, 30, 123456))
    assert first == FailedUnlocks(1, datetime(2026, 5, 4, 9, 12, 30))
    assert first.another().another() == FailedUnlocks(3, datetime(2026, 5, 4, 9, 12, 30))


def test_the_audit_record_says_how_many_and_since_when():
    since = datetime(2026, 5, 4, 9, 12, 30)
    assert FailedUnlocks(3, since).audit_record() == "3 failed unlocks since 2026-05-04 09:12:30"
    assert FailedUnlocks(1, since).audit_record() == "1 failed unlock since 2026-05-04 09:12:30"
