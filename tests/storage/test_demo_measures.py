"""The demo caseload's measures: Maya improves as her alliance grows, Daniel deteriorates after
an unrepaired rupture, Priya stalls; Maya's first PHQ-9 has item 9 above 0."""

from __future__ import annotations

from datetime import date

from notes.alliance import Rater, Repair
from notes.measures.change import ChangeKind, change_between
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.demo import write_demo
from storage.measures import MeasureRepository


def test_the_three_courses(vault):
    write_demo(vault, date(2026, 6, 1))
    clients = {c.code: c for c in ClientRepository(vault).list(include_closed=True)}
    measures, alliance = MeasureRepository(vault), AllianceRepository(vault)

    def course(code: str):
        phq = [m for m in measures.for_client(clients[code].id) if m.instrument_key == "phq9"]
        return phq, change_between(phq[0].score, phq[-1].score, phq[0].instrument.change)

    maya, maya_change = course("ML-01")
    assert maya_change.kind is ChangeKind.IMPROVED and maya_change.clinically_significant
    assert maya[0].raised_flags() and not maya[-1].raised_flags()
    ratings = alliance.ratings(clients["ML-01"].id)
    assert ratings[-1].mean(Rater.CLIENT) > ratings[0].mean(Rater.CLIENT)

    _, daniel_change = course("DO-01")
    assert daniel_change.kind is ChangeKind.DETERIORATED
    assert any(r.repair is Repair.NOT_YET for r in alliance.ruptures(clients["DO-01"].id))

    _, priya_change = course("PR-01")
    assert priya_change.kind is ChangeKind.NO_RELIABLE_CHANGE
    assert {m.answered_by.value for m in measures.for_client(clients["PR-01"].id)} == {
        "client",
        "therapist",
    }
