"""Tamper evidence (issue 13, point 6): the red team's eight ways to rewrite signed history from
a standard SQLCipher 4 shell, each refused by a trigger or named by the check; the chain kept
by every signature, addendum and audit line; the migration; the vault seal.

The "shell" is a plain sqlcipher3 connection with SQLCipher's and SQLite's defaults (no
recursive_triggers, no foreign keys), keyed as the README's recovery path says: what anyone
with the passphrase and a standard tool can do.
"""

from __future__ import annotations

import gc
import json
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3

from notes import signed_history
from notes.records import Client, ProgressNote, Session
from storage import history_chain, schema
from storage.audit import AuditAction
from storage.clients import ClientRepository
from storage.errors import NoteIsSigned
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault

SIGNED_AT = datetime(2025, 3, 3, 12, 0)


def shell(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """A standard SQLCipher 4 shell on the vault: default settings, autocommit."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{passphrase.replace(chr(39), chr(39) * 2)}'")
    return connection


@pytest.fixture
def signed_vault(vault_path: Path, passphrase: str) -> dict:
    """ML-01 with three sessions; session 2's note signed, with an addendum. Closed."""
    vault = Vault.open(vault_path, passphrase)
    try:
        client = ClientRepository(vault).save(
            Client(code="ML-01", full_name="Maya Lindqvist", start_date=SIGNED_AT.date())
        )
        sessions = [
            SessionRepository(vault).save(Session(client.id, SIGNED_AT.replace(day=day)))
            for day in (1, 3, 5)
        ]
        notes = NoteRepository(vault)
        notes.save_progress_note(ProgressNote(sessions[0].id, "soap", {"subjective": "draft"}))
        notes.sign(ProgressNote(sessions[1].id, "soap", {"subjective": "Slept better."}), SIGNED_AT)
        notes.add_addendum(sessions[1].id, "Her sister called afterwards.")
    finally:
        vault.close()
    return {"path": vault_path, "session": sessions[1].id, "draft": sessions[0].id}


def findings(path: Path, passphrase: str, seal=None) -> tuple[list[str], object]:
    vault = Vault.open(path, passphrase)
    try:
        report = vault.integrity_check(seal)
    finally:
        vault.close()
    assert report.ok  # the file is sound: tampering is not damage
    return [finding.describe() for finding in report.history], report.seal


def current_seal(path: Path, passphrase: str):
    vault = Vault.open(path, passphrase)
    try:
        return vault.vault_seal()
    finally:
        vault.close()


REWRITTEN = json.dumps({"subjective": "Nothing of note."})

# The eight attempts that succeeded against the vault before the chain, as SQL a person would
# type in a shell, and the words `verify` must use for each.
ATTEMPTS: dict[str, tuple[list[str], str]] = {
    "INSERT OR REPLACE rewrites a signed note": (
        [
            "INSERT OR REPLACE INTO progress_notes"
            " (session_id, template, sections, signed_at, updated_at)"
            f" SELECT session_id, template, '{REWRITTEN}', signed_at, updated_at"
            " FROM progress_notes WHERE session_id = :session"
        ],
        "ML-01, session 2: the signed note was changed outside Alliance",
    ),
    "INSERT OR REPLACE unsigns a signed note": (
        [
            "INSERT OR REPLACE INTO progress_notes"
            " (session_id, template, sections, signed_at, updated_at)"
            " SELECT session_id, template, sections, NULL, updated_at"
            " FROM progress_notes WHERE session_id = :session"
        ],
        "ML-01, session 2: the signed note was unsigned outside Alliance",
    ),
    "REPLACE rewrites an addendum": (
        [
            "REPLACE INTO addenda (id, session_id, written_at, text)"
            " SELECT id, session_id, written_at, 'She never called.' FROM addenda"
            " WHERE session_id = :session"
        ],
        "ML-01, session 2: the addendum of ",
    ),
    "REPLACE rewrites an audit line": (
        [
            "REPLACE INTO audit_log (id, at, action, record)"
            " SELECT id, at, 'progress note saved', record FROM audit_log"
            " WHERE action = 'progress note signed'"
        ],
        "Audit log: the line of ",
    ),
    "deleting the session hides a signed note": (
        ["DELETE FROM sessions WHERE id = :session"],
        "ML-01, a session no longer in the vault: the session of the signed note was deleted "
        "outside Alliance, which hides the note",
    ),
    "DROP TRIGGER, then UPDATE an audit line": (
        [
            "DROP TRIGGER audit_log_no_update",
            "UPDATE audit_log SET record = 'session 999' WHERE action = 'progress note signed'",
        ],
        "Audit log: the line of ",
    ),
    "DROP TRIGGER, then DELETE an audit line": (
        [
            "DROP TRIGGER audit_log_no_delete",
            "DELETE FROM audit_log WHERE action = 'addendum added'",
        ],
        "Audit log: a line of ",
    ),
    "DROP TRIGGER, then UPDATE a signed note": (
        [
            "DROP TRIGGER progress_notes_signed_no_update",
            f"UPDATE progress_notes SET sections = '{REWRITTEN}' WHERE session_id = :session",
        ],
        "ML-01, session 2: the signed note was changed outside Alliance",
    ),
}
# The first five are stopped by triggers alone (no recursive_triggers needed); the rest drop
# the trigger first, which no trigger can stop: only the chain tells.
REFUSED_BY_TRIGGERS = list(ATTEMPTS)[:5]
OUTCOME = {
    "REPLACE rewrites an addendum": "was changed outside Alliance",
    "REPLACE rewrites an audit line": "was changed outside Alliance",
    "DROP TRIGGER, then UPDATE an audit line": "was changed outside Alliance",
    "DROP TRIGGER, then DELETE an audit line": "was removed outside Alliance",
}


def _signed_state(path: Path, passphrase: str) -> list[tuple]:
    connection = shell(path, passphrase)
    try:
        return [
            *connection.execute("SELECT * FROM progress_notes ORDER BY session_id"),
            *connection.execute("SELECT * FROM addenda ORDER BY id"),
            *connection.execute("SELECT * FROM audit_log ORDER BY id"),
            *connection.execute("SELECT * FROM sessions ORDER BY id"),
        ]
    finally:
        connection.close()


@pytest.mark.parametrize("attempt", REFUSED_BY_TRIGGERS)
def test_the_replace_path_is_refused_from_a_standard_shell(signed_vault, passphrase, attempt):
    path = signed_vault["path"]
    before = _signed_state(path, passphrase)
    connection = shell(path, passphrase)
    try:
        assert connection.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
        with pytest.raises(sqlcipher3.IntegrityError, match=r"cannot be changed|append-only"):
            for statement in ATTEMPTS[attempt][0]:
                connection.execute(statement, {"session": signed_vault["session"]})
    finally:
        connection.close()
    assert _signed_state(path, passphrase) == before
    assert findings(path, passphrase)[0] == []


def _drop_every_trigger(connection: sqlcipher3.Connection) -> None:
    """What someone who reads the schema does first: no trigger stops DROP TRIGGER."""
    names = [
        row[0]
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = ?", ("trigger",))
    ]
    for name in names:
        if not name.startswith("search_"):  # keep the search index in step, as a careful
            connection.execute(f"DROP TRIGGER {name}")  # forger would


@pytest.mark.parametrize("attempt", list(ATTEMPTS))
def test_verify_names_each_rewrite_of_signed_history(signed_vault, passphrase, attempt):
    path = signed_vault["path"]
    statements, expected = ATTEMPTS[attempt]
    connection = shell(path, passphrase)
    try:
        if attempt in REFUSED_BY_TRIGGERS:
            _drop_every_trigger(connection)
        for statement in statements:
            connection.execute(statement, {"session": signed_vault["session"]})
    finally:
        connection.close()
    found, _seal = findings(path, passphrase)
    assert any(line.startswith(expected) for line in found), found
    if attempt in OUTCOME:
        assert any(line.startswith(expected) and OUTCOME[attempt] in line for line in found)


def test_records_written_outside_alliance_are_named(signed_vault, passphrase):
    path = signed_vault["path"]
    connection = shell(path, passphrase)
    try:  # each allowed by the triggers, none by Alliance
        connection.execute(
            "INSERT INTO addenda (session_id, written_at, text)"
            " VALUES (:session, '2025-02-01T09:00:00', 'Backdated.')",
            {"session": signed_vault["session"]},
        )
        connection.execute(
            "INSERT INTO audit_log (at, action, record) VALUES ('2025-02-01T09:00:00', 'lock', '')"
        )
        connection.execute(
            "UPDATE progress_notes SET signed_at = '2025-03-01T12:00:00' WHERE session_id = ?",
            (signed_vault["draft"],),
        )
    finally:
        connection.close()
    found, _seal = findings(path, passphrase)
    assert "ML-01, session 2: an addendum of 1 February 2025 was added outside Alliance" in found
    assert "Audit log: a line of 1 February 2025, 09:00 was added outside Alliance" in found
    assert "ML-01, session 1: the note was signed outside Alliance" in found


def test_a_removed_chain_entry_is_named(signed_vault, passphrase):
    path = signed_vault["path"]
    connection = shell(path, passphrase)
    try:
        connection.execute("DROP TRIGGER signed_history_no_delete")
        connection.execute("DELETE FROM signed_history WHERE kind = 'addendum'")
    finally:
        connection.close()
    found, _seal = findings(path, passphrase)
    assert any("just before this record" in line for line in found), found
    assert any(line.startswith("ML-01, session 2: an addendum of") for line in found), found


def test_a_rebuilt_chain_passes_the_check_but_not_an_older_seal(signed_vault, passphrase):
    """Someone who knows how the chain is made can rewrite a note and rebuild the whole chain;
    the check alone then sees nothing. The seal a supervisor holds still tells."""
    path = signed_vault["path"]
    seal = current_seal(path, passphrase)
    connection = shell(path, passphrase)
    try:
        _drop_every_trigger(connection)
        connection.execute(
            "UPDATE progress_notes SET sections = ? WHERE session_id = ?",
            (REWRITTEN, signed_vault["session"]),
        )
        connection.execute("DELETE FROM signed_history")
        history_chain.chain_unchained(connection)
    finally:
        connection.close()
    found, checked = findings(path, passphrase, seal)
    assert found == []
    assert checked.held == seal.count
    assert not checked.matches


def test_a_seal_still_matches_after_later_work(signed_vault, passphrase):
    path = signed_vault["path"]
    seal = current_seal(path, passphrase)
    vault = Vault.open(path, passphrase)
    try:
        NoteRepository(vault).add_addendum(signed_vault["session"], "A later addendum.")
        report = vault.integrity_check(seal)
        assert report.history == ()
        assert report.seal.matches
        assert vault.vault_seal().count > seal.count
    finally:
        vault.close()


def test_a_seal_from_a_longer_history_does_not_match(signed_vault, passphrase):
    seal = current_seal(signed_vault["path"], passphrase)
    longer = type(seal)(seal.count + 100, seal.prefix)
    _found, checked = findings(signed_vault["path"], passphrase, longer)
    assert checked.held < longer.count
    assert not checked.matches


def test_the_app_still_refuses_to_change_a_signed_note(signed_vault, passphrase):
    vault = Vault.open(signed_vault["path"], passphrase)
    try:
        note = ProgressNote(signed_vault["session"], "soap", {"subjective": "changed"})
        with pytest.raises(NoteIsSigned):
            NoteRepository(vault).save_progress_note(note)
    finally:
        vault.close()


def test_appending_hashes_only_the_new_entries(signed_vault, passphrase, monkeypatch):
    """Signing, an addendum and an audit line each add one hash; the history is not rehashed."""
    vault = Vault.open(signed_vault["path"], passphrase)
    try:
        for _ in range(30):
            vault.audit(AuditAction.LOCK)
        links: list[str] = []
        link = signed_history.link
        monkeypatch.setattr(signed_history, "link", lambda *a: links.append(a) or link(*a))
        before = vault.read_one("SELECT count(*) FROM signed_history")[0]
        NoteRepository(vault).sign(
            ProgressNote(signed_vault["draft"], "soap", {"subjective": "done"})
        )
        NoteRepository(vault).add_addendum(signed_vault["draft"], "And one more thing.")
        added = vault.read_one("SELECT count(*) FROM signed_history")[0] - before
        assert added >= 3  # the note, the addendum and their audit lines
        assert len(links) == added
    finally:
        vault.close()


def test_the_migration_chains_an_older_vault_in_the_order_it_was_written(tmp_path, passphrase):
    path = tmp_path / "old.vault"
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{passphrase.replace(chr(39), chr(39) * 2)}'")
    for step in schema.MIGRATIONS[:4]:
        connection.executescript(step)
    connection.executescript(
        """
        PRAGMA user_version = 4;
        INSERT INTO clients (id, code, full_name, start_date) VALUES (1, 'OV-01', 'Old', '2020');
        INSERT INTO sessions VALUES (1, 1, '2020-01-06T10:00', 50, 'attended');
        INSERT INTO sessions VALUES (2, 1, '2020-01-13T10:00', 50, 'attended');
        INSERT INTO progress_notes VALUES (2, 'soap', '{"subjective": "b"}',
                                           '2020-01-13T12:00:00', '2020-01-13T12:00:00');
        INSERT INTO progress_notes VALUES (1, 'soap', '{"subjective": "a"}',
                                           '2020-01-06T12:00:00', '2020-01-06T12:00:00');
        INSERT INTO addenda VALUES (1, 1, '2020-01-20T09:00:00', 'later');
        INSERT INTO audit_log (at, action, record) VALUES ('2020-01-01T08:00:00', 'unlock', '');
        """
    )
    connection.close()
    vault = Vault.open(path, passphrase)
    try:
        order = vault.read("SELECT kind, record_id FROM signed_history ORDER BY seq")
        assert order[:4] == [
            ("audit line", 1),
            ("signed note", 1),
            ("signed note", 2),
            ("addendum", 1),
        ]
        assert vault.integrity_check().history == ()
    finally:
        vault.close()


def test_the_demo_vault_has_addenda_and_its_signed_history_holds(vault):
    from storage.demo import write_demo

    write_demo(vault)
    kinds = dict(vault.read("SELECT kind, count(*) FROM signed_history GROUP BY kind"))
    assert kinds["addendum"] >= 3
    assert kinds["signed note"] > 50
    report = vault.integrity_check(vault.vault_seal())
    assert report.history == ()
    assert report.seal.matches


def test_a_dropped_chain_is_named_and_the_vault_still_opens(signed_vault, passphrase):
    path = signed_vault["path"]
    seal = current_seal(path, passphrase)
    connection = shell(path, passphrase)
    try:
        connection.execute("DROP TABLE signed_history")
    finally:
        connection.close()
    found, checked = findings(path, passphrase, seal)  # opening writes an audit line: it works
    assert found == [
        "Signed history: the vault's record of it was removed outside Alliance, so no signed "
        "record can be checked any more"
    ]
    assert not checked.matches


def test_chain_entries_swapped_in_order_are_named(signed_vault, passphrase):
    """An entry moved to another place in the chain: its link no longer holds."""
    path = signed_vault["path"]
    connection = shell(path, passphrase)
    try:
        connection.execute("DROP TRIGGER signed_history_no_update")
        (first, second) = connection.execute(
            "SELECT seq, kind, record_id, content_hash FROM signed_history"
            " WHERE kind = 'audit line' ORDER BY seq LIMIT 2"
        ).fetchall()
        for (seq, *_), (_, _kind, record_id, content_hash) in ((first, second), (second, first)):
            connection.execute(
                "UPDATE signed_history SET record_id = -?, content_hash = ? WHERE seq = ?",
                (record_id, content_hash, seq),
            )
        connection.execute("UPDATE signed_history SET record_id = -record_id WHERE record_id < 0")
    finally:
        connection.close()
    found, _seal = findings(path, passphrase)
    rewritten = [line for line in found if "record of the line" in line and "rewritten" in line]
    assert len(rewritten) == 2, found


@pytest.mark.parametrize("enabled", [True, False])
def test_the_full_check_pauses_garbage_collection_and_puts_it_back(
    signed_vault, passphrase, enabled
):
    # A collection walks every object of the process holding the GIL: while a check builds a
    # record for every signed line of a long career, none starts (the window would stall).
    collections: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            collections.append(phase)

    threshold = gc.get_threshold()
    was = gc.isenabled()
    connection = shell(signed_vault["path"], passphrase)
    gc.set_threshold(1)  # any allocation would otherwise start one
    gc.enable() if enabled else gc.disable()
    try:
        gc.callbacks.append(seen)
        found = history_chain.check(connection)
        del gc.callbacks[-1]  # (allocating nothing the collector tracks, unlike a call)
        assert gc.isenabled() is enabled  # as it was before the check
        assert found == []
        # A few as the check ends, when collection is back on; without the pause, hundreds.
        assert len(collections) < 10
    finally:
        if seen in gc.callbacks:
            gc.callbacks.remove(seen)
        gc.set_threshold(*threshold)
        gc.enable() if was else gc.disable()
        connection.close()
