"""The signed-history chain in the vault: its table, appending one entry, and the full check.

Every signed note, addendum and audit line gets one row in `signed_history`, in the order
Alliance wrote them; the row holds the SHA-256 of the record's canonical content and the chain
hash over it and the previous row's hash (notes/signed_history.py says what is hashed). Signing,
adding an addendum and writing an audit line append one row (one hash each); only the check
(`verify`, the daily check) recomputes the whole chain.

Triggers make the chain append-only and close the REPLACE path that SQLite leaves open without
`recursive_triggers` (a standard SQLCipher shell's default): a REPLACE deletes the row it
replaces without firing any DELETE trigger, but BEFORE INSERT triggers still fire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import sqlcipher3

from notes import signed_history as rules
from notes.collection import collection_paused
from notes.signed_history import Change, EntryKind, Finding
from notes.vault_seal import SealCheck, VaultSeal

_SIGNED = "signed notes cannot be changed"  # storage/errors.py turns this into NoteIsSigned

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE signed_history (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('signed note', 'addendum', 'audit line')),
        record_id INTEGER NOT NULL,
        -- Who and when the record was about when chained: for naming it if it is removed.
        session_id INTEGER,
        client_id INTEGER,
        recorded_at TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (kind, record_id)
    )""",
    """CREATE TRIGGER signed_history_no_update BEFORE UPDATE ON signed_history
        BEGIN SELECT RAISE(ABORT, 'signed history is append-only'); END""",
    """CREATE TRIGGER signed_history_no_delete BEFORE DELETE ON signed_history
        BEGIN SELECT RAISE(ABORT, 'signed history is append-only'); END""",
    """CREATE TRIGGER signed_history_no_replace BEFORE INSERT ON signed_history
        WHEN EXISTS (SELECT 1 FROM signed_history WHERE seq = NEW.seq
                     OR (kind = NEW.kind AND record_id = NEW.record_id))
        BEGIN SELECT RAISE(ABORT, 'signed history is append-only'); END""",
    # INSERT OR REPLACE / REPLACE would delete a signed note, an addendum or an audit line and
    # write another in its place, firing no DELETE trigger: refuse it before the insert.
    f"""CREATE TRIGGER progress_notes_signed_no_replace BEFORE INSERT ON progress_notes
        WHEN EXISTS (SELECT 1 FROM progress_notes
                     WHERE session_id = NEW.session_id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{_SIGNED}'); END""",
    f"""CREATE TRIGGER addenda_no_replace BEFORE INSERT ON addenda
        WHEN EXISTS (SELECT 1 FROM addenda WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, '{_SIGNED}'); END""",
    """CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
        WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    # Deleting (or replacing) the session would hide its signed note from every view.
    f"""CREATE TRIGGER sessions_keep_signed_notes BEFORE DELETE ON sessions
        WHEN EXISTS (SELECT 1 FROM progress_notes
                     WHERE session_id = OLD.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{_SIGNED}'); END""",
    f"""CREATE TRIGGER sessions_signed_no_replace BEFORE INSERT ON sessions
        WHEN EXISTS (SELECT 1 FROM progress_notes
                     WHERE session_id = NEW.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{_SIGNED}'); END""",
)


def migrate(connection: sqlcipher3.Connection) -> None:
    """The chain's migration: the table and triggers, then every signed record the vault
    already holds chained in the order it was written. Runs inside the migration's
    transaction (statement by statement: `executescript` would commit half-way)."""
    for statement in SCHEMA:
        connection.execute(statement)
    chain_unchained(connection)


# -- the records, read as the chain sees them ----------------------------------------------


@dataclass(frozen=True)
class _Record:
    kind: EntryKind
    record_id: int
    session_id: int | None
    client_id: int | None  # None when its session is gone
    recorded_at: str
    digest: str
    signed: bool  # a progress note with a signature (addenda and audit lines always are)

    @property
    def shown(self) -> bool:
        """Whether any view can still reach it: a note or addendum needs its session."""
        return self.kind is EntryKind.AUDIT or self.client_id is not None


