"""Helpers shared by test modules, which import them from here and never from each other.

Nothing here imports Qt: the fast loop (`pytest -m "not gui"`) uses this module too. Widget
helpers are in tests/ui/helpers.py.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# The passphrase of the shared template vault (tests/conftest.py): quotes make naive quoting fail.
PASSPHRASE = "correct horse 'battery' staple"

# -- the command line, run as a real program -------------------------------------------------

CLI_PASSPHRASE = "demo 'cli' passphrase ÄÖ 🦉"
CLI_WRONG_PASSPHRASE = "demo 'cli' passphrase ÄÖ 🦊"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python main.py ...` from the repository root, checking that no passphrase is echoed."""
    result = subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    # Whatever happens, no passphrase is ever echoed back.
    for secret in (CLI_PASSPHRASE, CLI_WRONG_PASSPHRASE, "passphrase ÄÖ"):
        assert secret not in result.stdout
        assert secret not in result.stderr
    assert "Traceback" not in result.stderr
    return result


# -- reading exported .docx files the way a checker would: every XML part, every heading ------


def xml_parts(docx: bytes | Path) -> dict[str, str]:
    """Every XML part of the package (body, headers, footers, properties, relationships)."""
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def leaks(docx: bytes | Path, words: list[str]) -> list[tuple[str, str]]:
    """(part, word) for each word found anywhere in the package, in any letter case."""
    found = []
    for name, text in xml_parts(docx).items():
        for word in words:
            if re.search(re.escape(word), text, re.IGNORECASE):
                found.append((name, word))
    return found


def as_a_reader_sees(text: str) -> str:
    """Text as a reader reads it, for leak checks: XML tags and format characters (soft
    hyphens, zero-width characters, direction marks) dropped, one normal form, case-folded and
    in ASCII letters."""
    import html
    import unicodedata

    from anyascii import anyascii

    # A paragraph, cell, line break or tab ends a word for the reader; other tags do not.
    text = re.sub(r"</w:p>|</w:tc>|<w:br/>|<w:tab/>|<w:cr/>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = "".join(
        ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc")
    )
    return anyascii(unicodedata.normalize("NFC", text)).casefold()


def reader_leaks(docx: bytes | Path, words: list[str]) -> list[tuple[str, str]]:
    """(part, word) for each word a reader could read anywhere in the package."""
    return [
        (name, word)
        for name, text in xml_parts(docx).items()
        for word in words
        if as_a_reader_sees(word) in as_a_reader_sees(text)
    ]


def open_docx(docx: bytes | Path):
    from docx import Document  # only the tests that read a report pay for importing it

    data = docx.read_bytes() if isinstance(docx, Path) else docx
    return Document(io.BytesIO(data))


def headings(document) -> list[tuple[str, str]]:
    """(style, text) of the title and every heading, in order."""
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]


def all_text(document) -> str:
    """The document's paragraphs and cells as a reader reads them: the no-break space that keeps
    a "[ML-01 T1]" token on one line reads as a space."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts).replace("\u00a0", " ")


def version_12_vault(path: Path, passphrase: str, rows: str) -> Path:
    """A vault as version 12 left it (before migration 13 keyed search by date), holding the
    rows the SQL script `rows` inserts."""
    import sqlcipher3

    from storage import schema
    from storage.vault import quote_passphrase

    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    connection.execute("PRAGMA recursive_triggers = ON")
    for step in schema.MIGRATIONS[:12]:
        step(connection) if callable(step) else connection.executescript(step)
    connection.executescript(f"PRAGMA user_version = 12;\n{rows}")
    connection.close()
    return path
