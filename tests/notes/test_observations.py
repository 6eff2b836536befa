"""Observations' domain rules: tags that follow their words, and the recurring-pattern rule."""

from __future__ import annotations

from importlib.resources import files

import pytest

from notes.observations import (
    Category,
    Observation,
    ObservationKind,
    categories_offered,
    counts_per_session,
    locate,
    matches,
    recurring,
    recurring_in,
    shift_span,
)
from notes.taxonomy import TAXONOMY_FILE, kind_description, new_key, starting_categories

# -- shift_span: the words [10, 15) while the text around them changes ----------------------


@pytest.mark.parametrize(
    ("position", "removed", "added", "expected"),
    [
        (20, 3, 0, (10, 15)),  # a deletion after the words
        (15, 0, 4, (10, 15)),  # typing right after them does not grow them
        (2, 0, 5, (15, 20)),  # typing before them moves them
        (10, 0, 3, (13, 18)),  # typing right before them moves them too
        (0, 4, 0, (6, 11)),  # a deletion before them
        (12, 0, 2, (10, 17)),  # typing inside grows them
        (11, 2, 0, (10, 13)),  # deleting inside shrinks them
        (8, 4, 1, (9, 12)),  # a removal that cuts into their start
        (13, 5, 0, (10, 13)),  # a removal from inside past their end
        (10, 5, 0, None),  # exactly the words deleted
        (4, 20, 7, None),  # the words typed over with a larger selection
    ],
)
def test_shift_span(position, removed, added, expected):
    assert shift_span(10, 15, position, removed, added) == expected


def test_shifted_span_holds_the_same_words_after_an_edit_before_them():
    text = "She said: I am fine, really."
    start, end = text.index("fine"), text.index("fine") + 4
    edited = "Quietly, " + text
    new = shift_span(start, end, 0, 0, len("Quietly, "))
    assert new is not None and edited[new[0] : new[1]] == "fine"


# -- locate: finding the words again when stored offsets no longer fit ----------------------


def test_locate_keeps_the_span_when_the_words_are_still_there():
    assert locate("I felt tired and tired", 17, 22, "tired") == (17, 22)


def test_locate_picks_the_occurrence_nearest_the_old_place():
    text = "tired at first; later, tired again; tired at the end"
    assert locate(text, 20, 25, "tired") == (23, 28)
    assert locate(text, 0, 5, "tired") == (0, 5)
    assert locate(text, 45, 50, "tired") == (36, 41)


def test_locate_gives_up_when_the_words_are_gone():
    assert locate("nothing left of it", 3, 8, "angry") is None
    assert locate("anything", 0, 0, "") is None


# -- the recurring pattern rule, on made-up sequences ----------------------------------------


def test_three_of_the_last_five_sessions_make_a_pattern():
    sessions = [(1, {"helpless"}), (2, {"helpless"}), (3, set()), (4, {"helpless", "angry"})]
    (found,) = recurring(sessions)
    assert found.category == "helpless"
    assert found.sessions == (1, 2, 4)
    assert found.window == 3  # session 3 had no observations, so it does not count


def test_two_of_five_is_not_a_pattern():
    sessions = [(n, {"angry"} if n in (1, 4) else {"calm"}) for n in range(1, 6)]
    assert [p.category for p in recurring(sessions)] == ["calm"]


def test_only_the_last_five_sessions_with_observations_count():
    old = [(n, {"sexualized"}) for n in range(1, 4)]
    recent = [(n, {"disengaged"}) for n in range(4, 9)]
    (found,) = recurring(old + recent)
    assert found.category == "disengaged" and found.sessions == (4, 5, 6, 7, 8)


def test_sessions_without_observations_do_not_push_a_pattern_out():
    sessions = [(1, {"a"}), (2, {"a"}), (3, {"a"})] + [(n, set()) for n in range(4, 20)]
    assert [p.category for p in recurring(sessions)] == ["a"]


def test_a_category_counts_once_per_session_and_the_most_frequent_come_first():
    sessions = [(1, ["b", "b", "a"]), (2, ["a", "b"]), (3, ["a", "b"]), (4, ["a"])]
    assert [(p.category, len(p.sessions)) for p in recurring(sessions)] == [("a", 4), ("b", 3)]


def test_fewer_than_three_sessions_never_make_a_pattern():
    assert recurring([(1, {"a"}), (2, {"a"})]) == []
    assert recurring([]) == []


