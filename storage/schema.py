"""The vault's schema, as an ordered list of migrations keyed by SQLite's `user_version`.

Migration N (1-based) brings a vault from version N-1 to N. A migration is applied in one
transaction together with the new user_version, so a vault is never left half-migrated.
Never edit a migration that has shipped: add a new one. A migration is an SQL script, or a
function for one that must compute in Python (hashing); a function runs its statements one by
one on the connection it is given, inside the migration's transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import sqlcipher3

from notes.progress import Progress
from storage import history_chain

_ATTENDANCE = "'attended','late','cancelled_with_notice','late_cancellation','no_show'"


def search_key(starts_at: str, row_id: str) -> str:
    """SQL for a dated search rowid: the minute a session starts (seconds since 1970 ÷ 60)
    in the high bits, a row id (below 2**32) in the low ones. Rowid order is then date order,
    and `rowid & 4294967295` gives the row's id back."""
    return f"((CAST(strftime('%s', {starts_at}) AS INTEGER) / 60) << 32 | {row_id})"


ROW_ID = "4294967295"  # the low 32 bits of a search key: the row's own id
_BODY = "coalesce((SELECT group_concat(value, char(10)) FROM json_each({}.sections)), '')"
_OBSERVATION_TEXT = (
    "c.kind || ' ' || c.label, o.quote, o.figure || char(10) || o.what_happened || char(10)"
    " || o.what_i_felt || char(10) || o.how_i_responded"
)
_FTS = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"


