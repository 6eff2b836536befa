"""Full-text search over progress notes, addenda, process notes, clients, observations and
supervision sessions, inside the vault.

The FTS5 indexes are tables in the vault itself (migration 2), so they are encrypted like
everything else and kept in step by triggers; nothing about a search is kept anywhere else.
Each index answers its best `limit` matches by bm25; client matches come first (a name or a
code is a precise wish), then note matches merged by score. A search on a worker thread (the
window's search box) reads `detached`, on the vault's read connection, so that it never holds
up a save on the main one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from notes.search_query import (
    MARK_END,
    MARK_START,
    SearchHit,
    Source,
    client_snippet,
    first_match,
    match_expression,
    observation_snippet,
    section_holding,
    tidy_snippet,
)
from storage.vault import Vault

__all__ = ["SNIPPET_TOKENS", "SearchHit", "SearchIndex"]

Read = Callable[[str, Any], list[tuple]]  # Vault.read or Vault.read_detached

SNIPPET_TOKENS = 16  # words of context shown around a match

# (source, FTS table, column of the text): every note index is keyed by the session's id,
# except addenda, whose rowid is the addendum's id.
_NOTE_INDEXES: tuple[tuple[Source, str], ...] = (
    ("progress", "search_progress"),
    ("process", "search_process"),
    ("addendum", "search_addenda"),
)


def _note_sql(table: str) -> str:
    session = "a.session_id" if table == "search_addenda" else "hit.id"
    join = "JOIN addenda a ON a.id = hit.id" if table == "search_addenda" else ""
    return f"""
        SELECT {session}, s.client_id, c.code, s.starts_at, hit.snippet, hit.score
        FROM (
            SELECT rowid AS id, snippet({table}, 0, :start, :end, '…', :tokens) AS snippet,
                   rank AS score
            FROM {table} WHERE {table} MATCH :query ORDER BY rank LIMIT :limit
        ) AS hit
        {join}
        JOIN sessions s ON s.id = {session}
        JOIN clients c ON c.id = s.client_id
    """


_CLIENT_SQL = """
    SELECT hit.id, c.code, hit.code_text, hit.name_text
    FROM (
        SELECT rowid AS id, highlight(search_clients, 0, :start, :end) AS code_text,
               highlight(search_clients, 1, :start, :end) AS name_text, rank AS score
        FROM search_clients WHERE search_clients MATCH :query ORDER BY rank LIMIT :limit
    ) AS hit
    JOIN clients c ON c.id = hit.id
    ORDER BY hit.score
"""


class SearchIndex:
    def __init__(self, vault: Vault, detached: bool = False) -> None:
        self._read = vault.read_detached if detached else vault.read

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """The best matches for what was typed; [] when it holds nothing to search for."""
        query = match_expression(text)
        if query is None or limit <= 0:
            return []
        parameters = {
            "query": query,
            "start": MARK_START,
            "end": MARK_END,
            "tokens": SNIPPET_TOKENS,
            "limit": limit,
        }
        hits = self._clients(parameters)
        notes: list[SearchHit] = []
        for source, table in _NOTE_INDEXES:
            for session_id, client_id, code, starts_at, snippet, score in self._read(
                _note_sql(table), parameters
            ):
                notes.append(
                    SearchHit(
                        client_id=client_id,
                        client_code=code,
                        session_id=session_id,
                        session_start=datetime.fromisoformat(starts_at),
                        source=source,
                        snippet=tidy_snippet(snippet or ""),
                        match_text=first_match(snippet or ""),
                        score=score,
                    )
                )
        notes += self._observations(parameters)
        notes += _supervision_hits(self._read, parameters)
        notes.sort(key=lambda hit: hit.score)  # bm25: lower is better
        hits += notes
        return self._with_sections(hits[:limit])

    def _observations(self, parameters: dict) -> list[SearchHit]:
        """Observations: see the block at the end of this module."""
        return _observation_hits(self._read, parameters)

    def _clients(self, parameters: dict) -> list[SearchHit]:
        hits = []
        for client_id, code, code_text, name_text in self._read(_CLIENT_SQL, parameters):
            snippet = client_snippet(code_text, name_text)
            hits.append(
                SearchHit(
                    client_id=client_id,
                    client_code=code,
                    session_id=None,
                    session_start=None,
                    source="client",
                    snippet=snippet,
                    match_text=first_match(snippet),
                )
            )
        return hits

    def _with_sections(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Name the progress-note section in which each progress hit's match first appears."""
        wanted = {hit.session_id for hit in hits if hit.source == "progress"}
        if not wanted:
            return hits
        marks = ",".join("?" * len(wanted))
        notes = {
            session_id: (template_key, json.loads(sections))
            for session_id, template_key, sections in self._read(
                f"SELECT session_id, template, sections FROM progress_notes"
                f" WHERE session_id IN ({marks})",
                tuple(wanted),
            )
        }
        placed = []
        for hit in hits:
            if hit.source == "progress" and hit.session_id in notes:
                template_key, sections = notes[hit.session_id]
                section = section_holding(hit.match_text, template_key, sections)
                hit = replace(hit, section=section)
            placed.append(hit)
        return placed


