"""Alliance rules on made-up data: the check's means and gaps, the rupture signal, the contract."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

from notes.alliance import (
    BOUNDARY_DIMENSIONS,
    CONTRACT_TERMS,
    QUESTIONS,
    RUPTURE_MARKERS,
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    ContractItem,
    Goal,
    GoalStatus,
    Rater,
    Rupture,
    RuptureKind,
    boundary_summary,
    contract_summary,
    describe_difference,
    full_contract,
    goals_summary,
    hint_of,
    next_to_explain,
    rating_drops,
    rupture_suggestion,
    rupture_to_offer,
    session_to_rate,
    unexplained_terms,
)
from notes.records import Attendance, Session


def rating(session_id: int, *client: int, therapist: tuple[int, ...] = ()) -> AllianceRating:
    keys = [q.key for q in QUESTIONS]
    return AllianceRating(
        session_id, dict(zip(keys, client, strict=False)), dict(zip(keys, therapist, strict=False))
    )


def test_the_vocabulary_follows_the_design():
    assert len(QUESTIONS) == 5
    assert {kind for kind in RUPTURE_MARKERS} == set(RuptureKind)
    assert len(RUPTURE_MARKERS[RuptureKind.WITHDRAWAL]) == 7
    assert len(RUPTURE_MARKERS[RuptureKind.CONFRONTATION]) == 5
    assert [d.label for d in BOUNDARY_DIMENSIONS][:3] == ["Role", "Time", "Place and space"]
    assert len(BOUNDARY_DIMENSIONS) == 9
    assert len(CONTRACT_TERMS) == 7 and all(term.hint for term in CONTRACT_TERMS)


def test_means_and_differences_between_client_and_therapist():
    check = rating(1, 6, 7, 5, 9, 8, therapist=(8, 8, 5, 9))
    assert check.mean(Rater.CLIENT) == 7
    assert check.mean(Rater.THERAPIST) == Fraction(30, 4)
    assert check.difference("comfortable") == 2
    assert check.difference("on_side") is None  # the therapist left it out
    assert check.mean_difference() == Fraction(3, 4)
    assert describe_difference(check.mean_difference()) == "you 0.8 higher"
    assert describe_difference(-2) == "you 2 lower"
    assert describe_difference(0) == "same"
    assert AllianceRating(2).mean(Rater.CLIENT) is None


def test_a_drop_of_a_fifth_below_the_earlier_mean_is_signalled():
    ratings = [rating(1, 8, 8), rating(2, 10, 10), rating(3, 7, 7, 7, 8, 7)]
    # Earlier mean 9; 7.2 is exactly 20% below it.
    drops = rating_drops(ratings)
    assert [(d.session_id, d.score, d.earlier_mean) for d in drops] == [
        (3, Fraction(36, 5), Fraction(9))
    ]
    assert "20% below" in drops[0].describe()


def test_a_smaller_drop_a_first_check_and_therapist_only_checks_are_not_signals():
    assert rating_drops([rating(1, 3)]) == []
    assert rating_drops([rating(1, 9), rating(2, 8)]) == []  # 11% lower
    # A check with only the therapist's estimate is skipped, not read as a zero.
    assert rating_drops([rating(1, 9), rating(2, therapist=(1, 1)), rating(3, 9)]) == []
    assert rating_drops([rating(1, 0), rating(2, 0)]) == []


def test_the_mean_is_over_all_earlier_checks_not_just_the_last():
    ratings = [rating(1, 9), rating(2, 9), rating(3, 6), rating(4, 7)]
    # At session 4 the earlier mean is 8, and 7 is only 12.5% below it.
    assert [d.session_id for d in rating_drops(ratings)] == [3]


def test_a_rupture_is_suggested_only_for_the_latest_unrecorded_drop():
    ratings = [rating(1, 9), rating(2, 9), rating(3, 5)]
    assert rupture_suggestion(ratings, []).session_id == 3
    recorded = Rupture(session_id=3, kind=RuptureKind.WITHDRAWAL)
    assert rupture_suggestion(ratings, [recorded]) is None
    # Once a later check recovers, the old drop is no longer pressed on the therapist.
    assert rupture_suggestion([*ratings, rating(4, 9)], []) is None
    assert rupture_suggestion([], []) is None


def test_a_rupture_is_offered_after_saving_only_for_the_session_just_rated():
    ratings = [rating(1, 9), rating(2, 9), rating(3, 5)]
    assert rupture_to_offer(ratings, [], just_rated=3).session_id == 3
    assert rupture_to_offer(ratings, [], just_rated=2) is None  # an older check corrected
    recorded = Rupture(session_id=3, kind=RuptureKind.WITHDRAWAL)
    assert rupture_to_offer(ratings, [recorded], just_rated=3) is None


def test_rupture_markers_read_as_labels():
    rupture = Rupture(1, RuptureKind.CONFRONTATION, ["complaint_parameters", "made_up_key"])
    assert rupture.marker_labels() == [
        "Complaints about times, fee or other parameters",
        "Made up key",
    ]


def test_contract_completeness():
    saved = [
        ContractItem(7, "fee", date(2025, 3, 3), True),
        ContractItem(7, "confidentiality", date(2025, 3, 3), None),
        ContractItem(7, "retired_term", date(2025, 3, 3), True, "from an older version"),
    ]
    items = full_contract(7, saved)
    assert [i.term for i in items][:7] == [t.key for t in CONTRACT_TERMS]
    assert items[-1].term == "retired_term"
    missing = [i.term for i in unexplained_terms(items)]
    assert missing == ["appointments", "openness", "listening", "truthfulness", "contact"]
    summary = contract_summary(items)
    assert summary.startswith("3 of 8 terms explained.")
    assert "Not yet explained: appointments and cancellations," in summary
    assert "Not yet agreed: confidentiality and its limits." in summary


def test_a_complete_contract_says_so():
    items = [ContractItem(1, t.key, date(2025, 1, 6), True) for t in CONTRACT_TERMS]
    assert unexplained_terms(items) == []
    assert contract_summary(items) == "All 7 terms explained and agreed."


def weekly(*kinds: Attendance) -> list[Session]:
    """Sessions a week apart, numbered from 1, given out of order as a list might hold them."""
    start = datetime(2026, 3, 2, 10)
    made = [
        Session(1, start + timedelta(weeks=n), attendance=kind, id=n + 1, number=n + 1)
        for n, kind in enumerate(kinds)
    ]
    return made[::-1]


def test_the_session_to_rate_is_the_newest_kept_one_without_a_check():
    sessions = weekly(Attendance.ATTENDED, Attendance.LATE, Attendance.ATTENDED, Attendance.NO_SHOW)
    assert session_to_rate(sessions, rated=[]).id == 3  # the no-show has nothing to rate
    assert session_to_rate(sessions, rated=[3]).id == 2  # late still counts as kept
    assert session_to_rate(sessions, rated=[1, 2, 3]).id == 4  # all rated: the newest, to look at
    assert session_to_rate([], rated=[]) is None


def test_boundary_summary_counts_violations_and_what_waits_for_supervision():
    def event(kind: BoundaryKind, discussed: bool) -> BoundaryEvent:
        return BoundaryEvent(1, date(2026, 3, 2), "gifts", kind, "", discussed)

    crossing, violation = BoundaryKind.CROSSING, BoundaryKind.VIOLATION
    assert boundary_summary([event(crossing, True)]) == "1 recorded."
    assert boundary_summary([event(crossing, False), event(violation, True)]) == (
        "2 recorded, 1 of them violations; 1 not yet taken to supervision."
    )
    events = [event(violation, False), event(violation, False), event(crossing, True)]
    assert boundary_summary(events) == (
        "3 recorded, 2 of them violations; 2 not yet taken to supervision."
    )


def test_goals_being_worked_on_are_open_or_partly_reached():
    goals = [
        Goal(1, "a", date(2026, 1, 5), status=GoalStatus.OPEN),
        Goal(1, "b", date(2026, 1, 5), status=GoalStatus.PARTLY),
        Goal(1, "c", date(2026, 1, 5), status=GoalStatus.ACHIEVED),
        Goal(1, "d", None, status=GoalStatus.SET_ASIDE),
    ]
    assert goals_summary(goals) == (
        "2 of 4 goals still being worked on. 1 not yet agreed with the client."
    )
    assert goals_summary(goals[2:3]) == "0 of 1 goal still being worked on."


def test_the_term_to_explain_next_is_the_first_unexplained_in_order():
    items = full_contract(7, [ContractItem(7, CONTRACT_TERMS[0].key, date(2026, 1, 5), True)])
    assert next_to_explain(items) == items[1]
    assert next_to_explain(items[:1]) is None


def test_a_term_hint_is_read_from_the_vocabulary():
    hinted = next(term for term in CONTRACT_TERMS if term.hint)
    assert hint_of(CONTRACT_TERMS, hinted.key) == hinted.hint
    assert hint_of(CONTRACT_TERMS, "no_such_term") == ""
