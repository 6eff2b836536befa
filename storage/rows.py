"""Saving one record's row: inserted when it is new, updated by id when it is not, and noted in
the audit log either way."""

from __future__ import annotations

from collections.abc import Sequence

from storage.audit import AuditAction
from storage.vault import Vault


def save_row(
    vault: Vault,
    table: str,
    columns: Sequence[str],
    values: Sequence[object],
    row_id: int | None,
    noun: str,
    added: AuditAction,
    edited: AuditAction,
) -> int:
    """Write `values` into `columns` of `table`: a new row when `row_id` is None, else that row.

    The audit log says `added` or `edited`, with "<noun> <id>" as the record. Returns the row's
    id. `table` and `columns` are the caller's constants, never user input.
    """
    with vault.transaction() as db:
        if row_id is None:
            row_id = db.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                tuple(values),
            ).lastrowid
            action = added
        else:
            db.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                (*values, row_id),
            )
            action = edited
        vault.audit(action, f"{noun} {row_id}")
    return row_id
