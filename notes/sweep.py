"""The sweep before export: what in a de-identified report still looks like an identifier.

De-identification replaces only the names and terms it knows. The sweep looks over the finished
text for what the therapist may have forgotten: capitalised words that do not start a sentence
(a rare word, a name that is only ever written capitalised like "Daniel", or an ordinary word
capitalised as a name is, like "Grace": notes/words.py, from well-kept lists, not our own),
e-mail and web addresses, phone numbers, street addresses, dates of birth, record and insurance
numbers; and the client's names that are also ordinary words where a reader could not tell
which is meant ("Hope came late."). Each finding has its count and a sentence of context, so
the therapist can add it to the client's identifying terms or leave it for this export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from notes.date_removal import calendar_words
from notes.deidentify import EMAIL, URL, Deidentifier, sentence_around


class FindingKind(StrEnum):
    NAME_OR_WORD = "name_or_word"
    CAPITALISED = "capitalised"
    EMAIL = "email"
    URL = "url"
    PHONE = "phone"
    ADDRESS = "address"
    BIRTH_DATE = "birth_date"
    RECORD_NUMBER = "record_number"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    FindingKind.NAME_OR_WORD: "The client's name, or the word?",
    FindingKind.CAPITALISED: "Name?",
    FindingKind.EMAIL: "E-mail address",
    FindingKind.URL: "Web address",
    FindingKind.PHONE: "Phone number",
    FindingKind.ADDRESS: "Street address",
    FindingKind.BIRTH_DATE: "Date of birth",
    FindingKind.RECORD_NUMBER: "Record or insurance number",
}


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    text: str  # as it stands in the report
    count: int
    context: str  # the first sentence it is in, as the report will have it
    # For a name that may be the word: its sentence as written, which names this one place
    # (each such place is a finding of its own, to be decided on its own).
    sentence: str = ""

    def summary(self) -> str:
        """What and how often: "Name? Brennigan (2 times)"."""
        times = "once" if self.count == 1 else f"{self.count} times"
        return f"{self.kind.label} {self.text} ({times})"

    def describe(self) -> str:
        """One line for people, with the context: the command line's standard error."""
        return f"{self.summary()}: “{self.context}”"


def sweep_heading(count: int) -> str:
    """The line above the list, in the dialog and on the command line."""
    if count == 0:
        return (
            "Nothing else in this report looks like a name, address, number or date of birth. "
            "Read it through before you send it all the same."
        )
    things = "1 thing" if count == 1 else f"{count} things"
    return (
        f"{things} in this report may identify someone and are not replaced. Add them to the "
        "client's identifying terms, or leave them if they are not identifying:"
    )


def ambiguous_problem(undecided: list[Finding]) -> str:
    """Why the command line wrote no report: the places the therapist must decide."""
    places = sum(each.count for each in undecided)
    where = "1 place" if places == 1 else f"{places} places"
    return (
        f"The report was not written: in {where} (listed above) the client's name is also an "
        "ordinary word, and a reader could not tell which is meant. Run the export again with "
        "--ambiguous=replace to replace every one by the code, or --ambiguous=leave to leave "
        "them as they are."
    )


_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Close|"
    "Crescent|Terrace|Square|Sq"
)
_PATTERNS = [
    (FindingKind.EMAIL, EMAIL),
    (FindingKind.URL, URL),
    (
        FindingKind.BIRTH_DATE,
        re.compile(
            r"\b(?:born(?:\s+on)?|DOB|d\.o\.b\.?|date\s+of\s+birth)[:\s]+"
            r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4})",
            re.IGNORECASE,
        ),
    ),
    (
        FindingKind.RECORD_NUMBER,
        re.compile(
            r"\b(?:MRN|NHS|SSN|medical\s+record|record|insurance|policy|member|patient|chart)"
            r"(?:\s+(?:no\.?|number|ID|#))?[:\s#]+(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}"
            r"|\b\d{3}-\d{2}-\d{4}\b",
            re.IGNORECASE,
        ),
    ),
    (
        FindingKind.ADDRESS,
        re.compile(
            rf"\b\d{{1,5}}[a-z]?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_STREET_WORDS})\b\.?"
            r"|\b[A-ZÅÄÖ]\w+(?:gatan|vägen|gata|vej|gade|straße|strasse|weg|laan)\s+\d+\w?\b"
        ),
    ),
    (
        FindingKind.PHONE,
        re.compile(r"(?<![\w+])\+?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,}\d(?![\w])"),
    ),
]
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]|[^\W\d_]")
_SENTENCE_END = ".!?…:;\n•·"
_OPENERS = " \t\"'“”‘’«»([{*_-–—"


