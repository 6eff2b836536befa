"""The floor for the report's speed (issue 18.8): the same blocks written with python-docx's
plain calls — a paragraph per paragraph with its style by name, a table filled cell by cell, a
picture per image — and none of Alliance's layout (bookmarks, widths, kept headings, codes).
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Inches

from notes.reports.model import BulletList, Heading, Image, Paragraph, Report, Table


def bare_docx(report: Report) -> bytes:
    """`report` as .docx bytes, as a newcomer to python-docx would write it."""
    document = Document()
    document.add_heading(report.title, level=0)
    for block in report.blocks:
        match block:
            case Heading():
                document.add_heading(block.text, level=block.level)
            case Paragraph():
                paragraph = document.add_paragraph(style=block.style or None)
                if block.label:
                    paragraph.add_run(block.label).bold = True
                paragraph.add_run(block.text)
                for label, text in block.more:
                    paragraph.add_run("  " + label).bold = True
                    paragraph.add_run(text)
            case BulletList():
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    document.add_paragraph(item, style=style)
            case Table():
                table = document.add_table(rows=1, cols=len(block.header))
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                    cell.text = text
                for row in block.rows:
                    for cell, text in zip(table.add_row().cells, row, strict=True):
                        cell.text = text
            case Image():
                document.add_picture(io.BytesIO(block.png), width=Inches(block.width_inches))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
