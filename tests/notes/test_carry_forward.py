"""Carry forward: which earlier plan starts a session's plan, and that typed text stays."""

from __future__ import annotations

from datetime import datetime, timedelta

from notes.carry_forward import carried, earlier_plan
from notes.records import Session

START = datetime(2026, 10, 5, 9, 0)


def _sessions() -> list[Session]:
    return [Session(1, START + timedelta(weeks=w), id=w + 1) for w in range(4)]


def test_the_latest_earlier_plan_with_text_is_carried():
    sessions = _sessions()
    plans = {1: "First plan", 2: "Second plan", 3: "  ", 4: "Later plan"}
    assert earlier_plan(sessions, sessions[3], plans.__getitem__) == "Second plan"
    assert earlier_plan(sessions, sessions[0], plans.__getitem__) is None


def test_typed_text_stays_after_the_carried_plan():
    assert carried("Old", "") == "Old"
    assert carried("Old", "New") == "Old\n\nNew"
