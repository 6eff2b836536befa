"""What a person types into the search box, made into a safe SQLite FTS5 query; and the result.

Whatever is typed — quotes, brackets, `AND OR NOT NEAR`, `*`, `:`, `-`, emoji, pages of pasted
text — becomes a MATCH expression that FTS5 accepts, because every word goes into FTS5 as a
double-quoted string (the only character special inside one, `"`, is never left in it). So:

- words are all required, in any order: `panic work` finds notes with both words;
- text in double quotes is a phrase: `"panic attack"`; an unclosed quote runs to the end;
- the last word is matched as a prefix while it is being typed (`anx` finds "anxious"), unless
  the text ends in a space or a closing quote;
- punctuation inside a word keeps its parts together: `ML-01` finds "ML-01", `don't` "don't".

Snippets mark each match with MARK_START and MARK_END (two private-use characters no keyboard
types); `SearchHit.parts()` splits a snippet into (text, is_match) pieces for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from notes.templates import template

MARK_START = "\ue000"
MARK_END = "\ue001"

MAX_QUERY_CHARS = 1000  # more than any real search; a pasted page is cut here
MAX_TERMS = 12  # every term narrows the search; beyond a dozen they only cost time
MIN_PREFIX_CHARS = 2  # "a*" would match nearly every note and tell the person nothing
# Hits given their snippet by the search itself: a screenful of the search box and some. The
# rest (a list holds up to 50) get theirs when shown, so that a search costs the same whether
# a word fills 13 rows or 50: a snippet, FTS5 reading the note's text again, is most of it.
SNIPPETS_AT_ONCE = 16

Source = Literal[
    "progress",
    "process",
    "addendum",
    "client",
    "observation",
    "supervision",
    "presenting",
    "rupture",
    "boundary",
    "goal",
    "contract",
]
# The order of a search's results after the client hits: the newest notes first (what a
# therapist usually looks for, and it costs the same whatever the vault's size), or the best
# match first (bm25, which must score every matching note).
SearchOrder = Literal["newest", "best"]
NEWEST: SearchOrder = "newest"
BEST: SearchOrder = "best"
ORDER_LABELS: dict[str, str] = {NEWEST: "Newest first", BEST: "Best match"}
SOURCE_LABELS: dict[str, str] = {
    "progress": "Progress note",
    "process": "Process note",
    "addendum": "Addendum",
    "client": "Client",
    "observation": "Observation",
    "supervision": "Supervision",
    "presenting": "Presenting problem",
    "rupture": "Rupture",
    "boundary": "Boundary event",
    "goal": "Goal",
    "contract": "Contract note",
}


@dataclass(frozen=True)
class SearchHit:
    """One match: where it is, and a short stretch of text around it with the match marked.

    `match_text` is the first marked stretch exactly as written in the note (its own case and
    accents), so an editor can find it; `section` is the progress-note section holding it.
    While `snippet_due`, the snippet is not made yet (a hit beyond the first screenful):
    `snippet` and `match_text` are "" until storage makes it from `index_row`, the match's
    row in its full-text index.
    """

    client_id: int
    client_code: str
    session_id: int | None
    session_start: datetime | None
    source: Source
    snippet: str
    match_text: str
    section: str | None = None
    score: float = 0.0
    snippet_due: bool = False
    index_row: int | None = None

    def parts(self) -> list[tuple[str, bool]]:
        return snippet_parts(self.snippet)

    def plain_snippet(self) -> str:
        return "".join(text for text, _ in self.parts())

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)


_MARKERS = re.compile(f"([{MARK_START}{MARK_END}])")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces, markers removed; stray markers are dropped."""
    # Split at the markers by one regex: every hit's snippet goes through here, in the search
    # (its first match) and in each row's painting, and a loop per character cost ~15 µs each.
    parts: list[tuple[str, bool]] = []
    marked = False
    for piece in _MARKERS.split(snippet):
        if piece in (MARK_START, MARK_END):
            marked = piece == MARK_START
        elif piece:
            parts.append((piece, marked))
    return parts


def first_match(snippet: str) -> str:
    """The first marked stretch of a snippet, or "" when nothing is marked."""
    for text, marked in snippet_parts(snippet):
        if marked and text.strip():
            return text.strip()
    return ""


_WHITESPACE = re.compile(r"\s+")


