"""A report (notes/reports/model.py) as a Word document, with Word's built-in styles.

Title, Heading 1-3, List Bullet / List Number, Quote and Table Grid are Word's own styles, so a
supervisor's navigation pane and house styles work on the report. Every page carries the client
code and "Confidential" in its header and "Page X of Y" in its footer (PAGE and NUMPAGES fields).

Any text a therapist can type or paste must export: XML 1.0 forbids most control characters, so
they are removed (a pasted vertical tab or form feed, Word's own line and page breaks, becomes a
line break), and paragraphs that start in a right-to-left script are marked right-to-left.

This module only makes bytes; storage/export_file.py puts them on disk safely.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from notes.reports.model import BulletList, Heading, Image, Paragraph, Report, Table

TABLE_STYLE = "Table Grid"
_HEADER_SHADE = "D9E2F3"

# Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return;
# lone surrogates; U+FFFE and U+FFFF. C1 controls are legal but never meant, so they go too.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def xml_safe(text: str) -> str:
    """Text that XML 1.0 accepts, with every kind of line break as a plain newline."""
    return _FORBIDDEN.sub("", _LINE_BREAKS.sub("\n", text))


def report_to_docx(report: Report, now: datetime | None = None) -> bytes:
    document = Document()
    _set_properties(document, report, now or datetime.now(UTC))
    _page_furniture(document, report.header)
    _paragraph(document.add_paragraph(style="Title"), report.title)
    images = 0
    for block in report.blocks:
        match block:
            case Heading():
                _paragraph(document.add_paragraph(style=f"Heading {block.level}"), block.text)
            case Paragraph():
                _paragraph(
                    document.add_paragraph(style=block.style or None), block.text, block.label
                )
            case BulletList():
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    _paragraph(document.add_paragraph(style=style), item)
            case Table():
                _table(document, block)
            case Image():
                images += 1
                _image(document, block, images)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document: DocxDocument, report: Report, now: datetime) -> None:
    # The template's own values ("python-docx", its comments) are all replaced.
    core = document.core_properties
    props = report.properties
    core.title = xml_safe(props.title)
    core.subject = xml_safe(props.subject)
    core.author = xml_safe(props.author)
    core.last_modified_by = xml_safe(props.author)
    core.keywords = xml_safe(props.keywords)
    core.comments = xml_safe(props.comments)
    core.category = xml_safe(props.category)
    core.content_status = ""
    core.identifier = ""
    core.language = ""
    core.version = ""
    core.revision = 1
    core.created = now.replace(tzinfo=None)
    core.modified = now.replace(tzinfo=None)


def _page_furniture(document: DocxDocument, header_text: str) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(header, header_text)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A complex field (begin, instruction, separate, result, end) that Word and LibreOffice
    fill in when they lay the page out."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _paragraph(paragraph: DocxParagraph, text: str, label: str = "") -> DocxParagraph:
    text = xml_safe(text)
    if label:
        paragraph.add_run(xml_safe(label)).bold = True
    run = paragraph.add_run(text)
    if _starts_right_to_left(text):
        _set_on(run._r.get_or_add_rPr(), "w:rtl")
        if not label:  # an English label leads: the line then reads left to right
            _set_on(paragraph._p.get_or_add_pPr(), "w:bidi")
    return paragraph


def _starts_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction belongs to a right-to-left script."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _set_on(properties, tag: str) -> None:
    if properties.find(qn(tag)) is None:
        properties.append(OxmlElement(tag))


def _table(document: DocxDocument, block: Table) -> DocxTable:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = TABLE_STYLE
    header = table.rows[0]
    # Repeat the header row at the top of each page the table runs onto.
    _set_on(header._tr.get_or_add_trPr(), "w:tblHeader")
    for cell, text in zip(header.cells, block.header, strict=True):
        _paragraph(cell.paragraphs[0], text).runs[-1].bold = True
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), _HEADER_SHADE)
        cell._tc.get_or_add_tcPr().append(shade)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _paragraph(cell.paragraphs[0], text)
    document.add_paragraph()  # Word joins two tables that touch; a paragraph keeps them apart
    return table


def _image(document: DocxDocument, block: Image, number: int) -> None:
    document.add_picture(io.BytesIO(block.png), width=Inches(block.width_inches))
    inline = document.inline_shapes[-1]._inline
    alt = xml_safe(block.alt_text)
    # Word reads alt text from docPr's descr; name the picture plainly, never by a file name.
    doc_pr = inline.docPr
    doc_pr.set("name", f"Chart {number}")
    doc_pr.set("descr", alt)
    for pic_pr in inline.iter(qn("pic:cNvPr")):
        pic_pr.set("name", f"chart{number}.png")
        pic_pr.set("descr", alt)
    caption = document.add_paragraph(style="Caption")
    _paragraph(caption, alt)
    caption.paragraph_format.space_after = Pt(12)