def _rekey_search(connection: sqlcipher3.Connection) -> None:
    """Migration 13: rebuild the progress, process and observation indexes with dated rowids."""
    key = search_key("s.starts_at", "s.id")
    old_key, new_key = search_key("OLD.starts_at", "OLD.id"), search_key("NEW.starts_at", "NEW.id")
    moved = f"(({search_key('NEW.starts_at', '0')}) | (rowid & {ROW_ID}))"
    statements = [
        "DROP TRIGGER search_progress_insert",
        "DROP TRIGGER search_progress_update",
        "DROP TRIGGER search_progress_delete",
        "DROP TRIGGER search_process_insert",
        "DROP TRIGGER search_process_update",
        "DROP TRIGGER search_process_delete",
        "DROP TRIGGER search_observations_insert",
        "DROP TRIGGER search_observations_update",
        "DROP TRIGGER search_observations_delete",
        "DROP TRIGGER search_observations_relabel",
        "DROP TABLE search_progress",
        "DROP TABLE search_process",
        "DROP TABLE search_observations",
        f"CREATE INDEX sessions_by_search_key ON sessions ({search_key('starts_at', 'id')})",
        f"""CREATE VIEW progress_search_text AS
            SELECT {key} AS search_key, {_BODY.format("p")} AS body
            FROM progress_notes p JOIN sessions s ON s.id = p.session_id""",
        f"""CREATE VIEW process_search_text AS
            SELECT {key} AS search_key, p.text AS text
            FROM process_notes p JOIN sessions s ON s.id = p.session_id""",
        f"""CREATE VIRTUAL TABLE search_progress USING fts5(body,
            content='progress_search_text', content_rowid='search_key', {_FTS})""",
        f"""CREATE VIRTUAL TABLE search_process USING fts5(text,
            content='process_search_text', content_rowid='search_key', {_FTS})""",
        f"CREATE VIRTUAL TABLE search_observations USING fts5(category, quote, reflection, {_FTS})",
    ]
    for note, table, column, text in (
        ("progress_notes", "search_progress", "body", _BODY),
        ("process_notes", "search_process", "text", "{}.text"),
    ):
        old_text, new_text = text.format("OLD"), text.format("NEW")
        changed = "sections" if note == "progress_notes" else "text"
        statements += [
            f"""CREATE TRIGGER {table}_insert AFTER INSERT ON {note} BEGIN
                INSERT INTO {table} (rowid, {column})
                    SELECT {key}, {new_text} FROM sessions s WHERE s.id = NEW.session_id;
            END""",
            f"""CREATE TRIGGER {table}_update AFTER UPDATE OF session_id, {changed} ON {note}
                WHEN OLD.{changed} IS NOT NEW.{changed} OR OLD.session_id IS NOT NEW.session_id
            BEGIN
                INSERT INTO {table} ({table}, rowid, {column})
                    SELECT 'delete', {key}, {old_text} FROM sessions s WHERE s.id = OLD.session_id;
                INSERT INTO {table} (rowid, {column})
                    SELECT {key}, {new_text} FROM sessions s WHERE s.id = NEW.session_id;
            END""",
            f"""CREATE TRIGGER {table}_delete AFTER DELETE ON {note} BEGIN
                INSERT INTO {table} ({table}, rowid, {column})
                    SELECT 'delete', {key}, {old_text} FROM sessions s WHERE s.id = OLD.session_id;
            END""",
        ]
    observation_key = search_key("s.starts_at", "o.id")
    observed = (
        f"SELECT {observation_key}, {_OBSERVATION_TEXT} FROM observations o"
        " JOIN sessions s ON s.id = o.session_id"
        " JOIN observation_categories c ON c.id = o.category_id"
    )
    columns = "search_observations (rowid, category, quote, reflection)"
    forgotten = (
        "DELETE FROM search_observations WHERE rowid = (SELECT"
        f" {search_key('s.starts_at', 'OLD.id')} FROM sessions s WHERE s.id = OLD.session_id)"
    )
    statements += [
        f"""CREATE TRIGGER search_observations_insert AFTER INSERT ON observations BEGIN
            INSERT INTO {columns} {observed} WHERE o.id = NEW.id;
        END""",
        f"""CREATE TRIGGER search_observations_update AFTER UPDATE ON observations
            WHEN OLD.category_id IS NOT NEW.category_id OR OLD.quote IS NOT NEW.quote
                OR OLD.figure IS NOT NEW.figure OR OLD.what_happened IS NOT NEW.what_happened
                OR OLD.what_i_felt IS NOT NEW.what_i_felt
                OR OLD.how_i_responded IS NOT NEW.how_i_responded OR OLD.id IS NOT NEW.id
                OR OLD.session_id IS NOT NEW.session_id
        BEGIN
            {forgotten};
            INSERT INTO {columns} {observed} WHERE o.id = NEW.id;
        END""",
        f"""CREATE TRIGGER search_observations_delete AFTER DELETE ON observations BEGIN
            {forgotten};
        END""",
        f"""CREATE TRIGGER search_observations_relabel
            AFTER UPDATE OF label ON observation_categories WHEN OLD.label IS NOT NEW.label
        BEGIN
            UPDATE search_observations SET category = NEW.kind || ' ' || NEW.label
                WHERE rowid IN (SELECT {observation_key} FROM observations o
                    JOIN sessions s ON s.id = o.session_id WHERE o.category_id = NEW.id);
        END""",
        # A session's new date: its notes' index rows are taken out under the old key and put
        # back under the new one (the views already show the new key), its observations moved.
        f"""CREATE TRIGGER search_session_redated AFTER UPDATE OF starts_at ON sessions
            WHEN OLD.starts_at IS NOT NEW.starts_at
        BEGIN
            INSERT INTO search_progress (search_progress, rowid, body)
                SELECT 'delete', {old_key}, {_BODY.format("p")}
                FROM progress_notes p WHERE p.session_id = OLD.id;
            INSERT INTO search_progress (rowid, body)
                SELECT {new_key}, {_BODY.format("p")} FROM progress_notes p
                WHERE p.session_id = NEW.id;
            INSERT INTO search_process (search_process, rowid, text)
                SELECT 'delete', {old_key}, p.text FROM process_notes p WHERE p.session_id = OLD.id;
            INSERT INTO search_process (rowid, text)
                SELECT {new_key}, p.text FROM process_notes p WHERE p.session_id = NEW.id;
            UPDATE search_observations SET rowid = {moved}
                WHERE rowid IN (SELECT {search_key("OLD.starts_at", "o.id")}
                                FROM observations o WHERE o.session_id = OLD.id);
        END""",
        # What the vault holds, in key order (FTS5 appends fastest in rowid order).
        "INSERT INTO search_progress (rowid, body)"
        " SELECT search_key, body FROM progress_search_text ORDER BY search_key",
        "INSERT INTO search_process (rowid, text)"
        " SELECT search_key, text FROM process_search_text ORDER BY search_key",
        f"INSERT INTO {columns} {observed} ORDER BY 1",
    ]
    statements += _case_record_index()
    # The words each dated index holds, for spelling a prefix out (storage/search.py); an
    # fts5vocab table keeps nothing of its own.
    for table in ("search_progress", "search_process", "search_observations"):
        statements.append(f"CREATE VIRTUAL TABLE {table}_words USING fts5vocab({table}, 'row')")
    # One segment per index: a fresh index written in one go is many; merged, a query reads
    # each term's list once.
    for table in ("search_progress", "search_process", "search_observations", "search_case"):
        statements.append(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    for statement in statements:
        connection.execute(statement)


# The case record's index (migration 13): the presenting problem, ruptures, boundary events,
# goals and contract notes, a few rows a client, in one FTS5 table with its own copy of the
# text. Its rowid is the kind (CASE_KINDS, from 1) above the row's own id (or rowid), so a hit
# is joined back to its row; whether it counts (not on a void session) is asked when searching.
CASE_KINDS = ("presenting", "rupture", "boundary", "goal", "contract")
_CASE_ROWS = {  # kind: (table, row id, text, written when)
    "presenting": ("clients", "id", "{}.presenting_problem", "{}.presenting_problem != ''"),
    "rupture": ("ruptures", "id", "{0}.what_happened || char(10) || {0}.how_repaired", "1"),
    "boundary": ("boundary_events", "id", "{}.what_happened", "{}.what_happened != ''"),
    "goal": ("treatment_goals", "id", "{0}.text || char(10) || {0}.review_note", "1"),
    "contract": ("contract_terms", "rowid", "{}.notes", "{}.notes != ''"),
}


def case_key(kind: str, row_id: str) -> str:
    """SQL for the search_case rowid of a row of `kind`."""
    return f"({CASE_KINDS.index(kind) + 1} << 32 | {row_id})"


def _case_record_index() -> list[str]:
    statements = ["CREATE VIRTUAL TABLE search_case USING fts5(text, " + _FTS + ")"]
    for kind, (table, row_id, text, written) in _CASE_ROWS.items():
        add = (
            f"INSERT INTO search_case (rowid, text) SELECT {case_key(kind, 'NEW.' + row_id)},"
            f" {text.format('NEW')} WHERE {written.format('NEW')}"
        )
        drop = f"DELETE FROM search_case WHERE rowid = {case_key(kind, 'OLD.' + row_id)}"
        statements += [
            f"CREATE TRIGGER search_case_{table}_insert AFTER INSERT ON {table} BEGIN {add}; END",
            f"CREATE TRIGGER search_case_{table}_update AFTER UPDATE ON {table}"
            f" BEGIN {drop}; {add}; END",
            f"CREATE TRIGGER search_case_{table}_delete AFTER DELETE ON {table} BEGIN {drop}; END",
            f"INSERT INTO search_case (rowid, text) SELECT {case_key(kind, 'r.' + row_id)},"
            f" {text.format('r')} FROM {table} r WHERE {written.format('r')}",
        ]
    return statements


# The dated indexes' words once more, one row for each time a word is written, in each
# connection's own temp schema (an fts5vocab table keeps nothing; temp_store is MEMORY): FTS5
# reads these lazily, so the next word after a given one costs the same in a long career as
# in a short one, where the `_words` table counts every note holding each word it passes.
WORD_WALKS = {
    table: f"temp.{table}_word_walk"
    for table in ("search_progress", "search_process", "search_observations")
}


def add_word_walks(connection: sqlcipher3.Connection) -> None:
    """Create WORD_WALKS on `connection` (before `PRAGMA query_only`: they are schema, in temp)."""
    for table, walk in WORD_WALKS.items():
        connection.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {walk} USING fts5vocab(main, {table}, 'instance')"
        )


