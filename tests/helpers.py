"""Reading exported .docx files the way a checker would: every XML part, every heading."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document


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


def open_docx(docx: bytes | Path):
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
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)
