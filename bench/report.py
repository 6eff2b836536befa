"""The results as a table with targets and PASS/MISS, growth ratios, and a JSON file.

Targets are judged on the career vault (50,000 sessions); the small vault's column is there to
show how each measure grows with the size of the vault. The table is Markdown, so the same text
reads in a terminal and goes into README.md as it is.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.queries import ONE_CLIENTS_NAMES, WORDS_IN_MOST_NOTES

RESULTS = Path(__file__).resolve().parent / "results"

NOT_YET = "not measured"

# The targets (issue 21): ratios measured side by side in one run, so that they hold on any
# machine, and a few absolute lines where a person feels the milliseconds themselves.
STARTUP_RATIO = 1.3  # start to the unlock screen, against a bare PySide6 window
CLIENT_RATIO = 1.3  # the 1,000-session client's page against the 20-session client's
SEARCH_GROWTH = 2.0  # each query at 50,000 sessions against the same query at 5,000
SEARCH_SPREAD = 3.0  # the worst query against the median
STALL_MS = 50  # the longest the window may not answer, on any measured path
MEMORY_MB = 200  # peak resident memory with the career vault open
REPORT_RATIO = 1.5  # the whole-history report, against bare python-docx writing its blocks


@dataclass(frozen=True)
class Row:
    label: str
    small: str
    career: str
    target: str
    verdict: str  # PASS, MISS, or why it was not measured


def _get(results: dict, *keys: str):
    """results[k1][k2]…, or None when any part is missing (a feature not built yet)."""
    value = results
    for key in keys:
        if not isinstance(value, dict) or value.get(key) is None:
            return None
        value = value[key]
    return value


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.1f} ms" if value < 10 else f"{value:,.0f} ms"


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f} s"


def _verdict(ok: bool | None, missing: str = NOT_YET) -> str:
    if ok is None:
        return missing
    return "PASS" if ok else "MISS"


def rows(results: dict) -> list[Row]:
    small, career = results.get("small", {}), results.get("career", {})
    out: list[Row] = []

    def add(label, small_text, career_text, target, ok, missing=NOT_YET):
        out.append(Row(label, small_text, career_text, target, _verdict(ok, missing)))

    overhead = _get(career, "unlock", "overhead_ms")
    add(
        "Unlock (Vault.open)",
        _ms(_get(small, "unlock", "open_ms")),
        _ms(_get(career, "unlock", "open_ms")),
        "key derivation + 300 ms",
        None if overhead is None else overhead <= 300,
    )
    add(
        "  bare key derivation (connect + key + SELECT)",
        _ms(_get(small, "unlock", "kdf_ms")),
        _ms(_get(career, "unlock", "kdf_ms")),
        "",
        None,
        "",
    )
    add(
        "  after a crash or a copy put in its place (every page read)",
        _ms(_get(small, "unlock", "every_page_ms")),
        _ms(_get(career, "unlock", "every_page_ms")),
        "",
        None,
        "",
    )
    startup = results.get("startup") or {}
    add(
        "Start to unlock screen (make run)",
        "",
        _ms(startup.get("app_ms")),
        f"{STARTUP_RATIO} × bare window",
        None if not startup else startup["ratio"] <= STARTUP_RATIO,
    )
    add("  bare PySide6 window", "", _ms(startup.get("bare_ms")), "", None, "")
    packaged = startup.get("packaged_ms")
    add(
        "Start to unlock screen, packaged (make package)",
        "",
        _ms(packaged),
        f"{STARTUP_RATIO} × bare window",
        None if packaged is None else startup["packaged_ratio"] <= STARTUP_RATIO,
        "no build: run make package",
    )
    for key, label in (("first_ms", "first opening"), ("median_ms", "again, median")):
        value = _get(career, "client_page", key)
        short = _get(career, "short_client_page", key)
        add(
            f"Client page, {label} (1,000 sessions)",
            _ms(_get(small, "client_page", key)),
            _ms(value),
            f"{CLIENT_RATIO} × the 20-session client's",
            None if value is None or short is None else value <= CLIENT_RATIO * short,
        )
        add(
            f"  the 20-session client's, {label}",
            _ms(_get(small, "short_client_page", key)),
            _ms(short),
            "",
            None,
            "",
        )
    search_missing = "no storage/search.py yet"
    median, raw = _get(career, "search", "median_ms"), _get(career, "search", "raw_median_ms")
    add(
        "Search, median of 20 queries",
        _ms(_get(small, "search", "median_ms")),
        _ms(median),
        "",
        None,
        "",
    )
    add(
        "  raw FTS5 ranked, median",
        _ms(_get(small, "search", "raw_median_ms")),
        _ms(raw),
        "",
        None,
        "",
    )
    worst = _get(career, "search", "worst_ms")
    worst_query = _get(career, "search", "worst_query")
    add(
        f"Search, worst ({worst_query})" if worst_query else "Search, worst",
        _ms(_get(small, "search", "worst_ms")),
        _ms(worst),
        f"{SEARCH_SPREAD} × the median",
        None if worst is None else worst <= SEARCH_SPREAD * median,
        search_missing,
    )
    raw_same = _get(career, "search", "raw_per_query_ms", worst_query) if worst_query else None
    add(
        "  raw FTS5 ranked, the same words",
        _ms(_get(small, "search", "raw_per_query_ms", worst_query) if worst_query else None),
        _ms(raw_same),
        "slower than the worst",
        None if worst is None or raw_same is None else worst < raw_same,
        search_missing,
    )
    grown = search_growth(results)
    add(
        f"Search, most grown query ({grown[0]}), 50,000 ÷ 5,000" if grown else "Search growth",
        "",
        "—" if not grown else f"× {grown[1]:.2f}",
        f"≤ {SEARCH_GROWTH} ×",
        None if not grown else grown[1] <= SEARCH_GROWTH,
        search_missing,
    )
    save = _get(career, "note_save", "median_ms")
    add(
        "Save a 20 KB note, median",
        _ms(_get(small, "note_save", "median_ms")),
        _ms(save),
        "< 20 ms",
        None if save is None else save < 20,
    )
    add(
        "  worst of 15",
        _ms(_get(small, "note_save", "worst_ms")),
        _ms(_get(career, "note_save", "worst_ms")),
        "",
        None,
        "",
    )
    add(
        "Add an addendum (one chain entry), median",
        _ms(_get(small, "signed_history", "append_median_ms")),
        _ms(_get(career, "signed_history", "append_median_ms")),
        "",
        None,
        "",
    )
    add(
        "Recompute the signed-history chain",
        _ms(_get(small, "signed_history", "check_ms")),
        _ms(_get(career, "signed_history", "check_ms")),
        "",
        None,
        "",
    )
    report = _get(career, "report", "seconds")
    add(
        "Supervision report, 52 sessions",
        _s(_get(small, "report", "seconds")),
        _s(report),
        "< 3 s",
        None if report is None else report < 3,
        "no export yet",
    )
    speed = results.get("report_speed") or {}
    add(
        "Whole-history report, 2,000 sessions",
        "",
        _s(None if not speed else speed["build_seconds"] + speed["alliance_seconds"]),
        f"{REPORT_RATIO} × bare python-docx",
        None if not speed else speed["ratio"] <= REPORT_RATIO,
    )
    add("  bare python-docx, same blocks", "", _s(speed.get("bare_seconds")), "", None, "")
    share = _get(results, "deidentification", "share")
    add(
        "De-identification, share of a 2,000-session export",
        "",
        "—" if share is None else f"{share:.0%}",
        "≤ 20 %",
        None if share is None else share <= 0.2,
    )
    add(
        "  the sweep before that export",
        "",
        _s(_get(results, "deidentification", "sweep_seconds")),
        "",
        None,
        "",
    )
    peak = _get(results, "memory", "peak_mb")
    add(
        "Peak memory, career vault open",
        "",
        "—" if peak is None else f"{peak:,.0f} MB",
        f"< {MEMORY_MB} MB",
        None if peak is None else peak < MEMORY_MB,
    )
    stalls = results.get("stalls", {})
    for key, label in (
        ("search", "search (typing in the search box)"),
        ("client", "opening the 1,000-session client, median"),
        ("export_dialog", "opening the supervision report dialog"),
        ("export", "supervision report export"),
        ("backup", "backup"),
        ("passphrase", "passphrase change"),
        ("after_unlock_check", "daily damage check after unlock"),
        ("startup", "start-up after the first paint"),
    ):
        entry = stalls.get(key) or {}
        value = entry.get("stall_ms")
        in_small = _get(small, "stalls", key, "stall_ms")
        if entry.get("worst_query"):
            label += f", worst: {entry['worst_query']}"
        # The verdict is the worse of the two vaults: the smaller one is measured first, so
        # its column holds a first opening's imports.
        measured = [each for each in (in_small, value) if each is not None]
        add(
            f"Longest GUI stall: {label}",
            _ms(in_small),
            _ms(value),
            f"< {STALL_MS} ms",
            max(measured) < STALL_MS if measured else None,
            entry.get("missing", NOT_YET),
        )
    for key, label, target in (
        ("typing_longest_ms", "Spelling: longest keystroke, 5,000-word note", 16),
        ("typing_while_a_dictionary_loads_longest_ms", "  the same while a dictionary loads", 16),
        ("visible_page_longest_ms", "Spelling: checking the visible page, cold", 50),
    ):
        value = _get(results, "spelling", key)
        add(label, "", _ms(value), f"≤ {target} ms", None if value is None else value <= target)
    return out


def search_growth(results: dict) -> tuple[str, float] | None:
    """The query whose time grew most from the small vault to the career one, and by how much."""
    small = _get(results, "small", "search", "per_query_ms") or {}
    career = _get(results, "career", "search", "per_query_ms") or {}
    ratios = {q: career[q] / small[q] for q in career if small.get(q)}
    if not ratios:
        return None
    query = max(ratios, key=ratios.get)
    return query, ratios[query]


def table(results: dict, skip_empty: bool = False) -> str:
    """The Markdown table; `skip_empty` leaves out the rows a partial run did not measure."""
    lines = [
        "| Measure | 5,000 sessions | 50,000 sessions | Target | Result |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for row in rows(results):
        if skip_empty and not (row.small.strip(" —") or row.career.strip(" —")):
            continue
        lines.append(f"| {row.label} | {row.small} | {row.career} | {row.target} | {row.verdict} |")
    return "\n".join(lines)


def growth(results: dict) -> dict[str, float]:
    """career ÷ small for each measure that should not grow in proportion (10× the sessions)."""
    pairs = {
        "client page, first opening": ("client_page", "first_ms"),
        "client page, again": ("client_page", "median_ms"),
        "search, median": ("search", "median_ms"),
        "search, worst": ("search", "worst_ms"),
        "unlock": ("unlock", "open_ms"),
        "note save": ("note_save", "median_ms"),
        "addendum (chain append)": ("signed_history", "append_median_ms"),
    }
    ratios = {}
    for name, keys in pairs.items():
        small, career = _get(results, "small", *keys), _get(results, "career", *keys)
        if small and career:
            ratios[name] = career / small
    # One client's name against words found in most notes: FTS5 ranks every note that matches,
    # so a word in most notes costs in proportion to the notes in the vault.
    small_each = _get(results, "small", "search", "per_query_ms") or {}
    career_each = _get(results, "career", "search", "per_query_ms") or {}
    for name, queries in (
        ("search, one client's name", ONE_CLIENTS_NAMES),
        ("search, words in most notes", WORDS_IN_MOST_NOTES),
    ):
        if all(q in small_each and q in career_each for q in queries):
            ratios[name] = statistics.median(career_each[q] / small_each[q] for q in queries)
    return ratios


def growth_text(ratios: dict[str, float]) -> str:
    lines = ["Growth from 5,000 to 50,000 sessions (10× the vault; 1.0 means no growth):"]
    lines += [f"  {name:<28} × {ratio:.2f}" for name, ratio in ratios.items()]
    return "\n".join(lines)


def write_json(results: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    text = json.dumps(results, indent=2, default=str)
    path.write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    return path
