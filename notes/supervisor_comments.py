"""A supervisor's comment read back from a returned report, kept beside the note it was put on,
and how the reading of one file is told to the therapist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

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
    done_on: date | None = None  # the day the therapist marked it done; None while open

    @property
    def is_open(self) -> bool:
        return self.done_on is None

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
        """ "Jo Super, 3 Dec 2026 · On an observation", with " · done 9 Dec 2026" once the
        therapist marked it done."""
        who = self.author.strip() or "Supervisor"
        when = f", {self.written_at.day} {self.written_at:%b %Y}" if self.written_at else ""
        done = f" · done {self.done_on.day} {self.done_on:%b %Y}" if self.done_on else ""
        return f"{who}{when} · {self.describe_place()}{done}"


def shown_comments(
    comments: Iterable[SupervisorComment], include_done: bool = False
) -> list[SupervisorComment]:
    """The comments the Supervision page lists: the open ones (all with `include_done`), open
    first, each group oldest first as kept."""
    listed = [c for c in comments if include_done or c.is_open]
    return sorted(listed, key=lambda c: not c.is_open)


def comment_line(
    comment: SupervisorComment, code: str, sessions: Mapping[int, tuple[int, date]]
) -> str:
    """One line of the Supervision page: "TH-01 · session 12 (3 Nov 2026) · Dr Ruth Okonkwo:
    When he said …", with "Done 4 Dec 2026: " before it once marked done. `sessions` gives a
    session id its number and day."""
    place = comment.describe_place()
    if comment.session_id is not None and comment.session_id in sessions:
        number, day = sessions[comment.session_id]
        where = "an observation in session" if comment.observation_id is not None else "session"
        place = f"{where} {number} ({day.day} {day:%b %Y})"
    who = comment.author.strip() or "Supervisor"
    done = f"Done {comment.done_on.day} {comment.done_on:%b %Y}: " if comment.done_on else ""
    text = " ".join(comment.text.split())
    return f"{code} · {done}{place} · {who}: {text}"


def open_sentence(count: int) -> str:
    """The heading of the page's list: "Supervisor's comments (2 open)"."""
    return f"Supervisor's comments ({count} open)"


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
