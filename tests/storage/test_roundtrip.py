"""Any text a therapist can type or paste comes back exactly as it went into the vault."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notes.records import Client, ProcessNote, ProgressNote
from storage.clients import ClientRepository
from storage.note_store import NoteRepository

# Every plane, control characters included; lone surrogates cannot be UTF-8 and no editor
# hands them over, so they are the one thing left out.
ANY_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=["Cs"]),
    max_size=400,
)
EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@EXAMPLES
@given(subjective=ANY_TEXT, plan=ANY_TEXT, private=ANY_TEXT)
def test_notes_round_trip(vault, add_client, add_session, subjective, plan, private):
    session = add_session(add_client().id, datetime(2026, 11, 2, 9))
    notes = NoteRepository(vault)
    notes.save_progress_note(
        ProgressNote(session.id, "soap", {"subjective": subjective, "plan": plan})
    )
    notes.save_process_note(ProcessNote(session.id, private))
    loaded = notes.progress_note(session.id)
    assert loaded.sections == {"subjective": subjective, "plan": plan}
    assert notes.process_note(session.id).text == private


@EXAMPLES
@given(name=ANY_TEXT.filter(str.strip), term=ANY_TEXT.filter(str.strip), problem=ANY_TEXT)
def test_client_fields_round_trip(vault, name, term, problem):
    clients = ClientRepository(vault)
    code = f"RT-{len(clients.list(include_closed=True)) + 1:04d}"
    saved = clients.save(Client(code, name, date(2026, 1, 1), [term], problem))
    loaded = clients.get(saved.id)
    assert (loaded.full_name, loaded.identifying_terms, loaded.presenting_problem) == (
        name.strip(),
        [term.strip()],
        problem,
    )


@EXAMPLES
@given(text=ANY_TEXT.filter(str.strip))
def test_addenda_round_trip(vault, add_client, add_session, text):
    session = add_session(add_client().id, datetime(2026, 11, 2, 9))
    notes = NoteRepository(vault)
    notes.sign(ProgressNote(session.id, "free", {"text": "Signed."}))
    notes.add_addendum(session.id, text)
    assert [a.text for a in notes.progress_note(session.id).addenda] == [text]
