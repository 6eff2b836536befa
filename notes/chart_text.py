"""The client page's charts as text: their values as a table and a sentence saying the trend,
for a person who cannot see the chart (a screen reader reads both) or prefers numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from notes.alliance_chart import ChartPoints
from notes.dates import day_text
from notes.wording import counted

STEADY_WITHIN = 0.5  # a change smaller than this, on the 0–10 scale or per session, is steady


@dataclass(frozen=True)
class ChartText:
    """A chart's values as rows under headings, and what it shows in a sentence or two."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    description: str


def trend(first: float, last: float, within: float = STEADY_WITHIN) -> str:
    """ "rising", "falling" or "steady", from the first value to the last."""
    if last - first >= within:
        return "rising"
    if first - last >= within:
        return "falling"
    return "steady"


def _day(day: date | None) -> str:
    return day_text(day, padded=False) if day else ""


def _score(value: float) -> str:
    return f"{value:.1f}"


def _series_sentence(name: str, values: Sequence[tuple[int, float]]) -> str:
    if not values:
        return f"{name}: none yet."
    (first_at, first), (last_at, last) = values[0], values[-1]
    if len(values) == 1:
        return f"{name}: {_score(first)} in session {first_at}."
    return (
        f"{name}: {trend(first, last)}, from {_score(first)} in session {first_at} "
        f"to {_score(last)} in session {last_at} ({counted(len(values), 'check')})."
    )


def _sessions(label: str, numbers: Sequence[int]) -> str:
    if not numbers:
        return ""
    listed = ", ".join(str(n) for n in numbers)
    word = "session" if len(numbers) == 1 else "sessions"
    return f"{counted(len(numbers), label)} ({word} {listed})"


def alliance_text(points: ChartPoints) -> ChartText:
    """The alliance chart: one row per session with anything on it, with its date; the trend of
    each line and where the ruptures, repairs and missed appointments were."""
    client, therapist = dict(points.client), dict(points.therapist)
    ruptures = [at for at, _height in points.ruptures]
    repairs = [at for at, _height in points.repairs]
    missed = [at for at, _height in points.missed]
    numbers = sorted({*client, *therapist, *ruptures, *repairs, *missed})
    rows = tuple(
        (
            str(at),
            _day(points.dates.get(at)),
            _score(client[at]) if at in client else "",
            _score(therapist[at]) if at in therapist else "",
            ", ".join(
                mark
                for mark, where in (
                    ("rupture", ruptures),
                    ("repair", repairs),
                    ("missed", missed),
                )
                if at in where
            ),
        )
        for at in numbers
    )
    marks = [
        part
        for part in (
            _sessions("rupture", ruptures),
            _sessions("repair", repairs),
            _sessions("missed appointment", missed),
        )
        if part
    ]
    sentences = [
        _series_sentence("Client's check", points.client),
        _series_sentence("Your estimate", points.therapist),
    ]
    if marks:
        sentences.append("; ".join(marks) + ".")
    return ChartText(
        ("Session", "Date", "Client's check", "Your estimate", "Marks"), rows, " ".join(sentences)
    )


def pattern_text(
    sessions: Sequence[int], counts: Mapping[str, Sequence[int]], left_out: bool = False
) -> ChartText:
    """The observations chart: per session (by number, in time order), how many observations of
    each category (`counts`, by the category's label, one count per session); the busiest
    category, and whether there are more per session lately than at first."""
    labels = list(counts)
    rows = tuple(
        (
            str(number),
            str(sum(counts[label][column] for label in labels)),
            *(str(counts[label][column]) for label in labels),
        )
        for column, number in enumerate(sessions)
    )
    totals = [sum(counts[label][column] for label in labels) for column in range(len(sessions))]
    if not sum(totals):
        return ChartText(("Session", "All", *labels), rows, "No observations to chart.")
    scope = f"the last {counted(len(sessions), 'session')} with any" if left_out else None
    sentences = [
        f"{counted(sum(totals), 'observation')} over {counted(len(sessions), 'session')}"
        + (f" ({scope})" if scope else "")
        + "."
    ]
    busiest = max(labels, key=lambda label: sum(counts[label]))
    sentences.append(f"Most often: {busiest} ({sum(counts[busiest])}).")
    if len(totals) >= 2:
        half = len(totals) // 2
        earlier = sum(totals[:half]) / half
        later = sum(totals[half:]) / (len(totals) - half)
        sentences.append(
            f"Observations per session: {trend(earlier, later)} "
            f"({earlier:.1f} in the earlier sessions, {later:.1f} in the later)."
        )
    return ChartText(("Session", "All", *labels), rows, " ".join(sentences))
