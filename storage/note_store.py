"""Progress notes, their addenda and process notes in the vault.

Signed progress notes are immutable by trigger (see schema.py); this module never tries to
change one, and the triggers make sure no other code can either.
"""

from __future__ import annotations

import json
from datetime import datetime

from notes.records import Addendum, ProcessNote, ProgressNote
from notes.signed_history import Change, EntryKind
from notes.templates import DEFAULT_TEMPLATE
from storage import history_chain
from storage.audit import AuditAction
from storage.sessions import refuse_if_void
from storage.vault import Vault


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class NoteRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def progress_note(
        self, session_id: int, default_template: str = DEFAULT_TEMPLATE
    ) -> ProgressNote:
        """The session's progress note; an empty draft when none was written yet."""
        row = self._vault.read_one(
            "SELECT template, sections, signed_at FROM progress_notes WHERE session_id = ?",
            (session_id,),
        )
        if row is None:
            return ProgressNote(session_id, default_template)
        template, sections, signed_at = row
        addenda = [
            Addendum(datetime.fromisoformat(at), text)
            for at, text in self._vault.read(
                "SELECT written_at, text FROM addenda WHERE session_id = ? ORDER BY written_at, id",
                (session_id,),
            )
        ]
        return ProgressNote(
            session_id,
            template,
            json.loads(sections),
            datetime.fromisoformat(signed_at) if signed_at else None,
            addenda,
        )

    def signed_note_change(self, session_id: int) -> Change | None:
        """Whether the signed note is still as it was signed (None), checked against its own
        entry of the signed-history chain: one hash, cheap enough for every showing."""
        return history_chain.record_change(self._vault.read, EntryKind.NOTE, session_id)

    def save_progress_note(self, note: ProgressNote) -> None:
        """Save a draft. Raises NoteIsSigned if the note was signed meanwhile."""
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO progress_notes (session_id, template, sections, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
                " template = excluded.template, sections = excluded.sections,"
                " updated_at = excluded.updated_at",
                (note.session_id, note.template, json.dumps(note.sections), _now()),
            )
            self._vault.audit(AuditAction.PROGRESS_NOTE_SAVED, f"session {note.session_id}")

    def sign(self, note: ProgressNote, at: datetime | None = None) -> ProgressNote:
        """Save the final text and sign it in one transaction; from then on it is immutable."""
        with self._vault.transaction() as db:
            self.save_progress_note(note)
            signed_at = (at or datetime.now()).replace(microsecond=0)
            db.execute(
                "UPDATE progress_notes SET signed_at = ? WHERE session_id = ?",
                (signed_at.isoformat(), note.session_id),
            )
            history_chain.append(db, EntryKind.NOTE, note.session_id)
            self._vault.audit(AuditAction.PROGRESS_NOTE_SIGNED, f"session {note.session_id}")
        note.signed_at = signed_at
        return note

    def add_addendum(self, session_id: int, text: str, at: datetime | None = None) -> Addendum:
        """A dated addition to a signed note; `at` only for the demo's past sessions."""
        addendum = Addendum((at or datetime.now()).replace(microsecond=0), text)
        with self._vault.transaction() as db:
            refuse_if_void(db, session_id)
            row = db.execute(
                "INSERT INTO addenda (session_id, written_at, text) VALUES (?, ?, ?)",
                (session_id, addendum.written_at.isoformat(), text),
            )
            history_chain.append(db, EntryKind.ADDENDUM, row.lastrowid)
            self._vault.audit(AuditAction.ADDENDUM_ADDED, f"session {session_id}")
        return addendum

    def process_note(self, session_id: int) -> ProcessNote:
        row = self._vault.read_one(
            "SELECT text FROM process_notes WHERE session_id = ?", (session_id,)
        )
        return ProcessNote(session_id, row[0] if row else "")

    def save_process_note(self, note: ProcessNote) -> None:
        """Save the process note; a void session's stays as it was (SessionIsVoid)."""
        with self._vault.transaction() as db:
            refuse_if_void(db, note.session_id)
            db.execute(
                "INSERT INTO process_notes (session_id, text, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET text = excluded.text,"
                " updated_at = excluded.updated_at",
                (note.session_id, note.text, _now()),
            )
            self._vault.audit(AuditAction.PROCESS_NOTE_SAVED, f"session {note.session_id}")
