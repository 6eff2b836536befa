"""The demo vault's observations: both kinds, on the right words, with a pattern to find."""

from __future__ import annotations

from datetime import date

from notes.observations import NoteKind, ObservationKind, recurring_in
from storage.clients import ClientRepository
from storage.demo import write_demo
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository

TODAY = date(2024, 6, 12)


def test_demo_observations_sit_on_their_words_and_show_a_pattern(vault):
    write_demo(vault, TODAY)
    clients = {c.code: c for c in ClientRepository(vault).list(include_closed=True)}
    observations, notes = ObservationRepository(vault), NoteRepository(vault)
    sessions = SessionRepository(vault)
    everything = [o for c in clients.values() for o in observations.for_client(c.id)]

    assert {o.kind for o in everything} == set(ObservationKind)
    assert any(o.supervision for o in everything)
    assert any(not o.tagged for o in everything)  # some recorded without words
    assert any(o.tagged and o.anchor.note is NoteKind.PROGRESS for o in everything)
    for observation in everything:
        if observation.tagged:
            anchor = observation.anchor
            if anchor.note is NoteKind.PROCESS:
                text = notes.process_note(observation.session_id).text
            else:
                text = notes.progress_note(observation.session_id).sections[anchor.section]
            assert text[anchor.start : anchor.end] == observation.quote

    tomas = clients["TH-01"]
    order = [s.id for s in sessions.for_client(tomas.id)]
    labels = {c.id: c.key for c in CategoryRepository(vault).list()}
    found = {labels[p.category] for p in recurring_in(observations.for_client(tomas.id), order)}
    assert "criticized_mistreated" in found
