"""Search finds the case record too: the presenting problem, ruptures, boundary events, goals
and contract notes, each named as what it is and pointing at its client, in a real vault."""

from __future__ import annotations

from datetime import date, datetime

from notes.alliance import BoundaryEvent, ContractItem, Goal, Rupture, RuptureKind
from notes.search_query import MARK_END, MARK_START
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.search import SearchIndex
from storage.sessions import SessionRepository


def test_each_kind_of_case_record_is_found_and_named(vault, add_client, add_session):
    maya = add_client("Maya Lindqvist", code="ML-01", presenting_problem="Insomnia since the move")
    other = add_client("Sam Novak", code="SN-01")
    session = add_session(maya.id, datetime(2026, 10, 5, 9))
    records = AllianceRepository(vault)
    records.save_rupture(
        Rupture(session.id, RuptureKind.WITHDRAWAL, what_happened="Went quiet about the harbour")
    )
    records.save_boundary_event(
        BoundaryEvent(maya.id, date(2026, 10, 6), "gifts", what_happened="Brought lingonberry jam")
    )
    records.save_goal(Goal(maya.id, "Sleep through most nights", agreed_on=date(2026, 10, 5)))
    records.save_contract_item(ContractItem(maya.id, "fee", notes="Sliding scale agreed"))
    index = SearchIndex(vault)

    found = {
        word: [(hit.source, hit.source_label, hit.client_code) for hit in index.search(word)]
        for word in ("insomnia", "harbour", "lingonberry", "nights", "sliding")
    }
    assert found == {
        "insomnia": [("presenting", "Presenting problem", "ML-01")],
        "harbour": [("rupture", "Rupture", "ML-01")],
        "lingonberry": [("boundary", "Boundary event", "ML-01")],
        "nights": [("goal", "Goal", "ML-01")],
        "sliding": [("contract", "Contract note", "ML-01")],
    }
    (hit,) = index.search("lingonb")  # a word being typed is a prefix, as in notes
    assert f"{MARK_START}lingonberry{MARK_END}" in hit.snippet
    assert hit.session_id is None and hit.client_id == maya.id  # it opens the client's page
    assert hit.session_start == datetime(2026, 10, 6)
    assert index.search("lingonberry harbour") == []  # every word, in one record
    assert other.id not in {h.client_id for w in found for h in index.search(w)}


def test_a_changed_record_is_found_by_its_new_words(vault, add_client):
    maya = add_client("Maya Lindqvist", code="ML-01")
    records = AllianceRepository(vault)
    goal = records.save_goal(Goal(maya.id, "Walk to work"))
    assert [h.source for h in SearchIndex(vault).search("walk")] == ["goal"]
    records.save_goal(Goal(maya.id, "Cycle to work", id=goal.id))
    assert SearchIndex(vault).search("walk") == []
    assert [h.source for h in SearchIndex(vault, detached=True).search("cycle")] == ["goal"]


def test_a_removed_record_is_no_longer_found(vault, add_client, add_session):
    maya = add_client("Maya Lindqvist", code="ML-01", presenting_problem="Grief after the flood")
    session = add_session(maya.id, datetime(2026, 10, 5, 9))
    AllianceRepository(vault).save_rupture(
        Rupture(session.id, RuptureKind.WITHDRAWAL, what_happened="Silent about the flood")
    )
    index = SearchIndex(vault)
    assert sorted(h.source for h in index.search("flood")) == ["presenting", "rupture"]
    SessionRepository(vault).delete(session.id)  # its rupture goes with it
    maya.presenting_problem = ""
    ClientRepository(vault).save(maya)
    assert index.search("flood") == []
