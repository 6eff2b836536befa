"""Write a synthetic caseload into a vault fast: one transaction, executemany per client.

Clients, and the records around the notes (alliance and conduct checks, ruptures, contract,
goals, boundary events, observations), go through storage's repositories — the public API.
Sessions, notes, addenda and their audit lines go in through the vault's own transaction
connection with the same columns the repositories write, because saving 50,000 sessions one by
one through SessionRepository (which reads each session back with its number) would take many
minutes. The schema's triggers run as usual, so the full-text indexes are filled exactly as the
app fills them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from bench.synthetic import Shape, SyntheticClient, caseload
from bench.synthetic_records import client_records, day_of
from notes.alliance import AllianceRating, BoundaryEvent, ContractItem, Goal, Rupture
from notes.observations import Observation
from storage import history_chain
from storage.alliance import AllianceRepository
from storage.audit import AuditAction
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.vault import Vault

WriteProgress = Callable[[int, int], None]  # (sessions written, sessions in all)

_SESSION = (
    "INSERT INTO sessions (id, client_id, starts_at, duration_minutes, attendance)"
    " VALUES (?, ?, ?, ?, ?)"
)
_PROGRESS = (
    "INSERT INTO progress_notes (session_id, template, sections, signed_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?)"
)
_PROCESS = "INSERT INTO process_notes (session_id, text, updated_at) VALUES (?, ?, ?)"
_ADDENDUM = "INSERT INTO addenda (session_id, written_at, text) VALUES (?, ?, ?)"
_AUDIT = "INSERT INTO audit_log (at, action, record) VALUES (?, ?, ?)"
_LAST_SESSION = "SELECT coalesce(max(id), 0) FROM sessions"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def write_caseload(
    vault: Vault, shape: Shape, progress: WriteProgress | None = None, counts: Counter | None = None
) -> int:
    """Fill `vault` with `shape`'s synthetic caseload in one transaction; returns sessions.

    `counts`, when given, is filled with how many of each kind of record were written.
    """
    clients = ClientRepository(vault)
    counts = Counter() if counts is None else counts
    written = 0
    with vault.transaction() as db:
        next_id = db.execute(_LAST_SESSION).fetchone()[0] + 1
        for index, synthetic in enumerate(caseload(shape)):
            client_id = clients.save(synthetic.client).id
            first_id = next_id
            next_id = _write_sessions(db, client_id, synthetic, first_id, counts)
            _write_records(vault, client_id, index, synthetic, first_id, counts)
            written += len(synthetic.sessions)
            if progress:
                progress(written, shape.sessions)
        # Rows written in bulk bypass the repositories: chain them as the migration would.
        history_chain.chain_unchained(db)
    return written


def _write_sessions(
    db, client_id: int, synthetic: SyntheticClient, first_id: int, counts: Counter
) -> int:
    sessions, progress_notes, process_notes, addenda, audit = [], [], [], [], []
    for session_id, item in enumerate(synthetic.sessions, first_id):
        starts = item.starts_at.isoformat(timespec="minutes")
        written = _iso(item.signed_at or item.starts_at)
        record = f"session {session_id}"
        sessions.append((session_id, client_id, starts, item.duration_minutes, item.attendance))
        progress_notes.append(
            (session_id, item.template, json.dumps(item.sections), _iso(item.signed_at), written)
        )
        process_notes.append((session_id, item.process_text, written))
        audit += [
            (_iso(item.starts_at), AuditAction.SESSION_ADDED.value, record),
            (written, AuditAction.PROGRESS_NOTE_SAVED.value, record),
            (written, AuditAction.PROCESS_NOTE_SAVED.value, record),
        ]
        if item.signed_at:
            audit.append((written, AuditAction.PROGRESS_NOTE_SIGNED.value, record))
        if item.addendum and item.signed_at:
            addenda.append((session_id, written, item.addendum))
            audit.append((written, AuditAction.ADDENDUM_ADDED.value, record))
    db.executemany(_SESSION, [(*row[:4], row[4].value) for row in sessions])
    db.executemany(_PROGRESS, progress_notes)
    db.executemany(_PROCESS, process_notes)
    db.executemany(_ADDENDUM, addenda)
    db.executemany(_AUDIT, audit)
    counts.update(
        clients=1,
        sessions=len(sessions),
        progress_notes=len(progress_notes),
        process_notes=len(process_notes),
        addenda=len(addenda),
    )
    return first_id + len(synthetic.sessions)


def _write_records(
    vault: Vault,
    client_id: int,
    index: int,
    synthetic: SyntheticClient,
    first_id: int,
    counts: Counter,
) -> None:
    """The client's other records, through the repositories; sessions are first_id + index."""
    records = client_records(index, synthetic.sessions)
    counts.update(
        alliance_checks=len(records.ratings),
        conduct_checks=len(records.checks),
        ruptures=len(records.ruptures),
        contract_terms=len(records.contract),
        goals=len(records.goals),
        boundary_events=len(records.boundaries),
        observations=len(records.observations),
    )
    alliance, conduct = AllianceRepository(vault), ConductRepository(vault)
    observations = ObservationRepository(vault)
    categories = {(c.kind, c.key): c.id for c in CategoryRepository(vault).list()}
    for rating in records.ratings:
        alliance.save_rating(
            AllianceRating(first_id + rating.index, rating.client, rating.therapist)
        )
    for check in records.checks:
        if check.answers is None:
            conduct.mark_due(first_id + check.index)
        else:
            conduct.save_answers(first_id + check.index, check.answers)
    for r in records.ruptures:
        repaired_in = None if r.repair_index is None else first_id + r.repair_index
        alliance.save_rupture(
            Rupture(first_id + r.index, r.kind, r.markers, r.what_happened, r.repair, repaired_in)
        )
    for term, at, agreed in records.contract:
        alliance.save_contract_item(
            ContractItem(client_id, term, day_of(synthetic.sessions, at), agreed)
        )
    for goal in records.goals:
        alliance.save_goal(
            Goal(
                client_id,
                goal.text,
                day_of(synthetic.sessions, goal.agreed_index),
                day_of(synthetic.sessions, goal.reviewed_index),
                goal.status,
            )
        )
    for event in records.boundaries:
        alliance.save_boundary_event(
            BoundaryEvent(
                client_id,
                day_of(synthetic.sessions, event.index),
                event.dimension,
                event.kind,
                event.what_happened,
                event.discussed,
                first_id + event.index,
            )
        )
    for o in records.observations:
        observations.save(
            Observation(
                first_id + o.index,
                o.kind,
                categories[(o.kind, o.category_key)],
                o.intensity,
                o.figure,
                o.what_happened,
                o.what_i_felt,
                o.how_i_responded,
                o.supervision,
                o.quote,
                o.anchor,
            )
        )
