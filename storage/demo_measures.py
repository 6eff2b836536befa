"""Write a demo client's outcome measures (notes/demo/measures.py) once their sessions and
alliance records exist; a late unrepaired rupture lowers the client's checks after it."""

from __future__ import annotations

from notes.alliance import Repair, Rupture
from notes.demo.caseload import DemoSession
from notes.demo.measures import demo_measures
from notes.measures.scoring import MeasureResponse
from storage.alliance import AllianceRepository
from storage.measures import MeasureRepository
from storage.vault import Vault


def write_measures_demo(vault: Vault, code: str, items: list[DemoSession]) -> None:
    demo = demo_measures(code, items)
    ids = [item.session.id for item in items]
    store = MeasureRepository(vault)
    for m in demo.measures:
        store.save(
            MeasureResponse(ids[m.index], m.instrument_key, m.answers, m.closing, m.answered_by)
        )
    if demo.rupture is None:
        return
    index, late = demo.rupture
    alliance = AllianceRepository(vault)
    alliance.save_rupture(
        Rupture(ids[index], late.kind, list(late.markers), late.what_happened, Repair.NOT_YET)
    )
    for session_id in ids[index:]:
        rating = alliance.rating(session_id)
        if rating.client:
            rating.client = {k: max(0, v - late.dip) for k, v in rating.client.items()}
            alliance.save_rating(rating)
