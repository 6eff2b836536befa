"""Alliance rules on made-up data: the check's means and gaps, the rupture signal, the contract."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from notes.alliance import (
    BOUNDARY_DIMENSIONS,
    CONTRACT_TERMS,
    QUESTIONS,
    RUPTURE_MARKERS,
    AllianceRating,
    ContractItem,
    Rater,
    Rupture,
    RuptureKind,
    contract_summary,
    describe_difference,
    full_contract,
    rating_drops,
    rupture_suggestion,
    unexplained_terms,
)


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
