"""Measures without a window: unlock, search beside raw FTS5, saving a note, the 52-session report.

Each takes a vault path, opens what it needs and closes it again, so no measure leaves the vault
locked for the next one (the instance lock allows one open vault per file).
"""

from __future__ import annotations

import shutil
import statistics
import time
from datetime import timedelta
from pathlib import Path

from bench import raw_fts
from bench.queries import QUERIES
from bench.synthetic import NOTE_WORDS, synthetic_client
from bench.vaults import PASSPHRASE
from notes.records import ProgressNote
from notes.templates import template
from storage import history_chain, page_proof
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import READER_CACHE_KIB, Vault, connect


def _ms(seconds: float) -> float:
    return seconds * 1000


def unlock(path: Path, repeats: int = 9) -> dict:
    """Vault.open on a fresh connection, beside the bare key derivation on the same file.

    The bare cost is storage.vault.connect: sqlcipher3.connect, PRAGMA key and one SELECT —
    SQLCipher derives the key (PBKDF2, 256,000 iterations) on that first read. The two are
    taken in turn so that a busy moment of the machine falls on both alike.

    They follow one unlock of a file not known to be unchanged (after a crash, or a copy put
    in its place: storage/page_proof.py), which reads every page, measured on its own: it is
    the one unlock that pays for the size of the vault, and it makes the receipt the others use.
    """
    page_proof.forget(path)
    started = time.perf_counter()
    Vault.open(path, PASSPHRASE).close()
    checked = time.perf_counter() - started
    kdf, opened = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        connect(path, PASSPHRASE).close()
        kdf.append(time.perf_counter() - started)
        started = time.perf_counter()
        vault = Vault.open(path, PASSPHRASE)
        opened.append(time.perf_counter() - started)
        vault.close()
    kdf_ms, open_ms = _ms(statistics.median(kdf)), _ms(statistics.median(opened))
    return {
        "kdf_ms": kdf_ms,
        "open_ms": open_ms,
        "overhead_ms": open_ms - kdf_ms,
        "every_page_ms": _ms(checked),
        "kdf_samples_ms": [_ms(s) for s in kdf],
        "open_samples_ms": [_ms(s) for s in opened],
    }


def biggest_client(path: Path) -> tuple[int, int, list]:
    """The client with the most sessions, another client, and the biggest one's sessions."""
    vault = Vault.open(path, PASSPHRASE)
    try:
        counts = raw_fts.sessions_per_client(vault)
        ranked = sorted(counts, key=lambda client_id: (-counts[client_id], client_id))
        sessions = SessionRepository(vault).for_client(ranked[0])
    finally:
        vault.close()
    return ranked[0], ranked[1], sessions


def shortest_client(path: Path) -> int:
    """The client with the fewest sessions (the synthetic vaults' 20-session client)."""
    vault = Vault.open(path, PASSPHRASE)
    try:
        counts = raw_fts.sessions_per_client(vault)
    finally:
        vault.close()
    return min(counts, key=lambda client_id: (counts[client_id], client_id))


