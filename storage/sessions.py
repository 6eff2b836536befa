"""Sessions in the vault: numbered per client in date order; edited, deleted or voided.

A void session (migration 9) keeps its row and its note but has no number, and the other
repositories leave what is recorded on it out of a client's lists (`COUNTED`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from notes.audit_records import session_record
from notes.records import Attendance, Session
from notes.session_changes import SessionContents
from storage.audit import AuditAction
from storage.errors import SessionIsVoid
from storage.rows import save_row
from storage.vault import Vault

# Numbering is derived, never stored, so adding an earlier session renumbers the rest; void
# sessions are left out of it (their number is 0). It is counted here over the client's rows in
# date order (`_numbered`), not by SQL's ROW_NUMBER(): that window was two thirds of the time
# the list of a 1,000-session client took to read (3.4 ms of 4), in the click that opens them.
_SELECT = """
    SELECT s.id, s.client_id, s.starts_at, s.duration_minutes, s.attendance,
           p.signed_at IS NOT NULL,
           EXISTS (SELECT 1 FROM conduct_checks c WHERE c.session_id = s.id AND c.state = 'due'),
           v.reason, v.voided_at
    FROM sessions s LEFT JOIN progress_notes p ON p.session_id = s.id
    LEFT JOIN session_voids v ON v.session_id = s.id
"""

# For a query over sessions `s`: only those that count (not void). The repositories that read
# a client's records through their sessions (alliance, ruptures, observations, conduct,
# measures) add it, so nothing recorded on a void session reaches a chart or a report.
COUNTED = "s.id NOT IN (SELECT session_id FROM session_voids)"


# The same for a boundary event `b`, which may be recorded outside any session (and counts).
EVENT_COUNTED = "coalesce(b.session_id NOT IN (SELECT session_id FROM session_voids), 1)"


def refuse_if_void(db: Any, session_id: int) -> None:
    """Inside a transaction that adds to a session's notes (its process note, an addendum):
    a void session takes nothing more, whichever window asks."""
    if db.execute("SELECT 1 FROM session_voids WHERE session_id = ?", (session_id,)).fetchone():
        raise SessionIsVoid()


def _numbered(rows: list[tuple]) -> list[Session]:
    """One client's sessions from their rows, read in date order (ORDER BY s.starts_at, s.id):
    those that count numbered from 1, a void one 0."""
    sessions = []
    counted = 0
    for row in rows:
        void = row[-1] is not None  # v.voided_at
        counted += not void
        sessions.append(_session(row, 0 if void else counted))
    return sessions


def _session(row: tuple, number: int) -> Session:
    (
        id_,
        client_id,
        starts_at,
        duration,
        attendance,
        signed,
        conduct_due,
        void_reason,
        voided_at,
    ) = row
    return Session(
        id=id_,
        client_id=client_id,
        starts_at=datetime.fromisoformat(starts_at),
        duration_minutes=duration,
        attendance=Attendance(attendance),
        number=number,
        note_signed=bool(signed),
        conduct_due=bool(conduct_due),
        void_reason=void_reason or "",
        voided_at=datetime.fromisoformat(voided_at) if voided_at else None,
    )


# What deleting a session removes, in the order that keeps every reference whole.
_DELETED_WITH_SESSION = (
    "observations",
    "process_notes",
    "progress_notes",  # a draft: the signed-note trigger refuses a signed one
    "conduct_answers",
    "conduct_checks",
    "alliance_scores",
    "ruptures",
    "measure_responses",
)


class SessionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def for_client(self, client_id: int, include_void: bool = False) -> list[Session]:
        """The client's sessions, oldest first; void ones only when asked (the session list)."""
        rows = self._vault.read(
            f"{_SELECT} WHERE s.client_id = ? ORDER BY s.starts_at, s.id", (client_id,)
        )
        sessions = _numbered(rows)
        return sessions if include_void else [s for s in sessions if not s.void]

    def get(self, session_id: int) -> Session:
        """One session, numbered among its client's (so all of theirs are read)."""
        owner = self._vault.read_one("SELECT client_id FROM sessions WHERE id = ?", (session_id,))
        if owner is not None:
            for session in self.for_client(owner[0], include_void=True):
                if session.id == session_id:
                    return session
        raise KeyError(session_id)

    def save(self, session: Session) -> Session:
        values = (
            session.client_id,
            session.starts_at.isoformat(timespec="minutes"),
            session.duration_minutes,
            session.attendance.value,
        )
        session.id = save_row(
            self._vault,
            "sessions",
            ("client_id", "starts_at", "duration_minutes", "attendance"),
            values,
            session.id,
            "session",
            AuditAction.SESSION_ADDED,
            AuditAction.SESSION_EDITED,
        )
        return self.get(session.id)

    def contents(self, session_id: int) -> SessionContents:
        """What is recorded on the session, for the question before deleting it."""

        def count(table: str, where: str = "session_id = ?") -> int:
            return self._vault.read_one(
                f"SELECT count(*) FROM {table} WHERE {where}", (session_id,)
            )[0]

        written = self._vault.read_one(
            "SELECT EXISTS (SELECT 1 FROM progress_notes p, json_each(p.sections) j"
            " WHERE p.session_id = ? AND trim(j.value) != '')",
            (session_id,),
        )[0]
        return SessionContents(
            progress_note=bool(written),
            process_note=bool(count("process_notes", "session_id = ? AND trim(text) != ''")),
            observations=count("observations"),
            alliance_check=bool(count("alliance_scores")),
            conduct_check=bool(count("conduct_checks", "session_id = ? AND state = 'done'")),
            ruptures=count("ruptures"),
            measures=count("measure_responses"),
            boundary_events=count("boundary_events"),
        )

    def delete(self, session_id: int) -> None:
        """Delete a session without a signed note, and everything recorded on it, in one
        transaction. Boundary events stay with the client; a rupture repaired in this session
        keeps its repair but no longer names the session. A signed note refuses (NoteIsSigned)."""
        session = self.get(session_id)
        with self._vault.transaction() as db:
            for table in _DELETED_WITH_SESSION:
                db.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
            db.execute(
                "UPDATE ruptures SET repair_session_id = NULL WHERE repair_session_id = ?",
                (session_id,),
            )
            db.execute(
                "UPDATE boundary_events SET session_id = NULL WHERE session_id = ?", (session_id,)
            )
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            self._vault.audit(
                AuditAction.SESSION_DELETED,
                session_record(session_id, session.client_id, session.number),
            )

    def void(self, session_id: int, reason: str, at: datetime | None = None) -> Session:
        """Mark a session with a signed note void, with the reason: it stays, never deleted."""
        session = self.get(session_id)
        moment = (at or datetime.now()).isoformat(timespec="seconds")
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO session_voids (session_id, reason, voided_at) VALUES (?, ?, ?)",
                (session_id, reason.strip(), moment),
            )
            self._vault.audit(
                AuditAction.SESSION_VOIDED,
                session_record(session_id, session.client_id, session.number),
            )
        return self.get(session_id)
