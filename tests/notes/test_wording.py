"""Counts read as people write them: one session, two sessions."""

from __future__ import annotations

from datetime import datetime

from notes.attendance import short_summary, summary
from notes.records import Session
from notes.wording import counted


def test_a_count_takes_the_singular_only_for_one():
    assert counted(1, "session") == "1 session"
    assert [counted(n, "check") for n in (0, 2)] == ["0 checks", "2 checks"]
    assert counted(1200, "minute") == "1,200 minutes"
    assert counted(2, "repair", "repairs made") == "2 repairs made"


def test_one_session_is_a_session_in_the_session_list_heading_and_the_report():
    one = [Session(1, datetime(2026, 10, 5, 9), number=1)]
    assert short_summary(one).startswith("1 session · 1 kept")
    assert summary(one).startswith("1 session: 1 kept")
