"""A report's ruptures and repairs from a real vault: each marked at its session, repairs placed
by the one rule the client page's chart follows."""

from __future__ import annotations

from datetime import date, datetime

from notes.alliance import Repair, Rupture, RuptureKind
from notes.reports.inputs import Period
from storage.alliance import AllianceRepository
from storage.report_data import ReportData

PERIOD = Period(date(2026, 3, 1), date(2026, 3, 31))


def test_repairs_sit_in_their_own_session_else_the_ruptures(vault, add_client, add_session):
    client = add_client("Maya Lindqvist", code="ML-01")
    first = add_session(client.id, datetime(2026, 3, 2, 9))
    second = add_session(client.id, datetime(2026, 3, 9, 9))
    after = add_session(client.id, datetime(2026, 4, 6, 9))
    store = AllianceRepository(vault)
    for rupture in (
        Rupture(first.id, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED),  # no session named
        Rupture(second.id, RuptureKind.CONFRONTATION, repair=Repair.PARTLY),
        Rupture(
            first.id, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=after.id
        ),
    ):
        store.save_rupture(rupture)

    events = ReportData(vault).supervision_inputs(client.id, PERIOD).alliance_events

    marks = sorted((e.session_number, e.is_repair, e.on) for e in events)
    assert marks == [
        (1, False, date(2026, 3, 2)),
        (1, False, date(2026, 3, 2)),
        (1, True, date(2026, 3, 2)),  # repaired, no session of its own
        (2, False, date(2026, 3, 9)),
        (2, True, date(2026, 3, 9)),
    ]  # the repair talked through in April is outside the period
