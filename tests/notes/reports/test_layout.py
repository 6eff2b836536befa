"""The report's layout: paper and language from the locale, column widths by content, Word's
current format with no unused parts, rows that never split, headings kept with what follows,
codes kept on one line, and the compaction that keeps a three-month report short."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta

import pytest
from docx import Document
from docx.oxml.ns import qn

from notes.about import version
from notes.records import Client, ClientStatus, ProgressNote, Session
from notes.reports.builder import TOKEN_NOTE, conduct_blocks, contract_blocks, supervision_report
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import (
    ConductLine,
    ContractTerm,
    ObservationRow,
    Period,
    SessionRecord,
    SupervisionInputs,
)
from notes.reports.layout import column_widths, page_setup
from notes.reports.model import Paragraph, Table


def inputs(**overrides) -> SupervisionInputs:
    client = Client("ML-01", "Maya Lindqvist", date(2026, 6, 1), ["Jonas"], "Low mood.", id=3)
    start = datetime(2026, 9, 7, 9)
    values = dict(
        client=client,
        period=Period(date(2026, 9, 1), date(2026, 11, 30)),
        sessions=[
            SessionRecord(
                Session(3, start + timedelta(weeks=n), id=n + 1, number=n + 1),
                ProgressNote(n + 1, "soap", {"subjective": "Maya spoke of Jonas again."}),
            )
            for n in range(3)
        ],
        questions="How do I answer Jonas's messages?",
        contract=[
            ContractTerm("Fees", date(2026, 6, 1), True),
            ContractTerm("Confidentiality", date(2026, 6, 1), True),
            ContractTerm("Contact between sessions", None, None),
        ],
        conduct=[
            ConductLine("Empathy", "Named how painful it is", 7, 7),
            ConductLine("Empathy", "Made an empathic remark", 7, 7),
            ConductLine("Interest and attention", "Phone away", 7, 5),
        ],
    )
    values.update(overrides)
    return SupervisionInputs(**values)


def docx_of(report_inputs: SupervisionInputs, locale: str | None = None) -> bytes:
    report = supervision_report(report_inputs, prepared_on=date(2026, 12, 1))
    return report_to_docx(report, page=page_setup(locale))


@pytest.mark.parametrize(
    ("name", "paper", "language"),
    [
        ("en_US", "Letter", "en-US"),
        ("en_GB", "A4", "en-GB"),
        ("de_DE.UTF-8", "A4", "de-DE"),
        ("fr-CA", "Letter", "fr-CA"),
        ("sv_SE", "A4", "sv-SE"),
        ("C", "Letter", "en-US"),
        (None, "Letter", "en-US"),
    ],
)
def test_paper_and_language_follow_the_locale(name, paper, language):
    setup = page_setup(name)
    assert (setup.name, setup.language) == (paper, language)


def test_a4_and_the_language_reach_the_document():
    data = docx_of(inputs(), "en_GB")
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    styles = document.styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_the_package_is_current_word_with_no_unused_parts_and_names_alliance():
    data = docx_of(inputs())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        settings = package.read("word/settings.xml").decode()
        app = package.read("docProps/app.xml").decode()
        rels = (
            package.read("_rels/.rels").decode()
            + package.read("word/_rels/document.xml.rels").decode()
        )
    for unused in ("thumbnail", "customXml", "stylesWithEffects", "webSettings"):
        assert not any(unused in name for name in names), unused
        assert unused not in rels
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"'
        in settings
    )
    assert f"<Application>Alliance {version()}</Application>" in app
    assert "Microsoft" not in app and "Normal.dotm" not in app
    document = Document(io.BytesIO(data))
    assert document.core_properties.version == version()


def test_rows_never_split_headings_keep_with_next_codes_never_break():
    document = Document(io.BytesIO(docx_of(inputs())))
    for table in document.tables:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
    body = document.element.body
    # The code's hyphen is Word's non-breaking hyphen, and the token's space a no-break space.
    assert body.findall(".//" + qn("w:noBreakHyphen"))
    texts = [p.text for p in document.paragraphs]
    assert any("[ML-01\u00a0T1]" in text for text in texts)
    assert not any("ML-01 T1" in text for text in texts)


def test_columns_are_as_wide_as_their_content_asks():
    header = ("Date", "Session", "What happened")
    long = "A long account of what happened in the session, " * 4
    rows = [("12 Sep 2026", "4", long), ("19 Sep 2026", "5", "Short.")]
    widths = column_widths(header, rows, 6.5)
    assert sum(widths) == pytest.approx(6.5)
    assert widths[2] > 3.5  # the long text gets the room
    assert widths[0] >= (len("12 Sep 2026") + 2) / 14  # a date stays on one line
    assert widths[1] < widths[0]
    # Every column equal, as before, would have given each 2.17 inches.
    short = column_widths(("Attendance", "Sessions"), [("Attended", "9")], 6.5)
    assert sum(short) == pytest.approx(6.5)


def test_the_bracketed_tokens_are_explained_once_and_only_when_used():
    report = supervision_report(inputs(), prepared_on=date(2026, 12, 1))
    notes = [b for b in report.blocks if isinstance(b, Paragraph) and b.text == TOKEN_NOTE]
    assert len(notes) == 1
    plain = inputs(
        client=Client("ML-01", "Maya Lindqvist", date(2026, 6, 1), [], id=3),
        questions="Am I rescuing Maya?",
    )
    report = supervision_report(plain, prepared_on=date(2026, 12, 1))
    assert TOKEN_NOTE not in report.texts()


def test_a_closed_case_is_marked_closed_and_questions_come_first():
    client = Client(
        "ML-01", "Maya Lindqvist", date(2026, 6, 1), ["Jonas"], status=ClientStatus.CLOSED, id=3
    )
    report = supervision_report(inputs(client=client), prepared_on=date(2026, 12, 1))
    assert report.title == "Supervision report: ML-01 (case closed)"
    assert "Closed: therapy with this client has ended." in report.texts()
    headings = [b.text for b in report.blocks if type(b).__name__ == "Heading" and b.level == 1]
    assert headings[0] == "Questions for supervision"


def test_prompts_met_every_time_are_one_line_and_only_the_others_a_table():
    lines = inputs().conduct
    blocks = conduct_blocks(lines)
    first, table = blocks
    assert isinstance(first, Paragraph) and first.label == "Always met: "
    assert first.text == "2 prompts met in every one of the 7 sessions checked (Empathy 2)."
    assert isinstance(table, Table)
    assert table.rows == (("Interest and attention", "Phone away", "5 of 7 sessions"),)
    assert "7 of 7 sessions" not in " ".join(cell for row in table.rows for cell in row)


def test_contract_terms_agreed_without_a_note_are_one_line():
    first, table = contract_blocks(inputs().contract)
    assert first.label == "Agreed (2 terms): "
    assert first.text == "Fees; Confidentiality, explained 1 Jun 2026."
    assert table.rows == (("Contact between sessions", "—", "Not yet asked", ""),)


def test_observations_that_say_the_same_are_read_once_with_their_dates():
    same = dict(kind="Transference", category="Anxious/preoccupied", quoted="tired of me?")
    observations = [
        ObservationRow(on=date(2026, 9, 7), intensity=2, id=1, **same),
        ObservationRow(on=date(2026, 9, 14), intensity=4, id=2, **same),
        ObservationRow(
            on=date(2026, 9, 21),
            quoted="other words",
            id=3,
            kind="Transference",
            category="Anxious/preoccupied",
        ),
    ]
    report = supervision_report(inputs(observations=observations), prepared_on=date(2026, 12, 1))
    texts = report.texts()
    assert "7 Sep 2026, 14 Sep 2026 (2 times), intensity 2–4 of 5: “tired of me?”" in texts
    assert "21 Sep 2026: “other words”" in texts
