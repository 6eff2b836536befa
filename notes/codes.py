"""Report codes: how a client is named in supervision reports instead of by name."""

from __future__ import annotations


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
