"""The clinical records as plain dataclasses: clients, sessions and their notes, with the few
rules that belong to a session itself (a first one, the newest, a new one's defaults)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class ClientStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class Attendance(StrEnum):
    ATTENDED = "attended"
    LATE = "late"
    CANCELLED_WITH_NOTICE = "cancelled_with_notice"
    LATE_CANCELLATION = "late_cancellation"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return _ATTENDANCE_LABELS[self]

    @property
    def kept(self) -> bool:
        """Whether the client came (late still counts as kept)."""
        return self in (Attendance.ATTENDED, Attendance.LATE)


_ATTENDANCE_LABELS = {
    Attendance.ATTENDED: "Attended",
    Attendance.LATE: "Late",
    Attendance.CANCELLED_WITH_NOTICE: "Cancelled with notice",
    Attendance.LATE_CANCELLATION: "Late cancellation",
    Attendance.NO_SHOW: "No-show",
}


@dataclass
class Client:
    code: str
    full_name: str
    start_date: date
    identifying_terms: list[str] = field(default_factory=list)
    presenting_problem: str = ""
    status: ClientStatus = ClientStatus.ACTIVE
    id: int | None = None


@dataclass
class Session:
    client_id: int
    starts_at: datetime
    duration_minutes: int = 50
    attendance: Attendance = Attendance.ATTENDED
    id: int | None = None
    number: int = 0  # 1 for a client's first session; filled in when read from the vault
    note_signed: bool = False  # read-only summary of the progress note, for lists
    conduct_due: bool = False  # a conduct check was put off with "later"; for lists
    # A void session (signed, then found to be wrong: another client's, a duplicate) stays in
    # the record with its note, but has no number (0) and is left out of every count and chart.
    void_reason: str = ""
    voided_at: datetime | None = None

    @property
    def first(self) -> bool:
        """The client's first session, whatever its attendance: its conduct check asks the
        first-session prompts (understanding the problem, explaining the agreement)."""
        return self.number == 1

    @property
    def void(self) -> bool:
        return self.voided_at is not None


def not_void(sessions: Iterable[Session]) -> list[Session]:
    """The sessions that count: every one but the void ones, in the order given."""
    return [session for session in sessions if not session.void]


def next_session(client_id: int, last: Session | None, day: date) -> Session:
    """A new session's defaults: on `day`, at the time and length of the client's last session
    (a weekly slot usually stays put), else at 9:00 for 50 minutes; attended."""
    at = last.starts_at.time() if last else time(9, 0)
    minutes = last.duration_minutes if last else Session.duration_minutes
    return Session(client_id, datetime.combine(day, at.replace(second=0, microsecond=0)), minutes)


def newest(sessions: Iterable[Session]) -> Session | None:
    """The session that starts last (the first of them given, if two start together)."""
    return max(sessions, key=lambda s: s.starts_at, default=None)


@dataclass(frozen=True)
class Addendum:
    written_at: datetime
    text: str


@dataclass
class ProgressNote:
    session_id: int
    template: str
    sections: dict[str, str] = field(default_factory=dict)
    signed_at: datetime | None = None
    addenda: list[Addendum] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    def text(self) -> str:
        """All sections as one text, for search and checks."""
        return "\n\n".join(value for value in self.sections.values() if value)


@dataclass
class ProcessNote:
    """The therapist's private analysis of the session, kept apart from the progress note."""

    session_id: int
    text: str = ""
