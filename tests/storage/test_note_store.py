"""Progress notes, addenda and process notes in a real vault. Signed notes are immutable in
the database itself: the triggers refuse changes even from raw SQL on the connection."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlcipher3

from notes.records import ProcessNote, ProgressNote
from storage.errors import NoteIsSigned
from storage.note_store import NoteRepository
from storage.vault import connect


@pytest.fixture
def notes(vault) -> NoteRepository:
    return NoteRepository(vault)


@pytest.fixture
def session_id(add_client, add_session) -> int:
    return add_session(add_client().id, datetime(2024, 3, 4, 9)).id


@pytest.fixture
def signed(notes, session_id) -> ProgressNote:
    return notes.sign(
        ProgressNote(session_id, "soap", {"subjective": "Final words.", "plan": "Weekly."}),
        datetime(2024, 3, 4, 11, 0, 0, 123),
    )


def raw_sql_refusals(vault, statements: list[tuple[str, tuple]]) -> list[Exception]:
    """Run each statement through the vault's own connection; return what each raised."""
    errors = []
    for sql, parameters in statements:
        with pytest.raises(Exception) as caught, vault.transaction() as db:
            db.execute(sql, parameters)
        errors.append(caught.value)
    return errors


# -- drafts and signing ----------------------------------------------------------------------


def test_an_unwritten_note_is_an_empty_draft(notes, session_id):
    note = notes.progress_note(session_id, default_template="dap")
    assert note == ProgressNote(session_id, "dap")
    assert not note.signed


def test_a_draft_saves_and_loads_and_saves_again(notes, session_id):
    notes.save_progress_note(ProgressNote(session_id, "soap", {"subjective": "First go."}))
    notes.save_progress_note(
        ProgressNote(session_id, "dap", {"data": "Second go, «quoted» 漢字.", "plan": ""})
    )
    note = notes.progress_note(session_id)
    assert note.template == "dap"
    assert note.sections == {"data": "Second go, «quoted» 漢字.", "plan": ""}
    assert not note.signed


def test_signing_keeps_the_final_text_and_time(notes, signed, session_id):
    assert signed.signed_at == datetime(2024, 3, 4, 11, 0, 0)
    read = notes.progress_note(session_id)
    assert read.signed and read.signed_at == signed.signed_at
    assert read.sections == {"subjective": "Final words.", "plan": "Weekly."}


def test_a_signed_note_cannot_be_saved_or_signed_again(notes, signed, session_id):
    with pytest.raises(NoteIsSigned):
        notes.save_progress_note(ProgressNote(session_id, "soap", {"subjective": "Changed."}))
    with pytest.raises(NoteIsSigned):
        notes.sign(ProgressNote(session_id, "soap", {"subjective": "Changed."}))
    assert notes.progress_note(session_id).sections["subjective"] == "Final words."


def test_raw_sql_cannot_change_or_remove_a_signed_note(vault, notes, signed, session_id):
    unsigned_id = session_id + 100  # a second note to try to move onto the signed one
    with vault.transaction() as db:
        db.execute(
            "INSERT INTO sessions (id, client_id, starts_at, duration_minutes, attendance)"
            " SELECT ?, client_id, '2024-03-11T09:00', 50, 'attended' FROM sessions WHERE id = ?",
            (unsigned_id, session_id),
        )
    notes.save_progress_note(ProgressNote(unsigned_id, "soap", {"subjective": "Draft."}))

    errors = raw_sql_refusals(
        vault,
        [
            ("UPDATE progress_notes SET sections = '{}' WHERE session_id = ?", (session_id,)),
            ("UPDATE progress_notes SET signed_at = NULL WHERE session_id = ?", (session_id,)),
            ("DELETE FROM progress_notes WHERE session_id = ?", (session_id,)),
            # REPLACE deletes the old row; the delete trigger must still fire.
            (
                "INSERT OR REPLACE INTO progress_notes (session_id, template, sections,"
                " updated_at) VALUES (?, 'soap', '{}', 'now')",
                (session_id,),
            ),
            (
                "UPDATE OR REPLACE progress_notes SET session_id = ? WHERE session_id = ?",
                (session_id, unsigned_id),
            ),
        ],
    )
    for error in errors:
        assert isinstance(error, NoteIsSigned)
        assert isinstance(error.__cause__, sqlcipher3.IntegrityError)
        assert "signed notes cannot be changed" in str(error.__cause__)
    note = notes.progress_note(session_id)
    assert note.signed_at == signed.signed_at
    assert note.sections == signed.sections


def test_the_triggers_live_in_the_file_for_any_sqlcipher_tool(
    vault, vault_path, passphrase, signed, session_id
):
    vault.close()
    connection = connect(vault_path, passphrase)  # a bare connection, no settings of ours
    try:
        for sql in (
            "UPDATE progress_notes SET sections = '{}' WHERE session_id = ?",
            "DELETE FROM progress_notes WHERE session_id = ?",
        ):
            with pytest.raises(sqlcipher3.IntegrityError, match="signed notes cannot be changed"):
                connection.execute(sql, (session_id,))
    finally:
        connection.close()


# -- addenda ---------------------------------------------------------------------------------


def test_addenda_follow_a_signed_note_in_order(notes, signed, session_id):
    first = notes.add_addendum(session_id, "Client phoned to say she felt better.")
    second = notes.add_addendum(session_id, "Correction: the referral was from the GP.")
    note = notes.progress_note(session_id)
    assert [a.text for a in note.addenda] == [first.text, second.text]
    assert note.sections == signed.sections  # the signed text itself is untouched


def test_addenda_cannot_be_changed_or_removed(vault, notes, signed, session_id):
    notes.add_addendum(session_id, "Original addendum.")
    errors = raw_sql_refusals(
        vault,
        [
            ("UPDATE addenda SET text = 'Rewritten.' WHERE session_id = ?", (session_id,)),
            ("DELETE FROM addenda WHERE session_id = ?", (session_id,)),
            (
                "INSERT OR REPLACE INTO addenda (id, session_id, written_at, text)"
                " SELECT id, session_id, written_at, 'Rewritten.' FROM addenda"
                " WHERE session_id = ?",
                (session_id,),
            ),
        ],
    )
    assert all(isinstance(error, NoteIsSigned) for error in errors)
    assert [a.text for a in notes.progress_note(session_id).addenda] == ["Original addendum."]


def test_an_addendum_needs_a_signed_note(notes, session_id):
    with pytest.raises(sqlcipher3.IntegrityError, match="addenda belong to signed notes"):
        notes.add_addendum(session_id, "No note yet.")
    notes.save_progress_note(ProgressNote(session_id, "soap", {"subjective": "Draft."}))
    with pytest.raises(sqlcipher3.IntegrityError, match="addenda belong to signed notes"):
        notes.add_addendum(session_id, "Draft only.")
    assert notes.progress_note(session_id).addenda == []


# -- process notes ---------------------------------------------------------------------------


def test_process_notes_save_load_and_stay_apart(notes, session_id):
    assert notes.process_note(session_id) == ProcessNote(session_id, "")
    notes.save_process_note(ProcessNote(session_id, "I felt cast as the critic."))
    notes.save_process_note(ProcessNote(session_id, "I felt cast as the critical parent."))
    assert notes.process_note(session_id).text == "I felt cast as the critical parent."
    assert notes.progress_note(session_id).sections == {}  # not mixed into the progress note
