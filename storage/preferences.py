"""Preferences kept inside the vault, because they may point at a client (last open client)."""

from __future__ import annotations

from notes.templates import DEFAULT_TEMPLATE, TEMPLATES
from storage.vault import Vault


class Preferences:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str, default: str = "") -> str:
        row = self._vault.read_one("SELECT value FROM preferences WHERE key = ?", (key,))
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO preferences (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def default_template(self) -> str:
        key = self.get("default_template", DEFAULT_TEMPLATE)
        return key if key in TEMPLATES else DEFAULT_TEMPLATE

    def last_client_id(self) -> int | None:
        value = self.get("last_client_id")
        return int(value) if value.isdigit() else None