def sweep(texts: Iterable[str], names: Deidentifier, keep: Iterable[str] = ()) -> list[Finding]:
    """What still looks like an identifier in `texts` (the report before de-identification)
    once `names` has replaced what it knows; `keep` (codes, the therapist's and supervisor's
    names) is never a finding. Most frequent first."""
    kept = {word.casefold() for each in keep for word in _WORD.findall(each)}
    counts: dict[tuple[FindingKind, str, str], list] = {}

    def found(kind: FindingKind, text: str, context: str, sentence: str = "") -> None:
        entry = counts.setdefault((kind, text, sentence), [0, context])
        entry[0] += 1

    for original in texts:
        for each in names.ambiguous(original):
            # Shown as the report will have it: other names in the sentence replaced.
            context = names.apply(each.sentence)
            found(FindingKind.NAME_OR_WORD, each.word, context, each.sentence)
        text = names.apply(original)
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                if kind is FindingKind.PHONE and sum(ch.isdigit() for ch in match[0]) < 7:
                    continue
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                found(kind, match[0].strip(), sentence_around(text, *match.span()))
        for start, end in _capitalised_runs(text, kept, taken):
            found(FindingKind.CAPITALISED, text[start:end], sentence_around(text, start, end))
    findings = [
        Finding(kind, text, n, context, sentence)
        for (kind, text, sentence), (n, context) in counts.items()
    ]
    return sorted(findings, key=lambda each: (-each.count, each.kind.value, each.text))


def _capitalised_runs(
    text: str, kept: set[str], taken: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The spans of capitalised words inside a sentence that may be a name, a run of them
    taken together ("Mr Brennigan", "Harbour Bank") so that one click adds the whole."""
    run: list[re.Match[str]] = []

    def finished() -> Iterator[tuple[int, int]]:
        # The first word of a sentence is capitalised anyway: "Then Daniel came" is "Daniel".
        words = run[1:] if run and _starts_sentence(text, run[0].start()) else run
        if (
            words
            and not _before_a_code(text, words[-1].end(), kept)
            and any(_may_name(word[0]) for word in words)
        ):
            yield words[0].start(), words[-1].end()

    for match in _WORD.finditer(text):
        word = match[0]
        capitalised = (
            word[0].isupper()
            and not word.isupper()
            and word.casefold() not in kept
            and not any(start <= match.start() < end for start, end in taken)
        )
        if capitalised and (not run or text[run[-1].end() : match.start()] == " "):
            run.append(match)
            continue
        yield from finished()
        run = [match] if capitalised else []
    yield from finished()


def _before_a_code(text: str, end: int, kept: set[str]) -> bool:
    """Whether a code or replaced term follows: "Mr [ML-01 T2]", "Dr DX-02" (the title of a
    name already replaced)."""
    following = text[end : end + 80].lstrip(" ")
    first = _WORD.match(following)
    return following.startswith("[") or (first is not None and first[0].casefold() in kept)


@lru_cache(maxsize=65536)
def _may_name(word: str) -> bool:
    """Whether a word capitalised inside a sentence may be a name: any word but the names of
    months and weekdays ("Okafor", "Daniel", and "Grace" as well, which as a word would be
    written in lower case there)."""
    return word.casefold() not in calendar_words()


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in _SENTENCE_END
