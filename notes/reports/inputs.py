"""What a report is built from: plain rows gathered from the vault for one client and period.

storage/report_data.py fills these (the wording of each row is made in notes/reports/rows.py);
the builders never see the vault. The rows for the contract, goals, alliance, observations,
conduct prompts and boundary events are the report's own view of those records, so the report
keeps working whatever shape their storage takes: a list left empty simply leaves its section
out. A row is named for its record with "Row" after it (GoalRow beside notes.alliance.Goal), so
the two are never confused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from notes.dates import months_before
from notes.records import Client, ProcessNote, ProgressNote, Session

if TYPE_CHECKING:
    from notes.reports.measures_section import MeasuresInputs
    from notes.supervision import CarryOver


class ReportSection(StrEnum):
    """The parts of a supervision report a therapist can leave out, in reading order."""

    SUMMARY = "summary"
    CONTRACT = "contract"
    ALLIANCE = "alliance"
    MEASURES = "measures"
    OBSERVATIONS = "observations"
    CONDUCT = "conduct"
    BOUNDARIES = "boundaries"
    SESSIONS = "sessions"
    PROCESS_NOTES = "process_notes"
    QUESTIONS = "questions"

    @property
    def label(self) -> str:
        return _SECTION_LABELS[self]


_SECTION_LABELS = {
    ReportSection.SUMMARY: "Case summary",
    ReportSection.CONTRACT: "Contract and goals",
    ReportSection.ALLIANCE: "Working alliance",
    ReportSection.MEASURES: "Measures and alliance",
    ReportSection.OBSERVATIONS: "Transference and countertransference",
    ReportSection.CONDUCT: "Conduct prompts",
    ReportSection.BOUNDARIES: "Boundary events",
    ReportSection.SESSIONS: "Session by session: progress notes",
    ReportSection.PROCESS_NOTES: "Session by session: process notes",
    ReportSection.QUESTIONS: "Questions for supervision",
}

ALL_SECTIONS = frozenset(ReportSection)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def backwards(self) -> bool:
        """It ends before it starts: nothing can be exported for it."""
        return self.end < self.start

    def label(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.end)}"


DEFAULT_MONTHS = 3  # a first supervision report, or a record export, looks this far back


def default_period(today: date, last_report: date | None) -> Period:
    """Since the last supervision report for the client (that day included), else 3 months."""
    if last_report is not None and last_report <= today:
        return Period(last_report, today)
    return Period(months_before(today, DEFAULT_MONTHS), today)


def default_period_reason(period: Period, last_report: date | None) -> str:
    """Why a supervision report's default period is what it is, for the line under it."""
    if last_report is not None and period.start == last_report:
        return f"Since the last supervision report, made on {format_date(last_report)}."
    return "The last three months (no earlier supervision report for this client)."


def format_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


@dataclass(frozen=True)
class SessionRecord:
    session: Session
    progress: ProgressNote | None = None
    process: ProcessNote | None = None


# -- the report's view of the clinical records beside the notes ---------------------------------


@dataclass(frozen=True)
class ContractTerm:
    term: str
    explained_on: date | None = None
    agreed: bool | None = None  # None: not yet asked
    note: str = ""


@dataclass(frozen=True)
class GoalRow:
    text: str
    status: str = ""
    set_on: date | None = None


@dataclass(frozen=True)
class AllianceRatingRow:
    """One session's alliance estimates on a 0-10 scale (None where it was not recorded)."""

    on: date
    session_number: int
    therapist: float | None = None
    client: float | None = None
    note: str = ""


@dataclass(frozen=True)
class AllianceEvent:
    """A rupture or a repair; `kind` says which, `detail` the marker ("withdrawal: …")."""

    on: date
    kind: str
    detail: str = ""
    description: str = ""
    session_number: int | None = None  # where the alliance chart marks it
    is_repair: bool = False


@dataclass(frozen=True)
class ObservationRow:
    """A transference or countertransference observation tagged on the words of a note."""

    kind: str  # "Transference" or "Countertransference"
    category: str
    on: date
    quoted: str = ""
    notes: tuple[tuple[str, str], ...] = ()  # (label, text): "What I felt", "How I responded"
    intensity: int | None = None  # 1-5
    flagged: bool = False  # marked for supervision
    figure: str = ""  # who the feeling is redirected from
    id: int | None = None  # the observation's, for the bookmark a supervisor comments on
    session_id: int | None = None


@dataclass(frozen=True)
class ConductLine:
    """How often one conduct prompt was met over the period."""

    group: str
    prompt: str
    checked: int
    met: int


@dataclass(frozen=True)
class BoundaryEventRow:
    on: date
    dimension: str
    kind: str  # crossing or violation
    description: str = ""
    follow_up: str = ""  # "Discussed in supervision"


@dataclass
class SupervisionInputs:
    client: Client
    period: Period
    sessions: list[SessionRecord]  # in the period, oldest first
    sessions_before: int = 0  # sessions held before the period, for the case summary
    therapist: str = ""
    supervisor: str = ""
    questions: str = ""
    contract: list[ContractTerm] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    alliance: list[AllianceRatingRow] = field(default_factory=list)
    alliance_events: list[AllianceEvent] = field(default_factory=list)
    observations: list[ObservationRow] = field(default_factory=list)
    conduct: list[ConductLine] = field(default_factory=list)
    conduct_patterns: list[str] = field(default_factory=list)
    boundary_events: list[BoundaryEventRow] = field(default_factory=list)
    # The rest of the caseload: their names are replaced by their codes in this report too.
    other_clients: list[Client] = field(default_factory=list)
    measures: MeasuresInputs | None = None  # outcome measures and the one timeline
    since_supervision: CarryOver | None = None  # open actions and items (since_supervision.py)


@dataclass(frozen=True)
class Charts:
    """Charts as PNG bytes, drawn by the window (or the command line) at print resolution."""

    attendance: bytes | None = None
    alliance: bytes | None = None
    timeline: bytes | None = None
