"""The lineage row of a vault (schema migration 6): read it, record a hand-off in it.

A copy that is not the live one (handed off, in transit, kept after a fork) opens with
SQLCipher's `query_only` pragma on its connection, so nothing can write to it by mistake.
"""

from __future__ import annotations

from datetime import datetime

import sqlcipher3

from notes.lineage import AuditLine, CopyState, Lineage, read_only_text
from storage.errors import VaultError


class ReadOnlyCopy(VaultError):
    """A write to a copy that is not the live one; the message says when and where it went."""

    def __init__(self, moved: Lineage) -> None:
        super().__init__(read_only_text(moved))


def read(connection: sqlcipher3.Connection) -> Lineage:
    row = connection.execute(
        "SELECT lineage_id, handoffs, state, moved_at, from_host, to_place FROM lineage"
    ).fetchone()
    lineage_id, handoffs, state, moved_at, from_host, to_place = row
    return Lineage(
        lineage_id,
        handoffs,
        CopyState(state),
        datetime.fromisoformat(moved_at) if moved_at else None,
        from_host,
        to_place,
    )


def record(
    connection: sqlcipher3.Connection,
    state: CopyState,
    handoffs: int,
    moved_at: datetime,
    from_host: str,
    to_place: str,
) -> None:
    """Write the state of this copy and its last hand-off, inside the caller's transaction."""
    connection.execute(
        "UPDATE lineage SET state = ?, handoffs = ?, moved_at = ?, from_host = ?, to_place = ?",
        (state.value, handoffs, moved_at.isoformat(timespec="seconds"), from_host, to_place),
    )


def set_state(connection: sqlcipher3.Connection, state: CopyState) -> None:
    connection.execute("UPDATE lineage SET state = ?", (state.value,))


def restrain(connection: sqlcipher3.Connection) -> Lineage | None:
    """Make the connection read-only when this copy is not the live one; returns its lineage.

    The minimum that hand-off needs: a read-only mode of the vault itself may replace it.
    """
    lineage = read(connection)
    if not lineage.read_only:
        return None
    connection.execute("PRAGMA query_only = ON")
    return lineage


def history(connection: sqlcipher3.Connection) -> list[AuditLine]:
    """Every audit line, oldest first: what notes/lineage.py compares two copies by."""
    return [
        tuple(row)
        for row in connection.execute("SELECT id, at, action, record FROM audit_log ORDER BY id")
    ]
