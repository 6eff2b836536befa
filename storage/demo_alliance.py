"""Write a demo client's alliance records (notes/demo/alliance.py) once their sessions exist."""

from __future__ import annotations

from notes.alliance import AllianceRating, BoundaryEvent, ContractItem, Goal, Rupture
from notes.conduct import ConductAnswer, default_prompt_set
from notes.demo.alliance import demo_alliance, session_day
from notes.demo.caseload import DemoSession
from storage.alliance import AllianceRepository
from storage.conduct import ConductRepository
from storage.vault import Vault


def write_alliance_demo(vault: Vault, client_id: int, code: str, items: list[DemoSession]) -> None:
    """`items` are the client's demo sessions, already saved (each session has its id)."""
    demo = demo_alliance(code, items)
    alliance, conduct = AllianceRepository(vault), ConductRepository(vault)
    ids = [item.session.id for item in items]
    prompts = default_prompt_set()
    for check in demo.checks:
        if check.due:
            conduct.mark_due(ids[check.index])
            continue
        answers = []
        for key, answer, comment in check.answers:
            prompt = prompts.prompt(key)
            answers.append(ConductAnswer(key, prompt.group, prompt.text, answer, comment))
        conduct.save_answers(ids[check.index], answers)
    for rating in demo.ratings:
        alliance.save_rating(AllianceRating(ids[rating.index], rating.client, rating.therapist))
    for r in demo.ruptures:
        repaired_in = ids[r.repair_index] if r.repair_index is not None else None
        alliance.save_rupture(
            Rupture(
                ids[r.index],
                r.kind,
                r.markers,
                r.what_happened,
                r.repair,
                repaired_in,
                r.how_repaired,
            )
        )
    for term in demo.contract:
        alliance.save_contract_item(
            ContractItem(
                client_id,
                term.term,
                session_day(items, term.explained_index),
                term.agreed,
                term.notes,
            )
        )
    for goal in demo.goals:
        alliance.save_goal(
            Goal(
                client_id,
                goal.text,
                session_day(items, goal.agreed_index),
                session_day(items, goal.reviewed_index),
                goal.status,
                goal.review_note,
            )
        )
    for event in demo.boundaries:
        alliance.save_boundary_event(
            BoundaryEvent(
                client_id,
                session_day(items, event.index),
                event.dimension,
                event.kind,
                event.what_happened,
                event.discussed,
                ids[event.index],
            )
        )
