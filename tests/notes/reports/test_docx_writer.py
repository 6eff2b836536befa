"""The supervision report as a Word file: structure, styles, page furniture, and hard text.

Built from plain inputs (no vault, no Qt) and read back with python-docx and as raw XML.
"""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime, timedelta

import pytest
from docx.oxml.ns import qn

from notes.dates import months_before
from notes.records import Addendum, Attendance, Client, ProcessNote, ProgressNote, Session
from notes.reports.builder import supervision_report
from notes.reports.docx_writer import report_to_docx, xml_safe
from notes.reports.inputs import (
    AllianceEvent,
    AllianceRatingRow,
    BoundaryEventRow,
    Charts,
    ConductLine,
    ContractTerm,
    GoalRow,
    ObservationRow,
    Period,
    ReportSection,
    SessionRecord,
    SupervisionInputs,
    default_period,
)
from tests.helpers import all_text, headings, leaks, open_docx, xml_parts

NAME_WORDS = ["Maya", "Lindqvist", "Jonas", "Uppsala"]
START = datetime(2026, 9, 7, 9, 0)


def tiny_png() -> bytes:
    """A valid 1×1 PNG, so these tests need no Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def client() -> Client:
    return Client(
        "ML-01",
        "Maya Lindqvist",
        date(2026, 6, 1),
        ["Jonas", "Uppsala"],
        "Low mood since Maya lost her job in Uppsala.",
        id=1,
    )


def record(number: int, sections: dict[str, str], process: str = "", **session) -> SessionRecord:
    when = START + timedelta(weeks=number - 1)
    note = ProgressNote(number, "soap", sections, signed_at=when + timedelta(hours=2))
    note.addenda.append(Addendum(when + timedelta(days=1), "Maya phoned to confirm."))
    return SessionRecord(
        Session(1, when, id=number, number=number + 10, **session),
        note,
        ProcessNote(number, process),
    )


def full_inputs(**overrides) -> SupervisionInputs:
    on = START.date()
    values = dict(
        client=client(),
        period=Period(date(2026, 9, 1), date(2026, 11, 30)),
        sessions=[
            record(1, {"subjective": "Maya's week was hard.", "plan": "Weekly."}, "I felt Maya"),
            record(2, {"subjective": "Cancelled."}, attendance=Attendance.NO_SHOW),
        ],
        sessions_before=10,
        therapist="Dr Ann Example",
        supervisor="Jo Super",
        questions="Am I rescuing Maya?\n\nHow to talk about Jonas?",
        contract=[ContractTerm("Fees", on, True), ContractTerm("Confidentiality", None, None)],
        goals=[GoalRow("Sleep through the night", "In progress", on)],
        alliance=[
            AllianceRatingRow(on, 11, 6, 7),
            AllianceRatingRow(on + timedelta(7), 12, 5, None),
        ],
        alliance_events=[AllianceEvent(on, "Rupture", "withdrawal: shifting topic", "Went quiet")],
        observations=[
            ObservationRow("Countertransference", "Parental/protective", on, "Maya cried", (), 2),
            ObservationRow(
                "Countertransference",
                "Helpless/inadequate",
                on + timedelta(7),
                "nothing helps, Maya said",
                (("What I felt", "Useless, then irritated."),),
                4,
                flagged=True,
            ),
            ObservationRow("Transference", "Anxious/preoccupied", on, "'are you tired of me?'"),
        ],
        conduct=[ConductLine("Empathy", "Named how painful it is", 2, 1)],
        conduct_patterns=["Empathy prompts missed in late sessions."],
        boundary_events=[
            BoundaryEventRow(on, "Gifts and services", "crossing", "A card", "Thanked")
        ],
    )
    values.update(overrides)
    return SupervisionInputs(**values)


@pytest.fixture(scope="module")
def report_bytes() -> bytes:
    charts = Charts(attendance=tiny_png(), alliance=tiny_png())
    return report_to_docx(supervision_report(full_inputs(), charts=charts))


def test_headings_in_order_with_word_styles(report_bytes):
    document = open_docx(report_bytes)
    assert headings(document) == [
        ("Title", "Supervision report: ML-01"),
        ("Heading 1", "Questions for supervision"),  # first, where a supervisor looks
        ("Heading 1", "Case summary"),
        ("Heading 1", "Contract and goals"),
        ("Heading 2", "Contract"),
        ("Heading 2", "Goals"),
        ("Heading 1", "Working alliance"),
        ("Heading 2", "Ratings"),
        ("Heading 2", "Ruptures and repairs"),
        ("Heading 1", "Transference and countertransference"),
        ("Heading 2", "Transference"),
        ("Heading 3", "Anxious/preoccupied"),
        ("Heading 2", "Countertransference"),
        ("Heading 3", "Helpless/inadequate"),  # the category with a flagged item comes first
        ("Heading 3", "Parental/protective"),
        ("Heading 1", "Conduct prompts"),
        ("Heading 2", "Patterns"),
        ("Heading 1", "Boundary events"),
        ("Heading 1", "Session by session"),
        ("Heading 2", "Session 11 · Mon 7 Sep 2026"),
        ("Heading 3", "Progress note"),
        ("Heading 3", "Process note"),
        ("Heading 2", "Session 12 · Mon 14 Sep 2026"),
        ("Heading 3", "Progress note"),
    ]


def test_tables_have_a_bold_repeating_header_row(report_bytes):
    document = open_docx(report_bytes)
    headers = [tuple(cell.text for cell in table.rows[0].cells) for table in document.tables]
    assert ("Attendance", "Sessions") in headers
    assert ("Date", "Session", "Therapist's estimate", "Client's check", "Difference") in headers
    assert ("Group", "Prompt", "Met") in headers
    for table in document.tables:
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    attendance = next(t for t in document.tables if t.rows[0].cells[0].text == "Attendance")
    assert [[c.text for c in row.cells] for row in attendance.rows[1:]] == [
        ["Attended", "1"],
        ["No-show", "1"],
        ["All sessions", "2"],
    ]


def test_lists_quotes_and_flagged_items(report_bytes):
    document = open_docx(report_bytes)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("List Number", "Am I rescuing ML-01?") in styled
    # The token stays on one line: a non-breaking space inside it.
    assert ("List Number", "How to talk about [ML-01\u00a0T1]?") in styled
    assert ("List Bullet", "Empathy prompts missed in late sessions.") in styled
    # The client's words run on after the date, in one pair of quotes.
    texts = [text for _style, text in styled]
    assert "7 Sep 2026: “are you tired of me?”" in texts
    flagged = [text for _style, text in styled if text.startswith("Flagged:")]
    assert flagged == ["Flagged: 14 Sep 2026, intensity 4 of 5: “nothing helps, ML-01 said”"]
    assert texts.index(flagged[0]) < texts.index("7 Sep 2026, intensity 2 of 5: “ML-01 cried”")
    assert "What I felt: Useless, then irritated." in texts


def test_images_with_alt_text(report_bytes):
    document = open_docx(report_bytes)
    assert len(document.inline_shapes) == 2
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert descriptions[0].startswith("Chart: attendance by month")
    assert descriptions[1].startswith("Chart: the therapist's alliance estimate")


def test_header_footer_and_page_fields(report_bytes):
    document = open_docx(report_bytes)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "ML-01 · Confidential"
    footer = xml_parts(report_bytes)
    footer_xml = next(text for name, text in footer.items() if name.startswith("word/footer"))
    assert "Page " in footer_xml and " of " in footer_xml
    instructions = [node.text.strip() for node in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_document_properties_name_no_one(report_bytes):
    properties = open_docx(report_bytes).core_properties
    assert properties.title == "Supervision report ML-01"
    assert properties.author == "Dr Ann Example"
    assert properties.comments.startswith("Confidential")
    assert "python-docx" not in xml_parts(report_bytes)["docProps/core.xml"]


def test_deidentified_report_contains_no_name_or_term_anywhere(report_bytes):
    assert leaks(report_bytes, NAME_WORDS) == []
    text = all_text(open_docx(report_bytes))
    assert "ML-01's week was hard." in text and "Low mood since ML-01 lost her job" in text


def test_identified_report_names_the_client_when_asked():
    report = supervision_report(full_inputs(), deidentify=False)
    document = open_docx(report_to_docx(report))
    assert headings(document)[0] == ("Title", "Supervision report: Maya Lindqvist (ML-01)")
    assert "Maya's week was hard." in all_text(document)
    assert document.core_properties.title == "Supervision report ML-01"


def test_sections_without_content_or_not_chosen_are_left_out():
    bare = full_inputs(
        contract=[],
        goals=[],
        alliance=[],
        alliance_events=[],
        observations=[],
        conduct=[],
        conduct_patterns=[],
        boundary_events=[],
        questions="  \n",
    )
    chosen = {ReportSection.SUMMARY, ReportSection.SESSIONS}
    document = open_docx(report_to_docx(supervision_report(bare, chosen)))
    assert [text for style, text in headings(document) if style == "Heading 1"] == [
        "Case summary",
        "Session by session",
    ]
    assert "Process note" not in [text for _style, text in headings(document)]
    assert len(document.inline_shapes) == 0


def test_text_a_therapist_might_paste_exports_intact():
    pasted = (
        "Line one\x0bline two\x0cafter a page break\x07\x00\x1f end\tTabbed\r\nWindows line "
        "😊🙏🏽 👨‍👩‍👧 \ud800 \ufffe"
    )
    hebrew = "היא אמרה שהיא עייפה מאוד"
    arabic = "قالت إنها متعبة جدا"
    inputs = full_inputs(
        sessions=[record(1, {"subjective": pasted, "objective": hebrew, "plan": arabic})],
        questions=f"{hebrew}\nEmoji 🦉 question?",
    )
    data = report_to_docx(supervision_report(inputs))
    document = open_docx(data)
    text = all_text(document)
    assert "Line one\nline two\nafter a page break end\tTabbed\nWindows line 😊🙏🏽 👨‍👩‍👧" in text
    assert "\x07" not in text and "\x00" not in text and "\ufffe" not in text
    assert hebrew in text and arabic in text and "Emoji 🦉 question?" in text
    right_to_left = [p for p in document.paragraphs if hebrew in p.text or arabic in p.text]
    assert right_to_left
    for paragraph in right_to_left:
        assert paragraph.runs[-1]._r.rPr.find(qn("w:rtl")) is not None
        # A label in English leads "Objective: …": that line stays left-to-right.
        labelled = paragraph.text.startswith(("Objective", "Plan"))
        bidi = paragraph._p.pPr is not None and paragraph._p.pPr.find(qn("w:bidi")) is not None
        assert bidi is not labelled


def test_a_one_megabyte_note_exports():
    line = "She said she is tired of starting over, and Maya said it twice. "
    huge = "\n".join(line for _ in range(1_000_000 // len(line) + 1))
    inputs = full_inputs(sessions=[record(1, {"subjective": huge})])
    data = report_to_docx(supervision_report(inputs))
    text = all_text(open_docx(data))
    assert len(huge) > 1_000_000
    assert text.count("She said she is tired of starting over") == huge.count("She said")
    assert leaks(data, ["Maya"]) == []


def test_xml_safe_keeps_breaks_and_drops_forbidden_characters():
    assert xml_safe("a\x0bb\x0cc\r\nd\re\u2028f\x85g") == "a\nb\nc\nd\ne\nf\ng"
    assert xml_safe("ok\x00\x01\x08\x1b\x7f\x9f\ud83d\uffff!") == "ok!"
    assert xml_safe("tab\there 🦉 שלום") == "tab\there 🦉 שלום"


def test_default_period_is_since_the_last_report_else_three_months():
    today = date(2026, 5, 31)
    assert default_period(today, date(2026, 4, 2)) == Period(date(2026, 4, 2), today)
    assert default_period(today, None) == Period(date(2026, 2, 28), today)
    assert months_before(date(2026, 1, 15), 3) == date(2025, 10, 15)
