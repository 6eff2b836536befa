"""The working alliance in a real vault: checks, ruptures, contract, goals and boundary events
come back exactly as saved, and edits replace rather than duplicate."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlcipher3

from notes.alliance import (
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
from storage.alliance import AllianceRepository


@pytest.fixture
def alliance(vault) -> AllianceRepository:
    return AllianceRepository(vault)


@pytest.fixture
def two_sessions(add_client, add_session):
    client = add_client()
    later = add_session(client.id, datetime(2025, 3, 10, 9))
    earlier = add_session(client.id, datetime(2025, 3, 3, 9))
    return client, earlier, later


def test_alliance_checks_round_trip_in_session_order(alliance, two_sessions, add_client):
    client, earlier, later = two_sessions
    alliance.save_rating(AllianceRating(later.id, {"comfortable": 4}, {"comfortable": 7}))
    alliance.save_rating(AllianceRating(earlier.id, {"comfortable": 8, "free": 10}, {}))
    assert alliance.ratings(client.id) == [
        AllianceRating(earlier.id, {"comfortable": 8, "free": 10}, {}),
        AllianceRating(later.id, {"comfortable": 4}, {"comfortable": 7}),
    ]
    alliance.save_rating(AllianceRating(later.id, {"comfortable": 5}, {}))
    assert alliance.rating(later.id) == AllianceRating(later.id, {"comfortable": 5}, {})
    alliance.save_rating(AllianceRating(later.id))  # an empty check removes it
    assert [r.session_id for r in alliance.ratings(client.id)] == [earlier.id]
    assert alliance.ratings(add_client().id) == []


def test_scores_outside_zero_to_ten_are_refused_by_the_vault(alliance, two_sessions):
    # The dialog never offers one; if a bug did, the vault refuses it and keeps the old check.
    _, earlier, _ = two_sessions
    with pytest.raises(sqlcipher3.IntegrityError):
        alliance.save_rating(AllianceRating(earlier.id, {"comfortable": 11}))
    assert alliance.rating(earlier.id).empty


def test_ruptures_and_their_repair(alliance, two_sessions):
    client, earlier, later = two_sessions
    rupture = alliance.save_rupture(
        Rupture(
            later.id,
            RuptureKind.CONFRONTATION,
            ["complaint_parameters", "pressure_control"],
            "Angry about the fee for the missed session.",
        )
    )
    assert rupture.id is not None
    rupture.repair = Repair.REPAIRED
    rupture.repair_session_id = later.id
    rupture.how_repaired = "We talked it through; I acknowledged I had not explained it well."
    alliance.save_rupture(rupture)
    other = alliance.save_rupture(Rupture(earlier.id, RuptureKind.WITHDRAWAL, ["appeasing"]))
    assert alliance.ruptures(client.id) == [other, rupture]


def test_contract_terms_are_saved_per_client_and_term(alliance, add_client):
    client = add_client()
    alliance.save_contract_item(ContractItem(client.id, "fee", date(2025, 3, 3), None, "sliding"))
    alliance.save_contract_item(ContractItem(client.id, "fee", date(2025, 3, 3), True, "agreed"))
    alliance.save_contract_item(ContractItem(client.id, "contact", None, False))
    assert sorted(alliance.contract(client.id), key=lambda i: i.term) == [
        ContractItem(client.id, "contact", None, False),
        ContractItem(client.id, "fee", date(2025, 3, 3), True, "agreed"),
    ]


def test_goals_round_trip(alliance, add_client):
    client = add_client()
    goal = alliance.save_goal(Goal(client.id, "  Sleep through most nights  ", date(2025, 3, 10)))
    goal.status, goal.reviewed_on = GoalStatus.PARTLY, date(2025, 6, 2)
    goal.review_note = "Four nights in seven now."
    alliance.save_goal(goal)
    proposed = alliance.save_goal(Goal(client.id, "Apply for two jobs a week"))
    assert alliance.goals(client.id) == [
        Goal(
            client.id,
            "Sleep through most nights",
            date(2025, 3, 10),
            date(2025, 6, 2),
            GoalStatus.PARTLY,
            "Four nights in seven now.",
            goal.id,
        ),
        proposed,
    ]


def test_boundary_events_round_trip(alliance, two_sessions):
    client, earlier, _ = two_sessions
    event = alliance.save_boundary_event(
        BoundaryEvent(
            client.id,
            date(2025, 3, 3),
            "gifts",
            BoundaryKind.CROSSING,
            "Brought a jar of honey at the end.",
            session_id=earlier.id,
        )
    )
    event.discussed_in_supervision = True
    alliance.save_boundary_event(event)
    undated = alliance.save_boundary_event(
        BoundaryEvent(client.id, date(2025, 2, 1), "time", BoundaryKind.VIOLATION, "Ran over.")
    )
    assert alliance.boundary_events(client.id) == [undated, event]
    assert alliance.boundary_events(client.id)[1].discussed_in_supervision