def test_recurring_in_groups_observations_by_session_in_session_order():
    def seen(session_id: int, category_id: int) -> Observation:
        return Observation(session_id, ObservationKind.COUNTERTRANSFERENCE, category_id)

    observations = [seen(30, 7), seen(10, 7), seen(10, 7), seen(20, 2), seen(40, 7)]
    (found,) = recurring_in(observations, [10, 20, 30, 40, 50])
    assert found.category == 7 and found.sessions == (10, 30, 40) and found.window == 4


def test_intensity_must_be_one_to_five():
    with pytest.raises(ValueError):
        Observation(1, ObservationKind.TRANSFERENCE, 1, intensity=6)


# -- the taxonomy resource -------------------------------------------------------------------


def test_the_resource_file_names_both_taxonomies_with_descriptions():
    categories = starting_categories()
    by_kind = {kind: [c.label for c in categories if c.kind is kind] for kind in ObservationKind}
    assert by_kind[ObservationKind.TRANSFERENCE] == [
        "Angry / entitled",
        "Anxious / preoccupied",
        "Avoidant / counterdependent",
        "Secure / engaged",
        "Sexualized",
    ]
    assert len(by_kind[ObservationKind.COUNTERTRANSFERENCE]) == 8
    assert "Parental / protective" in by_kind[ObservationKind.COUNTERTRANSFERENCE]
    for category in categories:
        # one sentence each, in our own words
        assert category.description.endswith(".") and category.description.count(". ") == 0
    keys = [(c.kind, c.key) for c in categories]
    assert len(keys) == len(set(keys))
    assert files("resources").joinpath(TAXONOMY_FILE).is_file()
    assert kind_description(ObservationKind.TRANSFERENCE)


def test_new_keys_are_readable_and_never_reused():
    assert new_key("Rescuing", set()) == "own_rescuing"
    assert new_key("Rescuing", {"own_rescuing"}) == "own_rescuing_2"
    assert new_key("Ärger / Wut", set()) == "own_arger_wut"
    assert new_key("???", set()) == "own_category"


# -- what is offered and shown ----------------------------------------------------------------

T, CT = ObservationKind.TRANSFERENCE, ObservationKind.COUNTERTRANSFERENCE
CATEGORIES = [
    Category(CT, "helpless", "Helpless / inadequate", id=1),
    Category(T, "angry", "Angry / entitled", id=2),
    Category(CT, "bored", "Disengaged", retired=True, id=3),
    Category(CT, "special", "Special / overinvolved", id=4),
]


def test_a_retired_category_is_offered_only_to_the_observation_that_has_it():
    assert [c.id for c in categories_offered(CATEGORIES, CT)] == [1, 4]
    assert [c.id for c in categories_offered(CATEGORIES, CT, chosen=3)] == [1, 3, 4]
    assert [c.id for c in categories_offered(CATEGORIES, T, chosen=3)] == [2]  # not its kind
    assert categories_offered([Category(T, "new", "New", retired=True)], T) == []


def test_the_filters_combine_and_none_means_any():
    strong = Observation(1, CT, 4, intensity=4, supervision=True)
    mild = Observation(1, T, 2, intensity=2)
    assert matches(strong) and matches(mild)
    assert [matches(o, kind=CT) for o in (strong, mild)] == [True, False]
    assert [matches(o, category_id=2) for o in (strong, mild)] == [False, True]
    assert [matches(o, least_intensity=4) for o in (strong, mild)] == [True, False]
    assert [matches(o, least_intensity=2) for o in (strong, mild)] == [True, True]
    assert [matches(o, supervision_only=True) for o in (strong, mild)] == [True, False]
    assert not matches(strong, kind=CT, category_id=4, least_intensity=5)


def test_counts_per_session_keep_the_latest_sessions_in_time_order():
    observed = [((3, "c"), 1), ((1, "a"), 1), ((1, "a"), 2), ((2, "b"), 1), ((1, "a"), 1)]
    counted = counts_per_session(observed, most=5)
    assert counted.sessions == ((1, "a"), (2, "b"), (3, "c"))
    assert counted.counts == {1: (2, 1, 1), 2: (1, 0, 0)}
    assert not counted.left_out
    latest = counts_per_session(observed, most=2)
    assert latest.sessions == ((2, "b"), (3, "c"))
    assert latest.counts == {1: (1, 1)}  # category 2 only came up in the session left out
    assert latest.left_out
    assert counts_per_session([], most=2).sessions == ()
