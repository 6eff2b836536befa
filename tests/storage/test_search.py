"""Full-text search in a real vault: what it finds, how it follows edits, and that the index is
encrypted with everything else (migration 2 and its triggers)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notes.observations import Observation, ObservationKind
from notes.records import Client, ProcessNote, ProgressNote, Session
from notes.search_query import MARK_END, MARK_START
from storage import schema
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.search import SearchIndex
from storage.sessions import SessionRepository
from storage.vault import Vault, quote_passphrase
from tests.helpers import run_cli, version_12_vault


def marked(word: str) -> str:
    return f"{MARK_START}{word}{MARK_END}"


@pytest.fixture
def notes(vault) -> NoteRepository:
    return NoteRepository(vault)


@pytest.fixture
def index(vault) -> SearchIndex:
    return SearchIndex(vault)


@pytest.fixture
def maya(add_client):
    return add_client("Maya Lindqvist", code="ML-01")


@pytest.fixture
def session(maya, add_session):
    return add_session(maya.id, datetime(2024, 3, 4, 9))


def integrity_check(vault: Vault) -> None:
    """FTS5's own check that each external-content index matches the table it indexes."""
    with vault.transaction() as db:
        for table in ("search_progress", "search_process", "search_addenda", "search_clients"):
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


# -- what it finds ---------------------------------------------------------------------------


def test_finds_a_word_in_a_progress_note_section(index, notes, session, maya):
    notes.save_progress_note(
        ProgressNote(
            session.id,
            "soap",
            {"subjective": "Slept badly all week.", "plan": "Talk about the Interview next time."},
        )
    )
    [hit] = index.search("interview")
    assert hit.source == "progress"
    assert (hit.client_id, hit.client_code) == (maya.id, "ML-01")
    assert (hit.session_id, hit.session_start) == (session.id, datetime(2024, 3, 4, 9))
    assert hit.section == "plan"
    assert hit.match_text == "Interview"  # as written, so the editor can find it
    assert marked("Interview") in hit.snippet
    assert hit.plain_snippet() == "Slept badly all week. Talk about the Interview next time."


def test_finds_a_word_in_a_process_note(index, notes, session):
    notes.save_process_note(ProcessNote(session.id, "I felt protective,\nalmost parental."))
    [hit] = index.search("parental")
    assert (hit.source, hit.session_id, hit.section) == ("process", session.id, None)
    assert hit.snippet == f"I felt protective, almost {marked('parental')}."


def test_finds_clients_by_code_and_by_name(index, maya, add_client):
    add_client("Daniel Okafor", code="DO-01")
    [by_code] = index.search("ML-01")
    assert (by_code.source, by_code.client_id, by_code.session_id) == ("client", maya.id, None)
    assert by_code.snippet == f"{marked('ML-01')} · Maya Lindqvist"
    [by_name] = index.search("lindqvist")
    assert by_name.client_id == maya.id
    assert by_name.match_text == "Lindqvist"


def test_client_matches_come_before_note_matches(index, notes, session, maya):
    notes.save_progress_note(ProgressNote(session.id, "free", {"text": "Maya was late."}))
    hits = index.search("maya")
    assert [hit.source for hit in hits] == ["client", "progress"]


def test_last_word_matches_as_a_prefix_while_typing(index, notes, session):
    notes.save_progress_note(ProgressNote(session.id, "free", {"text": "Very anxious today."}))
    assert [hit.match_text for hit in index.search("anx")] == ["anxious"]
    assert index.search("anx ") == []  # a space says the word is complete
    assert index.search("anxious today") != []
    assert index.search("today anx") != []


def test_phrases_accents_and_case(index, notes, session):
    notes.save_progress_note(
        ProgressNote(session.id, "free", {"text": "A PANIC attack at the Café; attack of panic."})
    )
    [hit] = index.search('"panic attack"')
    assert hit.match_text == "PANIC attack"
    assert index.search('"attack panic"') == []
    assert index.search("cafe")[0].match_text == "Café"