_NOTES = """SELECT p.session_id, s.client_id, p.template, p.sections, p.signed_at
    FROM progress_notes p LEFT JOIN sessions s ON s.id = p.session_id"""
_ADDENDA = """SELECT a.id, a.session_id, s.client_id, a.written_at, a.text
    FROM addenda a LEFT JOIN sessions s ON s.id = a.session_id"""
_AUDIT = "SELECT id, at, action, record FROM audit_log"


def _notes(rows: Iterable[tuple]) -> Iterator[_Record]:
    return (
        _Record(
            EntryKind.NOTE,
            session_id,
            session_id,
            client_id,
            signed_at or "",
            # A draft is never chained: no need to hash it (a check reads every note).
            rules.digest(rules.note_content(session_id, client_id, template, sections, signed_at))
            if signed_at is not None
            else "",
            signed_at is not None,
        )
        for session_id, client_id, template, sections, signed_at in rows
    )


def _addenda(rows: Iterable[tuple]) -> Iterator[_Record]:
    return (
        _Record(
            EntryKind.ADDENDUM,
            addendum_id,
            session_id,
            client_id,
            written_at,
            rules.digest(rules.addendum_content(addendum_id, session_id, written_at, text)),
            True,
        )
        for addendum_id, session_id, client_id, written_at, text in rows
    )


def _audit_lines(rows: Iterable[tuple]) -> Iterator[_Record]:
    return (
        _Record(
            EntryKind.AUDIT,
            line_id,
            None,
            None,
            at,
            rules.digest(rules.audit_content(line_id, at, action, record)),
            True,
        )
        for line_id, at, action, record in rows
    )


_READERS = {
    EntryKind.NOTE: (_NOTES, "p.session_id", _notes),
    EntryKind.ADDENDUM: (_ADDENDA, "a.id", _addenda),
    EntryKind.AUDIT: (_AUDIT, "id", _audit_lines),
}


# Runs one query: a connection's `execute`, or `Vault.read` where no connection is at hand.
Query = Callable[..., Iterable[tuple]]


def _read(query: Query, kind: EntryKind, record_id: int | None = None) -> list[_Record]:
    sql, key, build = _READERS[kind]
    if record_id is None:
        return list(build(query(sql)))
    return list(build(query(f"{sql} WHERE {key} = ?", (record_id,))))


def _in_id_order(connection: sqlcipher3.Connection, kind: EntryKind) -> Iterator[_Record]:
    """Every record of a kind, one at a time, by id (each table's own rowid order)."""
    sql, key, build = _READERS[kind]
    return build(connection.execute(f"{sql} ORDER BY {key}"))


def _all_records(connection: sqlcipher3.Connection) -> dict[tuple[EntryKind, int], _Record]:
    return {
        (record.kind, record.record_id): record
        for kind in EntryKind
        for record in _read(connection.execute, kind)
    }


# -- appending -----------------------------------------------------------------------------

