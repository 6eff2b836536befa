"""Calibration: how the therapist's estimate of the alliance compares with the client's own
ratings, across the caseload and by month, with a kind note when the estimates run high."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from notes.alliance import AllianceRating
from notes.wording import counted

OFF_BY = 1  # an estimate more than a point from the client's answer is "over" or "under"
RUNS_HIGH = 0.5  # a mean difference this far above the clients' counts as consistently high
RUNS_HIGH_SHARE = 0.4  # … when this share of checks is also over by more than a point
MIN_CHECKS = 5


@dataclass(frozen=True)
class Calibration:
    checks: int
    mean_difference: float | None  # estimate minus the client's answer, per check mean
    share_over: float
    share_under: float

    @property
    def runs_high(self) -> bool:
        return (
            self.checks >= MIN_CHECKS
            and self.mean_difference is not None
            and self.mean_difference >= RUNS_HIGH
            and self.share_over >= RUNS_HIGH_SHARE
        )

    def describe(self) -> str:
        if not self.checks:
            return "No checks with both your estimate and the client's answers yet."
        text = (
            f"{counted(self.checks, 'check')}: your estimate averages "
            f"{self.mean_difference:+.1f} against "
            f"the clients' own ratings; {self.share_over:.0%} over by more than {OFF_BY}, "
            f"{self.share_under:.0%} under by more than {OFF_BY}."
        )
        if self.runs_high:
            text += " " + RUNS_HIGH_NOTE
        return text


RUNS_HIGH_NOTE = (
    "Your estimates run above what clients tell you. That is common and often comes from "
    "caring about the work; it can also mean a strain is felt before it is said. It may help "
    "to ask the client's questions first and estimate before you hear the answers, and to "
    "look again at the sessions where the gap was widest."
)


def calibration(ratings: Iterable[AllianceRating]) -> Calibration:
    """Over the checks that have both an estimate and client answers on shared questions."""
    differences = [d for r in ratings if (d := r.mean_difference()) is not None]
    if not differences:
        return Calibration(0, None, 0.0, 0.0)
    count = len(differences)
    return Calibration(
        count,
        float(sum(differences) / count),
        sum(1 for d in differences if d > OFF_BY) / count,
        sum(1 for d in differences if d < -OFF_BY) / count,
    )


def calibration_by_month(
    dated: Iterable[tuple[date, AllianceRating]],
) -> dict[date, Calibration]:
    """One calibration per month (keyed by its first day), oldest first."""
    months: dict[date, list[AllianceRating]] = {}
    for day, rating in dated:
        months.setdefault(day.replace(day=1), []).append(rating)
    return {month: calibration(months[month]) for month in sorted(months)}
