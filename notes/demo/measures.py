"""Fictional outcome measures for the demo caseload: Maya improves as the alliance grows, Daniel
deteriorates after a rupture that is not repaired, Priya stalls. PHQ-9 and GAD-7 are given about
every third kept session; some were answered by the client in client mode.

Like the alliance demo, everything refers to sessions by their place in the client's demo list.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from notes.alliance import RuptureKind
from notes.demo.caseload import DemoSession
from notes.measures.instruments import instrument
from notes.measures.scoring import AnsweredBy

EVERY = 3  # kept sessions between administrations


@dataclass(frozen=True)
class DemoMeasure:
    index: int
    instrument_key: str
    answers: dict[str, int]
    closing: str | None
    answered_by: AnsweredBy


@dataclass(frozen=True)
class DemoLateRupture:
    """A rupture recorded late in the work and not repaired; the client's checks after it dip."""

    at: float  # where in the kept sessions (0–1)
    kind: RuptureKind
    markers: tuple[str, ...]
    what_happened: str
    dip: int  # points off the client's checks after it


@dataclass(frozen=True)
class _Course:
    phq: tuple[int, int]  # first and last PHQ-9 total
    gad: tuple[int, int]
    turn: float | None = None  # deterioration starts here (0–1); before it, a slow improvement
    item9_first: int = 0  # PHQ-9 item 9 at the first administration
    rupture: DemoLateRupture | None = None


_COURSES: dict[str, _Course] = {
    "ML-01": _Course((17, 6), (13, 5), item9_first=1),
    "DO-01": _Course(
        (12, 19),
        (9, 15),
        turn=0.6,
        rupture=DemoLateRupture(
            0.6,
            RuptureKind.WITHDRAWAL,
            ("minimal_response", "shifting_topic"),
            "After I cancelled at short notice he came back polite and distant, answered in a "
            "few words and moved to the bakery's accounts whenever we came near his father.",
            2,
        ),
    ),
    "PR-01": _Course((12, 11), (11, 10)),
}


@dataclass
class DemoMeasures:
    measures: list[DemoMeasure] = field(default_factory=list)
    rupture: tuple[int, DemoLateRupture] | None = None  # the session's place and the rupture


def _items(key: str, total: int, rng: random.Random, fixed: dict[str, int]) -> dict[str, int]:
    """Item answers (0–3) that add up to `total`, spread over the items, with `fixed` kept."""
    measure = instrument(key)
    answers = {item.key: 0 for item in measure.items} | fixed
    free = [item.key for item in measure.items if item.key not in fixed]
    left = max(0, min(total - sum(fixed.values()), 3 * len(free)))
    while left:
        key_ = rng.choice(free)
        if answers[key_] < 3:
            answers[key_] += 1
            left -= 1
    return answers


def _total(course: tuple[int, int], progress: float, turn: float | None) -> int:
    first, last = course
    if turn is None:
        return round(first + (last - first) * progress)
    if progress <= turn:  # a little better until the rupture
        return round(first - 2 * progress / turn)
    return round(first - 2 + (last - first + 2) * (progress - turn) / (1 - turn))


def demo_measures(code: str, sessions: list[DemoSession]) -> DemoMeasures:
    course = _COURSES.get(code)
    result = DemoMeasures()
    if course is None:
        return result
    rng = random.Random(f"{code}-measures")
    kept = [i for i, item in enumerate(sessions) if item.session.attendance.kept]
    given = kept[::EVERY]
    if kept and kept[-1] not in given:
        given.append(kept[-1])
    for place, index in enumerate(given):
        progress = place / max(1, len(given) - 1)
        phq_total = _total(course.phq, progress, course.turn)
        item9 = course.item9_first if place == 0 else 0
        phq = _items("phq9", phq_total, rng, {"thoughts_of_death": item9})
        difficulty = (
            "very" if phq_total >= 15 else "somewhat" if phq_total >= 5 else "not_difficult"
        )
        by = AnsweredBy.CLIENT if place % 2 else AnsweredBy.THERAPIST
        result.measures.append(DemoMeasure(index, "phq9", phq, difficulty, by))
        gad = _items("gad7", _total(course.gad, progress, course.turn), rng, {})
        result.measures.append(DemoMeasure(index, "gad7", gad, None, by))
    if course.rupture is not None and kept:
        result.rupture = (kept[int(course.rupture.at * (len(kept) - 1))], course.rupture)
    return result
