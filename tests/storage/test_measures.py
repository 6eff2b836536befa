"""Measures in a real vault: saved per session and instrument, replaced on a second save, and
kept as the client's when the client answered them."""

from __future__ import annotations

from datetime import datetime

from notes.measures.scoring import AnsweredBy, MeasureResponse
from storage.audit import AuditLog
from storage.measures import MeasureRepository


def test_measures_round_trip_per_session_in_order(vault, add_client, add_session):
    client = add_client()
    later = add_session(client.id, datetime(2025, 3, 10, 9))
    earlier = add_session(client.id, datetime(2025, 3, 3, 9))
    store = MeasureRepository(vault)
    phq = MeasureResponse(
        later.id, "phq9", {"interest": 2, "thoughts_of_death": 1}, "somewhat", AnsweredBy.CLIENT
    )
    gad = MeasureResponse(earlier.id, "gad7", {"nervous": 3})
    store.save(phq)
    store.save(gad)
    assert store.for_client(client.id) == [gad, phq]
    assert store.for_session(later.id)[0].answered_by is AnsweredBy.CLIENT
    store.save(MeasureResponse(later.id, "phq9", {"interest": 0}))  # replaces, never duplicates
    assert store.for_session(later.id) == [MeasureResponse(later.id, "phq9", {"interest": 0})]
    store.save(MeasureResponse(earlier.id, "gad7"))  # no answers at all removes them
    assert store.for_session(earlier.id) == []
    assert store.for_client(add_client(full_name="Other").id) == []
    assert len(AuditLog(vault).read(action="measure saved")) == 4
