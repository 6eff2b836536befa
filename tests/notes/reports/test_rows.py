"""The report's rows made from the clinical records: their wording and their tallies."""

from __future__ import annotations

from datetime import date

from notes.alliance import (
    CONTRACT_TERMS,
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    ContractItem,
    Goal,
    GoalStatus,
    Repair,
    Rupture,
    RuptureKind,
)
from notes.conduct import Answer, CheckState, ConductAnswer, ConductCheck, Group, Prompt, PromptSet
from notes.observations import Observation, ObservationKind
from notes.reports import rows
from notes.reports.inputs import AllianceEvent, AllianceRatingRow, BoundaryEventRow, GoalRow

ON = date(2026, 3, 2)


def test_the_contract_shows_every_term_once_anything_is_recorded():
    assert rows.contract_rows(1, [], []) == []
    fees = ContractItem(1, CONTRACT_TERMS[1].key, date(2026, 1, 5), True, "Monthly")
    contract = rows.contract_rows(1, [fees], [])
    assert len(contract) == len(CONTRACT_TERMS)
    [explained] = [term for term in contract if term.explained_on]
    assert (explained.explained_on, explained.agreed, explained.note) == (
        date(2026, 1, 5),
        True,
        "Monthly",
    )
    assert len(rows.contract_rows(1, [], [Goal(1, "Sleep better")])) == len(CONTRACT_TERMS)


def test_a_goal_reads_its_status_and_review_note():
    goal = Goal(1, "Sleep better", ON, None, GoalStatus.PARTLY)
    assert rows.goal_row(goal) == GoalRow("Sleep better", "Partly reached", ON)
    goal.review_note = "Most nights now"
    assert rows.goal_row(goal).status == "Partly reached: Most nights now"
    goal.review_note = "   "
    assert rows.goal_row(goal).status == "Partly reached"


def test_a_rating_is_both_means_to_one_decimal_and_their_gap_in_words():
    rating = AllianceRating(5, {"comfortable": 6, "free": 7}, {"comfortable": 9})
    assert rows.rating_row(rating, ON, 2) == AllianceRatingRow(ON, 2, 9.0, 6.5, "you 3 higher")
    only_client = AllianceRating(5, {"comfortable": 7, "free": 7, "relieved": 8})
    assert rows.rating_row(only_client, ON, 2) == AllianceRatingRow(ON, 2, None, 7.3, "")


def test_a_rupture_and_its_repair_are_named_in_words():
    rupture = Rupture(
        5, RuptureKind.WITHDRAWAL, ["shifting_topic", "appeasing"], "Changed the subject"
    )
    assert rows.rupture_row(rupture, ON, 4) == AllianceEvent(
        ON,
        "Rupture (withdrawal)",
        "Shifting the topic away; Appeasing or going along",
        "Changed the subject",
        session_number=4,
    )
    rupture.repair, rupture.how_repaired = Repair.PARTLY, "Named it"
    later = date(2026, 3, 9)
    assert rows.repair_row(rupture, later, 5) == AllianceEvent(
        later, "Partly repaired", "", "Named it", session_number=5, is_repair=True
    )


def test_an_observation_shows_only_the_notes_written():
    item = Observation(
        5,
        ObservationKind.COUNTERTRANSFERENCE,
        3,
        intensity=4,
        figure="her father",
        what_happened="",
        what_i_felt="Useless",
        how_i_responded="  ",
        supervision=True,
        quote="nothing helps",
    )
    row = rows.observation_row(item, "Helpless/inadequate", ON)
    assert (row.kind, row.category, row.on) == ("Countertransference", "Helpless/inadequate", ON)
    assert row.notes == (("What I felt", "Useless"),)
    assert (row.quoted, row.intensity, row.flagged, row.figure) == (
        "nothing helps",
        4,
        True,
        "her father",
    )


def _answer(key: str, group: str, text: str, answer: Answer) -> ConductAnswer:
    return ConductAnswer(key, group, text, answer)


def test_conduct_lines_count_answered_prompts_in_group_order():
    prompts = PromptSet(
        [Group("interest", "Interest and attention", ""), Group("empathy", "Empathy", "")],
        [Prompt("e.1", "empathy", "Named the pain"), Prompt("i.1", "interest", "Phone away")],
    )
    checks = [
        ConductCheck(
            1,
            answers=[
                _answer("e.1", "empathy", "Named it", Answer.YES),
                _answer("i.1", "interest", "Phone away", Answer.NO),
                _answer("gone", "retired_group", "Old prompt", Answer.YES),
            ],
        ),
        ConductCheck(
            2,
            answers=[
                _answer("e.1", "empathy", "Named the pain", Answer.NOT_APPLICABLE),
                _answer("i.1", "interest", "Phone away", Answer.NO),
            ],
        ),
        ConductCheck(
            3,
            state=CheckState.DUE,
            answers=[_answer("e.1", "empathy", "Named the pain", Answer.NO)],
        ),
    ]
    table, patterns = rows.conduct_rows(checks, prompts)
    assert [(line.group, line.prompt, line.checked, line.met) for line in table] == [
        ("Interest and attention", "Phone away", 2, 0),
        ("Empathy", "Named it", 1, 1),  # "not applicable" and a check put off do not count
        ("Retired group", "Old prompt", 1, 1),  # a group no longer in the set comes last
    ]
    assert patterns == [
        "Interest and attention: Phone away — “no” or “partly” in 2 of your last 2 checks."
    ]


def test_a_boundary_event_says_whether_it_went_to_supervision():
    event = BoundaryEvent(1, ON, "gifts", BoundaryKind.CROSSING, "A card", True)
    assert rows.boundary_row(event) == BoundaryEventRow(
        ON, "Gifts and services", "Crossing", "A card", "Discussed in supervision"
    )
    event.discussed_in_supervision = False
    assert rows.boundary_row(event).follow_up == ""
