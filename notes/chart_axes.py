"""Where a chart's axis labels go, as plain numbers: whole-number ticks for counts, dated labels
(each with its year) for time, and which labels fit side by side without touching.

Every chart on the client page and in the report lays out its axes here, so the rules are the
same everywhere and a test can check the geometry without drawing a pixel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from notes.dates import months_from

NICE_STEPS = (1, 2, 5)
SHORT_SPAN_DAYS = 62  # up to about two months the axis names days, beyond that months


def whole_ticks(highest: float, most: int = 5) -> list[int]:
    """Ticks 0, s, 2s, … up to the first multiple of s at or above `highest`, where s is the
    smallest of 1, 2, 5, 10, 20, 50, … that needs at most `most` steps: whole numbers only."""
    highest = max(1.0, float(highest))
    scale = 1
    while True:
        for step in (n * scale for n in NICE_STEPS):
            steps = -(-highest // step)  # ceiling
            if steps <= most:
                return [int(step * n) for n in range(int(steps) + 1)]
        scale *= 10


@dataclass(frozen=True)
class Label:
    """A label's text and the horizontal span it takes, in the chart's units."""

    text: str
    left: float
    right: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def place_labels(
    candidates: Sequence[tuple[float, str]],
    text_width: Callable[[str], float],
    gap: float,
    low: float = float("-inf"),
    high: float = float("inf"),
    rank: Callable[[int], int] = lambda index: 0 if index == 0 else 1,
) -> list[Label]:
    """The candidates (centre, text) that fit, left to right: each centred on its place but kept
    within `low`–`high`, none closer than `gap` to another. They are placed by `rank` of their
    index (lowest first), in order within a rank."""

    def span(centre: float, text: str) -> Label:
        width = text_width(text)
        left = min(max(centre - width / 2, low), high - width)
        return Label(text, left, left + width)

    order = sorted(range(len(candidates)), key=lambda index: (rank(index), index))
    chosen: list[Label] = []
    for index in order:
        label = span(*candidates[index])
        if all(label.right + gap <= o.left or o.right + gap <= label.left for o in chosen):
            chosen.append(label)
    return sorted(chosen, key=lambda label: label.left)


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def date_labels(
    first: date,
    last: date,
    x: Callable[[date], float],
    text_width: Callable[[str], float],
    gap: float,
    *,
    by: str = "auto",
    low: float = float("-inf"),
    high: float = float("inf"),
) -> list[Label]:
    """A time axis's labels, every one with its year: the first of each month ("Sep 2026",
    Januaries and the first month preferred), or of each year (`by` "year"), or for a span of
    two months or less each Monday ("7 Sep 2026") unless `by` is "month". A month that began
    before `first` is labelled at `first` if the next month leaves it room."""
    years_only = by == "year"
    if years_only:
        places = [m for i, m in enumerate(months_from(first, last)) if i == 0 or m.month == 1]
        texts = [f"{m:%Y}" for m in places]
    elif by == "auto" and (last - first).days <= SHORT_SPAN_DAYS:
        places = [first + timedelta(days=(7 - first.weekday()) % 7 + 7 * n) for n in range(10)]
        places = [first] + [d for d in places if first < d <= last]
        texts = [day_text(d) for d in places]
    else:
        places = months_from(first, last)
        texts = [f"{m:%b %Y}" for m in places]
    candidates = [(x(max(place, first)), text) for place, text in zip(places, texts, strict=True)]

    def rank(index: int) -> int:
        # The first label where it truly begins and the Januaries first, then the other months;
        # a month that began before `first` last, so it never crowds out the next month.
        place = places[index]
        if index == 0:
            return 0 if place >= first else 2
        return 0 if not years_only and place.month == 1 and place.day == 1 else 1

    return place_labels(candidates, text_width, gap, low, high, rank)


def overlapping(spans: Sequence[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    """Pairs of rectangles (left, top, width, height) that overlap: what a test or a check of
    a chart's layout wants to be empty."""
    found = []
    for i, (x1, y1, w1, h1) in enumerate(spans):
        for j in range(i + 1, len(spans)):
            x2, y2, w2, h2 = spans[j]
            if x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1:
                found.append((i, j))
    return found
