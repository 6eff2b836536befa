"""The demo caseload written into a real vault matches notes.demo.caseload."""

from __future__ import annotations

from datetime import date

from notes.demo.caseload import demo_clients
from notes.records import ClientStatus
from storage.clients import ClientRepository
from storage.demo import write_demo
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository

TODAY = date(2024, 6, 12)


def test_write_demo_writes_every_client_session_and_note(vault):
    expected = demo_clients(TODAY)
    shares: list[float] = []

    written = write_demo(vault, TODAY, lambda _text, share: shares.append(share))

    assert written == sum(len(demo.sessions) for demo in expected)
    assert shares[-1] == 1.0
    clients = ClientRepository(vault).list(include_closed=True)
    assert {c.code for c in clients} == {demo.client.code for demo in expected}
    assert {c.code for c in clients if c.status is ClientStatus.CLOSED} == {
        demo.client.code for demo in expected if demo.client.status is ClientStatus.CLOSED
    }
    sessions, notes = SessionRepository(vault), NoteRepository(vault)
    signed = sum(
        notes.progress_note(s.id).signed for c in clients for s in sessions.for_client(c.id)
    )
    assert signed == sum(item.signed for demo in expected for item in demo.sessions)
    assert vault.integrity_check().ok


def test_the_demo_uses_phrases_and_an_own_template(vault):
    from notes.demo.writing import DEMO_PHRASES, DEMO_TEMPLATE
    from storage.templates import OwnTemplateRepository
    from storage.writing import WritingRepository

    write_demo(vault, TODAY)
    (template,) = OwnTemplateRepository(vault).list()
    assert template.name == DEMO_TEMPLATE.name
    assert set(DEMO_PHRASES) <= set(WritingRepository(vault).phrases())
    code = demo_clients(TODAY)[0].client.code
    first = next(c for c in ClientRepository(vault).list(include_closed=True) if c.code == code)
    newest = max(SessionRepository(vault).for_client(first.id), key=lambda s: s.starts_at)
    note = NoteRepository(vault).progress_note(newest.id)
    assert note.template == template.key
    assert DEMO_PHRASES[0].text in note.sections["relationship"]


def test_the_demo_holds_one_void_session_with_its_signed_note(vault):
    from notes.demo.voided import VOID_REASON

    write_demo(vault, TODAY)
    sessions, notes = SessionRepository(vault), NoteRepository(vault)
    voids = [
        session
        for client in ClientRepository(vault).list(include_closed=True)
        for session in sessions.for_client(client.id, include_void=True)
        if session.void
    ]
    assert [(s.void_reason, s.number) for s in voids] == [(VOID_REASON, 0)]
    assert notes.progress_note(voids[0].id).signed
    assert voids[0].voided_at > voids[0].starts_at
