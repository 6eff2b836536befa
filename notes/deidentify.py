"""De-identification: the client's name and identifying terms replaced by the client's code.

Matching is by whole word, in any letter case, with or without accents ("Tomas" finds "Tomás"
and the other way round), across line breaks inside a multi-word term, before a possessive
("Maya's" becomes "ML-01's") and in a plural ("the Lindqvists"). The name, each part of it and
each term are tried longest first, so "Lindqvist Design" is replaced as one term rather than
leaving "Design" behind.

The client's name and its parts become the code; identifying terms (a partner, an employer, a
town) become the code with a number, "[ML-01 T1]", so a supervisor can still tell the people in
the story apart without learning who they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# A part shorter than this ("J." or "A") would replace ordinary words; such parts are skipped.
_SHORTEST_PART = 2
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Replacement:
    original: str
    replacement: str


def _fold(text: str) -> str:
    """Lower case, without accents, one kind of apostrophe: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold().translate(_APOSTROPHES)


def _key(text: str) -> str:
    return " ".join(_fold(text).split())


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index it came from in `text`."""
    folded: list[str] = []
    origins: list[int] = []
    for index, ch in enumerate(text):
        folded_ch = _fold(ch)
        if not unicodedata.category(ch).startswith(("L", "N", "M")) and any(
            each.isalnum() for each in folded_ch
        ):
            # A symbol that merely looks like letters ("🄫" folds to "c") must still end a word,
            # or "Maya🄫" would read as one longer word and the name would survive.
            folded_ch = " "
        for each in folded_ch:
            folded.append(each)
            origins.append(index)
    origins.append(len(text))
    return "".join(folded), origins


def name_parts(full_name: str) -> list[str]:
    """The full name, each part of it, and each half of a hyphenated part."""
    name = " ".join(full_name.split())
    parts = [name]
    for part in name.split():
        part = part.strip(".,")
        parts.append(part)
        if "-" in part:
            parts += part.split("-")
    return _unique(part for part in parts if len(part) >= _SHORTEST_PART)


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        if _key(item) not in seen:
            seen.add(_key(item))
            result.append(item)
    return result


class Deidentifier:
    """Replaces one client's name and identifying terms with their report code."""

    def __init__(self, code: str, full_name: str, identifying_terms: Iterable[str]) -> None:
        self.code = code
        names = name_parts(full_name)
        taken = {_key(name) for name in names}
        terms = [
            term
            for term in _unique(" ".join(term.split()) for term in identifying_terms)
            if len(term) >= _SHORTEST_PART and _key(term) not in taken
        ]
        self._replacements = [Replacement(name, code) for name in names] + [
            Replacement(term, f"[{code} T{number}]") for number, term in enumerate(terms, 1)
        ]
        self._by_key = {_key(item.original): item.replacement for item in self._replacements}
        keys = sorted(self._by_key, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, key.split())) for key in keys)
        # Whole words only (a plural "s" aside: "the Lindqvists" names them too): no letter or
        # digit may touch a match on either side. An underscore may: "_Maya_" is emphasis.
        self._pattern = re.compile(rf"(?<![^\W_])({alternatives})s?(?![^\W_])") if keys else None

    def replacements(self) -> list[Replacement]:
        """Every replacement this makes, the name first, for the therapist to check."""
        return list(self._replacements)

    def apply(self, text: str) -> str:
        if not text or self._pattern is None:
            return text
        text = unicodedata.normalize("NFC", text)
        folded, origins = _folded_with_origins(text)
        pieces: list[str] = []
        done = 0
        for match in self._pattern.finditer(folded):
            start, end = origins[match.start()], origins[match.end()]
            pieces.append(text[done:start])
            pieces.append(self._by_key.get(" ".join(match.group(1).split()), self.code))
            done = end
        pieces.append(text[done:])
        return "".join(pieces)

    def code_reveals_identity(self) -> bool:
        """Whether the report code itself holds the name or a term (then it hides nothing)."""
        return self._pattern is not None and self._pattern.search(_fold(self.code)) is not None
