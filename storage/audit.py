"""The append-only audit log: time, action and record, never any note text.

Every kind of line is an AuditAction; the vault writes them (Vault.audit) and the audit screen
shows and filters by their text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum, unique
from typing import TYPE_CHECKING

import sqlcipher3

from notes.signed_history import EntryKind
from storage import history_chain

if TYPE_CHECKING:  # vault.py imports this module to write the log
    from storage.vault import Vault


@unique
class AuditAction(StrEnum):
    """What an audit line says was done. The text is what the log holds, so it never changes:
    lines written by earlier versions must still match the audit screen's filter."""

    VAULT_CREATED = "vault created"
    UNLOCK = "unlock"
    FAILED_UNLOCK = "failed unlock"
    LOCK = "lock"
    BACKUP = "backup"
    RESTORE = "restore"
    PASSPHRASE_CHANGED = "passphrase changed"
    HANDED_OFF = "handed off"
    TAKEN_OVER = "taken over"

    CLIENT_ADDED = "client added"
    CLIENT_EDITED = "client edited"
    CASE_CLOSED = "case closed"
    CASE_REOPENED = "case reopened"
    SESSION_ADDED = "session added"
    SESSION_EDITED = "session edited"
    SESSION_DELETED = "session deleted"
    SESSION_VOIDED = "session voided"

    PROGRESS_NOTE_SAVED = "progress note saved"
    PROGRESS_NOTE_SIGNED = "progress note signed"
    ADDENDUM_ADDED = "addendum added"
    PROCESS_NOTE_SAVED = "process note saved"

    ALLIANCE_CHECK_SAVED = "alliance check saved"
    RUPTURE_RECORDED = "rupture recorded"
    RUPTURE_EDITED = "rupture edited"
    MEASURE_SAVED = "measure saved"
    CONTRACT_TERM_SAVED = "contract term saved"
    GOAL_ADDED = "goal added"
    GOAL_EDITED = "goal edited"
    BOUNDARY_EVENT_RECORDED = "boundary event recorded"
    BOUNDARY_EVENT_EDITED = "boundary event edited"

    CONDUCT_PROMPTS_EDITED = "conduct prompts edited"
    CONDUCT_CHECK_PUT_OFF = "conduct check put off"
    CONDUCT_CHECK_ANSWERED = "conduct check answered"

    OBSERVATION_CATEGORY_ADDED = "observation category added"
    OBSERVATION_CATEGORY_EDITED = "observation category edited"
    OBSERVATION_ADDED = "observation added"
    OBSERVATION_EDITED = "observation edited"
    OBSERVATION_DELETED = "observation deleted"

    SUPERVISION_RECORDED = "supervision recorded"
    SUPERVISION_EDITED = "supervision edited"
    SUPERVISION_DELETED = "supervision deleted"
    SUPERVISION_ACTION_DONE = "supervision action done"
    SUPERVISION_ACTION_REOPENED = "supervision action reopened"
    SUPERVISION_QUESTION_ADDED = "supervision question added"
    SUPERVISOR_COMMENTS_READ = "supervisor comments read"
    SUPERVISOR_COMMENT_DONE = "supervisor comment done"
    SUPERVISOR_COMMENT_REOPENED = "supervisor comment reopened"

    SUPERVISION_REPORT_EXPORTED = "supervision report exported"
    IDENTIFIED_SUPERVISION_REPORT_EXPORTED = "identified supervision report exported"
    RECORD_EXPORTED = "record exported"
    RECORD_WITH_PROCESS_NOTES_EXPORTED = "record with process notes exported"

    @property
    def changes_records(self) -> bool:
        """False for lines that leave every record as they were: copies of a vault are
        compared by the other lines (notes/lineage.py)."""
        return self not in _LEAVES_RECORDS

    @property
    def coalesces(self) -> bool:
        """Written again and again while someone types (autosave): one line per burst is kept."""
        return self.value.endswith(" saved")


_LEAVES_RECORDS = frozenset(
    {
        AuditAction.UNLOCK,
        AuditAction.FAILED_UNLOCK,
        AuditAction.LOCK,
        AuditAction.BACKUP,
        AuditAction.HANDED_OFF,
        AuditAction.TAKEN_OVER,
        AuditAction.SUPERVISION_REPORT_EXPORTED,
        AuditAction.IDENTIFIED_SUPERVISION_REPORT_EXPORTED,
        AuditAction.RECORD_EXPORTED,
        AuditAction.RECORD_WITH_PROCESS_NOTES_EXPORTED,
    }
)
# The stored text of those actions, for comparing two copies' logs line by line.
NOT_CHANGES = frozenset(action.value for action in _LEAVES_RECORDS)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    action: str
    record: str


# Autosave writes a note every few seconds of typing; one line per burst of editing is enough.
_COALESCE_SECONDS = 600


def append(connection: sqlcipher3.Connection, action: AuditAction, record: str = "") -> None:
    """Write one line inside the caller's transaction; `record` names what it concerns."""
    now = datetime.now()
    last = connection.execute(
        "SELECT at, action, record FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if (
        action.coalesces
        and last
        and last[1:] == (action.value, record)
        and (now - datetime.fromisoformat(last[0])).total_seconds() < _COALESCE_SECONDS
    ):
        return
    line = connection.execute(
        "INSERT INTO audit_log (at, action, record) VALUES (?, ?, ?)",
        (now.isoformat(timespec="seconds"), action.value, record),
    )
    history_chain.append(connection, EntryKind.AUDIT, line.lastrowid)


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
