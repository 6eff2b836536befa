"""A supervisor's comment read back from a returned report, kept beside the note it was put on,
and how the reading of one file is told to the therapist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from notes.reports.inputs import ReportSection
from notes.wording import counted


@dataclass(frozen=True)
class SupervisorComment:
    client_id: int
    text: str
    author: str = ""
    written_at: datetime | None = None
    session_id: int | None = None
    observation_id: int | None = None
    section: str = ""  # a ReportSection's value, when the comment is on a section
    quoted: str = ""  # the words of the report it was put on
    id: int | None = None

    def describe_place(self) -> str:
        """Where in the report it was put, in words: "On an observation", "On the section
        Conduct prompts"."""
        if self.observation_id is not None:
            return "On an observation"
        if self.session_id is not None:
            return "On this session"
        if self.section in {each.value for each in ReportSection}:
            return f"On the section {ReportSection(self.section).label}"
        return "On the report as a whole"

    def heading(self) -> str:
        """ "Jo Super, 3 Dec 2026 · On an observation"."""
        who = self.author.strip() or "Supervisor"
        when = f", {self.written_at.day} {self.written_at:%b %Y}" if self.written_at else ""
        return f"{who}{when} · {self.describe_place()}"


@dataclass(frozen=True)
class CommentsRead:
    """What reading one returned report did."""

    added: int
    already_kept: int
    on_sessions: int  # of those added, on a session or one of its observations
    elsewhere: int  # on the report, a section, or outside anything Alliance marked

    def sentence(self) -> str:
        if not self.added and not self.already_kept:
            return "The report holds no comments."
        parts = [f"{counted(self.added, 'comment')} kept as supervision feedback"]
        if self.added:
            parts.append(
                f"{self.on_sessions} beside their session notes, {self.elsewhere} on the report "
                "or a section"
            )
        if self.already_kept:
            parts.append(f"{counted(self.already_kept, 'comment')} already read before")
        return "; ".join(parts) + "."
