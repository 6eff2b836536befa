"""How the audit screen names a record: by client code and session number, not row number.

The log itself keeps "session 108" and "client 6" (ids never change, codes may, and lines
already written must keep matching); this words them for the person reading the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_RECORD = re.compile(r"\b(client|session) (\d+)\b")


@dataclass(frozen=True)
class RecordNames:
    clients: dict[int, str] = field(default_factory=dict)  # client id → code
    sessions: dict[int, tuple[str, int]] = field(default_factory=dict)  # id → (code, number)

    def describe(self, record: str) -> str:
        """ "session 108" → "RK-01 · session 3", "client 6" → "RK-01"; unknown ids stay."""

        def name(match: re.Match[str]) -> str:
            kind, id_ = match.group(1), int(match.group(2))
            if kind == "client" and id_ in self.clients:
                return self.clients[id_]
            if kind == "session" and id_ in self.sessions:
                code, number = self.sessions[id_]
                return f"{code} · session {number}"
            return match.group(0)

        return _RECORD.sub(name, record)
