"""Sessions in the vault: numbered per client in date order."""

from __future__ import annotations

from datetime import datetime

from notes.records import Attendance, Session
from storage.audit import AuditAction
from storage.rows import save_row
from storage.vault import Vault

# Numbering is derived, never stored, so adding an earlier session renumbers the rest.
_SELECT = """
    SELECT s.id, s.client_id, s.starts_at, s.duration_minutes, s.attendance,
           ROW_NUMBER() OVER (PARTITION BY s.client_id ORDER BY s.starts_at, s.id),
           p.signed_at IS NOT NULL,
           EXISTS (SELECT 1 FROM conduct_checks c WHERE c.session_id = s.id AND c.state = 'due')
    FROM sessions s LEFT JOIN progress_notes p ON p.session_id = s.id
"""


def _session(row: tuple) -> Session:
    id_, client_id, starts_at, duration, attendance, number, signed, conduct_due = row
    return Session(
        id=id_,
        client_id=client_id,
        starts_at=datetime.fromisoformat(starts_at),
        duration_minutes=duration,
        attendance=Attendance(attendance),
        number=number,
        note_signed=bool(signed),
        conduct_due=bool(conduct_due),
    )


class SessionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def for_client(self, client_id: int) -> list[Session]:
        rows = self._vault.read(
            f"{_SELECT} WHERE s.client_id = ? ORDER BY s.starts_at, s.id", (client_id,)
        )
        return [_session(row) for row in rows]

    def get(self, session_id: int) -> Session:
        rows = self._vault.read(
            f"SELECT * FROM ({_SELECT} WHERE s.client_id ="
            " (SELECT client_id FROM sessions WHERE id = ?)) WHERE id = ?",
            (session_id, session_id),
        )
        if not rows:
            raise KeyError(session_id)
        return _session(rows[0])

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
