"""The alliance chart's points: where each series and mark sits, for the page and the report."""

from __future__ import annotations

from datetime import datetime, timedelta

from notes.alliance import QUESTIONS, AllianceRating, Repair, Rupture, RuptureKind
from notes.alliance_chart import MID_SCALE, chart_points, points
from notes.records import Attendance, Session

KEYS = [q.key for q in QUESTIONS]


def sessions(*attendance: Attendance) -> list[Session]:
    start = datetime(2026, 1, 5, 9)
    return [
        Session(1, start + timedelta(weeks=n), attendance=kind, id=10 + n, number=n + 1)
        for n, kind in enumerate(attendance)
    ]


def test_scores_are_means_by_session_number_and_missed_sessions_sit_on_the_floor():
    held = sessions(Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.ATTENDED)
    ratings = [
        AllianceRating(10, {KEYS[0]: 6, KEYS[1]: 8}, {KEYS[0]: 7}),
        AllianceRating(12, {}, {KEYS[0]: 4}),
        AllianceRating(99, {KEYS[0]: 1}),  # a session not on this chart
    ]
    drawn = chart_points(held, ratings, [])
    assert drawn.client == [(1, 7.0)]
    assert drawn.therapist == [(1, 7.0), (3, 4.0)]
    assert drawn.missed == [(2, 0.0)]
    assert (drawn.first_session, drawn.last_session) == (1, 3)


def test_a_mark_sits_on_the_clients_line_else_on_the_estimate_else_mid_scale():
    drawn = points({2: 4.5}, {2: 9.0, 3: 8.0}, [2, 3, 4], [], [], [1, 4])
    assert drawn.ruptures == [(2, 4.5), (3, 8.0), (4, MID_SCALE)]
    assert (drawn.first_session, drawn.last_session) == (1, 4)


def test_repairs_are_placed_by_the_one_rule():
    held = sessions(*[Attendance.ATTENDED] * 4)
    ratings = [AllianceRating(s.id, {KEYS[0]: 2 + s.number}) for s in held]
    ruptures = [
        Rupture(10, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=12),
        Rupture(11, RuptureKind.CONFRONTATION, repair=Repair.PARTLY),  # no session of its own
        Rupture(13, RuptureKind.WITHDRAWAL),  # not repaired
        Rupture(10, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=77),
    ]
    drawn = chart_points(held, ratings, ruptures)
    assert drawn.ruptures == [(1, 3.0), (2, 4.0), (4, 6.0), (1, 3.0)]
    assert drawn.repairs == [(3, 5.0), (2, 4.0)]  # the one repaired outside the chart is left out


def test_an_empty_chart_still_spans_one_session():
    drawn = chart_points([], [], [])
    assert (drawn.first_session, drawn.last_session) == (1, 1)
    assert drawn.client == drawn.ruptures == drawn.missed == []
