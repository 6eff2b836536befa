"""A report goes to the supervisor and comes back with comments: each is read back to the
session, section or observation it was put on (python-docx's own comments API adds them, as
Word or LibreOffice would)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from docx import Document

from notes.records import Client, ProgressNote, Session
from notes.reports.anchors import AnchorKind, parse_anchor, session_anchor
from notes.reports.builder import supervision_report
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import (
    ObservationRow,
    Period,
    ReportSection,
    SessionRecord,
    SupervisionInputs,
)
from notes.reports.returned import NotAReturnedReport, read_returned


def exported() -> bytes:
    client = Client("ML-01", "Maya Lindqvist", date(2026, 6, 1), ["Jonas"], id=7)
    sessions = [
        SessionRecord(
            Session(7, datetime(2026, 9, day, 9), id=100 + day, number=day),
            ProgressNote(100 + day, "soap", {"subjective": f"Week {day}: Maya talked of Jonas."}),
        )
        for day in (7, 14)
    ]
    inputs = SupervisionInputs(
        client=client,
        period=Period(date(2026, 9, 1), date(2026, 9, 30)),
        sessions=sessions,
        questions="Am I rescuing her?",
        observations=[
            ObservationRow(
                "Countertransference",
                "Parental/protective",
                date(2026, 9, 14),
                "nothing helps",
                (("What I felt", "Useless."),),
                3,
                id=55,
                session_id=114,
            )
        ],
    )
    return report_to_docx(supervision_report(inputs, prepared_on=date(2026, 10, 1)))


def paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if text in p.text)


def commented(content: bytes, notes: list[tuple[str, str]]) -> bytes:
    """`content` with a comment on the first paragraph holding each text, by "Jo Super"."""
    document = Document(io.BytesIO(content))
    for text, comment in notes:
        paragraph = paragraph_with(document, text)
        document.add_comment(paragraph.runs, text=comment, author="Jo Super", initials="JS")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_comments_come_back_to_their_session_observation_and_section():
    content = commented(
        exported(),
        [
            ("Week 14: ML-01 talked of", "What stopped you asking about [T1] here?"),
            ("Week 7", "Good opening."),
            ("intensity 3 of 5", "Say more about the pull to protect."),
            ("Am I rescuing her?", "Let's start with this one."),
            ("Supervision report: ML-01", "Thanks, clear report."),
        ],
    )
    returned = read_returned(content)
    assert returned.client_id == 7
    where = {c.text: (c.anchor.kind, c.anchor.key) for c in returned.comments if c.anchor}
    assert where == {
        "What stopped you asking about [T1] here?": (AnchorKind.SESSION, "114"),
        "Good opening.": (AnchorKind.SESSION, "107"),
        "Say more about the pull to protect.": (AnchorKind.OBSERVATION, "55"),
        "Let's start with this one.": (AnchorKind.SECTION, ReportSection.QUESTIONS.value),
        "Thanks, clear report.": (AnchorKind.CLIENT, "7"),
    }
    first = next(c for c in returned.comments if c.text == "Good opening.")
    assert first.author == "Jo Super"
    assert "Week 7" in first.quoted


def test_a_report_without_comments_reads_as_none():
    returned = read_returned(exported())
    assert returned.client_id == 7
    assert returned.comments == []


def test_bookmarks_span_each_session_and_only_alliance_names_count():
    document = Document(io.BytesIO(exported()))
    names = {
        element.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
        for element in document.element.body.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart"
        )
    }
    assert session_anchor(107) in names and session_anchor(114) in names
    assert parse_anchor("_GoBack") is None
    assert parse_anchor("alliance_session_12; DROP") is None
    assert parse_anchor("alliance_section_nonsense") is None


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", b"PK\x03\x04 broken zip", b"x" * 1000]
)
def test_a_file_that_is_not_a_report_is_refused_in_plain_words(content):
    with pytest.raises(NotAReturnedReport):
        read_returned(content)
