"""Phrases: short codes the therapist types and Tab expands, and the rules for them.

A code is one word of letters and digits (no spaces), so it can be found just before the text
cursor; the text can be anything, over several lines. A small starter set in our own words ships
in resources/phrases.json and is copied into the vault once, where the therapist changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import resources

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.]{0,19}")
_CODE_AT_END = re.compile(r"(?:^|(?<=[\s(\"'“]))([A-Za-z0-9][A-Za-z0-9.]{0,19})$")


@dataclass(frozen=True)
class Phrase:
    code: str
    text: str


def starter_phrases() -> list[Phrase]:
    """The phrases a new vault starts with."""
    return [Phrase(item["code"], item["text"]) for item in resources.data("phrases.json")]


def code_before(text_before_cursor: str) -> str | None:
    """The word just before the text cursor that could be a phrase code, or None."""
    found = _CODE_AT_END.search(text_before_cursor)
    return found.group(1) if found else None


def expansion(phrases: list[Phrase], code: str | None) -> Phrase | None:
    """The phrase a code stands for; codes match regardless of capitals."""
    if not code:
        return None
    wanted = code.casefold()
    return next((phrase for phrase in phrases if phrase.code.casefold() == wanted), None)


def phrase_problem(phrase: Phrase, others: list[Phrase]) -> str | None:
    """Why a phrase cannot be kept as it is, in plain words, or None if it can."""
    if not _CODE.fullmatch(phrase.code):
        return "A code is one short word of letters and digits, up to 20, such as “mse” or “risk1”."
    if not phrase.text.strip():
        return "Write the text the code stands for."
    if expansion(others, phrase.code) is not None:
        return f"The code “{phrase.code}” is taken already; choose another or change that one."
    return None


def matching(phrases: list[Phrase], typed: str) -> list[Phrase]:
    """Phrases whose code starts with, or whose text holds, what was typed (for Ctrl+Space)."""
    wanted = typed.casefold()
    first = [p for p in phrases if p.code.casefold().startswith(wanted)]
    then = [p for p in phrases if p not in first and wanted in p.text.casefold()]
    return first + then
