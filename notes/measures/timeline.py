"""One timeline per client, as plain data: symptom scores with their bands, the client's and the
therapist's alliance ratings, ruptures (repaired or not), countertransference intensity and
missed sessions, all on one date axis. The client page draws it, the report draws the same, and
both offer it as a table (`timeline_rows`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from notes.alliance import AllianceRating, Rater, Repair, Rupture
from notes.dates import day_text
from notes.measures.change import change_between
from notes.measures.scoring import MeasureResponse
from notes.observations import Observation, ObservationKind
from notes.records import Session


@dataclass(frozen=True)
class ScorePoint:
    day: date
    session_number: int
    score: int
    maximum: int
    band: str
    flagged: bool  # a flagged item (PHQ-9 item 9) above its threshold


@dataclass(frozen=True)
class MarkPoint:
    day: date
    session_number: int
    value: float  # the mean on 0–10, the intensity on 1–5, 1 for a plain mark
    note: str = ""  # "repaired", "not repaired yet", the attendance


@dataclass
class Timeline:
    scores: dict[str, list[ScorePoint]] = field(default_factory=dict)  # by instrument name
    client_alliance: list[MarkPoint] = field(default_factory=list)
    therapist_alliance: list[MarkPoint] = field(default_factory=list)
    ruptures: list[MarkPoint] = field(default_factory=list)
    countertransference: list[MarkPoint] = field(default_factory=list)
    missed: list[MarkPoint] = field(default_factory=list)

    def days(self) -> list[date]:
        every = [p.day for series in self.scores.values() for p in series]
        for marks in (
            self.client_alliance,
            self.therapist_alliance,
            self.ruptures,
            self.countertransference,
            self.missed,
        ):
            every += [p.day for p in marks]
        return sorted(set(every))

    @property
    def empty(self) -> bool:
        return not self.days()


def timeline(
    sessions: list[Session],
    responses: list[MeasureResponse],
    ratings: list[AllianceRating],
    ruptures: list[Rupture],
    observations: list[Observation],
) -> Timeline:
    by_id = {s.id: s for s in sessions}
    line = Timeline()

    def at(session_id: int) -> tuple[date, int] | None:
        session = by_id.get(session_id)
        return None if session is None else (session.starts_at.date(), session.number)

    for response in responses:
        where, score = at(response.session_id), response.score
        if where is None or score is None:
            continue
        measure = response.instrument
        band = response.band
        line.scores.setdefault(measure.name, []).append(
            ScorePoint(
                *where,
                score,
                measure.maximum,
                band.label if band else "",
                bool(response.raised_flags()),
            )
        )
    for rating in ratings:
        where = at(rating.session_id)
        if where is None:
            continue
        for rater, series in (
            (Rater.CLIENT, line.client_alliance),
            (Rater.THERAPIST, line.therapist_alliance),
        ):
            mean = rating.mean(rater)
            if mean is not None:
                series.append(MarkPoint(*where, float(mean)))
    for rupture in ruptures:
        where = at(rupture.session_id)
        if where is not None:
            repaired = (
                "repaired" if rupture.repair is Repair.REPAIRED else rupture.repair.label.lower()
            )
            line.ruptures.append(MarkPoint(*where, 1.0, repaired))
    strongest: dict[int, int] = {}
    for observation in observations:
        if observation.kind is ObservationKind.COUNTERTRANSFERENCE:
            previous = strongest.get(observation.session_id, 0)
            strongest[observation.session_id] = max(previous, observation.intensity)
    for session_id, intensity in strongest.items():
        where = at(session_id)
        if where is not None:
            line.countertransference.append(MarkPoint(*where, float(intensity)))
    for session in sessions:
        if not session.attendance.kept:
            line.missed.append(
                MarkPoint(session.starts_at.date(), session.number, 0.0, session.attendance.label)
            )
    for series in (line.client_alliance, line.therapist_alliance, line.ruptures):
        series.sort(key=lambda p: p.day)
    line.countertransference.sort(key=lambda p: p.day)
    for points in line.scores.values():
        points.sort(key=lambda p: p.day)
    return line


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


TABLE_HEADINGS = ("Date", "Session", "What", "Value")


def timeline_rows(line: Timeline) -> list[tuple[str, str, str, str]]:
    """The timeline as a table, oldest first: one row per point, in plain words."""
    rows: list[tuple[date, int, str, str]] = []
    for name, points in line.scores.items():
        for p in points:
            value = f"{p.score} of {p.maximum} · {p.band}"
            if p.flagged:
                value += " · item 9 above 0"
            rows.append((p.day, p.session_number, name, value))
    for what, marks in (
        ("Client's alliance check", line.client_alliance),
        ("Your alliance estimate", line.therapist_alliance),
        ("Countertransference (strongest, 1–5)", line.countertransference),
    ):
        rows += [
            (p.day, p.session_number, what, f"{p.value:.1f}".removesuffix(".0")) for p in marks
        ]
    rows += [(p.day, p.session_number, "Rupture", p.note) for p in line.ruptures]
    rows += [(p.day, p.session_number, "Missed session", p.note) for p in line.missed]
    rows.sort(key=lambda row: (row[0], row[1]))
    return [(day_text(d), str(n), what, value) for d, n, what, value in rows]


_SHORT_HEADINGS = {
    "Client's alliance check": "Client's check",
    "Your alliance estimate": "Therapist's estimate",
    # A soft hyphen: the long word may break in a narrow column.
    "Countertransference (strongest, 1–5)": "Counter\u00adtransference, strongest (1–5)",
}


ALLIANCE_KINDS = frozenset({"Client's alliance check", "Your alliance estimate"})


def timeline_by_session(
    line: Timeline, leave_out: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The same points as `timeline_rows`, one row per session and one column per kind of point
    present (columns in the order of the long table), for a report that must stay short; the
    kinds in `leave_out` (shown in a table of their own) are left out."""
    long = [row for row in timeline_rows(line) if row[2] not in leave_out]
    kinds: list[str] = []
    cells: dict[tuple[str, str], dict[str, list[str]]] = {}
    for day, number, what, value in long:
        if what not in kinds:
            kinds.append(what)
        cells.setdefault((day, number), {}).setdefault(what, []).append(value or "yes")
    header = ("Date", "Session", *(_SHORT_HEADINGS.get(kind, kind) for kind in kinds))
    rows = [
        (day, number, *("; ".join(values.get(kind, [])) or "—" for kind in kinds))
        for (day, number), values in cells.items()
    ]
    return header, rows


def measure_summaries(responses: list[MeasureResponse], numbers: dict[int, int]) -> list[str]:
    """Per instrument: the latest score and band, and reliable change from the first score."""
    lines: list[str] = []
    by_instrument: dict[str, list[MeasureResponse]] = {}
    for response in responses:
        if response.score is not None:
            by_instrument.setdefault(response.instrument_key, []).append(response)
    for scored in by_instrument.values():
        first, latest = scored[0], scored[-1]
        measure = latest.instrument
        band = latest.band.label if latest.band else ""
        text = (
            f"{measure.name}: {latest.score} ({band}) in session "
            f"{numbers.get(latest.session_id, '?')}, {latest.answered_by.label}."
        )
        if latest is not first:
            change = change_between(first.score or 0, latest.score or 0, measure.change)
            text += f" Since the first score: {change.describe()}."
        lines.append(text)
    return lines
