"""The benchmark's synthetic caseload has the right shape, written into a real vault."""

from __future__ import annotations

from collections import Counter

from bench.bulk import write_caseload
from bench.synthetic import NOTE_WORDS, SHORT_SESSIONS, Shape, caseload, synthetic_client
from bench.vaults import ProgressBar, cached_path
from notes.templates import template
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.note_store import NoteRepository
from storage.observations import ObservationRepository
from storage.search import SearchIndex
from storage.sessions import SessionRepository

TINY = Shape(clients=2, sessions_per_client=5)


def _words(text: str) -> int:
    return len(text.split())


def test_a_tiny_caseload_lands_in_the_vault_with_notes_of_realistic_length(vault):
    counts = Counter()
    # Two clients of five sessions, and the short client of SHORT_SESSIONS beside them.
    assert write_caseload(vault, TINY, counts=counts) == 10 + SHORT_SESSIONS == TINY.sessions
    assert counts["clients"] == 3
    assert counts["progress_notes"] == counts["process_notes"] == 10 + SHORT_SESSIONS

    clients = ClientRepository(vault).list()
    notes, sessions = NoteRepository(vault), SessionRepository(vault)
    lengths = {c.code: len(sessions.for_client(c.id)) for c in clients}
    assert lengths.pop("DB-02") == lengths.pop("ML-01") == 5  # Daniel Byrne, Maya Lindqvist
    assert list(lengths.values()) == [SHORT_SESSIONS]
    for client in (c for c in clients if c.code in ("DB-02", "ML-01")):
        held = sessions.for_client(client.id)
        assert [s.number for s in held] == [1, 2, 3, 4, 5]
        assert [s.note_signed for s in held] == [True, True, True, True, False]
        for session in held:
            progress = notes.progress_note(session.id)
            assert list(progress.sections) == template(progress.template).section_keys()
            assert 0.9 * NOTE_WORDS <= _words(progress.text()) <= 1.2 * NOTE_WORDS
            process = notes.process_note(session.id).text
            assert 0.9 * NOTE_WORDS <= _words(process) <= 1.2 * NOTE_WORDS


def test_the_records_around_the_notes_are_there_and_searchable(vault):
    write_caseload(vault, TINY)
    maya = next(c for c in ClientRepository(vault).list() if c.code == "ML-01")
    alliance = AllianceRepository(vault)
    assert len(alliance.ratings(maya.id)) >= 4  # the first sessions are all rated
    assert len(alliance.contract(maya.id)) == 7
    assert alliance.goals(maya.id)
    assert ConductRepository(vault).for_client(maya.id)
    observations = ObservationRepository(vault).for_client(maya.id)
    for observation in observations:  # tagged on the very words of the process note
        text = NoteRepository(vault).process_note(observation.session_id).text
        anchor = observation.anchor
        assert text[anchor.start : anchor.end] == observation.quote
    partner = maya.identifying_terms[0]
    assert any(hit.client_id == maya.id for hit in SearchIndex(vault).search(partner))


def test_the_same_seed_writes_the_same_clients_whatever_the_vault_size():
    first_of_two = next(caseload(TINY))
    first_of_fifty = next(caseload(Shape(50, 5)))
    assert first_of_two == first_of_fifty
    assert synthetic_client(1, 5) != first_of_two


def test_the_cache_name_follows_the_shape_and_the_progress_bar_writes_to_stderr(capsys):
    assert cached_path(TINY) != cached_path(Shape(2, 6))
    assert cached_path(TINY) == cached_path(Shape(2, 5))
    bar = ProgressBar("Building")
    bar.update(5, 10)
    bar.done("built")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "5/10 sessions" in captured.err and "built" in captured.err
