"""A report as data: headings, paragraphs, lists, tables and images, in reading order.

The builders (notes/reports/builder.py) fill it from the records; the .docx writer
(notes/reports/docx_writer.py) turns it into Word. Keeping the document as plain data means every
string in it, down to a table cell or an image's alt text, can be passed through one function —
that is how de-identification reaches all of it (`Report.map_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace

TextMap = Callable[[str], str]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 to 3: Word's Heading 1-3
    anchor: str = ""  # a bookmark from here to the next heading of this level or higher


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # a bold lead-in, "Subjective: "
    style: str = ""  # "" for Word's Normal; "Quote" for a client's own words
    anchor: str = ""  # a bookmark from here to the next anchored paragraph or heading
    keep_with_next: bool = False  # a lead-in that belongs on the page of what follows
    # More labelled parts run on in the same paragraph: (("What I felt: ", "Irritated."), …)
    more: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    anchor: str = ""


@dataclass(frozen=True)
class Image:
    png: bytes
    alt_text: str
    width_inches: float = 6.0


Block = Heading | Paragraph | BulletList | Table | Image


@dataclass(frozen=True)
class DocumentProperties:
    """What Word shows under File > Properties; never the client's name in a shared report."""

    title: str
    subject: str = ""
    author: str = "Alliance"
    keywords: str = ""
    comments: str = ""
    category: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    header: str  # repeated at the top of every page: the client code and "Confidential"
    properties: DocumentProperties
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # Client codes: never broken across lines, nor the "[ML-01 T1]" tokens made from them.
    codes: tuple[str, ...] = ()
    anchor: str = ""  # a bookmark over the whole report: which client it is about

    def map_text(self, change: TextMap) -> Report:
        """The same report with `change` applied to every string a reader could see."""
        return Report(
            title=change(self.title),
            header=change(self.header),
            properties=replace(
                self.properties,
                **{
                    each.name: change(getattr(self.properties, each.name))
                    for each in fields(self.properties)
                },
            ),
            blocks=tuple(_map_block(block, change) for block in self.blocks),
            codes=self.codes,
            anchor=self.anchor,
        )

    def texts(self) -> list[str]:
        """Every string in the report, for checks."""
        found: list[str] = []
        self.map_text(lambda text: found.append(text) or text)
        return found


def _map_block(block: Block, change: TextMap) -> Block:
    match block:
        case Heading():
            return replace(block, text=change(block.text))
        case Paragraph():
            return replace(
                block,
                text=change(block.text),
                label=change(block.label),
                more=tuple((change(label), change(text)) for label, text in block.more),
            )
        case BulletList():
            return replace(block, items=tuple(change(item) for item in block.items))
        case Table():
            return replace(
                block,
                header=tuple(change(cell) for cell in block.header),
                rows=tuple(tuple(change(cell) for cell in row) for row in block.rows),
            )
        case Image():
            return replace(block, alt_text=change(block.alt_text))
    raise TypeError(f"not a report block: {block!r}")
