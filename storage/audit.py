"""The append-only audit log: time, action and record, never any note text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlcipher3


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