_LAST_HASH = "SELECT hash FROM signed_history ORDER BY seq DESC LIMIT 1"
_INSERT = (
    "INSERT INTO signed_history"
    " (kind, record_id, session_id, client_id, recorded_at, content_hash, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def append(connection: sqlcipher3.Connection, kind: EntryKind, record_id: int) -> None:
    """Chain one record just written, inside the caller's transaction: one hash.

    The content is read back from the vault, so what is chained is exactly what is stored.
    """
    if not _has_chain(connection.execute):
        return  # dropped outside Alliance: the vault still works, and the check says so
    (record,) = _read(connection.execute, kind, record_id)
    last = connection.execute(_LAST_HASH).fetchone()
    _insert(connection, record, last[0] if last else rules.GENESIS)


def _has_chain(query: Query) -> bool:
    return bool(
        list(query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signed_history'"))
    )


def _insert(connection: sqlcipher3.Connection, record: _Record, previous: str) -> str:
    chained = rules.link(previous, record.digest)
    connection.execute(
        _INSERT,
        (
            record.kind.value,
            record.record_id,
            record.session_id,
            record.client_id,
            record.recorded_at,
            record.digest,
            chained,
        ),
    )
    return chained


_KIND_ORDER = {EntryKind.NOTE: 0, EntryKind.ADDENDUM: 1, EntryKind.AUDIT: 2}


def chain_unchained(connection: sqlcipher3.Connection) -> int:
    """Append every signed record not yet in the chain, oldest first; returns how many.

    For a vault written before the chain existed (the migration) and for records written in
    bulk (the benchmark's synthetic vaults). At the same second a note comes before its
    addendum and both before the audit line that tells of them, as Alliance writes them.
    """
    chained = {
        (EntryKind(kind), record_id)
        for kind, record_id in connection.execute("SELECT kind, record_id FROM signed_history")
    }
    waiting = sorted(
        (
            record
            for key, record in _all_records(connection).items()
            if key not in chained and record.signed and record.shown
        ),
        key=lambda record: (record.recorded_at, _KIND_ORDER[record.kind], record.record_id),
    )
    last = connection.execute(_LAST_HASH).fetchone()
    previous = last[0] if last else rules.GENESIS
    for record in waiting:
        previous = _insert(connection, record, previous)
    return len(waiting)


# -- the head and the seal -----------------------------------------------------------------

HEAD = "SELECT seq, hash FROM signed_history ORDER BY seq DESC LIMIT 1"


def seal_of(head: tuple | None) -> VaultSeal | None:
    """The vault seal for the row `HEAD` read; None while nothing is signed yet."""
    return VaultSeal.of(head[0], head[1]) if head else None


# -- the check -----------------------------------------------------------------------------

_CHAIN = (
    "SELECT seq, kind, record_id, session_id, client_id, recorded_at, content_hash, hash"
    " FROM signed_history ORDER BY seq"
)


class _Names:
    """Client codes and session numbers, for naming records as the therapist knows them."""

    def __init__(self, connection: sqlcipher3.Connection) -> None:
        self._codes = dict(connection.execute("SELECT id, code FROM clients"))
        # Numbered as the session list numbers them: void sessions (migration 9) have none.
        has_voids = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session_voids'"
        ).fetchone()
        counted = " WHERE id NOT IN (SELECT session_id FROM session_voids)" if has_voids else ""
        self._sessions = {
            session_id: (client_id, number)
            for session_id, client_id, number in connection.execute(
                "SELECT id, client_id, ROW_NUMBER() OVER"
                f" (PARTITION BY client_id ORDER BY starts_at, id) FROM sessions{counted}"
            )
        }

    def finding(
        self,
        kind: EntryKind,
        change: Change,
        session_id: int | None,
        client_id: int | None,
        at: str,
    ) -> Finding:
        session_client, number = self._sessions.get(session_id, (client_id, None))
        code = self._codes.get(session_client if session_client is not None else client_id)
        return Finding(kind, change, code, number, at)


def check(connection: sqlcipher3.Connection) -> list[Finding]:
    """Recompute the whole chain and name every signed record that does not hold: changed,
    unsigned, removed, hidden, added outside Alliance, or its chain entry rewritten."""
    # A check builds a record for every signed note, addendum and audit line (a quarter of a
    # million in a long career); the records hold no cycles and are freed as usual after.
    with collection_paused():
        return _check(connection)


def _check(connection: sqlcipher3.Connection) -> list[Finding]:
    """Two passes, neither holding more than a row at a time (a long career has a quarter of
    a million chained records; holding them all took 150 MB): the chain in its order for its
    gaps and links, then each kind's records beside their entries, both in id order."""
    if not _has_chain(connection.execute):
        return [Finding(EntryKind.NOTE, Change.CHAIN_REMOVED)]
    names = _Names(connection)
    found: list[tuple[int, int, Finding]] = []  # (seq, 0 for a gap or 1, finding)
    unlinked: set[int] = set()
    previous, expected = rules.GENESIS, 1
    for (
        seq,
        kind,
        _record_id,
        session_id,
        client_id,
        at,
        content_hash,
        stored,
    ) in connection.execute(_CHAIN):
        if seq != expected:
            found.append(
                (seq, 0, names.finding(EntryKind(kind), Change.GAP, session_id, client_id, at))
            )
        expected = seq + 1
        if rules.link(previous, content_hash) != stored:
            unlinked.add(seq)
        previous = stored  # judge the next entry on its own, so one break names one record
    added: list[Finding] = []
    for kind in EntryKind:
        for entry, record in _beside_entries(connection, kind):
            if entry is None:
                if record is not None and record.signed:
                    added.append(
                        names.finding(
                            kind,
                            Change.ADDED,
                            record.session_id,
                            record.client_id,
                            record.recorded_at,
                        )
                    )
                continue
            seq, session_id, client_id, at, content_hash = entry
            change = _change(record, content_hash, seq not in unlinked)
            if change is not None:
                found.append((seq, 1, names.finding(kind, change, session_id, client_id, at)))
    found.sort(key=lambda item: item[:2])
    return [finding for _seq, _rank, finding in found] + added


_ENTRIES = (
    "SELECT record_id, seq, session_id, client_id, recorded_at, content_hash"
    " FROM signed_history WHERE kind = ? ORDER BY record_id"
)


def _beside_entries(
    connection: sqlcipher3.Connection, kind: EntryKind
) -> Iterator[tuple[tuple | None, _Record | None]]:
    """Each chain entry of `kind` with its record (None: removed), and each record that has
    no entry (entry None): a merge of two id-ordered reads."""
    entries = iter(connection.execute(_ENTRIES, (kind.value,)))
    records = _in_id_order(connection, kind)
    entry, record = next(entries, None), next(records, None)
    while entry is not None or record is not None:
        if record is None or (entry is not None and entry[0] < record.record_id):
            yield entry[1:], None
            entry = next(entries, None)
        elif entry is None or record.record_id < entry[0]:
            yield None, record
            record = next(records, None)
        else:
            yield entry[1:], record
            entry, record = next(entries, None), next(records, None)


def record_change(query: Query, kind: EntryKind, record_id: int) -> Change | None:
    """One record checked against its own chain entry (one hash), for a view that shows it:
    None when it is as chained (or was never signed), else what became of it."""
    if not _has_chain(query):
        return Change.CHAIN_REMOVED
    found = _read(query, kind, record_id)
    entry = list(
        query(
            "SELECT content_hash FROM signed_history WHERE kind = ? AND record_id = ?",
            (kind.value, record_id),
        )
    )
    if not entry:
        return Change.ADDED if found and found[0].signed else None
    return _change(found[0] if found else None, entry[0][0], linked=True)


def _change(record: _Record | None, content_hash: str, linked: bool) -> Change | None:
    if record is None:
        return Change.REMOVED
    if not record.signed:
        return Change.UNSIGNED
    if not record.shown:
        return Change.HIDDEN
    if record.digest != content_hash:
        return Change.CHANGED
    if not linked:
        return Change.RELINKED
    return None


def check_seal(connection: sqlcipher3.Connection, seal: VaultSeal) -> SealCheck:
    """Recompute the chain from the records as they are now, up to the seal's entry, and
    compare: any change, removal or reordering before it gives another hash."""
    if not _has_chain(connection.execute):
        return SealCheck(seal, 0, False)
    records = _all_records(connection)
    previous, held = rules.GENESIS, 0
    intact = True
    for _seq, kind, record_id in connection.execute(
        "SELECT seq, kind, record_id FROM signed_history WHERE seq <= ? ORDER BY seq",
        (seal.count,),
    ):
        held += 1
        record = records.get((EntryKind(kind), record_id))
        if record is None or not record.signed:
            intact = False
            continue
        previous = rules.link(previous, record.digest)
    return SealCheck(seal, held, intact and held == seal.count and seal.matches(previous))
