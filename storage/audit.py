"""The append-only audit log: time, action and record, never any note text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import sqlcipher3

if TYPE_CHECKING:  # vault.py imports this module to write the log
    from storage.vault import Vault


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    action: str
    record: str


# Autosave writes a note every few seconds of typing; one line per burst of editing is enough.
_COALESCE_SECONDS = 600


def append(connection: sqlcipher3.Connection, action: str, record: str = "") -> None:
    now = datetime.now()
    last = connection.execute(
        "SELECT at, action, record FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if (
        action.endswith(" saved")
        and last
        and last[1:] == (action, record)
        and (now - datetime.fromisoformat(last[0])).total_seconds() < _COALESCE_SECONDS
    ):
        return
    connection.execute(
        "INSERT INTO audit_log (at, action, record) VALUES (?, ?, ?)",
        (now.isoformat(timespec="seconds"), action, record),
    )


def entries(rows: list[tuple]) -> list[AuditEntry]:
    return [AuditEntry(datetime.fromisoformat(at), action, record) for at, action, record in rows]


class AuditLog:
    """Reading the log, newest first, filtered by day and action."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def read(
        self,
        since: date | None = None,
        until: date | None = None,
        action: str | None = None,
        limit: int = 5000,
    ) -> list[AuditEntry]:
        clauses, values = [], []
        if since:
            clauses.append("at >= ?")
            values.append(since.isoformat())
        if until:
            clauses.append("at < ?")
            values.append((until + timedelta(days=1)).isoformat())
        if action:
            clauses.append("action = ?")
            values.append(action)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._vault.read(
            f"SELECT at, action, record FROM audit_log {where} ORDER BY id DESC LIMIT ?",
            (*values, limit),
        )
        return entries(rows)

    def actions(self) -> list[str]:
        return [
            row[0] for row in self._vault.read("SELECT DISTINCT action FROM audit_log ORDER BY 1")
        ]
