"""Supervision in the vault (migration 10): sessions with a supervisor, what was said about each
client, the items discussed, the actions agreed, the therapist's questions; and the agenda's
candidates, read from the records that feed it. Which of them are still open is decided in
notes/supervision.py.

A session is saved whole, in one transaction, with its audit line and its rows in the search
index (search_supervision: one row per session and client, keyed by supervision_clients.id).
An action keeps its id across edits of its session, so marking it done survives them. A
boundary event discussed in a session is also marked "discussed in supervision" on its own
record, so the client page says so too.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlcipher3

from notes import conduct
from notes.reports.inputs import format_date
from notes.supervision import (
    Action,
    AgendaItem,
    CarryOver,
    DiscussedItem,
    Discussion,
    ItemKind,
    ItemRef,
    Question,
    Supervision,
    boundary_item,
    carried_over,
    conduct_item,
    observation_item,
    question_item,
    rupture_item,
)
from storage.alliance import AllianceRepository
from storage.audit import AuditAction
from storage.conduct import ConductRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository
from storage.vault import Vault


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _record(supervision_id: int) -> str:
    return f"supervision {supervision_id}"


class SupervisionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- supervision sessions ----------------------------------------------------------------

    def sessions(self) -> list[Supervision]:
        """Every supervision session, oldest first, with what it discussed and agreed."""
        found = {
            id_: Supervision(date.fromisoformat(held_on), supervisor, id=id_)
            for id_, held_on, supervisor in self._vault.read(
                "SELECT id, held_on, supervisor FROM supervision_sessions ORDER BY held_on, id"
            )
        }
        for supervision_id, client_id, said in self._vault.read(
            "SELECT supervision_id, client_id, said FROM supervision_clients ORDER BY id"
        ):
            found[supervision_id].discussions.append(Discussion(client_id, said))
        for supervision_id, client_id, kind, ref in self._vault.read(
            "SELECT supervision_id, client_id, kind, ref FROM supervision_items ORDER BY rowid"
        ):
            found[supervision_id].items.append(
                DiscussedItem(client_id, ItemRef(ItemKind(kind), ref))
            )
        for id_, supervision_id, client_id, kind, ref, text, done_on in self._vault.read(
            "SELECT id, supervision_id, client_id, item_kind, item_ref, text, done_on"
            " FROM supervision_actions ORDER BY id"
        ):
            item = ItemRef(ItemKind(kind), ref) if kind is not None else None
            found[supervision_id].actions.append(Action(client_id, text, item, _day(done_on), id_))
        return list(found.values())

    def save(self, supervision: Supervision) -> Supervision:
        """Insert a new session or replace an existing one's content; actions keep their ids
        and whether they are done (which only `set_action_done` changes), new ones get ids."""
        with self._vault.transaction() as db:
            if supervision.id is None:
                supervision.id = db.execute(
                    "INSERT INTO supervision_sessions (held_on, supervisor, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?)",
                    (
                        supervision.held_on.isoformat(),
                        supervision.supervisor.strip(),
                        _now(),
                        _now(),
                    ),
                ).lastrowid
                action = AuditAction.SUPERVISION_RECORDED
            else:
                db.execute(
                    "UPDATE supervision_sessions SET held_on = ?, supervisor = ?, updated_at = ?"
                    " WHERE id = ?",
                    (
                        supervision.held_on.isoformat(),
                        supervision.supervisor.strip(),
                        _now(),
                        supervision.id,
                    ),
                )
                action = AuditAction.SUPERVISION_EDITED
            self._write_parts(db, supervision)
            self._index(db, supervision)
            self._vault.audit(action, _record(supervision.id))
        return supervision

    def _write_parts(self, db: sqlcipher3.Connection, supervision: Supervision) -> None:
        id_ = supervision.id
        said = {d.client_id: d.said.strip() for d in supervision.discussions}
        db.execute("DELETE FROM supervision_clients WHERE supervision_id = ?", (id_,))
        db.executemany(
            "INSERT INTO supervision_clients (supervision_id, client_id, said) VALUES (?, ?, ?)",
            [(id_, client_id, said.get(client_id, "")) for client_id in supervision.client_ids()],
        )
        db.execute("DELETE FROM supervision_items WHERE supervision_id = ?", (id_,))
        items = list(dict.fromkeys(supervision.items))
        db.executemany(
            "INSERT INTO supervision_items (supervision_id, client_id, kind, ref)"
            " VALUES (?, ?, ?, ?)",
            [(id_, i.client_id, i.item.kind.value, i.item.ref) for i in items],
        )
        db.executemany(
            "UPDATE boundary_events SET discussed_in_supervision = 1 WHERE id = ?",
            [(int(i.item.ref),) for i in items if i.item.kind is ItemKind.BOUNDARY],
        )
        kept = [a.id for a in supervision.actions if a.id is not None]
        db.execute(
            f"DELETE FROM supervision_actions WHERE supervision_id = ?"
            f" AND id NOT IN ({','.join('?' * len(kept))})",
            (id_, *kept),
        )
        for action in supervision.actions:
            values = (
                action.client_id,
                action.item.kind.value if action.item else None,
                action.item.ref if action.item else None,
                action.text.strip(),
                action.done_on.isoformat() if action.done_on else None,
            )
            if action.id is None:
                action.id = db.execute(
                    "INSERT INTO supervision_actions (client_id, item_kind, item_ref, text,"
                    " done_on, supervision_id) VALUES (?, ?, ?, ?, ?, ?)",
                    (*values, id_),
                ).lastrowid
            else:  # done or not is set by set_action_done only: an edit may be stale
                db.execute(
                    "UPDATE supervision_actions SET client_id = ?, item_kind = ?, item_ref = ?,"
                    " text = ? WHERE id = ? AND supervision_id = ?",
                    (*values[:4], action.id, id_),
                )

    def _index(self, db: sqlcipher3.Connection, supervision: Supervision) -> None:
        """Rewrite the session's rows in the search index, one per client it concerned."""
        db.execute(
            "DELETE FROM search_supervision WHERE rowid IN"
            " (SELECT id FROM supervision_clients WHERE supervision_id = ?)",
            (supervision.id,),
        )
        # The rows of supervision_clients were just replaced: drop what no row names any more.
        db.execute(
            "DELETE FROM search_supervision WHERE rowid NOT IN (SELECT id FROM supervision_clients)"
        )
        for row_id, client_id in db.execute(
            "SELECT id, client_id FROM supervision_clients WHERE supervision_id = ?",
            (supervision.id,),
        ).fetchall():
            actions = "\n".join(a.text for a in supervision.actions if a.client_id == client_id)
            db.execute(
                "INSERT INTO search_supervision (rowid, supervisor, said, actions)"
                " VALUES (?, ?, ?, ?)",
                (row_id, supervision.supervisor, supervision.said_about(client_id), actions),
            )

    def delete(self, supervision_id: int) -> None:
        """Remove a supervision session with what was said and its agreed actions; the items it
        discussed are open again. The audit line names it by its day, as nothing else can."""
        with self._vault.transaction() as db:
            row = db.execute(
                "SELECT held_on FROM supervision_sessions WHERE id = ?", (supervision_id,)
            ).fetchone()
            if row is None:
                return
            db.execute(
                "DELETE FROM search_supervision WHERE rowid IN"
                " (SELECT id FROM supervision_clients WHERE supervision_id = ?)",
                (supervision_id,),
            )
            for table in ("supervision_actions", "supervision_items", "supervision_clients"):
                db.execute(f"DELETE FROM {table} WHERE supervision_id = ?", (supervision_id,))
            db.execute("DELETE FROM supervision_sessions WHERE id = ?", (supervision_id,))
            held_on = format_date(date.fromisoformat(row[0]))
            self._vault.audit(AuditAction.SUPERVISION_DELETED, f"supervision of {held_on}")

    def set_action_done(self, action_id: int, done_on: date | None) -> None:
        """Mark an action done on `done_on`, or open again with None."""
        with self._vault.transaction() as db:
            db.execute(
                "UPDATE supervision_actions SET done_on = ? WHERE id = ?",
                (done_on.isoformat() if done_on else None, action_id),
            )
            self._vault.audit(
                AuditAction.SUPERVISION_ACTION_DONE
                if done_on
                else AuditAction.SUPERVISION_ACTION_REOPENED,
                f"supervision action {action_id}",
            )

    # -- the therapist's questions -------------------------------------------------------------

    def questions(self) -> list[Question]:
        return [
            Question(client_id, text, date.fromisoformat(asked_on), id_)
            for id_, client_id, asked_on, text in self._vault.read(
                "SELECT id, client_id, asked_on, text FROM supervision_questions"
                " ORDER BY asked_on, id"
            )
        ]

    def add_question(self, question: Question) -> Question:
        with self._vault.transaction() as db:
            question.id = db.execute(
                "INSERT INTO supervision_questions (client_id, asked_on, text) VALUES (?, ?, ?)",
                (question.client_id, question.asked_on.isoformat(), question.text.strip()),
            ).lastrowid
            self._vault.audit(
                AuditAction.SUPERVISION_QUESTION_ADDED, f"client {question.client_id}"
            )
        return question

    def carry_over(self, client_id: int) -> CarryOver:
        """What the next supervision report on the client carries over (open actions, items)."""
        return carried_over(client_id, self.candidates([client_id]), self.sessions())

    # -- the agenda's candidates ----------------------------------------------------------------

    def candidates(self, client_ids: list[int]) -> list[AgendaItem]:
        """Everything meant for supervision about these clients, open or not."""
        alliance = AllianceRepository(self._vault)
        observations = ObservationRepository(self._vault)
        checks = ConductRepository(self._vault)
        prompts = checks.prompt_set()
        labels = {c.id: c.label for c in CategoryRepository(self._vault).list()}
        sessions = SessionRepository(self._vault)
        wanted = set(client_ids)
        items = [question_item(q) for q in self.questions() if q.client_id in wanted]
        for client_id in client_ids:
            days = {s.id: s.starts_at.date() for s in sessions.for_client(client_id)}
            items += [
                observation_item(o, client_id, labels.get(o.category_id, ""), days[o.session_id])
                for o in observations.for_client(client_id)
                if o.supervision
            ]
            items += [
                rupture_item(r, client_id, days[r.session_id]) for r in alliance.ruptures(client_id)
            ]
            items += [boundary_item(e) for e in alliance.boundary_events(client_id)]
            answered = conduct.answered_checks(checks.for_client(client_id))
            latest = max((c.starts_at for c in answered if c.starts_at), default=None)
            items += [
                conduct_item(p, client_id, latest.date() if latest else None)
                for p in conduct.conduct_patterns(answered, prompts)
            ]
        return items
