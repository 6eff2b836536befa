"""A report that comes back from the supervisor with comments: the comments read, each matched to
the session, section or observation bookmark it sits in (notes/reports/anchors.py).

Only the comments' text, author, date and the words they were put on are read; nothing else in
the file is trusted, shown or run: no macros (python-docx refuses a macro-enabled document), no
fields, no links, no embedded objects. The file is read from bytes, size-checked, and must be a
Word document made by Alliance for one client (its whole-report bookmark says which).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from notes.reports.anchors import Anchor, AnchorKind, parse_anchor

MAX_BYTES = 50 * 1024 * 1024
_MAX_TEXT = 20_000  # one comment's text; a longer one is cut
_MAX_QUOTE = 400


class NotAReturnedReport(Exception):
    """The file cannot be read as a report Alliance exported; the message says why, plainly."""


@dataclass(frozen=True)
class ReturnedComment:
    anchor: Anchor | None  # None: outside every bookmark Alliance left
    author: str
    written_at: datetime | None
    text: str
    quoted: str  # the words the comment was put on, shortened


@dataclass(frozen=True)
class ReturnedReport:
    client_id: int | None  # from the report's own bookmark; None if it carries none
    comments: list[ReturnedComment]


def read_returned(content: bytes) -> ReturnedReport:
    """The comments in a returned .docx, each with the innermost Alliance bookmark it starts in."""
    if len(content) > MAX_BYTES:
        raise NotAReturnedReport("The file is too large to be a report. Choose the report file.")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise NotAReturnedReport("The file is not a Word document (.docx).")
    try:
        document = Document(io.BytesIO(content))
    except Exception as error:  # python-docx raises many kinds for a file it cannot read
        raise NotAReturnedReport(
            "The file could not be read as a Word document (.docx). If it came from Word, save "
            "it again as a Word document and try again."
        ) from error
    places, quotes, client = _comment_places(document.element.body)
    comments = []
    has_comments = any(rel.reltype == RT.COMMENTS for rel in document.part.rels.values())
    if has_comments:  # asking a file without comments for them would add an empty part
        for comment in document.comments:
            number = str(comment.comment_id)
            comments.append(
                ReturnedComment(
                    places.get(number),
                    (comment.author or "").strip()[:200],
                    comment.timestamp,
                    comment.text.strip()[:_MAX_TEXT],
                    _shorten(quotes.get(number, "")),
                )
            )
    return ReturnedReport(client, comments)


def _comment_places(body) -> tuple[dict[str, Anchor | None], dict[str, str], int | None]:
    """For each comment id, the innermost open Alliance bookmark where its range (or, without a
    range, its reference mark) begins, and the text of its range; and the report's client."""
    open_marks: list[tuple[str, Anchor]] = []  # (bookmark id, anchor), outermost first
    places: dict[str, Anchor | None] = {}
    quotes: dict[str, list[str]] = {}
    reading: set[str] = set()
    client: int | None = None
    start, end = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
    range_start, range_end = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
    reference, text = qn("w:commentReference"), qn("w:t")
    for element in body.iter(start, end, range_start, range_end, reference, text):
        tag = element.tag
        if tag == start:
            anchor = parse_anchor(element.get(qn("w:name"), ""))
            if anchor is not None:
                open_marks.append((element.get(qn("w:id"), ""), anchor))
                if anchor.kind is AnchorKind.CLIENT and client is None:
                    client = anchor.record_id
        elif tag == end:
            number = element.get(qn("w:id"), "")
            open_marks = [mark for mark in open_marks if mark[0] != number]
        elif tag in (range_start, reference):
            number = element.get(qn("w:id"), "")
            if number not in places:
                places[number] = open_marks[-1][1] if open_marks else None
            if tag == range_start:
                reading.add(number)
        elif tag == range_end:
            reading.discard(element.get(qn("w:id"), ""))
        elif reading:
            for number in reading:
                quotes.setdefault(number, []).append(element.text or "")
    return places, {number: "".join(parts) for number, parts in quotes.items()}, client


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "…"
