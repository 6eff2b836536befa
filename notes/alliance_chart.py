"""What the alliance chart draws, as plain numbers: the same points on the client page and in the
supervision report.

Every point is keyed by its session number, and `dates` gives each number its session's day:
both charts place points by that date (two sessions a month apart lie further apart than two a
week apart), and the text beside a chart names the numbers. The client's check and the
therapist's estimate are means on 0–10; a rupture, a repair (in the session
`repair_session_id` places it) and a missed appointment are marks at a height chosen here, so
both charts put them in the same place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from notes.alliance import AllianceRating, Rater, Rupture, repair_session_id
from notes.records import Session

MID_SCALE = 5.0
MISSED_HEIGHT = 0.0  # a missed appointment sits on the floor: there was no session to rate


class AllianceSeries(Enum):
    """What the alliance chart draws."""

    CLIENT = "client"
    THERAPIST = "therapist"
    RUPTURE = "rupture"
    REPAIR = "repair"
    MISSED = "missed"


@dataclass(frozen=True)
class ChartPoints:
    """(session number, score) pairs per series, the sessions the axis spans, and each
    session's date."""

    client: list[tuple[int, float]]
    therapist: list[tuple[int, float]]
    ruptures: list[tuple[int, float]]
    repairs: list[tuple[int, float]]
    missed: list[tuple[int, float]]
    last_session: int
    first_session: int = 1
    dates: Mapping[int, date] = field(default_factory=dict)

    def placed(self, which: AllianceSeries) -> list[tuple[date, float]]:
        """The series as (date, score), leaving out any session without a date."""
        return [(self.dates[at], value) for at, value in self.of(which) if at in self.dates]

    @property
    def span(self) -> tuple[date, date] | None:
        """The first and the last date the axis must show, if any session has one."""
        return (min(self.dates.values()), max(self.dates.values())) if self.dates else None

    def of(self, which: AllianceSeries) -> list[tuple[int, float]]:
        return {
            AllianceSeries.CLIENT: self.client,
            AllianceSeries.THERAPIST: self.therapist,
            AllianceSeries.RUPTURE: self.ruptures,
            AllianceSeries.REPAIR: self.repairs,
            AllianceSeries.MISSED: self.missed,
        }[which]


def points(
    client: Mapping[int, float],
    therapist: Mapping[int, float],
    ruptures: Iterable[int],
    repairs: Iterable[int],
    missed: Iterable[int],
    sessions: Iterable[int] = (),
    dates: Mapping[int, date] | None = None,
) -> ChartPoints:
    """The chart's points from scores and marks by session number; `sessions` are the numbers
    the axis must span besides those, `dates` each number's day."""

    def height(at: int) -> float:
        # A mark sits on the client's line where there is one, so a drop and its rupture are
        # seen together; otherwise on the estimate, otherwise mid-scale.
        return client.get(at, therapist.get(at, MID_SCALE))

    missed = list(missed)
    numbers = {*client, *therapist, *missed, *sessions}
    return ChartPoints(
        sorted(client.items()),
        sorted(therapist.items()),
        [(at, height(at)) for at in ruptures],
        [(at, height(at)) for at in repairs],
        [(at, MISSED_HEIGHT) for at in missed],
        max(numbers, default=1),
        min(numbers, default=1),
        dict(dates or {}),
    )


def chart_points(
    sessions: list[Session], ratings: list[AllianceRating], ruptures: list[Rupture]
) -> ChartPoints:
    """The points for these sessions; ratings and ruptures of other sessions are left out."""
    number = {s.id: s.number for s in sessions}
    means: dict[Rater, dict[int, float]] = {Rater.CLIENT: {}, Rater.THERAPIST: {}}
    for rating in ratings:
        if rating.session_id not in number:
            continue
        for rater, scores in means.items():
            mean = rating.mean(rater)
            if mean is not None:
                scores[number[rating.session_id]] = float(mean)
    repaired_in = (repair_session_id(rupture) for rupture in ruptures)
    return points(
        means[Rater.CLIENT],
        means[Rater.THERAPIST],
        [number[r.session_id] for r in ruptures if r.session_id in number],
        [number[at] for at in repaired_in if at in number],
        [s.number for s in sessions if not s.attendance.kept],
        number.values(),
        {s.number: s.starts_at.date() for s in sessions},
    )
