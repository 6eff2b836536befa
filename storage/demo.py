"""Write the fictional demo caseload (notes/demo/caseload.py) into a vault."""

from __future__ import annotations

from datetime import date, timedelta

from notes.demo.caseload import demo_clients
from notes.demo.voided import demo_void
from notes.demo.writing import own_template_note
from notes.progress import Progress
from notes.records import ProcessNote, ProgressNote, Session
from storage.clients import ClientRepository
from storage.demo_alliance import write_alliance_demo
from storage.demo_measures import write_measures_demo
from storage.demo_supervision import write_supervision_demo
from storage.demo_writing import write_writing_demo
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository
from storage.supervisor_comments import write_comments_demo
from storage.vault import Vault


def write_demo(vault: Vault, today: date | None = None, progress: Progress | None = None) -> int:
    """Fill the vault with the demo caseload in one transaction; returns the sessions written
    (the one void session, written last, not among them: it counts nowhere)."""
    clients, sessions, notes = (
        ClientRepository(vault),
        SessionRepository(vault),
        NoteRepository(vault),
    )
    caseload = demo_clients(today)
    observations = ObservationRepository(vault)
    category_ids = {(c.kind.value, c.key): c.id for c in CategoryRepository(vault).list()}
    written = 0
    client_ids: dict[str, int] = {}
    with vault.transaction():
        own_template = write_writing_demo(vault)
        for index, demo in enumerate(caseload):
            client = clients.save(demo.client)
            client_ids[client.code] = client.id
            for item in demo.sessions:
                item.session.client_id = client.id
                session = sessions.save(item.session)
                note = ProgressNote(session.id, "soap", item.sections)
                if index == 0 and item is demo.sessions[-1]:  # the newest note: own template
                    note = ProgressNote(session.id, own_template, own_template_note(item.sections))
                if item.signed:
                    notes.sign(note, session.starts_at + timedelta(hours=2))
                    for addendum in item.addenda:  # the next day: after the signature
                        notes.add_addendum(session.id, addendum, session.starts_at + timedelta(1))
                else:
                    notes.save_progress_note(note)
                if item.process_text:
                    notes.save_process_note(ProcessNote(session.id, item.process_text))
                for observation in item.observations:
                    observations.save(observation.placed(session.id, category_ids))
                written += 1
            write_alliance_demo(vault, client.id, client.code, demo.sessions)
            write_measures_demo(vault, client.code, demo.sessions)
            if progress:
                progress(f"Wrote {client.code}", (index + 1) / len(caseload))
        void = demo_void(caseload)
        if void is not None:
            session = sessions.save(Session(client_ids[void.code], void.starts_at))
            notes.sign(
                ProgressNote(session.id, "soap", void.sections), void.starts_at + timedelta(hours=2)
            )
            sessions.void(session.id, void.reason, void.voided_at)
        write_supervision_demo(vault, client_ids, today or date.today())
        write_comments_demo(vault, client_ids)
    return written
