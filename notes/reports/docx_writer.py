"""A report (notes/reports/model.py) as a Word document, with Word's built-in styles.

Title, Heading 1-3, List Bullet / List Number, Quote and Table Grid are Word's own styles, so a
supervisor's navigation pane and house styles work on the report. Every page carries the client
code and "Confidential" in its header and "Page X of Y" in its footer (PAGE and NUMPAGES fields).

Any text a therapist can type or paste must export: XML 1.0 forbids most control characters, so
they are removed (a pasted vertical tab or form feed, Word's own line and page breaks, becomes a
line break), and paragraphs that start in a right-to-left script are marked right-to-left.

Layout (notes/reports/layout.py): paper and language follow the therapist's locale; headings
keep with what follows and a chart with its caption; no table row breaks across a page; columns
are as wide as their content asks; client codes and their "[ML-01 T1]" tokens never break across
lines (non-breaking hyphens and spaces). The package is Word's current format, not the Word 2010
compatibility mode of python-docx's template, and carries no parts it does not use (no blank
thumbnail, no empty bibliography, no stylesWithEffects); its properties name Alliance and its
version.

Bookmarks (`anchor` on a block) span a session, a section or an observation, so the comments a
supervisor adds to the file can be matched to them when it comes back (notes/reports/returned.py).

This module only makes bytes; storage/export_file.py puts them on disk safely.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Inches, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from notes.about import version
from notes.reports.layout import PageSetup, column_widths, page_setup, unbreakable_pattern
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


def report_to_docx(
    report: Report, now: datetime | None = None, page: PageSetup | None = None
) -> bytes:
    """The report as .docx bytes, on the paper and in the language of `page` (by default those
    of a "C" locale: US Letter, US English)."""
    page = page or page_setup(None)
    document = Document()
    _tidy_package(document)
    _set_properties(document, report, now or datetime.now(UTC))
    _set_page(document, page)
    writer = _Writer(document, report, page)
    writer.write()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Writer:
    """Writes the blocks in order, keeping track of the bookmarks that are open."""

    def __init__(self, document: DocxDocument, report: Report, page: PageSetup) -> None:
        self.document = document
        self.report = report
        self.page = page
        self.unbreakable = unbreakable_pattern(report.codes)
        self.open: list[tuple[int, int]] = []  # (level, bookmark id), outermost first
        self.last_paragraph: DocxParagraph | None = None
        self.bookmarks = 0
        self.images = 0
        # New blocks go just before the body's section properties, which stay last. python-docx's
        # own add_paragraph looks for that element among all the body's children and each style
        # up by name, every time: quadratic in a long history, so this writer does both once.
        self.body = document.element.body
        self.end = self.body.sectPr
        self.style_ids: dict[str, str] = {}

    def write(self) -> None:
        _page_furniture(self.document, self.report.header, self.unbreakable)
        title = self._add("Title", self.report.title)
        if self.report.anchor:
            self._open(title, self.report.anchor, 0)
        for block in self.report.blocks:
            match block:
                case Heading():
                    self._close_from(block.level)
                    heading = self._add(f"Heading {block.level}", block.text)
                    heading.paragraph_format.keep_with_next = True
                    if block.anchor:
                        self._open(heading, block.anchor, block.level)
                case Paragraph():
                    if block.anchor:
                        self._close_from(4)
                    paragraph = self._add(block.style or None, block.text, block.label)
                    for label, text in block.more:
                        paragraph.add_run("  ")
                        _paragraph(paragraph, text, label, self.unbreakable)
                    if block.keep_with_next:
                        paragraph.paragraph_format.keep_with_next = True
                    if block.anchor:
                        self._open(paragraph, block.anchor, 4)
                case BulletList():
                    style = "List Number" if block.numbered else "List Bullet"
                    for item in block.items:
                        self._add(style, item)
                case Table():
                    self._table(block)
                case Image():
                    self.images += 1
                    self._image(block)
        self._close_from(0)

    # -- paragraphs and bookmarks --

    def _add(self, style: str | None, text: str, label: str = "") -> DocxParagraph:
        paragraph = _paragraph(self._new_paragraph(style), text, label, self.unbreakable)
        self.last_paragraph = paragraph
        return paragraph

    def _new_paragraph(self, style: str | None) -> DocxParagraph:
        p = OxmlElement("w:p")
        if style:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            p.get_or_add_pPr().style = self.style_ids[style]
        self._place(p)
        return DocxParagraph(p, self.document._body)

    def _place(self, element) -> None:
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)

    def _open(self, paragraph: DocxParagraph, name: str, level: int) -> None:
        self.bookmarks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmarks))
        start.set(qn("w:name"), name)
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        self.open.append((level, self.bookmarks))

    def _close_from(self, level: int) -> None:
        """Close every open bookmark at `level` or deeper, at the end of the last paragraph."""
        while self.open and self.open[-1][0] >= level:
            _, number = self.open.pop()
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(number))
            assert self.last_paragraph is not None  # the title comes first
            self.last_paragraph._p.append(end)

    # -- tables and images --

    def _table(self, block: Table) -> DocxTable:
        document = self.document
        element = CT_Tbl.new_tbl(1, len(block.header), document._block_width)
        self._place(element)
        table = DocxTable(element, document._body)
        table.style = TABLE_STYLE
        table.autofit = False
        widths = column_widths(block.header, block.rows, self.page.text_width_inches - 0.1)
        grid = table._tbl.tblGrid
        for column, width in zip(grid.iter(qn("w:gridCol")), widths, strict=True):
            column.set(qn("w:w"), str(int(width * 1440)))
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
            added = table.add_row()
            for cell, text in zip(added.cells, row, strict=True):
                _paragraph(cell.paragraphs[0], text, unbreakable=self.unbreakable)
        for row in table.rows:
            _set_on(row._tr.get_or_add_trPr(), "w:cantSplit")
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Inches(width)
        # Word joins two tables that touch; a paragraph keeps them apart.
        self.last_paragraph = self._new_paragraph(None)
        spacer = self.last_paragraph.paragraph_format
        spacer.space_after = Pt(0)
        spacer.line_spacing = Pt(8)  # a thin gap, not a blank line
        spacer.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        return table

    def _image(self, block: Image) -> None:
        width = min(block.width_inches, self.page.text_width_inches)
        picture = self._new_paragraph(None)
        shape = picture.add_run().add_picture(io.BytesIO(block.png), width=Inches(width))
        picture.paragraph_format.keep_with_next = True  # the caption stays with its chart
        inline = shape._inline
        alt = xml_safe(block.alt_text)
        number = self.images
        # Word reads alt text from docPr's descr; name the picture plainly, never by a file name.
        doc_pr = inline.docPr
        doc_pr.set("name", f"Chart {number}")
        doc_pr.set("descr", alt)
        for pic_pr in inline.iter(qn("pic:cNvPr")):
            pic_pr.set("name", f"chart{number}.png")
            pic_pr.set("descr", alt)
        caption = self._add("Caption", alt)
        caption.paragraph_format.space_after = Pt(8)


# -- the package: parts, properties, paper and language -------------------------------------

_UNUSED_PART_TYPES = (
    RT.CUSTOM_XML,  # an empty bibliography
    RT.WEB_SETTINGS,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>{application}</Application><DocSecurity>0</DocSecurity>\
<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def _tidy_package(document: DocxDocument) -> None:
    """Drop the template's parts that a report does not use, and its Word 2010 mode."""
    package = document.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(key)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            application = xml_safe(f"Alliance {version()}")
            rel.target_part._blob = _APP_XML.format(application=application).encode()
    part_rels = document.part.rels
    for key, rel in list(part_rels.items()):
        if rel.reltype in _UNUSED_PART_TYPES:
            part_rels.pop(key)
    settings = document.settings.element
    for compat in settings.findall(qn("w:compat")):
        for setting in compat.findall(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")  # Word 2013 and later: no compatibility mode
    for tag in ("w:rsids", "w:proofState", "w:attachedTemplate", "w:savePreviewPicture"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)


def _set_page(document: DocxDocument, page: PageSetup) -> None:
    section = document.sections[0]
    section.page_width = Inches(page.width_inches)
    section.page_height = Inches(page.height_inches)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(page.margin_inches))
    # The language of every run that says none: in the defaults of the styles.
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is not None:
        properties = run_defaults.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            run_defaults.append(properties)
        for old in properties.findall(qn("w:lang")):
            properties.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), page.language)
        lang.set(qn("w:bidi"), "ar-SA")
        properties.append(lang)
    for theme_lang in document.settings.element.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), page.language)
    _tighten(document)


