"""Page and table layout for the .docx writer: paper and language from a locale, column widths
from what the columns hold, and the spans of text that must never break across lines.

Pure rules, no python-docx, so they are tested on their own (tests/notes/reports/test_layout.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Countries that use US Letter (the rest of the world uses A4): ISO 3166 codes.
_LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "BZ"})


@dataclass(frozen=True)
class PageSetup:
    """Paper size in inches, margins, and the document's language as a BCP 47 tag."""

    name: str  # "A4" or "Letter"
    width_inches: float
    height_inches: float
    language: str  # "en-GB"
    margin_inches: float = 0.8

    @property
    def text_width_inches(self) -> float:
        return self.width_inches - 2 * self.margin_inches


A4 = "A4"
LETTER = "Letter"


def page_setup(locale_name: str | None) -> PageSetup:
    """The paper and language of a locale name as Qt or POSIX spell it ("en_GB", "de_DE.UTF-8",
    "en-US"). An unknown or "C" locale keeps US Letter in English."""
    language, country = _split(locale_name or "")
    if not language:
        language, country = "en", "US"
    tag = f"{language}-{country}" if country else language
    if country in _LETTER_COUNTRIES or (not country and language == "en"):
        return PageSetup(LETTER, 8.5, 11.0, tag)
    return PageSetup(A4, 8.27, 11.69, tag, margin_inches=0.75)


def _split(name: str) -> tuple[str, str]:
    name = name.split(".")[0].split("@")[0].replace("-", "_")
    if name in ("C", "POSIX", ""):
        return "", ""
    parts = name.split("_")
    language = parts[0].lower() if parts[0].isalpha() and 2 <= len(parts[0]) <= 3 else ""
    country = parts[1].upper() if len(parts) > 1 and parts[1].isalpha() else ""
    return language, country


# -- column widths -------------------------------------------------------------------------

_NARROWEST = 0.55  # inches: a column never gets less, whatever it holds
_CHARS_PER_INCH = 14.0  # about 10-11 pt text in the body font, on average
_WORD_CHARS_PER_INCH = 10.5  # a single word, perhaps in bold or capitals, must fit whole
_LONG = 60  # a cell longer than this wraps anyway: it asks for no more
_BREAKS = re.compile("[\\s\u00ad\u2010-]+")  # where a line may break: spaces, soft hyphens, hyphens


def column_widths(
    header: Sequence[str], rows: Iterable[Sequence[str]], total_inches: float
) -> list[float]:
    """Widths in inches that add up to `total_inches`: each column wide enough for its longest
    unbreakable word and, space allowing, its longest short text, the rest shared by how much
    text each column holds. Dates and counts stay on one line; long texts get the room."""
    columns = list(zip(header, *rows, strict=True)) if header else []
    if not columns:
        return []
    needs: list[float] = []  # the width that keeps every cell on one line, up to _LONG
    floors: list[float] = []  # the longest word (or header word), which must fit
    for cells in columns:
        words = [len(word) for cell in cells for word in _BREAKS.split(cell) if word] or [1]
        floors.append(max(_NARROWEST, (max(words) + 1.5) / _WORD_CHARS_PER_INCH))
        # The header may wrap onto two lines; the body should not, up to _LONG characters.
        longest = max([len(cell) for cell in cells[1:]] + [len(cells[0]) / 2])
        needs.append(max(floors[-1], (min(longest, _LONG) + 2) / _CHARS_PER_INCH))
    if sum(floors) >= total_inches:  # even the words do not fit: scale them down together
        return [total_inches * floor / sum(floors) for floor in floors]
    # Every column gets its longest word; then the room is filled up to each column's need,
    # the columns that need least first (dates, counts, short words stay on one line), an equal
    # share at most each; whatever is left goes to all by how much they hold.
    widths = list(floors)
    spare = total_inches - sum(floors)
    order = sorted(range(len(columns)), key=lambda i: needs[i] - floors[i])
    for remaining, i in zip(range(len(order), 0, -1), order, strict=True):
        given = min(needs[i] - floors[i], spare / remaining)
        widths[i] += given
        spare -= given
    return [width + spare * need / sum(needs) for width, need in zip(widths, needs, strict=True)]


# -- text that must not break ---------------------------------------------------------------


def unbreakable_pattern(codes: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for every client code, and the bracketed tokens made from one ("[ML-01 T1]",
    "[ML-01 e-mail]"), longest first; None without codes."""
    names = sorted({code for code in codes if code.strip()}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"\[(?:{alternatives}) [^\[\]\n]{{1,20}}\]|(?<![\w-])(?:{alternatives})(?![\w])"
    )
