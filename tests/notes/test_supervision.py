"""Supervision rules without a vault: what is open, what carries over, what blocks a save, and
how a line reads."""

from __future__ import annotations

from datetime import date

from notes.supervision import (
    Action,
    AgendaItem,
    DiscussedItem,
    Discussion,
    ItemKind,
    ItemRef,
    Question,
    Supervision,
    agreed_actions,
    carried_over,
    last_supervision,
    new_questions,
    open_actions,
    open_items,
    open_questions,
    problems,
    shortened,
    supervision_line,
)


def item(kind: ItemKind, ref: str, on: date | None, client_id: int = 1, **more) -> AgendaItem:
    return AgendaItem(client_id, ItemRef(kind, ref), on, f"{kind.label} {ref}", **more)


RUPTURE = item(ItemKind.RUPTURE, "4", date(2026, 9, 1))
OBSERVATION = item(ItemKind.OBSERVATION, "9", date(2026, 9, 8))
QUESTION = item(ItemKind.QUESTION, "2", date(2026, 9, 20))
TICKED = item(ItemKind.BOUNDARY, "3", date(2026, 8, 1), closed=True)
OTHER = item(ItemKind.OBSERVATION, "11", date(2026, 9, 2), client_id=2)


def test_open_items_are_those_never_discussed_questions_first():
    first = Supervision(date(2026, 9, 10), items=[DiscussedItem(1, OBSERVATION.item)])
    left = open_items([RUPTURE, OBSERVATION, QUESTION, TICKED, OTHER], [first])
    assert left == [QUESTION, OTHER, RUPTURE]  # questions, then observations, ruptures


def test_actions_stay_open_until_done_and_each_carries_its_item():
    first = Supervision(
        date(2026, 9, 10),
        "Dr Ines Varga",
        [Discussion(1, "…")],
        [DiscussedItem(1, OBSERVATION.item)],
        [
            Action(1, "Name the freeze", OBSERVATION.item, id=1),
            Action(1, "Ask about fees", done_on=date(2026, 9, 15), id=2),
            Action(2, "Read on enactment", id=3),
        ],
        id=1,
    )
    later = Supervision(date(2026, 10, 8), items=[DiscussedItem(2, OTHER.item)], id=2)
    assert [a.id for _s, a in open_actions([first, later])] == [1, 3]
    assert [a.id for _s, a in agreed_actions([first, later], 1)] == [1, 2]  # open first
    assert last_supervision([first, later], 1) is first
    assert last_supervision([first, later]) is later

    carry = carried_over(1, [RUPTURE, OBSERVATION, QUESTION, OTHER], [first, later])
    assert carry.last_on == date(2026, 9, 10)
    assert [(a.text, a.about) for a in carry.actions] == [("Name the freeze", "Observation 9")]
    assert carry.items == (QUESTION, RUPTURE)  # the other client's item is not carried here
    assert carried_over(3, [], [first]).empty


def test_a_session_needs_a_client_and_no_empty_action():
    assert problems(Supervision(date(2026, 9, 10))) == [
        "Choose at least one client who was discussed."
    ]
    blank = Supervision(date(2026, 9, 10), actions=[Action(1, "  ")])
    assert problems(blank) == ["An agreed action has no text: write what was agreed, or remove it."]
    assert blank.client_ids() == [1]  # an action alone names its client


def test_lines_for_people():
    supervision = Supervision(
        date(2026, 9, 10),
        "Dr Ines Varga",
        [Discussion(2)],
        actions=[Action(1, "a"), Action(1, "b", done_on=date(2026, 9, 12))],
    )
    assert (
        supervision_line(supervision, {1: "MH-01", 2: "TK-02"})
        == "10 Sep 2026 · Dr Ines Varga · TK-02, MH-01 · 2 actions, 1 open"
    )
    assert shortened("word " * 40, 20) == "word word word word…"
    assert shortened("  two\n lines ") == "two lines"


def test_the_audit_screen_names_a_supervision_by_its_day():
    from notes.audit_records import RecordNames

    names = RecordNames({6: "MH-01"}, supervisions={3: date(2026, 9, 10)})
    assert names.describe("supervision 3") == "supervision of 10 Sep 2026"
    assert names.describe("supervision 4") == "supervision 4"  # unknown ids stay
    assert names.describe("supervision action 3") == "supervision action 3"
    assert names.describe("client 6") == "MH-01"


def test_open_questions_are_the_clients_own_not_yet_discussed():
    asked = Question(1, "Am I rescuing her?", date(2026, 9, 1), id=1)
    discussed = Question(1, "Should I raise the fee?", date(2026, 9, 2), id=2)
    others = Question(2, "Their question", date(2026, 9, 3), id=3)
    held = Supervision(date(2026, 9, 10), items=[DiscussedItem(1, ItemRef(ItemKind.QUESTION, "2"))])
    assert open_questions([asked, discussed, others], [held], 1) == [asked]


def test_new_questions_are_the_lines_not_asked_already_each_once():
    typed = "Am I  rescuing her?\n\n  Why do I dread Mondays?\nwhy do i dread mondays?\n"
    assert new_questions(typed, ["am i rescuing her?"]) == ["Why do I dread Mondays?"]
    assert new_questions("", ["anything"]) == []
