"""Report codes: how a client is named in supervision reports instead of by name."""

from __future__ import annotations

from collections.abc import Iterable


def initials(full_name: str) -> str:
    letters = [part[0] for part in full_name.split() if part[:1].isalpha()]
    if not letters:
        return "CL"
    if len(letters) == 1:
        return letters[0].upper()
    return (letters[0] + letters[-1]).upper()


def suggest_code(full_name: str, taken: set[str]) -> str:
    """Initials and the lowest free number: "ML-01", then "ML-02" for a second M. L."""
    stem = initials(full_name)
    taken_upper = {code.upper() for code in taken}
    number = 1
    while f"{stem}-{number:02d}" in taken_upper:
        number += 1
    return f"{stem}-{number:02d}"


def client_problem(full_name: str, code: str, taken: Iterable[str]) -> str:
    """What stops a client being saved, in plain words ("" when nothing does). `taken` holds
    the other clients' codes; a code is taken whatever its case."""
    if not full_name.strip():
        return "Enter the client's name; it stays in the vault and never goes in reports."
    code = code.strip()
    if not code:
        return "Enter a report code, such as their initials and a number."
    if code.upper() in {other.upper() for other in taken}:
        return f"Another client already has the code {code}. Choose a different code."
    return ""
