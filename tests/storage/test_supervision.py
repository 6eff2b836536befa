"""Supervision in a real vault: the agenda's candidates, sessions saved whole, actions done,
questions, the search index and the audit log; and what the next report carries over."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from notes.alliance import BoundaryEvent, BoundaryKind, Rupture, RuptureKind
from notes.observations import Observation, ObservationKind
from notes.reports.inputs import Period
from notes.supervision import (
    Action,
    DiscussedItem,
    Discussion,
    ItemKind,
    Question,
    Supervision,
    open_actions,
    open_items,
)
from storage.alliance import AllianceRepository
from storage.audit import AuditAction, AuditLog
from storage.observations import CategoryRepository, ObservationRepository
from storage.report_data import ReportData
from storage.search import SearchIndex
from storage.supervision import SupervisionRepository

CT = ObservationKind.COUNTERTRANSFERENCE


@pytest.fixture
def case(vault, add_client, add_session):
    """A client with a flagged and an unflagged observation, a rupture and a boundary event."""
    client = add_client("Maren Holt", "MH-01")
    session = add_session(client.id, datetime(2026, 9, 7, 10, 0))
    helpless = next(c for c in CategoryRepository(vault).list(CT) if c.key == "helpless_inadequate")
    observations = ObservationRepository(vault)
    flagged = observations.save(
        Observation(session.id, CT, helpless.id, 4, what_happened="froze", supervision=True)
    )
    observations.save(Observation(session.id, CT, helpless.id, 2, what_happened="tired"))
    alliance = AllianceRepository(vault)
    rupture = alliance.save_rupture(
        Rupture(session.id, RuptureKind.WITHDRAWAL, what_happened="went quiet about fees")
    )
    boundary = alliance.save_boundary_event(
        BoundaryEvent(
            client.id, date(2026, 9, 7), "time", BoundaryKind.CROSSING, "ran ten minutes over"
        )
    )
    return client, flagged, rupture, boundary


def test_the_agenda_gathers_what_is_meant_for_supervision(vault, case):
    client, flagged, rupture, boundary = case
    repository = SupervisionRepository(vault)
    question = repository.add_question(
        Question(client.id, "Am I colluding with her avoidance?", date(2026, 9, 8))
    )
    items = open_items(repository.candidates([client.id]), repository.sessions())
    assert [(i.item.kind, i.item.ref) for i in items] == [
        (ItemKind.QUESTION, str(question.id)),
        (ItemKind.OBSERVATION, str(flagged.id)),  # the unflagged one is not on the agenda
        (ItemKind.RUPTURE, str(rupture.id)),
        (ItemKind.BOUNDARY, str(boundary.id)),
    ]
    assert items[1].title == "Countertransference: Helpless / inadequate"
    assert items[3].detail == "ran ten minutes over"


def test_a_session_saved_closes_what_it_discussed_and_keeps_its_actions(vault, case):
    client, *_ = case
    repository = SupervisionRepository(vault)
    candidates = {i.item.kind: i for i in repository.candidates([client.id])}
    supervision = repository.save(
        Supervision(
            date(2026, 9, 15),
            "Dr Ines Varga",
            [Discussion(client.id, "Freezing may mirror her father's silences.")],
            [
                DiscussedItem(client.id, candidates[ItemKind.OBSERVATION].item),
                DiscussedItem(client.id, candidates[ItemKind.BOUNDARY].item),
            ],
            [
                Action(
                    client.id,
                    "Name the freeze aloud next time",
                    candidates[ItemKind.OBSERVATION].item,
                )
            ],
        )
    )
    again = SupervisionRepository(vault)
    [read] = again.sessions()
    assert (read.held_on, read.supervisor, read.said_about(client.id)) == (
        date(2026, 9, 15),
        "Dr Ines Varga",
        "Freezing may mirror her father's silences.",
    )
    assert [a.text for a in read.actions] == ["Name the freeze aloud next time"]
    left = open_items(again.candidates([client.id]), again.sessions())
    assert [i.item.kind for i in left] == [ItemKind.RUPTURE]
    # the boundary event's own record says so too, as the client page shows it
    assert AllianceRepository(vault).boundary_events(client.id)[0].discussed_in_supervision

    [action] = read.actions
    again.set_action_done(action.id, date(2026, 9, 29))
    assert open_actions(again.sessions()) == []
    read.supervisor = "Dr I. Varga"  # an edit keeps the action and that it is done
    again.save(read)
    [kept] = again.sessions()[0].actions
    assert (kept.id, kept.done_on) == (action.id, date(2026, 9, 29))

    lines = [(e.action, e.record) for e in AuditLog(vault).read()]
    record = f"supervision {supervision.id}"
    assert (AuditAction.SUPERVISION_RECORDED.value, record) in lines
    assert (AuditAction.SUPERVISION_EDITED.value, record) in lines
    assert (AuditAction.SUPERVISION_ACTION_DONE.value, f"supervision action {action.id}") in lines
    assert not any("freeze" in line.casefold() for _, line in lines)  # no text in the log


def test_what_was_said_and_agreed_is_found_by_search(vault, case):
    client, *_ = case
    repository = SupervisionRepository(vault)
    supervision = repository.save(
        Supervision(
            date(2026, 9, 15),
            "Dr Ines Varga",
            [Discussion(client.id, "A parallel process with the clinic's waiting list.")],
            actions=[Action(client.id, "Read up on enactments")],
        )
    )
    [hit] = SearchIndex(vault).search("parallel process")
    assert (hit.source, hit.client_code, hit.session_id) == ("supervision", "MH-01", None)
    assert hit.session_start == datetime(2026, 9, 15)
    assert [h.source for h in SearchIndex(vault).search("enactments")] == ["supervision"]

    supervision.discussions = [Discussion(client.id, "Something else entirely.")]
    supervision.actions = []
    repository.save(supervision)
    assert SearchIndex(vault).search("parallel process") == []
    assert SearchIndex(vault).search("enactments") == []


def test_the_report_carries_over_open_actions_and_undiscussed_items(vault, case):
    client, *_ = case
    repository = SupervisionRepository(vault)
    observation = next(
        i for i in repository.candidates([client.id]) if i.item.kind is ItemKind.OBSERVATION
    )
    repository.save(
        Supervision(
            date(2026, 9, 15),
            "Dr Ines Varga",
            items=[DiscussedItem(client.id, observation.item)],
            actions=[
                Action(client.id, "Name the freeze aloud", observation.item),
                Action(client.id, "Ask about the fee arrears"),
            ],
        )
    )
    done = repository.sessions()[0].actions[1]
    repository.set_action_done(done.id, date(2026, 9, 20))

    carry = (
        ReportData(vault)
        .supervision_inputs(client.id, Period(date(2026, 9, 1), date(2026, 9, 30)))
        .since_supervision
    )
    assert carry.last_on == date(2026, 9, 15)
    assert [(a.text, a.about) for a in carry.actions] == [
        ("Name the freeze aloud", "Countertransference: Helpless / inadequate")
    ]
    assert [i.item.kind for i in carry.items] == [ItemKind.RUPTURE, ItemKind.BOUNDARY]
