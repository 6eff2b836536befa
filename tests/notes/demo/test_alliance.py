"""The demo caseload's alliance records show every kind of record and every rule at work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from notes.alliance import AllianceRating, Repair, Rupture, rupture_suggestion
from notes.conduct import (
    Answer,
    CheckState,
    ConductAnswer,
    ConductCheck,
    conduct_patterns,
    default_prompt_set,
)
from notes.demo.alliance import demo_alliance
from notes.demo.caseload import demo_clients

TODAY = date(2026, 11, 18)


def caseload(today: date = TODAY):
    return {
        demo.client.code: (demo, demo_alliance(demo.client.code, demo.sessions))
        for demo in demo_clients(today)
    }


def test_every_demo_client_has_alliance_records():
    for code, (demo, records) in caseload().items():
        assert records.ratings and records.goals and records.contract, code
        kept = {i for i, item in enumerate(demo.sessions) if item.session.attendance.kept}
        assert {rating.index for rating in records.ratings} <= kept
        assert all(0 <= s <= 10 for r in records.ratings for s in r.client.values())


# The demo ends in the week of whatever day it is made on: every weekday must tell the story.
WEEK = [TODAY + timedelta(days=offset) for offset in range(7)]


@pytest.mark.parametrize("today", WEEK)
def test_ruptures_repairs_and_a_drop_still_to_record(today):
    records = [records for _demo, records in caseload(today).values()]
    ruptures = [r for each in records for r in each.ruptures]
    assert any(r.repair is Repair.REPAIRED and r.repair_index > r.index for r in ruptures)
    assert any(r.repair is Repair.PARTLY for r in ruptures)
    suggested = []
    for each in records:
        ratings = [AllianceRating(r.index, r.client, r.therapist) for r in each.ratings]
        recorded = [Rupture(r.index, r.kind) for r in each.ruptures]
        suggested.append(rupture_suggestion(ratings, recorded))
    assert sum(drop is not None for drop in suggested) == 1  # one, for the page to show


def test_some_contract_terms_are_not_yet_explained_and_boundaries_vary():
    records = [records for _demo, records in caseload().values()]
    assert any(term.explained_index is None for each in records for term in each.contract)
    assert any(all(t.explained_index is not None for t in each.contract) for each in records)
    events = [event for each in records for event in each.boundaries]
    assert {event.discussed for event in events} == {True, False}
    assert len({event.dimension for event in events}) >= 4


@pytest.mark.parametrize("today", WEEK)
def test_conduct_checks_show_a_pattern_and_a_put_off_check(today):
    prompts = default_prompt_set()
    found = {}
    for code, (demo, records) in caseload(today).items():
        checks = [
            ConductCheck(
                check.index,
                CheckState.DUE if check.due else CheckState.DONE,
                [
                    ConductAnswer(key, prompts.prompt(key).group, "", answer, comment)
                    for key, answer, comment in check.answers
                ],
                demo.sessions[check.index].session.starts_at,
            )
            for check in records.checks
        ]
        found[code] = [p.prompt_key for p in conduct_patterns(checks, prompts)]
        assert all(demo.sessions[c.index].signed for c in records.checks)
        gaps = [a for check in records.checks for a in check.answers if a[1] is Answer.NO]
        assert not gaps or code != "ML-01" or any(comment for _k, _a, comment in gaps)
    assert "interest.undistracted" in found["ML-01"]
    assert found["SN-01"] == [] and found["EW-01"] == []
    assert any(check.due for _demo, each in caseload(today).values() for check in each.checks)


def test_the_same_day_gives_the_same_records():
    assert demo_alliance("ML-01", caseload()["ML-01"][0].sessions) == caseload()["ML-01"][1]
