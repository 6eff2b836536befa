"""Counting kept and missed appointments: one tally for the session list, the client page and
the supervision report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from notes.dates import month_start, months_from
from notes.records import Attendance, Client, Session, not_void
from notes.wording import counted

_MISSED = (Attendance.CANCELLED_WITH_NOTICE, Attendance.LATE_CANCELLATION, Attendance.NO_SHOW)


def attendance_counts(attendances: Iterable[Attendance]) -> dict[Attendance, int]:
    """How many sessions of each kind of attendance, every kind present (zero if none)."""
    counts = dict.fromkeys(Attendance, 0)
    for attendance in attendances:
        counts[attendance] += 1
    return counts


def attendance_by_month(
    sessions: Iterable[Session], start: date, end: date
) -> dict[date, dict[Attendance, int]]:
    """The tally for each month from start's to end's (keyed by its first day, oldest first);
    sessions outside those months, and void ones, are left out."""
    months: dict[date, list[Attendance]] = {month: [] for month in months_from(start, end)}
    for session in not_void(sessions):
        month = months.get(month_start(session.starts_at.date()))
        if month is not None:
            month.append(session.attendance)
    return {month: attendance_counts(kinds) for month, kinds in months.items()}


def kept(counts: dict[Attendance, int]) -> int:
    """Sessions the client came to (late ones included)."""
    return sum(count for kind, count in counts.items() if kind.kept)


def short_summary(sessions: list[Session]) -> str:
    """ "22 sessions · 19 kept · 3 missed or cancelled", for the session list's heading; void
    sessions are not counted."""
    sessions = not_void(sessions)
    counts = attendance_counts(s.attendance for s in sessions)
    held = kept(counts)
    missed = len(sessions) - held
    return f"{counted(len(sessions), 'session')} · {held} kept · {missed} missed or cancelled"


def summary(sessions: list[Session]) -> str:
    """The same, in a sentence that names each kind of missed appointment and late arrivals."""
    sessions = not_void(sessions)
    counts = attendance_counts(s.attendance for s in sessions)
    held = kept(counts)
    text = f"{counted(len(sessions), 'session')}: {held} kept"
    if counts[Attendance.LATE]:
        text += f" ({counts[Attendance.LATE]} late)"
    text += f", {len(sessions) - held} missed"
    missed = [f"{counts[kind]} {kind.label.lower()}" for kind in _MISSED if counts[kind]]
    if missed:
        text += " — " + ", ".join(missed)
    return text + "."


def in_therapy_since(client: Client, sessions: list[Session]) -> date:
    """The day of the first session the client came to; the form's start date until then."""
    came = [s.starts_at.date() for s in not_void(sessions) if s.attendance.kept]
    return min(came, default=client.start_date)
