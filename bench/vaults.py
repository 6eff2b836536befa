"""The cached synthetic vaults under bench/cache/: built once, reused while nothing changed.

A cached vault's file name carries a fingerprint of everything that decides its content — the
generator's source, the vocabulary, the bulk writer and the schema's migrations — so a change to
any of them builds a fresh vault instead of benchmarking a stale one. A build goes to a temporary
name and is renamed only when it finished, so an interrupted build is never reused.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import sys
import time
from collections import Counter
from pathlib import Path

from bench import bulk, synthetic, synthetic_records, vocabulary
from bench.synthetic import Shape
from storage import page_proof, schema
from storage.vault import Vault

# Synthetic data only: this passphrase never guards anything real. Plain ASCII, because the
# window measures type it with QTest, which only knows ASCII keys.
PASSPHRASE = "benchmark vault: synthetic data only"

CACHE = Path(__file__).resolve().parent / "cache"
SMALL = Shape(clients=5, sessions_per_client=1000)  # 5,000 sessions
CAREER = Shape(clients=50, sessions_per_client=1000)  # 50,000 sessions: a long career


def fingerprint(shape: Shape) -> str:
    digest = hashlib.sha256(f"{shape.name} {PASSPHRASE}".encode())
    for module in (synthetic, synthetic_records, vocabulary, bulk):
        digest.update(Path(module.__file__).read_bytes())
    for migration in schema.MIGRATIONS:  # SQL text, or a function whose source is hashed
        text = migration if isinstance(migration, str) else inspect.getsource(migration)
        digest.update(text.encode())
    return digest.hexdigest()[:12]


def cached_path(shape: Shape) -> Path:
    return CACHE / f"career-{shape.name}-{fingerprint(shape)}.vault"


def ensure(shape: Shape) -> tuple[Path, float | None]:
    """The cached vault for `shape`, built first if missing; and the build's seconds, if built."""
    path = cached_path(shape)
    if path.exists():
        return path, None
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"career-{shape.name}-*"):
        stale.unlink()  # an older fingerprint (and its companions): no longer matches the code
    partial = path.with_name(path.stem + ".building.vault")
    _remove_with_companions(partial)
    started = time.perf_counter()
    bar = ProgressBar(f"Building the {shape.name} vault ({shape.sessions:,} sessions)")
    counts: Counter = Counter()
    vault = Vault.create(partial, PASSPHRASE)
    try:
        bulk.write_caseload(vault, shape, bar.update, counts)
    finally:
        vault.close()
    _remove_with_companions(partial, keep_vault=True)
    partial.rename(path)
    contents_of(path).write_text(json.dumps(dict(counts), indent=2), encoding="utf-8")
    seconds = time.perf_counter() - started
    bar.done(f"built in {seconds:.0f} s, {path.stat().st_size / 1e6:,.0f} MB")
    return path, seconds


def contents_of(path: Path) -> Path:
    """Beside each cached vault: how many records of each kind it holds (JSON)."""
    return path.with_name(path.name + ".json")


def record_counts(path: Path) -> dict[str, int]:
    sidecar = contents_of(path)
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


def _remove_with_companions(path: Path, keep_vault: bool = False) -> None:
    """The vault and the files SQLite, the instance lock and the page check keep beside it."""
    for suffix in ("-wal", "-shm", ".lock", ".json", page_proof.SUFFIX):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if not keep_vault:
        path.unlink(missing_ok=True)


class ProgressBar:
    """A one-line text bar on stderr; one line per tenth when stderr is not a terminal."""

    WIDTH = 30

    def __init__(self, title: str) -> None:
        self._title = title
        self._started = time.perf_counter()
        self._tty = sys.stderr.isatty()
        self._last_tenth = -1

    def update(self, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * self.WIDTH)
        elapsed = time.perf_counter() - self._started
        line = (
            f"{self._title}: [{'#' * filled}{'-' * (self.WIDTH - filled)}] "
            f"{done:,}/{total:,} sessions, {elapsed:.0f} s"
        )
        if self._tty:
            print(f"\r{line}", end="", file=sys.stderr, flush=True)
        elif int(share * 10) != self._last_tenth:
            self._last_tenth = int(share * 10)
            print(line, file=sys.stderr, flush=True)

    def done(self, text: str) -> None:
        end = "\n" if self._tty else ""
        print(f"{end}{self._title}: {text}", file=sys.stderr, flush=True)
