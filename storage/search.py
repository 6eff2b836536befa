"""Full-text search over progress notes, addenda, process notes, clients, observations,
supervision sessions and the case record (presenting problem, ruptures, boundary events, goals,
contract notes), inside the vault.

The FTS5 indexes are tables in the vault itself (migration 2), so they are encrypted like
everything else and kept in step by triggers; nothing about a search is kept anywhere else.
Client matches come first (a name or a code is a precise wish), then note matches, newest
first by default. The progress, process and observation indexes are keyed by the session's
start (migration 13), so each answers its `limit` newest matches by walking rowids down and
stopping there, whether the vault holds five years or thirty; a long prefix is spelled out as
the words it stands for, which FTS5 reads as lazily. On request, the best matches by bm25
instead, which must score every match. Snippets are made only for the first
SNIPPETS_AT_ONCE hits of the list (a screenful); the others' when they are shown
(`snippets_of`), so that a word filling 50 rows costs no more than one filling 13. A search on a
worker thread (the window's search box) reads `detached`, on the vault's read connection, so
that it never holds up a save on the main one.

Nothing written on a void session (migration 9) is found: a session voided because it was
entered under the wrong client or twice would otherwise put its words under a client, and on a
date, where they do not belong. The void session itself stays in the session list, readable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from notes.search_query import (
    MARK_END,
    MARK_START,
    NEWEST,
    SNIPPETS_AT_ONCE,
    SearchHit,
    SearchOrder,
    Source,
    client_snippet,
    first_match,
    match_expression,
    observation_snippet,
    section_holding,
    tidy_snippet,
)
from storage.schema import CASE_KINDS, ROW_ID, WORD_WALKS
from storage.sessions import COUNTED, EVENT_COUNTED
from storage.vault import Vault

__all__ = ["SNIPPET_TOKENS", "SearchHit", "SearchIndex"]

SNIPPET_TOKENS = 16  # words of context shown around a match
_MOST_WORDS = 16  # a prefix standing for more words is left to FTS5
# The last phrase of a match expression when it is a prefix ("…"* after a space, or alone).
_LAST_PREFIX = re.compile(r'(?:^|(?<= ))"([^"]*)"\*$')


@dataclass(frozen=True)
class _Index:
    """One FTS5 index of dated text: how a match is tied to its session (or supervision
    session), client and date, and how its snippet is made."""

    source: Source
    table: str
    joins: str  # from the index's rowid ({table}.rowid) to s (a session) or ss (supervision)
    session: str  # SQL for the session's id
    client: str  # SQL for the client's id
    day: str  # SQL for the date the results are ordered by and show
    snippet: str  # SQL for the snippet column(s)
    counted: str = "1"  # SQL: the match counts (not on a void session)
    dated: bool = False  # rowids are search keys (migration 13): rowid order is date order

    def candidates_sql(self, order: SearchOrder) -> str:
        """The `:limit` newest (or best) matches: rowid, session, client, date, score.

        Newest first reads only rowids from the index (no score, no snippet), joined to the
        date; best first lets FTS5 rank every match by bm25, as it must.
        """
        if order == "best":
            source = (
                f"(SELECT rowid AS id, rank AS score FROM {self.table}"
                f" WHERE {self.table} MATCH :query ORDER BY rank LIMIT :limit) AS hit"
            )
            joins = self.joins.replace(f"{self.table}.rowid", "hit.id")
            return f"""
                SELECT hit.id, {self.session}, {self.client}, {self.day}, hit.score
                FROM {source} {joins} WHERE {self.counted} ORDER BY hit.score
            """
        # CROSS JOIN: the index is read first, whatever indexes the joined tables have.
        joins = self.joins.replace("JOIN", "CROSS JOIN", 1)
        if self.dated:  # FTS5 walks the rowids down from the newest and stops at `limit`
            return f"""
                SELECT {self.table}.rowid, {self.session}, {self.client}, {self.day}, 0.0
                FROM {self.table} {joins}
                WHERE {self.table} MATCH :query AND {self.counted}
                ORDER BY {self.table}.rowid DESC LIMIT :limit
            """
        return f"""
            SELECT {self.table}.rowid, {self.session}, {self.client}, {self.day}, 0.0
            FROM {self.table} {joins}
            WHERE {self.table} MATCH :query AND {self.counted}
            ORDER BY {self.day} DESC, {self.table}.rowid DESC LIMIT :limit
        """

    def snippets_sql(self, count: int) -> str:
        """Rowid and snippet column(s) of `count` matches, given as :id0, :id1, … between
        :low and :high. The index reads the matches in that range once and SQLite keeps the
        chosen (the `+` keeps the list from FTS5, which would seek each rowid anew: for a
        prefix, a fresh expansion every time, 10 to 20 times slower in a long career)."""
        wanted = ", ".join(f":id{n}" for n in range(count))
        return (
            f"SELECT rowid, {self.snippet} FROM {self.table}"
            f" WHERE {self.table} MATCH :query AND rowid BETWEEN :low AND :high"
            f" AND +rowid IN ({wanted})"
        )


def _session_index(source: Source, table: str, joins: str = "", dated: bool = True) -> _Index:
    return _Index(
        source,
        table,
        joins or f"JOIN sessions s ON s.id = ({table}.rowid & {ROW_ID})",
        "s.id",
        "s.client_id",
        "s.starts_at",
        f"snippet({table}, 0, :start, :end, '…', :tokens)",
        COUNTED,
        dated,
    )


_INDEXES: tuple[_Index, ...] = (
    _session_index("progress", "search_progress"),
    _session_index("process", "search_process"),
    _session_index(
        "addendum",
        "search_addenda",
        "JOIN addenda a ON a.id = search_addenda.rowid JOIN sessions s ON s.id = a.session_id",
        dated=False,  # few, and keyed by their own id
    ),
    # Observations (migration 4) have three columns: the category ("countertransference
    # Helpless / inadequate"), the tagged words, and the therapist's own lines on them. A hit
    # shows the category first, then whichever text matched.
    replace(
        _session_index(
            "observation",
            "search_observations",
            f"JOIN observations o ON o.id = (search_observations.rowid & {ROW_ID})"
            " JOIN sessions s ON s.id = o.session_id",
        ),
        snippet="highlight(search_observations, 0, :start, :end),"
        " snippet(search_observations, 1, :start, :end, '…', :tokens),"
        " snippet(search_observations, 2, :start, :end, '…', :tokens)",
    ),
    # Supervision sessions: one row per session and client (migration 10): the supervisor,
    # what was said about the client, and the actions agreed for them. A hit is dated by the
    # supervision session and has no therapy session; it opens the client.
    _Index(
        "supervision",
        "search_supervision",
        "JOIN supervision_clients sc ON sc.id = search_supervision.rowid"
        " JOIN supervision_sessions ss ON ss.id = sc.supervision_id",
        "NULL",
        "sc.client_id",
        "ss.held_on",
        "snippet(search_supervision, -1, :start, :end, '…', :tokens)",
    ),
)
_BY_SOURCE = {index.source: index for index in _INDEXES}


@dataclass(frozen=True)
class _Candidate:
    index: _Index
    rowid: int
    session_id: int | None
    client_id: int
    when: datetime
    score: float


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

    def search(
        self,
        text: str,
        limit: int = 50,
        order: SearchOrder = NEWEST,
        snippets: int = SNIPPETS_AT_ONCE,
    ) -> list[SearchHit]:
        """Client hits first, then notes newest first (or best first); [] when nothing to find.

        Each index is asked for its `limit` newest (or best) matches without snippets; only the
        first `snippets` hits of the list are then given theirs, in one query an index. The
        others come `snippet_due`, for `snippets_of` when they are shown: a rare word filling
        50 rows instead of 13 costs no more snippets.
        """
        query = match_expression(text)
        if query is None or limit <= 0:
            return []
        parameters = self._parameters(query, limit)
        hits = self._clients(parameters)
        # The case record (a few rows a client: presenting problem, ruptures, goals…) after the
        # client hits; each opens the client's page.
        hits += _case_hits(self._read, parameters)
        candidates: list[_Candidate] = []
        asked = self._asked(query, parameters, order)
        for index in _INDEXES:
            for rowid, session_id, client_id, day, score in self._read(
                index.candidates_sql(order), asked[index.source]
            ):
                when = datetime.fromisoformat(day)
                candidates.append(_Candidate(index, rowid, session_id, client_id, when, score))
        if order == "best":
            candidates.sort(key=lambda hit: hit.score)  # bm25: lower is better
        else:  # the newest first (a supervision session, dated by its day, after that day's)
            candidates.sort(key=lambda hit: hit.when, reverse=True)
        chosen = candidates[: max(limit - len(hits), 0)]
        hits = (hits + self._noted(chosen))[:limit]
        first = [hit for hit in hits[: max(snippets, 0)] if hit.snippet_due]
        return _merged(hits, self._snipped(first, asked))

    def snippets_of(self, text: str, hits: list[SearchHit]) -> list[SearchHit]:
        """`hits` of a search for `text`, each with its snippet (and a progress note's section).

        For the hits a search left `snippet_due`, once they are shown: one query an index for
        all of them. A hit whose note no longer matches (changed since) gets an empty snippet.
        """
        query = match_expression(text)
        due = [hit for hit in hits if hit.snippet_due]
        if query is None or not due:
            return list(hits)
        parameters = self._parameters(query, len(due))
        return _merged(hits, self._snipped(due, self._asked(query, parameters, NEWEST)))

    @staticmethod
    def _parameters(query: str, limit: int) -> dict:
        return {
            "query": query,
            "start": MARK_START,
            "end": MARK_END,
            "tokens": SNIPPET_TOKENS,
            "limit": limit,
        }

    def _asked(self, query: str, parameters: dict, order: SearchOrder) -> dict[Source, dict]:
        """The parameters each index is asked with: newest first, a dated index is given the
        words its prefix stands for (the same matches, and the same words marked)."""
        asked = {
            index.source: {**parameters, "query": self._spelled_out(index, query)}
            if order != "best" and index.dated
            else parameters
            for index in _INDEXES
        }
        for source in CASE_KINDS:
            asked[source] = parameters
        return asked

    def _spelled_out(self, index: _Index, query: str) -> str:
        """`query` with its last word's prefix replaced by the words in `index` that begin so.

        FTS5 answers a prefix by merging the lists of every word it stands for, whole, before
        the first match comes out: in a long career that is every note saying "felt" when only
        the newest 50 are wanted. The same words joined by OR are read lazily, from the
        newest down. Short prefixes (the index's own prefix lengths, 2 and 3) are lazy
        already; a prefix of more than _MOST_WORDS words, or not plain ASCII (whose folding
        only the tokenizer knows), stays as it is.
        """
        found = _LAST_PREFIX.search(query)
        if found is None:
            return query
        words = found.group(1).split(" ")
        prefix = words[-1].lower()
        if len(prefix) <= 3 or not (prefix.isascii() and prefix.isalnum()):
            return query
        terms = self._words_beginning(index, prefix)
        if not terms or len(terms) > _MOST_WORDS:
            return query
        phrases = " OR ".join('"' + " ".join([*words[:-1], term]) + '"' for term in terms)
        before = query[: found.start()]  # other phrases: FTS5 wants AND before a group
        return f"{before}AND ({phrases})" if before else f"({phrases})"

    def _words_beginning(self, index: _Index, prefix: str) -> list[str]:
        """Up to _MOST_WORDS + 1 words of `index` beginning with `prefix`, in order.

        One word at a time from the connection's word walk (storage/schema.py WORD_WALKS),
        which finds the next word without reading its notes; a connection without one (a
        vault opened read-only) asks the `_words` table, which reads them all.
        """
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        walk = WORD_WALKS.get(index.table)
        if walk is None or not self._read(
            "SELECT 1 FROM temp.sqlite_master WHERE name = ?", (walk.removeprefix("temp."),)
        ):
            found = self._read(
                f"SELECT term FROM {index.table}_words WHERE term >= ? AND term < ? LIMIT ?",
                (prefix, after, _MOST_WORDS + 1),
            )
            return [term for (term,) in found]
        terms: list[str] = []
        start = prefix
        while len(terms) <= _MOST_WORDS:
            found = self._read(
                f"SELECT term FROM {walk} WHERE term >= ? AND term < ? LIMIT 1", (start, after)
            )
            if not found:
                break
            terms.append(found[0][0])
            start = found[0][0] + "\x01"  # the next word: no word holds a control character
        return terms

    def _noted(self, chosen: list[_Candidate]) -> list[SearchHit]:
        """The chosen matches as hits, each with its client's code, its snippet still due."""
        if not chosen:
            return []
        wanted = sorted({hit.client_id for hit in chosen})
        codes = dict(
            self._read(
                f"SELECT id, code FROM clients WHERE id IN ({','.join('?' * len(wanted))})",
                tuple(wanted),
            )
        )
        return [
            SearchHit(
                client_id=hit.client_id,
                client_code=codes.get(hit.client_id, ""),
                session_id=hit.session_id,
                session_start=hit.when,
                source=hit.index.source,
                snippet="",
                match_text="",
                score=hit.score,
                snippet_due=True,
                index_row=hit.rowid,
            )
            for hit in chosen
        ]

    def _snipped(self, due: list[SearchHit], asked: dict[Source, dict]) -> list[SearchHit]:
        """`due` with their snippets made: one query for each index they come from."""
        made: list[SearchHit] = []
        for index in (*_INDEXES, _CASE):
            sources = CASE_KINDS if index is _CASE else (index.source,)
            of_index = [hit for hit in due if hit.source in sources]
            rowids = [hit.index_row for hit in of_index if hit.index_row is not None]
            if not rowids:
                continue
            ids = {f"id{n}": rowid for n, rowid in enumerate(rowids)}
            ids.update(low=min(rowids), high=max(rowids))
            snippets = {
                rowid: tuple(texts)
                for rowid, *texts in self._read(
                    index.snippets_sql(len(rowids)), {**asked[sources[0]], **ids}
                )
            }
            for hit in of_index:
                texts = snippets.get(hit.index_row, ("",))
                if index.source == "observation":
                    snippet = observation_snippet(*texts) if len(texts) == 3 else ""
                else:
                    snippet = tidy_snippet(texts[0] or "")
                made.append(
                    replace(
                        hit,
                        snippet=snippet,
                        match_text=first_match(snippet),
                        snippet_due=False,
                    )
                )
        return self._with_sections(made)

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


# -- the case record --------------------------------------------------------------------------
# The presenting problem, ruptures, boundary events, goals and contract notes: a few rows per
# client, in one index (search_case, migration 13) whose rowid names the kind and the row. The
# best matches come by bm25, after the client hits; one on a void session does not count. A hit
# opens the client's page, where these are shown; it is dated when the record has a date.

_KIND = "(hit.id >> 32)"
_CASE_SQL = f"""
    SELECT hit.id, {_KIND}, c.id, c.code,
           CASE {_KIND} WHEN 2 THEN rs.starts_at WHEN 3 THEN b.occurred_on
                        WHEN 4 THEN g.agreed_on WHEN 5 THEN t.explained_on END,
           hit.score
    FROM (SELECT rowid AS id, rank AS score FROM search_case
          WHERE search_case MATCH :query ORDER BY rank) AS hit
    LEFT JOIN ruptures r ON {_KIND} = 2 AND r.id = (hit.id & {ROW_ID})
    LEFT JOIN sessions rs ON rs.id = r.session_id
    LEFT JOIN boundary_events b ON {_KIND} = 3 AND b.id = (hit.id & {ROW_ID})
    LEFT JOIN treatment_goals g ON {_KIND} = 4 AND g.id = (hit.id & {ROW_ID})
    LEFT JOIN contract_terms t ON {_KIND} = 5 AND t.rowid = (hit.id & {ROW_ID})
    JOIN clients c ON c.id = CASE {_KIND} WHEN 1 THEN (hit.id & {ROW_ID}) WHEN 2 THEN rs.client_id
        WHEN 3 THEN b.client_id WHEN 4 THEN g.client_id WHEN 5 THEN t.client_id END
    WHERE (r.id IS NULL OR {COUNTED.replace("s.id", "rs.id")}) AND (b.id IS NULL OR {EVENT_COUNTED})
    ORDER BY hit.score LIMIT :limit
"""
_CASE = _Index(
    "presenting",
    "search_case",
    "",
    "NULL",
    "NULL",
    "NULL",
    "snippet(search_case, 0, :start, :end, '…', :tokens)",
)


def _case_hits(read: Callable[[str, Any], list[tuple]], parameters: dict) -> list[SearchHit]:
    """The case record's best matches, their snippets due."""
    return [
        SearchHit(
            client_id=client_id,
            client_code=code,
            session_id=None,
            session_start=datetime.fromisoformat(dated) if dated else None,
            source=CASE_KINDS[kind - 1],
            snippet="",
            match_text="",
            score=score,
            snippet_due=True,
            index_row=rowid,
        )
        for rowid, kind, client_id, code, dated, score in read(_CASE_SQL, parameters)
    ]


def _merged(hits: list[SearchHit], made: list[SearchHit]) -> list[SearchHit]:
    """`hits` in their order, each replaced by its version in `made` (with its snippet)."""
    by_row = {(hit.source, hit.index_row): hit for hit in made}
    return [
        by_row.get((hit.source, hit.index_row), hit) if hit.snippet_due else hit for hit in hits
    ]