MIGRATIONS: list[str | Callable[[sqlcipher3.Connection], None]] = [
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
    # 2: full-text search. The indexes live inside the vault, so they are encrypted too. They
    # are external-content FTS5 tables: the text itself stays only in its own table, and
    # triggers keep each index in step with every insert, change and delete.
    """
    -- A progress note's sections (a JSON object) as one text, in the order they were saved.
    CREATE VIEW progress_note_text AS
        SELECT session_id, coalesce((SELECT group_concat(value, char(10))
                                     FROM json_each(progress_notes.sections)), '') AS body
        FROM progress_notes;
    CREATE VIRTUAL TABLE search_progress USING fts5(
        body, content='progress_note_text', content_rowid='session_id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE TRIGGER search_progress_insert AFTER INSERT ON progress_notes BEGIN
        INSERT INTO search_progress (rowid, body) VALUES (NEW.session_id, coalesce((
            SELECT group_concat(value, char(10)) FROM json_each(NEW.sections)), ''));
    END;
    CREATE TRIGGER search_progress_update AFTER UPDATE OF session_id, sections ON progress_notes
        WHEN OLD.sections IS NOT NEW.sections OR OLD.session_id IS NOT NEW.session_id
    BEGIN
        INSERT INTO search_progress (search_progress, rowid, body) VALUES ('delete',
            OLD.session_id, coalesce((
            SELECT group_concat(value, char(10)) FROM json_each(OLD.sections)), ''));
        INSERT INTO search_progress (rowid, body) VALUES (NEW.session_id, coalesce((
            SELECT group_concat(value, char(10)) FROM json_each(NEW.sections)), ''));
    END;
    CREATE TRIGGER search_progress_delete AFTER DELETE ON progress_notes BEGIN
        INSERT INTO search_progress (search_progress, rowid, body) VALUES ('delete',
            OLD.session_id, coalesce((
            SELECT group_concat(value, char(10)) FROM json_each(OLD.sections)), ''));
    END;

    CREATE VIRTUAL TABLE search_process USING fts5(
        text, content='process_notes', content_rowid='session_id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE TRIGGER search_process_insert AFTER INSERT ON process_notes BEGIN
        INSERT INTO search_process (rowid, text) VALUES (NEW.session_id, NEW.text);
    END;
    CREATE TRIGGER search_process_update AFTER UPDATE OF session_id, text ON process_notes
        WHEN OLD.text IS NOT NEW.text OR OLD.session_id IS NOT NEW.session_id
    BEGIN
        INSERT INTO search_process (search_process, rowid, text)
            VALUES ('delete', OLD.session_id, OLD.text);
        INSERT INTO search_process (rowid, text) VALUES (NEW.session_id, NEW.text);
    END;
    CREATE TRIGGER search_process_delete AFTER DELETE ON process_notes BEGIN
        INSERT INTO search_process (search_process, rowid, text)
            VALUES ('delete', OLD.session_id, OLD.text);
    END;

    -- Addenda cannot change once written (see migration 1), so adding one is all there is.
    CREATE VIRTUAL TABLE search_addenda USING fts5(
        text, content='addenda', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE TRIGGER search_addenda_insert AFTER INSERT ON addenda BEGIN
        INSERT INTO search_addenda (rowid, text) VALUES (NEW.id, NEW.text);
    END;

    CREATE VIRTUAL TABLE search_clients USING fts5(
        code, full_name, content='clients', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE TRIGGER search_clients_insert AFTER INSERT ON clients BEGIN
        INSERT INTO search_clients (rowid, code, full_name)
            VALUES (NEW.id, NEW.code, NEW.full_name);
    END;
    CREATE TRIGGER search_clients_update AFTER UPDATE OF id, code, full_name ON clients
        WHEN OLD.code IS NOT NEW.code OR OLD.full_name IS NOT NEW.full_name
            OR OLD.id IS NOT NEW.id
    BEGIN
        INSERT INTO search_clients (search_clients, rowid, code, full_name)
            VALUES ('delete', OLD.id, OLD.code, OLD.full_name);
        INSERT INTO search_clients (rowid, code, full_name)
            VALUES (NEW.id, NEW.code, NEW.full_name);
    END;
    CREATE TRIGGER search_clients_delete AFTER DELETE ON clients BEGIN
        INSERT INTO search_clients (search_clients, rowid, code, full_name)
            VALUES ('delete', OLD.id, OLD.code, OLD.full_name);
    END;

    -- Index what the vault already holds. ('rebuild' cannot read progress_note_text: FTS5
    -- refuses json_each, a virtual table, inside its own statements; to rebuild that index,
    -- run 'delete-all' on it and then this INSERT again.)
    INSERT INTO search_progress (rowid, body) SELECT session_id, body FROM progress_note_text;
    INSERT INTO search_process (search_process) VALUES ('rebuild');
    INSERT INTO search_addenda (search_addenda) VALUES ('rebuild');
    INSERT INTO search_clients (search_clients) VALUES ('rebuild');
    """,
    # 3: conduct checks and the working alliance — the therapist's own prompt set, answers per
    # session (each with the wording it was asked in), alliance checks, ruptures and repairs,
    # the therapy contract, treatment goals and boundary events. Vocabulary keys (groups,
    # questions, markers, terms, dimensions) are data in resources/, so they are not CHECKed.
    """
    CREATE TABLE conduct_prompts (
        key TEXT PRIMARY KEY,
        group_key TEXT NOT NULL,
        text TEXT NOT NULL,
        applies_to TEXT NOT NULL CHECK (applies_to IN ('every', 'first', 'later')),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        position INTEGER NOT NULL
    );
    CREATE TABLE conduct_checks (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        state TEXT NOT NULL CHECK (state IN ('due', 'done')),
        updated_at TEXT NOT NULL
    );
    CREATE TABLE conduct_answers (
        session_id INTEGER NOT NULL REFERENCES conduct_checks(session_id),
        prompt_key TEXT NOT NULL,
        group_key TEXT NOT NULL,
        prompt_text TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no', 'not_applicable')),
        comment TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        PRIMARY KEY (session_id, prompt_key)
    );

    CREATE TABLE alliance_scores (
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        rater TEXT NOT NULL CHECK (rater IN ('client', 'therapist')),
        question TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        PRIMARY KEY (session_id, rater, question)
    );
    CREATE TABLE ruptures (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('withdrawal', 'confrontation')),
        markers TEXT NOT NULL DEFAULT '[]',
        what_happened TEXT NOT NULL DEFAULT '',
        repair TEXT NOT NULL CHECK (repair IN ('not_yet', 'partly', 'repaired')),
        repair_session_id INTEGER REFERENCES sessions(id),
        how_repaired TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX ruptures_by_session ON ruptures (session_id);

    CREATE TABLE contract_terms (
        client_id INTEGER NOT NULL REFERENCES clients(id),
        term TEXT NOT NULL,
        explained_on TEXT,
        agreed INTEGER CHECK (agreed IN (0, 1)),
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (client_id, term)
    );
    CREATE TABLE treatment_goals (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        text TEXT NOT NULL,
        agreed_on TEXT,
        reviewed_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'partly', 'achieved', 'set_aside')),
        review_note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX treatment_goals_by_client ON treatment_goals (client_id);
    CREATE TABLE boundary_events (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        session_id INTEGER REFERENCES sessions(id),
        occurred_on TEXT NOT NULL,
        dimension TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('crossing', 'violation')),
        what_happened TEXT NOT NULL DEFAULT '',
        discussed_in_supervision INTEGER NOT NULL DEFAULT 0
            CHECK (discussed_in_supervision IN (0, 1))
    );
    CREATE INDEX boundary_events_by_client ON boundary_events (client_id, occurred_on);
    """,
    # 4: transference and countertransference observations. Categories are the therapist's own
    # list (seeded from resources/taxonomies.json by storage/observations.py): renamed or
    # retired, never deleted, so an observation's category always exists. The anchor columns
    # are all set (tagged on words of a note) or all NULL (recorded without words).
    """
    CREATE TABLE observation_categories (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('transference', 'countertransference')),
        key TEXT NOT NULL,
        label TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        UNIQUE (kind, key)
    );
    CREATE TRIGGER observation_categories_no_delete BEFORE DELETE ON observation_categories
        BEGIN SELECT RAISE(ABORT, 'categories are retired, not deleted'); END;
    CREATE TRIGGER observation_categories_keep_key BEFORE UPDATE OF kind, key
        ON observation_categories
        WHEN OLD.kind IS NOT NEW.kind OR OLD.key IS NOT NEW.key
        BEGIN SELECT RAISE(ABORT, 'a category keeps its kind and key'); END;

    CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        category_id INTEGER NOT NULL REFERENCES observation_categories(id),
        intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 5),
        figure TEXT NOT NULL DEFAULT '',
        what_happened TEXT NOT NULL DEFAULT '',
        what_i_felt TEXT NOT NULL DEFAULT '',
        how_i_responded TEXT NOT NULL DEFAULT '',
        supervision INTEGER NOT NULL DEFAULT 0 CHECK (supervision IN (0, 1)),
        quote TEXT NOT NULL DEFAULT '',
        note_kind TEXT CHECK (note_kind IN ('progress', 'process')),
        section_key TEXT,
        anchor_start INTEGER,
        anchor_end INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((note_kind IS NULL) = (section_key IS NULL)
               AND (note_kind IS NULL) = (anchor_start IS NULL)
               AND (note_kind IS NULL) = (anchor_end IS NULL)),
        CHECK (anchor_start IS NULL OR (anchor_start >= 0 AND anchor_end > anchor_start))
    );
    CREATE INDEX observations_by_session ON observations (session_id);
    CREATE INDEX observations_by_category ON observations (category_id);

    -- Search: unlike the note indexes this one keeps its own copy of the text (inside the
    -- vault, so encrypted too), because a category's label lives in another table: renaming a
    -- category then only needs an UPDATE here rather than exact old values for 'delete'.
    CREATE VIRTUAL TABLE search_observations USING fts5(
        category, quote, reflection,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE TRIGGER search_observations_insert AFTER INSERT ON observations BEGIN
        INSERT INTO search_observations (rowid, category, quote, reflection)
            SELECT NEW.id, c.kind || ' ' || c.label, NEW.quote,
                   NEW.figure || char(10) || NEW.what_happened || char(10)
                   || NEW.what_i_felt || char(10) || NEW.how_i_responded
            FROM observation_categories c WHERE c.id = NEW.category_id;
    END;
    CREATE TRIGGER search_observations_update AFTER UPDATE ON observations
        WHEN OLD.category_id IS NOT NEW.category_id OR OLD.quote IS NOT NEW.quote
            OR OLD.figure IS NOT NEW.figure OR OLD.what_happened IS NOT NEW.what_happened
            OR OLD.what_i_felt IS NOT NEW.what_i_felt
            OR OLD.how_i_responded IS NOT NEW.how_i_responded OR OLD.id IS NOT NEW.id
    BEGIN
        DELETE FROM search_observations WHERE rowid = OLD.id;
        INSERT INTO search_observations (rowid, category, quote, reflection)
            SELECT NEW.id, c.kind || ' ' || c.label, NEW.quote,
                   NEW.figure || char(10) || NEW.what_happened || char(10)
                   || NEW.what_i_felt || char(10) || NEW.how_i_responded
            FROM observation_categories c WHERE c.id = NEW.category_id;
    END;
    CREATE TRIGGER search_observations_delete AFTER DELETE ON observations BEGIN
        DELETE FROM search_observations WHERE rowid = OLD.id;
    END;
    CREATE TRIGGER search_observations_relabel AFTER UPDATE OF label ON observation_categories
        WHEN OLD.label IS NOT NEW.label
    BEGIN
        UPDATE search_observations SET category = NEW.kind || ' ' || NEW.label
            WHERE rowid IN (SELECT id FROM observations WHERE category_id = NEW.id);
    END;
    """,
    # 5: tamper evidence — the SHA-256 chain over signed notes, addenda and audit lines, with
    # every record already signed chained in order, and BEFORE INSERT triggers that close the
    # REPLACE path (storage/history_chain.py).
    history_chain.migrate,
    # 6: lineage, for handing the vault between two computers (storage/lineage.py). One row:
    # the id every copy of this vault shares, how many hand-offs it has been through, whether
    # this copy is the live one, and the last hand-off (when, from which computer, to where).
    """
    CREATE TABLE lineage (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        lineage_id TEXT NOT NULL,
        handoffs INTEGER NOT NULL DEFAULT 0 CHECK (handoffs >= 0),
        state TEXT NOT NULL DEFAULT 'live'
            CHECK (state IN ('live', 'handed_off', 'in_transit', 'kept')),
        moved_at TEXT,
        from_host TEXT NOT NULL DEFAULT '',
        to_place TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO lineage (id, lineage_id) VALUES (1, lower(hex(randomblob(16))));
    CREATE TRIGGER lineage_no_delete BEFORE DELETE ON lineage
        BEGIN SELECT RAISE(ABORT, 'a vault keeps its lineage'); END;
    CREATE TRIGGER lineage_keeps_id BEFORE UPDATE OF lineage_id, handoffs ON lineage
        WHEN OLD.lineage_id IS NOT NEW.lineage_id OR NEW.handoffs < OLD.handoffs
        BEGIN SELECT RAISE(ABORT, 'a vault keeps its lineage'); END;
    """,
    # 7: writing fast (issue 20): the therapist's own words, phrases and templates.
    """
    CREATE TABLE personal_words (word TEXT PRIMARY KEY COLLATE NOCASE);
    CREATE TABLE phrases (
        code TEXT PRIMARY KEY COLLATE NOCASE,
        text TEXT NOT NULL
    );
    CREATE TABLE own_templates (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sections TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 8: outcome measures. One row per session and instrument; the instrument (items, options,
    # scoring) is data in resources/instruments/, so keys are not CHECKed. answered_by says
    # whether the client typed the answers themself (client mode) or the therapist entered them.
    """
    CREATE TABLE measure_responses (
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        instrument TEXT NOT NULL,
        answers TEXT NOT NULL DEFAULT '{}',
        closing TEXT,
        answered_by TEXT NOT NULL CHECK (answered_by IN ('client', 'therapist')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (session_id, instrument)
    );
    """,
    # 9: voided sessions (issue 15). A session whose note is signed cannot be deleted; when it
    # should never have been (a wrong client, a duplicate) it is voided: it stays, with its
    # note, marked void with the reason, and leaves every count and chart. A void stands: it is
    # neither changed nor taken back, and a void session's date and attendance stay as they were.
    """
    CREATE TABLE session_voids (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        voided_at TEXT NOT NULL
    );
    CREATE TRIGGER session_voids_need_signed_note BEFORE INSERT ON session_voids
        WHEN NOT EXISTS (SELECT 1 FROM progress_notes
                         WHERE session_id = NEW.session_id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'only a session with a signed note is voided'); END;
    CREATE TRIGGER session_voids_no_replace BEFORE INSERT ON session_voids
        WHEN EXISTS (SELECT 1 FROM session_voids WHERE session_id = NEW.session_id)
        BEGIN SELECT RAISE(ABORT, 'a void stands'); END;
    CREATE TRIGGER session_voids_no_update BEFORE UPDATE ON session_voids
        BEGIN SELECT RAISE(ABORT, 'a void stands'); END;
    CREATE TRIGGER session_voids_no_delete BEFORE DELETE ON session_voids
        BEGIN SELECT RAISE(ABORT, 'a void stands'); END;
    CREATE TRIGGER sessions_void_no_update BEFORE UPDATE ON sessions
        WHEN EXISTS (SELECT 1 FROM session_voids WHERE session_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'a void stands'); END;
    """,
    # 10: supervision follow-through (issue 18; notes/supervision.py). A supervision session,
    # what was said about each client in it, the agenda items it discussed (by kind and the
    # record's id, or a conduct prompt's key), the actions agreed (each tied to its client and
    # perhaps an item; done when done_on is set), and the therapist's questions for supervision.
    # search_supervision keeps one row per session and client (rowid = supervision_clients.id):
    # supervisor, what was said and the actions' text; storage/supervision.py rewrites a
    # session's rows in the transaction that saves it, since its text spans three tables.
    """
    CREATE TABLE supervision_sessions (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL,
        supervisor TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX supervision_sessions_by_day ON supervision_sessions (held_on);
    CREATE TABLE supervision_clients (
        id INTEGER PRIMARY KEY,
        supervision_id INTEGER NOT NULL REFERENCES supervision_sessions(id),
        client_id INTEGER NOT NULL REFERENCES clients(id),
        said TEXT NOT NULL DEFAULT '',
        UNIQUE (supervision_id, client_id)
    );
    CREATE INDEX supervision_clients_by_client ON supervision_clients (client_id);
    CREATE TABLE supervision_items (
        supervision_id INTEGER NOT NULL REFERENCES supervision_sessions(id),
        client_id INTEGER NOT NULL REFERENCES clients(id),
        kind TEXT NOT NULL
            CHECK (kind IN ('question', 'observation', 'rupture', 'boundary', 'conduct')),
        ref TEXT NOT NULL,
        PRIMARY KEY (supervision_id, kind, ref)
    );
    CREATE INDEX supervision_items_by_client ON supervision_items (client_id);
    CREATE TABLE supervision_actions (
        id INTEGER PRIMARY KEY,
        supervision_id INTEGER NOT NULL REFERENCES supervision_sessions(id),
        client_id INTEGER NOT NULL REFERENCES clients(id),
        item_kind TEXT
            CHECK (item_kind IN ('question', 'observation', 'rupture', 'boundary', 'conduct')),
        item_ref TEXT,
        text TEXT NOT NULL,
        done_on TEXT,
        CHECK ((item_kind IS NULL) = (item_ref IS NULL))
    );
    CREATE INDEX supervision_actions_by_session ON supervision_actions (supervision_id);
    CREATE TABLE supervision_questions (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        asked_on TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX supervision_questions_by_client ON supervision_questions (client_id);
    CREATE VIRTUAL TABLE search_supervision USING fts5(
        supervisor, said, actions,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    """,
    # 11: a supervisor's comments, read back from a returned report (issue 18, point 4;
    # notes/reports/returned.py). Each is kept beside the session or observation it was put on
    # (or the client, for the report as a whole or a section), with who wrote it and when;
    # the words it was put on are kept short. Reading the same file twice adds nothing
    # (storage/supervisor_comments.py looks for the same comment before adding one).
    """
    CREATE TABLE supervisor_comments (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        session_id INTEGER REFERENCES sessions(id),
        observation_id INTEGER REFERENCES observations(id),
        section TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        written_at TEXT,
        text TEXT NOT NULL,
        quoted TEXT NOT NULL DEFAULT '',
        read_at TEXT NOT NULL
    );
    CREATE INDEX supervisor_comments_by_session ON supervisor_comments (session_id);
    CREATE INDEX supervisor_comments_by_client ON supervisor_comments (client_id);
    """,
    # 12: a supervisor's comment can be marked done (issue 18, the comments' follow-up): the
    # day the therapist marked it, NULL while it is open. The Supervision page lists the open
    # ones per client (storage/supervisor_comments.py). The column is added only where it is
    # missing, so a vault that met this step under another number still migrates.
    lambda connection: _add_column(connection, "supervisor_comments", "done_on TEXT"),
    # 13: search newest first without reading every match (issue 21, point 3). The progress,
    # process and observation indexes are keyed by the session's start (minutes since 1970)
    # above the row's own id, so FTS5's rowid order is date order: the newest 50 matches are
    # the 50 highest rowids, read without touching older ones. A session's new date moves its
    # rows. Progress and process notes stay external content, found through views that
    # compute the key, looked up by an index on that same expression.
    _rekey_search,
]


@contextlib.contextmanager
def _reporting(
    connection: sqlcipher3.Connection, progress: Progress | None, share: float
) -> Iterator[None]:
    """Call `progress` from inside SQLite while the block's statements run (never stopping
    them: the handler returns 0)."""
    if progress is None:
        yield
        return

    def report() -> int:
        progress(UPDATING, share)
        return 0

    connection.set_progress_handler(report, _REPORT_EVERY)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def _add_column(connection: sqlcipher3.Connection, table: str, column: str) -> None:
    """ALTER TABLE … ADD COLUMN, unless the table has that column already."""
    name = column.split()[0]
    have = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    if name not in have:
        connection.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


LATEST_VERSION = len(MIGRATIONS)


def version_of(connection: sqlcipher3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


UPDATING = "Updating your vault for this version of Alliance (once; a long record takes a while)…"
_REPORT_EVERY = 10_000  # SQLite virtual-machine steps between two reports: well under a millisecond


def migrate(connection: sqlcipher3.Connection, progress: Progress | None = None) -> None:
    """Apply every migration the vault has not seen yet, each in its own transaction. A long
    step (migration 13 rebuilds the search indexes: about a minute for 50,000 sessions) calls
    `progress` every few milliseconds while its statements run, the share being how many of
    the steps are done, so the window can say so and keep painting."""
    first = version_of(connection)
    for version in range(first, LATEST_VERSION):
        step = MIGRATIONS[version]
        try:
            if callable(step):
                connection.execute("BEGIN IMMEDIATE")
                share = (version - first) / (LATEST_VERSION - first)
                with _reporting(connection, progress, share):
                    step(connection)
                connection.execute(f"PRAGMA user_version = {version + 1}")
                connection.execute("COMMIT")
                continue
            connection.executescript(
                f"BEGIN IMMEDIATE;\n{step}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )
        except Exception:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