# -- observations ---------------------------------------------------------------------------
# Their index (migration 4) has three columns: the category ("countertransference Helpless /
# inadequate"), the tagged words, and the therapist's own lines on them. A hit shows the
# category first, then whichever text matched.

_OBSERVATION_SQL = """
    SELECT o.session_id, s.client_id, c.code, s.starts_at, hit.category, hit.words,
           hit.reflection, hit.score
    FROM (
        SELECT rowid AS id, highlight(search_observations, 0, :start, :end) AS category,
               snippet(search_observations, 1, :start, :end, '…', :tokens) AS words,
               snippet(search_observations, 2, :start, :end, '…', :tokens) AS reflection,
               rank AS score
        FROM search_observations WHERE search_observations MATCH :query
        ORDER BY rank LIMIT :limit
    ) AS hit
    JOIN observations o ON o.id = hit.id
    JOIN sessions s ON s.id = o.session_id
    JOIN clients c ON c.id = s.client_id
"""


def _observation_hits(read: Read, parameters: dict) -> list[SearchHit]:
    hits = []
    for session_id, client_id, code, starts_at, category, words, reflection, score in read(
        _OBSERVATION_SQL, parameters
    ):
        snippet = observation_snippet(category, words, reflection)
        hits.append(
            SearchHit(
                client_id=client_id,
                client_code=code,
                session_id=session_id,
                session_start=datetime.fromisoformat(starts_at),
                source="observation",
                snippet=snippet,
                match_text=first_match(snippet),
                score=score,
            )
        )
    return hits


# -- supervision sessions ---------------------------------------------------------------------
# One row per session and client (migration 10): the supervisor, what was said about the
# client, and the actions agreed for them. A hit is dated by the supervision session and has no
# therapy session; it opens the client.

_SUPERVISION_SQL = """
    SELECT sc.client_id, c.code, ss.held_on, hit.snippet, hit.score
    FROM (
        SELECT rowid AS id, snippet(search_supervision, -1, :start, :end, '…', :tokens)
                   AS snippet,
               rank AS score
        FROM search_supervision WHERE search_supervision MATCH :query
        ORDER BY rank LIMIT :limit
    ) AS hit
    JOIN supervision_clients sc ON sc.id = hit.id
    JOIN supervision_sessions ss ON ss.id = sc.supervision_id
    JOIN clients c ON c.id = sc.client_id
"""


def _supervision_hits(read: Read, parameters: dict) -> list[SearchHit]:
    hits = []
    for client_id, code, held_on, snippet, score in read(_SUPERVISION_SQL, parameters):
        text = tidy_snippet(snippet or "")
        hits.append(
            SearchHit(
                client_id=client_id,
                client_code=code,
                session_id=None,
                session_start=datetime.fromisoformat(held_on),
                source="supervision",
                snippet=text,
                match_text=first_match(text),
                score=score,
            )
        )
    return hits