def search(path: Path, rounds: int = 5) -> dict | None:
    """Each query through storage's SearchIndex and as the bare FTS5 query; None if no search."""
    try:
        from storage.search import SearchIndex
    except ImportError:
        return None
    vault = Vault.open(path, PASSPHRASE)
    try:
        # As the window's search box asks it: on the vault's read connection (`detached`),
        # while the yardstick reads through the main one. Each keeps its own page cache, so
        # neither query's pages push the other's out between turns.
        index = SearchIndex(vault, detached=True)
        # The yardstick gets as much page cache as the app's search has: like for like.
        vault.read(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
        tables = raw_fts.fts_tables(vault)
        app: dict[str, list[float]] = {query: [] for query in QUERIES}
        raw: dict[str, list[float]] = {query: [] for query in QUERIES}
        hits: dict[str, int] = {}
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                hits[query] = len(index.search(query))
                app[query].append(time.perf_counter() - started)
                started = time.perf_counter()
                raw_fts.best_matches(vault, query, tables)
                raw[query].append(time.perf_counter() - started)
    finally:
        vault.close()
    app_each = {q: _ms(statistics.median(times)) for q, times in app.items()}
    raw_each = {q: _ms(statistics.median(times)) for q, times in raw.items()}
    worst = max(app_each, key=app_each.get)
    return {
        "median_ms": statistics.median(app_each.values()),
        "worst_ms": app_each[worst],
        "worst_query": worst,
        "raw_median_ms": statistics.median(raw_each.values()),
        "raw_worst_ms": max(raw_each.values()),
        "per_query_ms": app_each,
        "raw_per_query_ms": raw_each,
        "hits": hits,
        "raw_tables": tables,
    }


def _long_note(session_id: int, template_key: str, size: int = 20_000) -> ProgressNote:
    """About `size` bytes of realistic text, spread over the sections of the draft's template."""
    sessions = synthetic_client(99, 1 + size // (NOTE_WORDS * 5)).sessions
    text = " ".join(s.process_text for s in sessions)
    keys = template(template_key).section_keys()
    share = size // len(keys)
    sections = {key: text[n * share : (n + 1) * share] for n, key in enumerate(keys)}
    return ProgressNote(session_id, template_key, sections)


def note_save(path: Path, session_id: int, repeats: int = 15) -> dict:
    """Save a 20 KB draft progress note through NoteRepository (synchronous=FULL, as shipped).

    Two versions alternate, so every save changes the text and its full-text index entry.
    """
    vault = Vault.open(path, PASSPHRASE)
    try:
        notes = NoteRepository(vault)
        draft = notes.progress_note(session_id)
        if draft.signed:
            raise RuntimeError("the benchmark's draft note is signed")
        note = _long_note(session_id, draft.template)
        versions = [dict(note.sections), {k: v + " Revised." for k, v in note.sections.items()}]
        size = sum(len(v.encode()) for v in note.sections.values())
        times = []
        for turn in range(repeats):
            note.sections = versions[turn % 2]
            started = time.perf_counter()
            notes.save_progress_note(note)
            times.append(time.perf_counter() - started)
    finally:
        vault.close()
    return {
        "median_ms": _ms(statistics.median(times)),
        "worst_ms": _ms(max(times)),
        "bytes": size,
        "samples_ms": [_ms(t) for t in times],
    }


def signed_history(path: Path, work: Path, session_id: int, repeats: int = 15) -> dict:
    """Adding an addendum to a signed note (one chain entry: one hash, whatever the history's
    length) beside the full check that recomputes the chain. On a copy: addenda are forever."""
    copy = work / "signed-history.vault"
    shutil.copyfile(path, copy)
    vault = Vault.open(copy, PASSPHRASE)
    try:
        notes = NoteRepository(vault)
        times = []
        for turn in range(repeats):
            started = time.perf_counter()
            notes.add_addendum(session_id, f"Benchmark addendum {turn}.")
            times.append(time.perf_counter() - started)
        entries = vault.read_one("SELECT count(*) FROM signed_history")[0]
        connection = connect(copy, PASSPHRASE)
        try:
            started = time.perf_counter()
            found = history_chain.check(connection)
            check = time.perf_counter() - started
        finally:
            connection.close()
    finally:
        vault.close()
        copy.unlink(missing_ok=True)
    if found:
        raise RuntimeError("the benchmark vault's signed history does not hold")
    return {
        "append_median_ms": _ms(statistics.median(times)),
        "check_ms": _ms(check),
        "entries": entries,
    }


def supervision_report(path: Path, client_id: int, sessions: list, target: Path) -> dict | None:
    """A supervision report over the client's last 52 sessions, as the export job writes it."""
    try:
        from notes.reports.inputs import Period
        from storage.report_data import ReportData
        from ui.reports.export_job import SupervisionRequest, export_supervision_report
    except ImportError:
        return None
    last = sessions[-52:]
    period = Period(last[0].starts_at.date(), last[-1].starts_at.date() + timedelta(days=1))
    vault = Vault.open(path, PASSPHRASE)
    try:
        started = time.perf_counter()
        export_supervision_report(
            ReportData(vault), SupervisionRequest(client_id, period, target, therapist="Bench")
        )
        seconds = time.perf_counter() - started
    finally:
        vault.close()
    return {
        "seconds": seconds,
        "sessions": len(last),
        "bytes": target.stat().st_size,
        "period": [period.start.isoformat(), period.end.isoformat()],
    }


def whole_history(sessions: int, others: int = 49):
    """One synthetic client's whole history as the report builder's inputs, in memory."""
    from notes.records import ProcessNote, Session
    from notes.reports.inputs import Period, SessionRecord, SupervisionInputs

    history = synthetic_client(0, sessions)
    records = []
    for number, each in enumerate(history.sessions, 1):
        session = Session(1, each.starts_at, each.duration_minutes, each.attendance, number, number)
        note = ProgressNote(number, each.template, each.sections, signed_at=each.signed_at)
        records.append(SessionRecord(session, note, ProcessNote(number, each.process_text)))
    first, last = history.sessions[0].starts_at.date(), history.sessions[-1].starts_at.date()
    return SupervisionInputs(
        client=history.client,
        period=Period(first, last),
        sessions=records,
        therapist="Bench Therapist",
        other_clients=[synthetic_client(index, 1).client for index in range(1, others + 1)],
    )


def report_speed(sessions: int = 2_000) -> dict:
    """The whole-history report written by Alliance beside the same blocks written with bare
    python-docx (bench/bare_docx.py), charts included (issue 18.8)."""
    from bench.bare_docx import bare_docx
    from notes.reports.builder import supervision_report
    from notes.reports.docx_writer import report_to_docx
    from ui.reports.charts import render_charts

    inputs = whole_history(sessions)
    started = time.perf_counter()
    report = supervision_report(inputs, charts=render_charts(inputs))
    built = time.perf_counter()
    report_to_docx(report)
    written = time.perf_counter()
    bare_docx(report)
    bare = time.perf_counter()
    return {
        "sessions": sessions,
        "blocks": len(report.blocks),
        "build_seconds": built - started,
        "alliance_seconds": written - built,
        "bare_seconds": bare - written,
        # Alliance's whole export (building and de-identifying the report, then writing it)
        # beside bare python-docx's writing alone.
        "ratio": (written - started) / (bare - written),
    }


def deidentification(sessions: int = 2_000, others: int = 49) -> dict:
    """De-identification beside the whole export of one client's 2,000-session history.

    In memory, from the synthetic caseload: the export time here leaves out reading the vault,
    so the share de-identification takes of it is, if anything, overstated. The de-identifier
    knows the whole caseload (`others` more clients), as a real export's does. The sweep, which
    the dialog runs before an export, is timed beside it."""
    from notes.reports.builder import report_names, supervision_report, supervision_sweep
    from notes.reports.docx_writer import report_to_docx
    from notes.reports.inputs import Charts

    inputs = whole_history(sessions, others)
    started = time.perf_counter()
    plain = supervision_report(inputs, charts=Charts(), deidentify=False)
    names = report_names(inputs)
    built = time.perf_counter()
    plain.map_text(names.apply)
    deidentified = time.perf_counter()
    content = report_to_docx(supervision_report(inputs, charts=Charts()))
    exported = time.perf_counter()
    findings = supervision_sweep(inputs)
    swept = time.perf_counter()
    export_seconds = exported - deidentified
    deid_seconds = deidentified - built
    return {
        "sessions": sessions,
        "clients_known": others + 1,
        "export_seconds": export_seconds,
        "deidentify_seconds": deid_seconds,
        "layout_seconds": built - started,
        "share": deid_seconds / export_seconds,
        "sweep_seconds": swept - exported,
        "findings": len(findings),
        "bytes": len(content),
    }