def tidy_snippet(snippet: str) -> str:
    """One line: runs of whitespace (newlines between sections too) become one space."""
    return _WHITESPACE.sub(" ", snippet).strip()


def client_snippet(code_text: str, name_text: str) -> str:
    """A client hit: the code and the name (each with its matches marked) on one line."""
    return tidy_snippet(f"{code_text} · {name_text}")


def observation_snippet(category: str, words: str | None, reflection: str | None) -> str:
    """An observation hit: the kind and category, then the tagged words in quotes when they
    hold the match or nothing else was written, else the therapist's own lines on them."""
    words, reflection = words or "", reflection or ""
    heading = category[:1].upper() + category[1:]  # the kind is indexed in lower case
    if MARK_START in words or not reflection.strip():
        body = f"“{words}”" if words.strip() else ""
    else:
        body = reflection
    return tidy_snippet(f"{heading} — {body}" if body else heading)


def _clean(text: str) -> str:
    """Drop what cannot reach SQLite (lone surrogates, NUL) and control characters."""
    kept = []
    for char in text[:MAX_QUERY_CHARS]:
        category = unicodedata.category(char)
        if category == "Cs" or char in (MARK_START, MARK_END):
            continue
        kept.append(" " if category == "Cc" else char)
    return "".join(kept)


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _trailing_word_length(text: str) -> int:
    length = 0
    for char in reversed(text):
        if not char.isalnum():
            break
        length += 1
    return length


def _all_terms(text: str) -> list[tuple[str, bool]]:
    terms: list[tuple[str, bool]] = []
    for index, piece in enumerate(_clean(text).split('"')):
        if index % 2:  # inside double quotes
            if piece.strip():
                terms.append((piece.strip(), True))
        else:
            terms += [(word, False) for word in piece.split()]
    return terms


def search_terms(text: str) -> list[tuple[str, bool]]:
    """The typed text as (term, is_phrase) pairs, in order; quotes are consumed.

    Terms without a letter or digit (lone punctuation, emoji) are left out: they match nothing.
    """
    return [(term, phrase) for term, phrase in _all_terms(text) if _has_word(term)]


def match_expression(text: str) -> str | None:
    """A safe FTS5 MATCH expression for whatever was typed; None when there is nothing to find.

    Never raises on a string; the result only ever contains FTS5 strings ("…"), spaces and one
    trailing `*`.
    """
    if not isinstance(text, str):
        return None
    typed = _all_terms(text)
    terms = [(term, phrase) for term, phrase in typed if _has_word(term)][:MAX_TERMS]
    if not terms:
        return None
    cleaned = _clean(text)
    finished = (
        cleaned != cleaned.rstrip()  # a space after the last word: the word is complete
        or (cleaned.endswith('"') and cleaned.count('"') % 2 == 0)  # a closed phrase
        or terms[-1] != typed[-1]  # something came after it, or it was cut off
    )
    pieces = ['"' + term + '"' for term, _ in terms]
    if not finished and _trailing_word_length(terms[-1][0]) >= MIN_PREFIX_CHARS:
        pieces[-1] += "*"
    return " ".join(pieces)


def section_holding(match_text: str, template_key: str, sections: dict) -> str | None:
    """The first section, in the order the editor shows them, whose text holds the match."""
    order = template(template_key).section_keys()
    keys = [key for key in order if key in sections] + [k for k in sections if k not in order]
    for compare in (str, str.casefold):
        needle = compare(match_text)
        for key in keys:
            if needle and needle in compare(str(sections[key])):
                return key
    return None


def hit_line(hit: SearchHit, code_width: int = 0, marks: tuple[str, str] = ("[", "]")) -> str:
    """One line for a terminal: "CODE  YYYY-MM-DD  snippet", matches between `marks`.

    Control characters from the note (an escape sequence could restyle a terminal) are dropped.
    """
    when = f"{hit.session_start:%Y-%m-%d}" if hit.session_start else "client"
    label = "" if hit.source in ("progress", "client") else f"({hit.source_label.lower()}) "
    text = "".join(
        f"{marks[0]}{piece}{marks[1]}" if marked else piece for piece, marked in hit.parts()
    )
    text = "".join(char for char in text if unicodedata.category(char) != "Cc" or char in marks)
    return f"{hit.client_code:<{code_width}}  {when:<10}  {label}{text}"
