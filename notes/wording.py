"""Small pieces of wording shared by every screen and report: a count with its noun."""

from __future__ import annotations


def counted(count: int, word: str, plural: str | None = None) -> str:
    """ "1 session", "3 sessions", "0 sessions"; give `plural` when adding "s" is wrong."""
    if count == 1:
        return f"{count:,} {word}"
    return f"{count:,} {plural or word + 's'}"
