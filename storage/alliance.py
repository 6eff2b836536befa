"""The working alliance in the vault: alliance checks, ruptures, contract, goals, boundaries."""

from __future__ import annotations

import json
from datetime import date

from notes.alliance import (
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    ContractItem,
    Goal,
    GoalStatus,
    Rater,
    Repair,
    Rupture,
    RuptureKind,
)
from storage.audit import AuditAction
from storage.rows import save_row
from storage.sessions import COUNTED, EVENT_COUNTED
from storage.vault import Vault

# The columns each save writes, in the order of its values.
_RUPTURE_COLUMNS = (
    "session_id",
    "kind",
    "markers",
    "what_happened",
    "repair",
    "repair_session_id",
    "how_repaired",
)
_GOAL_COLUMNS = ("client_id", "text", "agreed_on", "reviewed_on", "status", "review_note")
_BOUNDARY_COLUMNS = (
    "client_id",
    "session_id",
    "occurred_on",
    "dimension",
    "kind",
    "what_happened",
    "discussed_in_supervision",
)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class AllianceRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- alliance checks ---------------------------------------------------------------------

    def ratings(self, client_id: int) -> list[AllianceRating]:
        """The client's checks, oldest session first; sessions without one are left out."""
        ratings: dict[int, AllianceRating] = {}
        for session_id, rater, question, score in self._vault.read(
            "SELECT a.session_id, a.rater, a.question, a.score FROM alliance_scores a"
            f" JOIN sessions s ON s.id = a.session_id WHERE s.client_id = ? AND {COUNTED}"
            " ORDER BY s.starts_at, s.id",
            (client_id,),
        ):
            rating = ratings.setdefault(session_id, AllianceRating(session_id))
            rating.scores(Rater(rater))[question] = score
        return list(ratings.values())

    def rating(self, session_id: int) -> AllianceRating:
        rating = AllianceRating(session_id)
        for rater, question, score in self._vault.read(
            "SELECT rater, question, score FROM alliance_scores WHERE session_id = ?",
            (session_id,),
        ):
            rating.scores(Rater(rater))[question] = score
        return rating

    def save_rating(self, rating: AllianceRating) -> None:
        """Replace the session's check with this one (an empty one removes it)."""
        rows = [
            (rating.session_id, rater.value, question, score)
            for rater in Rater
            for question, score in rating.scores(rater).items()
        ]
        with self._vault.transaction() as db:
            db.execute("DELETE FROM alliance_scores WHERE session_id = ?", (rating.session_id,))
            db.executemany(
                "INSERT INTO alliance_scores (session_id, rater, question, score)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )
            self._vault.audit(AuditAction.ALLIANCE_CHECK_SAVED, f"session {rating.session_id}")

    # -- ruptures ----------------------------------------------------------------------------

    def ruptures(self, client_id: int) -> list[Rupture]:
        rows = self._vault.read(
            "SELECT r.id, r.session_id, r.kind, r.markers, r.what_happened, r.repair,"
            " r.repair_session_id, r.how_repaired FROM ruptures r"
            f" JOIN sessions s ON s.id = r.session_id WHERE s.client_id = ? AND {COUNTED}"
            " ORDER BY s.starts_at, r.id",
            (client_id,),
        )
        return [
            Rupture(
                id=id_,
                session_id=session_id,
                kind=RuptureKind(kind),
                markers=json.loads(markers),
                what_happened=what,
                repair=Repair(repair),
                repair_session_id=repair_session,
                how_repaired=how,
            )
            for id_, session_id, kind, markers, what, repair, repair_session, how in rows
        ]

    def save_rupture(self, rupture: Rupture) -> Rupture:
        values = (
            rupture.session_id,
            rupture.kind.value,
            json.dumps(rupture.markers),
            rupture.what_happened,
            rupture.repair.value,
            rupture.repair_session_id,
            rupture.how_repaired,
        )
        rupture.id = save_row(
            self._vault,
            "ruptures",
            _RUPTURE_COLUMNS,
            values,
            rupture.id,
            "rupture",
            AuditAction.RUPTURE_RECORDED,
            AuditAction.RUPTURE_EDITED,
        )
        return rupture

    # -- the therapy contract ------------------------------------------------------------------

    def contract(self, client_id: int) -> list[ContractItem]:
        """The terms saved for this client (see notes.alliance.full_contract for all terms)."""
        return [
            ContractItem(
                client_id, term, _date(explained), None if agreed is None else bool(agreed), notes
            )
            for term, explained, agreed, notes in self._vault.read(
                "SELECT term, explained_on, agreed, notes FROM contract_terms WHERE client_id = ?",
                (client_id,),
            )
        ]

    def save_contract_item(self, item: ContractItem) -> None:
        agreed = None if item.agreed is None else int(item.agreed)
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO contract_terms (client_id, term, explained_on, agreed, notes)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (client_id, term) DO UPDATE SET"
                " explained_on = excluded.explained_on, agreed = excluded.agreed,"
                " notes = excluded.notes",
                (item.client_id, item.term, _day(item.explained_on), agreed, item.notes),
            )
            self._vault.audit(AuditAction.CONTRACT_TERM_SAVED, f"client {item.client_id}")

    # -- treatment goals -------------------------------------------------------------------------

    def goals(self, client_id: int) -> list[Goal]:
        return [
            Goal(client_id, text, _date(agreed), _date(reviewed), GoalStatus(status), note, id_)
            for id_, text, agreed, reviewed, status, note in self._vault.read(
                "SELECT id, text, agreed_on, reviewed_on, status, review_note"
                " FROM treatment_goals WHERE client_id = ? ORDER BY id",
                (client_id,),
            )
        ]

    def save_goal(self, goal: Goal) -> Goal:
        values = (
            goal.client_id,
            goal.text.strip(),
            _day(goal.agreed_on),
            _day(goal.reviewed_on),
            goal.status.value,
            goal.review_note,
        )
        goal.id = save_row(
            self._vault,
            "treatment_goals",
            _GOAL_COLUMNS,
            values,
            goal.id,
            "goal",
            AuditAction.GOAL_ADDED,
            AuditAction.GOAL_EDITED,
        )
        return goal

    # -- boundary events -----------------------------------------------------------------------

    def boundary_events(self, client_id: int, include_void: bool = False) -> list[BoundaryEvent]:
        """The client's boundary events, oldest first. One recorded on a void session follows
        it: left out, as everything on it is, unless asked for (the client page shows it,
        marked, outside the counts)."""
        counted = "" if include_void else f" AND {EVENT_COUNTED}"
        return [
            BoundaryEvent(
                client_id,
                date.fromisoformat(on),
                dimension,
                BoundaryKind(kind),
                what,
                bool(discussed),
                session_id,
                id_,
                session_void=not bool(counts),
            )
            for id_, on, dimension, kind, what, discussed, session_id, counts in self._vault.read(
                "SELECT id, occurred_on, dimension, kind, what_happened,"
                f" discussed_in_supervision, session_id, {EVENT_COUNTED} FROM boundary_events b"
                f" WHERE client_id = ?{counted} ORDER BY occurred_on, id",
                (client_id,),
            )
        ]

    def save_boundary_event(self, event: BoundaryEvent) -> BoundaryEvent:
        values = (
            event.client_id,
            event.session_id,
            event.occurred_on.isoformat(),
            event.dimension,
            event.kind.value,
            event.what_happened,
            int(event.discussed_in_supervision),
        )
        event.id = save_row(
            self._vault,
            "boundary_events",
            _BOUNDARY_COLUMNS,
            values,
            event.id,
            "boundary event",
            AuditAction.BOUNDARY_EVENT_RECORDED,
            AuditAction.BOUNDARY_EVENT_EDITED,
        )
        return event