def _tighten(document: DocxDocument) -> None:
    """Spacing a little tighter than the template's (10 pt after every paragraph, 24 pt before a
    chapter heading), so a report reads as a document, not as a form."""
    styles = document.styles
    styles["Normal"].font.size = Pt(10)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.line_spacing = 1.0
    for name, before in (("Heading 1", 14), ("Heading 2", 8), ("Heading 3", 4)):
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(2)
    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(2)


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
    core.version = xml_safe(version())
    core.revision = 1
    core.created = now.replace(tzinfo=None)
    core.modified = now.replace(tzinfo=None)


def _page_furniture(
    document: DocxDocument, header_text: str, unbreakable: re.Pattern[str] | None
) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(header, header_text, unbreakable=unbreakable)
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


def _paragraph(
    paragraph: DocxParagraph,
    text: str,
    label: str = "",
    unbreakable: re.Pattern[str] | None = None,
) -> DocxParagraph:
    text = xml_safe(text)
    if label:
        paragraph.add_run(xml_safe(label)).bold = True
    right_to_left = _starts_right_to_left(text)
    # One run per line: a run of thousands of elements makes every later read of it slow
    # (libxml2 merges the node sets of its children's kinds pair by pair).
    lines = text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run()
        if right_to_left:
            _set_on(run._r.get_or_add_rPr(), "w:rtl")
        _write(run._r, line, unbreakable)
        if index < len(lines) - 1:
            run._r.append(OxmlElement("w:br"))
    if right_to_left and not label:  # an English label leads: the line reads left to right
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


_NO_BREAK_SPACE = "\u00a0"


def _write(r, text: str, pattern: re.Pattern[str] | None) -> None:
    """`text` into the run element `r`; each match of `pattern` with a non-breaking hyphen
    (Word's w:noBreakHyphen, read back as "-") and non-breaking spaces."""
    if pattern is None:
        _append_text(r, text)
        return
    position = 0
    for found in pattern.finditer(text):
        _append_text(r, text[position : found.start()])
        for index, part in enumerate(found.group(0).replace(" ", _NO_BREAK_SPACE).split("-")):
            if index:
                r.append(OxmlElement("w:noBreakHyphen"))
            _append_text(r, part)
        position = found.end()
    _append_text(r, text[position:])


def _append_text(r, text: str) -> None:
    """Text at the end of a run, line breaks and tabs as Word's own elements."""
    for index, line in enumerate(text.split("\n")):
        if index:
            r.append(OxmlElement("w:br"))
        for number, chunk in enumerate(line.split("\t")):
            if number:
                r.append(OxmlElement("w:tab"))
            if chunk:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = chunk
                r.append(t)
