"""The bookmark names an exported report leaves on the report, each section, session and
observation, and their reading back: a supervisor's comment is matched to the innermost one
it sits in (notes/reports/returned.py).

Names are Word bookmark names: a letter first, then letters, digits and underscores, at most
40 characters. They hold record ids only, never text from a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from notes.reports.inputs import ReportSection

_PREFIX = "alliance_"


class AnchorKind(StrEnum):
    CLIENT = "client"  # the report as a whole
    SECTION = "section"
    SESSION = "session"
    OBSERVATION = "observation"


@dataclass(frozen=True)
class Anchor:
    kind: AnchorKind
    key: str  # a record id as text, or a section's key

    @property
    def record_id(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None


def client_anchor(client_id: int) -> str:
    return f"{_PREFIX}{AnchorKind.CLIENT}_{client_id}"


def section_anchor(section: ReportSection) -> str:
    return f"{_PREFIX}{AnchorKind.SECTION}_{section.value}"


def session_anchor(session_id: int) -> str:
    return f"{_PREFIX}{AnchorKind.SESSION}_{session_id}"


def observation_anchor(observation_id: int) -> str:
    return f"{_PREFIX}{AnchorKind.OBSERVATION}_{observation_id}"


_NAME = re.compile(rf"{_PREFIX}(client|section|session|observation)_([a-z0-9_]{{1,24}})")
_SECTIONS = {section.value for section in ReportSection}


def parse_anchor(name: str) -> Anchor | None:
    """The anchor a bookmark name stands for; None for any other bookmark (Word's own "_GoBack",
    one a supervisor added, or a name that does not hold a valid id or section)."""
    found = _NAME.fullmatch(name or "")
    if found is None:
        return None
    kind, key = AnchorKind(found.group(1)), found.group(2)
    if kind is AnchorKind.SECTION:
        return Anchor(kind, key) if key in _SECTIONS else None
    return Anchor(kind, key) if key.isdigit() and len(key) <= 12 else None