def test_every_word_must_match(index, notes, session):
    notes.save_progress_note(ProgressNote(session.id, "free", {"text": "work and sleep"}))
    assert index.search("work sleep") != []
    assert index.search("work holiday") == []


def test_results_are_limited(index, notes, add_session, maya):
    for day in range(1, 8):
        session = add_session(maya.id, datetime(2024, 5, day, 9))
        notes.save_process_note(ProcessNote(session.id, "the same words again"))
    assert len(index.search("same")) == 7
    assert len(index.search("same", limit=3)) == 3
    assert index.search("same", limit=0) == []


def test_newest_notes_come_first_whatever_order_they_were_written_in(
    index, notes, add_session, maya
):
    # Entered out of order (a late write-up of an older session): the date decides, not the id.
    days = [datetime(2024, 5, 10, 9), datetime(2024, 5, 3, 9), datetime(2024, 5, 17, 9)]
    for day in days:
        session = add_session(maya.id, day)
        notes.save_process_note(ProcessNote(session.id, "She spoke of her garden."))
    older = add_session(maya.id, datetime(2024, 4, 26, 9))
    notes.save_progress_note(ProgressNote(older.id, "free", {"text": "The garden again."}))
    hits = index.search("garden")
    assert [hit.session_start.day for hit in hits] == [17, 10, 3, 26]
    assert [hit.source for hit in hits] == ["process", "process", "process", "progress"]
    # A shorter list keeps the newest, not the first written.
    assert [hit.session_start.day for hit in index.search("garden", limit=2)] == [17, 10]


def test_newest_first_follows_a_session_moved_to_another_date(
    index, notes, add_session, maya, vault
):
    # The index keys its rows by the session's start (migration 13): a new date must move
    # the progress note, the process note and the observation with it.
    sessions = SessionRepository(vault)
    early, late = (add_session(maya.id, datetime(2024, 6, day, 9)) for day in (3, 10))
    helpless = next(c for c in CategoryRepository(vault).list() if c.key == "helpless_inadequate")
    for session in (early, late):
        notes.save_progress_note(ProgressNote(session.id, "free", {"text": "the harbour"}))
        notes.save_process_note(ProcessNote(session.id, "the harbour at dusk"))
        ObservationRepository(vault).save(
            Observation(
                session.id, ObservationKind.COUNTERTRANSFERENCE, helpless.id, quote="harbour"
            )
        )
    early.starts_at = datetime(2024, 6, 17, 9)  # the first one was entered on the wrong day
    sessions.save(early)
    hits = index.search("harbour")
    assert [(hit.session_id, hit.session_start.day) for hit in hits] == [(early.id, 17)] * 3 + [
        (late.id, 10)
    ] * 3
    assert {hit.source for hit in hits[:3]} == {"progress", "process", "observation"}
    assert [hit.session_id for hit in index.search("harbour", limit=3)] == [early.id] * 3
    integrity_check(vault)
    # Moved back, and its note edited and deleted: nothing is left under an old date.
    early.starts_at = datetime(2024, 6, 1, 9)
    sessions.save(early)
    notes.save_process_note(ProcessNote(early.id, "the pier"))
    assert [hit.session_id for hit in index.search("harbour")][:3] == [late.id] * 3
    assert [hit.session_start.day for hit in index.search("pier")] == [1]
    integrity_check(vault)


def test_a_prefix_finds_the_newest_of_many_words(index, notes, add_session, maya):
    # "supervi" expands to several words, each in many notes; the newest come first.
    words = ["supervision", "supervisor", "supervised"]
    for day in range(1, 13):
        session = add_session(maya.id, datetime(2024, 8, 13 - day, 9))  # written newest first
        notes.save_process_note(ProcessNote(session.id, f"talked of {words[day % 3]}"))
    hits = index.search("supervi", limit=5)
    assert [hit.session_start.day for hit in hits] == [12, 11, 10, 9, 8]
    assert [hit.match_text for hit in hits] == [words[d % 3] for d in range(1, 6)]
    assert len(index.search("talked of supervis")) == 12  # after other words


