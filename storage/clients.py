"""Clients in the vault: add, edit, list, close and reopen."""

from __future__ import annotations

import json
from datetime import date

from notes.records import Client, ClientStatus
from storage.audit import AuditAction
from storage.errors import VaultError
from storage.rows import save_row
from storage.vault import Vault

# The columns `save` writes, in the order of its values; reads take the id first.
_SAVED_COLUMNS = (
    "code",
    "full_name",
    "identifying_terms",
    "presenting_problem",
    "start_date",
    "status",
)
_COLUMNS = ", ".join(("id", *_SAVED_COLUMNS))


class DuplicateCode(VaultError):
    def __init__(self, code: str) -> None:
        super().__init__(f"Another client already has the code {code}. Choose a different code.")


def _client(row: tuple) -> Client:
    id_, code, full_name, terms, problem, start, status = row
    return Client(
        id=id_,
        code=code,
        full_name=full_name,
        identifying_terms=json.loads(terms),
        presenting_problem=problem,
        start_date=date.fromisoformat(start),
        status=ClientStatus(status),
    )


class ClientRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def list(self, include_closed: bool = False) -> list[Client]:
        where = "" if include_closed else "WHERE status = 'active'"
        rows = self._vault.read(f"SELECT {_COLUMNS} FROM clients {where} ORDER BY code")
        return [_client(row) for row in rows]

    def get(self, client_id: int) -> Client:
        row = self._vault.read_one(f"SELECT {_COLUMNS} FROM clients WHERE id = ?", (client_id,))
        if row is None:
            raise KeyError(client_id)
        return _client(row)

    def codes(self) -> set[str]:
        return {row[0].upper() for row in self._vault.read("SELECT code FROM clients")}

    def save(self, client: Client) -> Client:
        """Insert a new client or update an existing one; returns it with its id."""
        values = (
            client.code.strip(),
            client.full_name.strip(),
            json.dumps([term.strip() for term in client.identifying_terms if term.strip()]),
            client.presenting_problem,
            client.start_date.isoformat(),
            client.status.value,
        )
        clash = self._vault.read_one(
            "SELECT id FROM clients WHERE code = ? AND id IS NOT ?", (values[0], client.id)
        )
        if clash:
            raise DuplicateCode(values[0])
        client.id = save_row(
            self._vault,
            "clients",
            _SAVED_COLUMNS,
            values,
            client.id,
            "client",
            AuditAction.CLIENT_ADDED,
            AuditAction.CLIENT_EDITED,
        )
        return client

    def set_status(self, client_id: int, status: ClientStatus) -> None:
        with self._vault.transaction() as db:
            db.execute("UPDATE clients SET status = ? WHERE id = ?", (status.value, client_id))
            closed = status is ClientStatus.CLOSED
            action = AuditAction.CASE_CLOSED if closed else AuditAction.CASE_REOPENED
            self._vault.audit(action, f"client {client_id}")
