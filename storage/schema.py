"""The vault's schema, as an ordered list of migrations keyed by SQLite's `user_version`.

Migration N (1-based) brings a vault from version N-1 to N. A migration is applied in one
transaction together with the new user_version, so a vault is never left half-migrated.
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlcipher3

_ATTENDANCE = "'attended','late','cancelled_with_notice','late_cancellation','no_show'"

MIGRATIONS: list[str] = [
    # 1: the foundation — clients, sessions, notes, addenda, audit log, preferences.
    f"""
    CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL,
        identifying_terms TEXT NOT NULL DEFAULT '[]',
        presenting_problem TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed'))
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        attendance TEXT NOT NULL CHECK (attendance IN ({_ATTENDANCE}))
    );
    CREATE INDEX sessions_by_client ON sessions (client_id, starts_at);

    CREATE TABLE progress_notes (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        template TEXT NOT NULL,
        sections TEXT NOT NULL DEFAULT '{{}}',
        signed_at TEXT,
        updated_at TEXT NOT NULL
    );
    -- A signed note is immutable in the database itself, whatever code runs against it.
    CREATE TRIGGER progress_notes_signed_no_update BEFORE UPDATE ON progress_notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'signed notes cannot be changed'); END;
    CREATE TRIGGER progress_notes_signed_no_delete BEFORE DELETE ON progress_notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'signed notes cannot be changed'); END;

    CREATE TABLE addenda (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES progress_notes(session_id),
        written_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX addenda_by_session ON addenda (session_id, written_at);
    CREATE TRIGGER addenda_need_signed_note BEFORE INSERT ON addenda
        WHEN (SELECT signed_at FROM progress_notes WHERE session_id = NEW.session_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'addenda belong to signed notes'); END;
    CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, 'signed notes cannot be changed'); END;
    CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, 'signed notes cannot be changed'); END;

    CREATE TABLE process_notes (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        text TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );

    -- Who did what, when, to which record; never any note text. Append-only.
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        record TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    -- Preferences that may mention clients (the last open client) live here, encrypted.
    CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
]

LATEST_VERSION = len(MIGRATIONS)


def version_of(connection: sqlcipher3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlcipher3.Connection) -> None:
    """Apply every migration the vault has not seen yet, each in its own transaction."""
    for version in range(version_of(connection), LATEST_VERSION):
        script = MIGRATIONS[version]
        try:
            connection.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )
        except Exception:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