def test_a_prefix_of_many_words_or_accents_is_still_a_prefix(index, notes, add_session, maya):
    session = add_session(maya.id, datetime(2024, 9, 2, 9))
    many = " ".join(f"plant{letter}" for letter in "abcdefghijklmnopqrstuvwxyz")
    notes.save_process_note(ProcessNote(session.id, f"{many} Cafés"))
    assert [hit.source for hit in index.search("plan")] == ["process"]
    assert [hit.source for hit in index.search("plant")] == ["process"]  # 26 words
    assert index.search("café")[0].match_text == "Cafés"


def test_best_match_on_request(index, notes, add_session, maya):
    old = add_session(maya.id, datetime(2023, 1, 9, 9))
    new = add_session(maya.id, datetime(2024, 6, 3, 9))
    notes.save_process_note(ProcessNote(old.id, "Grief, grief and grief: the grief of years."))
    notes.save_process_note(
        ProcessNote(new.id, "A long session about work, money, her sister and, briefly, grief.")
    )
    assert [hit.session_id for hit in index.search("grief")] == [new.id, old.id]
    best = index.search("grief", order="best")
    assert [hit.session_id for hit in best] == [old.id, new.id]
    assert best[0].score < best[1].score  # bm25: lower is better
    assert all(hit.match_text.lower() == "grief" for hit in best)


# -- nothing typed can break it --------------------------------------------------------------

HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed phrase',
    "AND",
    "OR NOT",
    "NEAR(a b, 3)",
    "a AND OR NOT NEAR b",
    "*",
    "anx*",
    "(",
    ")(",
    "-",
    "-panic",
    ":",
    "text:panic",
    "{text}: panic",
    "^panic",
    "+",
    "'; DROP TABLE clients; --",
    "\\",
    "😀",
    "🦉 anxious 🦊",
    "\x00",
    "\ud800",
    "\u200b",
    "x" * 10_000,
    ("anxious panic 'quoted' \"mixed\" (brackets) * : - " * 200)[:10_240],
]


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory, template_vault, passphrase) -> Iterator[SearchIndex]:
    """One vault with one note for all the hostile inputs: searching changes nothing, and a
    vault of each input's own would cost a key derivation each."""
    path = tmp_path_factory.mktemp("hostile") / "vault.vault"
    shutil.copyfile(template_vault, path)
    vault = Vault.open(path, passphrase)
    client = ClientRepository(vault).save(Client("ML-01", "Maya Lindqvist", date(2024, 1, 8)))
    session = SessionRepository(vault).save(Session(client.id, datetime(2024, 3, 4, 9)))
    NoteRepository(vault).save_progress_note(
        ProgressNote(session.id, "free", {"text": "anxious panic"})
    )
    yield SearchIndex(vault)
    vault.close()


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_input_never_raises(hostile_index, typed):
    assert isinstance(hostile_index.search(typed), list)


@pytest.fixture(scope="module")
def module_vault(tmp_path_factory, template_vault, passphrase):
    path = tmp_path_factory.mktemp("search") / "vault.vault"
    shutil.copyfile(template_vault, path)
    vault = Vault.open(path, passphrase)
    client = ClientRepository(vault).save(Client("AB-01", "Ann Berg", date(2024, 1, 1)))
    session = SessionRepository(vault).save(Session(client.id, datetime(2024, 2, 1, 10)))
    NoteRepository(vault).save_progress_note(
        ProgressNote(session.id, "free", {"text": 'anxious panic "quoted" (x) * near and or'})
    )
    yield vault
    vault.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed=st.text(max_size=200))
def test_any_text_searches_without_error(module_vault, typed):
    assert isinstance(SearchIndex(module_vault).search(typed), list)


@settings(max_examples=150, deadline=None)
@given(typed=st.text(alphabet=st.sampled_from("\"*():^-+{} aNDORT\\'😀\n"), max_size=40))
def test_fts_syntax_never_leaks_through(module_vault, typed):
    assert isinstance(SearchIndex(module_vault).search(typed), list)


# -- the index follows every change ----------------------------------------------------------


