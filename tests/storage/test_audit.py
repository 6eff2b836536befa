"""The append-only audit log: who did what, when, to which record — never any note text."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlcipher3

from notes.alliance import BoundaryEvent, BoundaryKind, Goal, Rupture, RuptureKind
from notes.records import ClientStatus, ProcessNote, ProgressNote
from storage import audit
from storage.alliance import AllianceRepository
from storage.audit import AuditAction
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault

SECRET = "she told me about the affair with Jonas"


def audit_rows(vault: Vault) -> list[tuple[str, str, str]]:
    return vault.read("SELECT at, action, record FROM audit_log ORDER BY id")


def test_the_log_records_what_happened_without_any_note_text(
    vault_path, passphrase, add_client, add_session, vault
):
    client = add_client("Maya Lindqvist", identifying_terms=["Jonas"])
    session = add_session(client.id, datetime(2024, 3, 4, 9))
    notes = NoteRepository(vault)
    notes.sign(ProgressNote(session.id, "soap", {"subjective": SECRET}))
    notes.add_addendum(session.id, f"Addendum: {SECRET}")
    notes.save_process_note(ProcessNote(session.id, SECRET))
    ClientRepository(vault).set_status(client.id, ClientStatus.CLOSED)
    vault.close()
    reopened = Vault.open(vault_path, passphrase)
    try:
        rows = audit_rows(reopened)
    finally:
        reopened.close()

    actions = [(action, record) for _at, action, record in rows]
    for expected in [
        ("lock", ""),
        ("unlock", ""),
        ("client added", f"client {client.id}"),
        ("session added", f"session {session.id}"),
        ("progress note signed", f"session {session.id}"),
        ("addendum added", f"session {session.id}"),
        ("process note saved", f"session {session.id}"),
        ("case closed", f"client {client.id}"),
    ]:
        assert expected in actions
    assert actions[-1] == ("unlock", "")
    for at, action, record in rows:
        datetime.fromisoformat(at)  # every line is dated
        for text in (action, record):
            assert "Jonas" not in text and "affair" not in text and "Maya" not in text


def test_a_new_record_is_logged_as_added_and_a_change_as_edited(vault, add_client, add_session):
    clients, sessions, alliance = (
        ClientRepository(vault),
        SessionRepository(vault),
        AllianceRepository(vault),
    )
    client = add_client()
    session = add_session(client.id, datetime(2024, 3, 4, 9))
    rupture = alliance.save_rupture(Rupture(session.id, RuptureKind.WITHDRAWAL))
    goal = alliance.save_goal(Goal(client.id, "Sleep through most nights"))
    event = alliance.save_boundary_event(
        BoundaryEvent(client.id, date(2024, 3, 4), "time", BoundaryKind.CROSSING, "Ran over.")
    )
    clients.save(client)
    sessions.save(session)
    alliance.save_rupture(rupture)
    alliance.save_goal(goal)
    alliance.save_boundary_event(event)

    actions = [(action, record) for _at, action, record in audit_rows(vault)]
    assert actions[-10:] == [
        ("client added", f"client {client.id}"),
        ("session added", f"session {session.id}"),
        ("rupture recorded", f"rupture {rupture.id}"),
        ("goal added", f"goal {goal.id}"),
        ("boundary event recorded", f"boundary event {event.id}"),
        ("client edited", f"client {client.id}"),
        ("session edited", f"session {session.id}"),
        ("rupture edited", f"rupture {rupture.id}"),
        ("goal edited", f"goal {goal.id}"),
        ("boundary event edited", f"boundary event {event.id}"),
    ]


def test_the_log_cannot_be_changed_or_emptied(vault):
    before = audit_rows(vault)
    for sql in (
        "UPDATE audit_log SET action = 'nothing happened'",
        "DELETE FROM audit_log",
        "INSERT OR REPLACE INTO audit_log (id, at, action) VALUES (1, 'then', 'rewritten')",
    ):
        with (
            pytest.raises(sqlcipher3.IntegrityError, match="append-only"),
            vault.transaction() as db,
        ):
            db.execute(sql)
    assert audit_rows(vault) == before


def test_autosaves_in_a_row_make_one_line(vault, add_client, add_session):
    session = add_session(add_client().id, datetime(2024, 3, 4, 9))
    notes = NoteRepository(vault)
    for word in ("One", "One two", "One two three"):
        notes.save_progress_note(ProgressNote(session.id, "soap", {"subjective": word}))
    saved = [row for row in audit_rows(vault) if row[1] == "progress note saved"]
    assert len(saved) == 1


def test_entries_parse_the_rows(vault):
    entries = audit.entries(audit_rows(vault))
    assert entries[0].action == "vault created"
    assert entries[-1].action == "unlock"
    assert all(isinstance(entry.at, datetime) for entry in entries)


# -- the action types ------------------------------------------------------------------------

PRODUCT = Path(__file__).resolve().parents[2]


def _product_sources() -> list[Path]:
    return [
        path for folder in ("notes", "storage", "ui") for path in (PRODUCT / folder).rglob("*.py")
    ]


def test_every_action_string_is_written_once_in_the_enum():
    values = [action.value for action in AuditAction]
    assert len(values) == len(set(values)) == len(AuditAction.__members__)
    for source in _product_sources():
        text = source.read_text(encoding="utf-8")
        for value in values:
            if source.name == "audit.py" and source.parent.name == "storage":
                assert text.count(f'"{value}"') == 1, value
            else:  # a literal elsewhere would bypass the enum
                assert f'"{value}"' not in text, (source, value)


def test_no_audit_line_is_written_from_a_bare_string():
    calls = re.compile(r"\.audit\(\s*[\"f']|audit(?:_log)?\.append\([^,]+,\s*[\"f']")
    for source in _product_sources():
        assert not calls.search(source.read_text(encoding="utf-8")), source


def test_the_log_holds_the_action_text_and_filters_by_action(vault, add_client):
    client = add_client()
    ClientRepository(vault).set_status(client.id, ClientStatus.CLOSED)
    ClientRepository(vault).set_status(client.id, ClientStatus.ACTIVE)
    log = audit.AuditLog(vault)
    assert {
        AuditAction.VAULT_CREATED,
        AuditAction.UNLOCK,
        AuditAction.CLIENT_ADDED,
        AuditAction.CASE_CLOSED,
        AuditAction.CASE_REOPENED,
    } <= set(log.actions())
    assert all(isinstance(action, str) and AuditAction(action) for action in log.actions())
    [closed] = log.read(action=AuditAction.CASE_CLOSED)
    assert (closed.action, closed.record) == ("case closed", f"client {client.id}")
    assert [row[1] for row in audit_rows(vault)][-2:] == ["case closed", "case reopened"]


def test_only_autosaved_actions_coalesce():
    assert {action for action in AuditAction if action.coalesces} == {
        AuditAction.PROGRESS_NOTE_SAVED,
        AuditAction.PROCESS_NOTE_SAVED,
        AuditAction.ALLIANCE_CHECK_SAVED,
        AuditAction.CONTRACT_TERM_SAVED,
        AuditAction.MEASURE_SAVED,  # a questionnaire corrected while it is entered
    }
