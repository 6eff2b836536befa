"""The bare FTS5 query the app's search is compared with, and a count the benchmark needs.

SQL lives here rather than in storage/ because it is the benchmark's yardstick, not the app's:
it asks each FTS5 index in the vault for its best 50 rowids by rank, with the same MATCH
expression the app builds — no snippets, no joins, no sections.
"""

from __future__ import annotations

from notes.search_query import match_expression
from storage.vault import Vault

LIMIT = 50

# Every FTS5 index ("USING fts5(" — not its fts5vocab word lists, which cannot be matched).
_FTS_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5(%' ORDER BY name"
)
_SESSIONS_PER_CLIENT = "SELECT client_id, count(*) FROM sessions GROUP BY client_id"


def fts_tables(vault: Vault) -> list[str]:
    return [row[0] for row in vault.read(_FTS_TABLES)]


def best_matches(vault: Vault, text: str, tables: list[str]) -> int:
    """Rowids of the best LIMIT matches in each of `tables`; returns how many were found."""
    query = match_expression(text)
    if query is None:
        return 0
    found = 0
    for table in tables:
        found += len(
            vault.read(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                (query, LIMIT),
            )
        )
    return found


def sessions_per_client(vault: Vault) -> dict[int, int]:
    return dict(vault.read(_SESSIONS_PER_CLIENT))
