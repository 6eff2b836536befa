"""How the audit screen names a record: by client code and session number, not row number.

The log itself keeps "session 108" and "client 6" (ids never change, codes may, and lines
already written must keep matching); this words them for the person reading the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from notes.reports.inputs import format_date

_RECORD = re.compile(r"\b(client|session|supervision) (\d+)\b")
# A session deleted or voided: its row (or its number) is gone, so the line keeps both.
_GONE = re.compile(r"\bsession (\d+) \(client (\d+), number (\d+)\)")


def session_record(session_id: int, client_id: int, number: int) -> str:
    """How a line names a session that will not be found by its number later (deleted, or
    voided and so unnumbered): "session 108 (client 6, number 3)"."""
    return f"session {session_id} (client {client_id}, number {number})"


@dataclass(frozen=True)
class RecordNames:
    clients: dict[int, str] = field(default_factory=dict)  # client id → code
    # id → (code, number); a void session's number is 0
    sessions: dict[int, tuple[str, int]] = field(default_factory=dict)
    supervisions: dict[int, date] = field(default_factory=dict)  # id → the day it was held

    def describe(self, record: str) -> str:
        """ "session 108" → "RK-01 · session 3", "client 6" → "RK-01", "supervision 2" →
        "supervision of 3 Nov 2026"; unknown ids stay."""

        def gone(match: re.Match[str]) -> str:
            client_id, number = int(match.group(2)), int(match.group(3))
            code = self.clients.get(client_id, f"client {client_id}")
            return f"{code} · session {number}"

        def name(match: re.Match[str]) -> str:
            kind, id_ = match.group(1), int(match.group(2))
            if kind == "client" and id_ in self.clients:
                return self.clients[id_]
            if kind == "session" and id_ in self.sessions:
                code, number = self.sessions[id_]
                return f"{code} · session {number}" if number else f"{code} · a void session"
            if kind == "supervision" and id_ in self.supervisions:
                return f"supervision of {format_date(self.supervisions[id_])}"
            return match.group(0)

        if _GONE.search(record):
            return _GONE.sub(gone, record)
        return _RECORD.sub(name, record)