def test_index_follows_edits_to_a_draft(index, notes, session, vault):
    notes.save_progress_note(ProgressNote(session.id, "soap", {"subjective": "spoke of Oslo"}))
    assert len(index.search("oslo")) == 1
    notes.save_progress_note(ProgressNote(session.id, "soap", {"subjective": "spoke of Bergen"}))
    assert index.search("oslo") == []
    assert len(index.search("bergen")) == 1
    notes.save_process_note(ProcessNote(session.id, "thinking of Tromsø"))
    notes.save_process_note(ProcessNote(session.id, "thinking of Narvik"))
    assert index.search("tromsø") == []
    assert [hit.source for hit in index.search("narvik")] == ["process"]
    integrity_check(vault)


def test_index_follows_client_edits(index, maya, vault):
    maya.full_name = "Maya Berg"
    maya.code = "MB-01"
    ClientRepository(vault).save(maya)
    assert index.search("lindqvist") == []
    assert index.search("ML-01") == []
    [hit] = index.search("berg")
    assert hit.client_code == "MB-01"
    integrity_check(vault)


def test_signed_notes_and_their_addenda_are_searchable(index, notes, session, vault):
    notes.sign(ProgressNote(session.id, "soap", {"assessment": "Alliance steadier."}))
    notes.add_addendum(session.id, "Corrected: the rupture was repaired.")
    [signed] = index.search("steadier")
    assert (signed.source, signed.section, signed.session_id) == (
        "progress",
        "assessment",
        session.id,
    )
    [addendum] = index.search("repaired")
    assert (addendum.source, addendum.session_id) == ("addendum", session.id)
    assert addendum.session_start == datetime(2024, 3, 4, 9)
    integrity_check(vault)


def test_an_unchanged_save_leaves_the_index_alone(index, notes, session, vault):
    note = ProgressNote(session.id, "soap", {"plan": "homework"})
    for _ in range(3):
        notes.save_progress_note(note)
        notes.save_process_note(ProcessNote(session.id, "same"))
    assert len(index.search("homework")) == 1
    integrity_check(vault)


def test_section_follows_the_template_order(index, notes, session):
    notes.save_progress_note(
        ProgressNote(session.id, "soap", {"plan": "sleep diary", "subjective": "sleep poor"})
    )
    assert index.search("sleep")[0].section == "subjective"


# -- the vault it lives in -------------------------------------------------------------------


