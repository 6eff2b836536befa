"""Did a repair hold (three rated sessions each side); calibration of the therapist's estimate."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notes.alliance import AllianceRating, Repair, Rupture, RuptureKind
from notes.measures.calibration import (
    RUNS_HIGH_NOTE,
    calibration,
    calibration_by_month,
    caseload_texts,
)
from notes.measures.repair_held import repair_held
from notes.records import Session


def _sessions(count: int) -> list[Session]:
    start = datetime(2025, 1, 6, 9)
    return [Session(1, start + timedelta(weeks=n), id=n + 1, number=n + 1) for n in range(count)]


def _rating(session_id: int, client: int, therapist: int | None = None) -> AllianceRating:
    return AllianceRating(
        session_id, {"comfortable": client}, {} if therapist is None else {"comfortable": therapist}
    )


def test_the_repair_held_compares_three_rated_sessions_either_side():
    sessions = _sessions(10)
    ratings = [
        _rating(i, score)
        for i, score in zip(range(1, 11), [8, 7, 8, 9, 3, 4, 8, 9, 9, 6], strict=True)
    ]
    rupture = Rupture(5, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=6, id=1)
    held = repair_held(rupture, sessions, ratings)
    assert held.before == [7.0, 8.0, 9.0]  # sessions 2–4
    assert held.after == [8.0, 9.0, 9.0]  # sessions 7–9
    assert held.describe().endswith("It held: 8.7 after against 8.0 before.")


def test_a_repair_that_did_not_hold_and_one_not_made():
    sessions = _sessions(8)
    ratings = [_rating(i, s) for i, s in zip(range(1, 9), [8, 8, 8, 3, 5, 5, 6, 9], strict=True)]
    repaired = Rupture(4, RuptureKind.CONFRONTATION, repair=Repair.PARTLY, id=2)
    held = repair_held(repaired, sessions, ratings)  # repaired in its own session
    assert held.after == [5.0, 5.0, 6.0]
    assert "Lower since: 5.3 after against 8.0 before." in held.describe()
    assert repair_held(Rupture(4, RuptureKind.WITHDRAWAL), sessions, ratings) is None


def test_too_few_sessions_after_say_so():
    sessions = _sessions(6)
    ratings = [_rating(i, s) for i, s in zip(range(1, 7), [8, 8, 8, 3, 7, 9], strict=True)]
    rupture = Rupture(4, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=5)
    text = repair_held(rupture, sessions, ratings).describe()
    assert "Only 1 of 3 sessions after so far." in text


def test_calibration_mean_difference_and_shares():
    ratings = [_rating(1, 6, 8), _rating(2, 7, 7), _rating(3, 8, 6), _rating(4, 5, 7)]
    result = calibration([*ratings, _rating(5, 5)])  # a check without an estimate is left out
    assert result.checks == 4
    assert result.mean_difference == 0.5  # (2 + 0 − 2 + 2) / 4
    assert (result.share_over, result.share_under) == (0.5, 0.25)
    assert not result.runs_high  # fewer than five checks


def test_a_kind_note_when_estimates_run_consistently_above():
    high = [_rating(i, 6, 8) for i in range(1, 7)]
    result = calibration(high)
    assert result.runs_high
    assert result.describe().endswith(
        "Your estimates run above what clients tell you: by 2.0 on average, and by more than 1 "
        "in 6 of 6 checks. " + RUNS_HIGH_NOTE
    )
    assert RUNS_HIGH_NOTE.startswith("That is common and often comes from caring about the work")
    assert not calibration([_rating(i, 8, 8) for i in range(1, 7)]).runs_high
    assert calibration([]).describe().startswith("No checks")


def test_the_note_names_the_widest_gaps_widest_first():
    # Estimates over by 1, 3, 2, 4, 2 and 0: the three widest gaps of more than a point are
    # sessions 4 (+4), 2 (+3) and 3 (+2; session 5's equal gap came later).
    ratings = [
        _rating(i, 5, 5 + over) for i, over in zip(range(1, 7), [1, 3, 2, 4, 2, 0], strict=True)
    ]
    result = calibration(ratings)
    assert result.runs_high  # mean +2.0, four of six over by more than a point
    assert result.describe(lambda s: f"session {s}").endswith(
        "The widest: session 4 (+4.0), session 2 (+3.0), session 3 (+2.0)."
    )
    assert "The widest" not in result.describe()  # without names, none are given


def test_the_caseload_gives_the_note_once_and_marks_the_month():
    # January runs high (six checks 2 above); February is 2 below: over all, not high.
    dated = [(date(2025, 1, 6 + i), _rating(i + 1, 6, 8)) for i in range(6)]
    dated += [(date(2025, 2, 3 + i), _rating(i + 7, 8, 6)) for i in range(6)]
    overall, months = caseload_texts(dated, lambda s: f"session {s}")
    assert overall.startswith("12 checks: your estimate averages +0.0 against")
    assert " In January 2025: Your estimates run above what clients tell you: by 2.0" in overall
    assert overall.count(RUNS_HIGH_NOTE) == 1
    assert months == [
        "Jan 2025: 6 checks: your estimate averages +2.0 against the clients' own ratings; "
        "100% over by more than 1, 0% under by more than 1. Above the clients' this month.",
        "Feb 2025: 6 checks: your estimate averages -2.0 against the clients' own ratings; "
        "0% over by more than 1, 100% under by more than 1.",
    ]


def test_calibration_by_month():
    dated = [
        (date(2025, 1, 6), _rating(1, 6, 8)),
        (date(2025, 1, 20), _rating(2, 6, 6)),
        (date(2025, 2, 3), _rating(3, 9, 7)),
    ]
    months = calibration_by_month(dated)
    assert list(months) == [date(2025, 1, 1), date(2025, 2, 1)]
    assert months[date(2025, 1, 1)].mean_difference == 1.0
    assert months[date(2025, 2, 1)].mean_difference == -2.0
