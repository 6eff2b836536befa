"""Snippets for the first screenful only, the rest on request, in a real vault: a search makes
SNIPPETS_AT_ONCE snippets whether a word fills 13 rows or 50, and `snippets_of` gives the rows
further down the same snippets (matches marked, sections named) the search would have made."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from notes.observations import Observation, ObservationKind
from notes.records import ProcessNote, ProgressNote
from notes.search_query import MARK_END, MARK_START, SNIPPETS_AT_ONCE
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.search import SearchIndex
from tests.helpers import run_cli

SECTIONS = ("objective", "assessment", "plan")


@pytest.fixture
def index(vault) -> SearchIndex:
    return SearchIndex(vault)


@pytest.fixture
def harbour(vault, add_client, add_session):
    """Twelve sessions, each with "harbour" in its progress note (a later section in turn),
    its process note and an observation: 36 matches, newest first."""
    maya = add_client("Maya Lindqvist", code="ML-01")
    notes, observations = NoteRepository(vault), ObservationRepository(vault)
    helpless = next(c for c in CategoryRepository(vault).list() if c.key == "helpless_inadequate")
    sessions = []
    for day in range(12):
        session = add_session(maya.id, datetime(2024, 3, 1, 9) + timedelta(days=7 * day))
        section = SECTIONS[day % 3]
        notes.save_progress_note(
            ProgressNote(session.id, "soap", {"subjective": "Slept badly.", section: "harbour"})
        )
        notes.save_process_note(ProcessNote(session.id, f"Week {day}: the Harbour at dusk."))
        observations.save(
            Observation(
                session.id, ObservationKind.COUNTERTRANSFERENCE, helpless.id, quote="harbour"
            )
        )
        sessions.append(session)
    return sessions


def marked_words(snippet: str) -> list[str]:
    return [piece.split(MARK_END)[0] for piece in snippet.split(MARK_START)[1:]]


@pytest.mark.parametrize("order", ["newest", "best"])
@pytest.mark.parametrize("typed", ["harbour", "harbou", "harbour "])
def test_a_search_makes_a_screenful_of_snippets_and_the_rest_on_request(
    index, harbour, typed, order
):
    hits = index.search(typed, order=order)
    assert len(hits) == 36
    first, rest = hits[:SNIPPETS_AT_ONCE], hits[SNIPPETS_AT_ONCE:]
    assert not any(hit.snippet_due for hit in first)
    assert all(marked_words(hit.snippet) for hit in first)
    assert all(hit.snippet_due and hit.snippet == hit.match_text == "" for hit in rest)

    filled = index.snippets_of(typed, hits)
    assert filled == index.search(typed, order=order, snippets=50)  # as if made at once
    assert [(h.source, h.session_id) for h in filled] == [(h.source, h.session_id) for h in hits]
    for hit in filled:
        assert not hit.snippet_due
        assert marked_words(hit.snippet)[0].lower().startswith("harbour")
        assert hit.match_text.lower().startswith("harbour")
    progress = [hit for hit in filled if hit.source == "progress"]
    assert len(progress) == 12 and all(hit.section in SECTIONS for hit in progress)


def test_newest_first_is_kept_for_the_rows_further_down(index, harbour):
    hits = index.snippets_of("harbour", index.search("harbour"))
    days = [hit.session_start for hit in hits]
    assert days == sorted(days, reverse=True)
    assert {hit.session_id for hit in hits[-3:]} == {harbour[0].id}  # the oldest session last


def test_a_few_hits_all_come_with_their_snippets(index, harbour):
    hits = index.search("week 3")  # one process note
    assert [(hit.source, hit.snippet_due) for hit in hits] == [("process", False)]
    assert marked_words(hits[0].snippet) == ["Week", "3"]
    assert index.snippets_of("week 3", hits) == hits


def test_a_screenful_of_snippets_costs_no_more_with_more_hits(index, harbour, vault):
    made = []
    read = vault.read

    def counting(sql, parameters=()):
        rows = read(sql, parameters)
        if "snippet(" in sql or "highlight(search_observations" in sql:
            made.extend(rows)
        return rows

    vault.read = counting
    index = SearchIndex(vault)
    index.search("harbour", limit=20)
    twenty = len(made)
    made.clear()
    index.search("harbour", limit=50)
    assert len(made) == twenty == SNIPPETS_AT_ONCE


def test_non_ascii_words_are_marked_in_rows_further_down(index, vault, add_client):
    # The case record (presenting problems) comes before notes: twenty clients' worth.
    for n in range(20):
        add_client(f"Client {n}", presenting_problem=f"Fear of the Fjörd, year {n}")
    hits = index.search("fjörd")
    assert len(hits) == 20 and all(hit.source == "presenting" for hit in hits)
    assert [hit.snippet_due for hit in hits].count(True) == 20 - SNIPPETS_AT_ONCE
    filled = index.snippets_of("fjörd", hits)
    assert all(marked_words(hit.snippet) == ["Fjörd"] for hit in filled)
    assert all(hit.match_text == "Fjörd" for hit in filled)
    assert index.snippets_of("FJORD", index.search("FJORD"))[-1].match_text == "Fjörd"


def test_a_note_changed_since_the_search_gets_an_empty_snippet(index, harbour, vault):
    hits = index.search("harbour")
    oldest = hits[-1]
    assert oldest.snippet_due and oldest.source in ("progress", "process", "observation")
    notes = NoteRepository(vault)
    notes.save_progress_note(ProgressNote(harbour[0].id, "soap", {"plan": "the pier"}))
    notes.save_process_note(ProcessNote(harbour[0].id, "the pier"))
    observations = ObservationRepository(vault)
    observations.delete(observations.for_session(harbour[0].id)[0].id)
    filled = index.snippets_of("harbour", hits)
    assert [hit.snippet for hit in filled[-3:]] == ["", "", ""]
    assert not any(hit.snippet_due for hit in filled)  # asked for once, never again
    assert all(marked_words(hit.snippet) for hit in filled[:-3])


def test_the_word_walk_lists_the_words_the_index_holds(vault, add_client, add_session):
    # Each connection spells a prefix out from its word walk (one row for each time a word is
    # written, read lazily); it must list exactly the words of the index's `_words` table.
    maya = add_client("Maya Lindqvist", code="ML-01")
    notes = NoteRepository(vault)
    words = ["supervision", "supervisor", "supervised", "superb", "Supervisée", "supper"]
    for day, word in enumerate(words * 3):
        session = add_session(maya.id, datetime(2024, 8, 1, 9) + timedelta(days=day))
        notes.save_process_note(ProcessNote(session.id, f"{word} and {word}s"))
    for read in (vault.read, vault.read_detached):
        for low, high in (("supervi", "supervj"), ("sup", "suq"), ("a", "z")):
            listed = [
                term
                for (term,) in read(
                    "SELECT term FROM search_process_words WHERE term >= ? AND term < ?",
                    (low, high),
                )
            ]
            walked = [
                term
                for (term,) in read(
                    "SELECT DISTINCT term FROM temp.search_process_word_walk"
                    " WHERE term >= ? AND term < ?",
                    (low, high),
                )
            ]
            assert walked == listed and listed
    for index in (SearchIndex(vault), SearchIndex(vault, detached=True)):
        hits = index.search("supervi")
        assert len(hits) == 12  # "superb" and "supper" are not "supervi…"
        assert {hit.match_text for hit in hits} == set(words) - {"superb", "supper"}


def test_the_search_verb_prints_every_snippet(vault, add_client, add_session, passphrase):
    maya = add_client("Maya Lindqvist", code="ML-01")
    notes = NoteRepository(vault)
    for day in range(SNIPPETS_AT_ONCE + 4):
        session = add_session(maya.id, datetime(2024, 8, 1, 9) + timedelta(days=day))
        notes.save_process_note(ProcessNote(session.id, f"Day {day}: dropped anchor."))
    vault.close()
    result = run_cli(
        "search",
        "--vault",
        str(vault.path),
        "--passphrase-stdin",
        "anchor",
        stdin=passphrase + "\n",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == SNIPPETS_AT_ONCE + 4
    assert all(line.endswith(": dropped [anchor].") for line in lines)