def make_v1_vault(path: Path, passphrase: str) -> None:
    """A vault as the first release wrote it: only migration 1, with some records in it."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    connection.executescript(
        f"BEGIN; {schema.MIGRATIONS[0]} PRAGMA user_version = 1; COMMIT;"
        """
        INSERT INTO clients (id, code, full_name, start_date) VALUES (1, 'OV-01', 'Olga Vik',
            '2023-01-02');
        INSERT INTO sessions (id, client_id, starts_at, duration_minutes, attendance)
            VALUES (1, 1, '2023-01-09T10:00', 50, 'attended');
        INSERT INTO progress_notes (session_id, template, sections, signed_at, updated_at)
            VALUES (1, 'dap', '{"data": "Talked about the ferry.", "plan": "Caf\\u00e9 next"}',
                    '2023-01-09T12:00:00', '2023-01-09T12:00:00');
        INSERT INTO process_notes (session_id, text, updated_at)
            VALUES (1, 'Countertransference: boredom.', '2023-01-09T12:00:00');
        INSERT INTO addenda (session_id, written_at, text)
            VALUES (1, '2023-01-10T09:00:00', 'Lighthouse remark.');
        """
    )
    assert schema.version_of(connection) == 1
    connection.close()


def test_migration_2_indexes_a_vault_written_before_search(tmp_path, passphrase):
    path = tmp_path / "old.vault"
    make_v1_vault(path, passphrase)
    vault = Vault.open(path, passphrase)
    try:
        assert schema.version_of(vault._require_open()) == schema.LATEST_VERSION
        index = SearchIndex(vault)
        [progress] = index.search("ferry")
        assert (progress.client_code, progress.section) == ("OV-01", "data")
        assert index.search("cafe")[0].section == "plan"
        assert index.search("boredom")[0].source == "process"
        assert index.search("lighthouse")[0].source == "addendum"
        assert index.search("olga")[0].source == "client"
        integrity_check(vault)
    finally:
        vault.close()


def test_migration_13_rebuilds_the_indexes_in_date_order(tmp_path, passphrase):
    # A vault as version 12 left it: sessions written out of date order (id 2 is the oldest).
    path = version_12_vault(
        tmp_path / "v12.vault",
        passphrase,
        """
        INSERT INTO clients (id, code, full_name, start_date, presenting_problem)
            VALUES (1, 'OV-01', 'Olga Vik', '2023-01-02', 'Fear of the ferry');
        INSERT INTO sessions (id, client_id, starts_at, duration_minutes, attendance) VALUES
            (1, 1, '2023-03-09T10:00', 50, 'attended'), (2, 1, '2023-01-09T10:00', 50, 'attended'),
            (3, 1, '2023-02-09T10:00', 50, 'attended');
        INSERT INTO progress_notes (session_id, template, sections, updated_at) VALUES
            (1, 'free', '{"text": "the ferry"}', '2023-03-09'),
            (2, 'free', '{"text": "the ferry"}', '2023-01-09');
        INSERT INTO process_notes (session_id, text, updated_at) VALUES (3, 'ferry', '2023-02-09');
        INSERT INTO ruptures (session_id, kind, what_happened, repair)
            VALUES (3, 'withdrawal', 'Silent about the ferry', 'not_yet');
        """,
    )
    vault = Vault.open(path, passphrase)
    try:
        assert schema.version_of(vault._require_open()) == schema.LATEST_VERSION
        hits = SearchIndex(vault).search("ferr")
        assert sorted(hit.source for hit in hits[:2]) == ["presenting", "rupture"]  # by bm25
        assert [(hit.source, hit.session_id) for hit in hits[2:]] == [
            ("progress", 1),
            ("process", 3),
            ("progress", 2),
        ]
        integrity_check(vault)
    finally:
        vault.close()


def test_the_index_is_encrypted_and_nothing_else_is_written(vault, notes, session, index):
    word = "Zanzibarquokka"
    notes.save_progress_note(ProgressNote(session.id, "free", {"text": f"{word} was said."}))
    notes.save_process_note(ProcessNote(session.id, f"{word} again."))
    assert len(index.search(word.lower()[:6])) == 2
    before = sorted(path.name for path in vault.path.parent.iterdir())
    index.search(word)
    assert sorted(path.name for path in vault.path.parent.iterdir()) == before
    vault.close()
    for path in vault.path.parent.iterdir():
        data = path.read_bytes()
        for needle in (word, word.lower(), "zanzibar"):
            assert needle.encode() not in data, path.name
            assert needle.encode("utf-16-le") not in data, path.name


def test_search_on_a_large_note_stays_sane(index, notes, session):
    text = " ".join(f"word{n}" for n in range(5000)) + " needle"
    notes.save_process_note(ProcessNote(session.id, text))
    [hit] = index.search("needle")
    assert len(hit.snippet) < 400


# -- the command line ------------------------------------------------------------------------


def test_search_verb_prints_code_date_and_snippet(vault, notes, session, add_client, passphrase):
    notes.save_progress_note(ProgressNote(session.id, "free", {"text": "Very anxious today."}))
    notes.save_process_note(ProcessNote(session.id, "I felt anxious too."))
    add_client("Anxo Ruiz", code="AR-1")
    vault.close()
    result = run_cli(
        "search", "--vault", str(vault.path), "--passphrase-stdin", "anx", stdin=passphrase + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "AR-1   client      AR-1 · [Anxo] Ruiz",
        "ML-01  2024-03-04  Very [anxious] today.",
        "ML-01  2024-03-04  (process note) I felt [anxious] too.",
    ]
    assert passphrase not in result.stdout + result.stderr
