"""Report codes: how a client is named in supervision reports instead of by name.

A suggested code is not derived from the name: HIPAA's re-identification rule (45 CFR
164.514(c)) asks that a code not be made from the person's details, and initials narrow a
caseload down to one person quickly. It is two random syllables and two digits ("DOKA-37"):
easy to say in supervision, and with no letters that are easily confused.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from notes.deidentify import code_holds_name, name_parts

_CONSONANTS = "BDFGKLMNPRSTVZ"
_VOWELS = "AEIOU"
_SYSTEM_RANDOM = random.SystemRandom()


def initials(full_name: str) -> str:
    letters = [part[0] for part in full_name.split() if part[:1].isalpha()]
    if not letters:
        return "CL"
    if len(letters) == 1:
        return letters[0].upper()
    return (letters[0] + letters[-1]).upper()


def suggest_code(full_name: str, taken: Iterable[str], rng: random.Random | None = None) -> str:
    """A free random code that holds nothing of the name: "DOKA-37"."""
    rng = rng or _SYSTEM_RANDOM
    taken_upper = {code.upper() for code in taken}
    parts = name_parts(full_name)
    while True:
        syllables = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(2))
        code = f"{syllables}-{rng.randrange(10, 100)}"
        if code not in taken_upper and not code_holds_name(code, parts):
            return code


def code_warning(full_name: str, code: str, identifying_terms: Iterable[str] = ()) -> str:
    """A warning when the code holds part of the name or a term ("" when it does not)."""
    code = code.strip()
    if code and code_holds_name(code, [*name_parts(full_name), *identifying_terms]):
        return (
            f"The code {code} contains part of the client's name or an identifying term, so "
            "reports would still show who the client is. Choose a code that is not made from "
            "the name."
        )
    return ""


def client_problem(full_name: str, code: str, taken: Iterable[str]) -> str:
    """What stops a client being saved, in plain words ("" when nothing does). `taken` holds
    the other clients' codes; a code is taken whatever its case."""
    if not full_name.strip():
        return "Enter the client's name; it stays in the vault and never goes in reports."
    code = code.strip()
    if not code:
        return "Enter a report code, such as the one suggested."
    if code.upper() in {other.upper() for other in taken}:
        return f"Another client already has the code {code}. Choose a different code."
    return ""
