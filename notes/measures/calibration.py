"""Calibration: how the therapist's estimate of the alliance compares with the client's own
ratings, across the caseload and by month, with a kind note when the estimates run high: one
that gives the figures and names the checks where the gap was widest, so it can be looked at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from notes.alliance import AllianceRating
from notes.wording import counted

OFF_BY = 1  # an estimate more than a point from the client's answer is "over" or "under"
RUNS_HIGH = 0.5  # a mean difference this far above the clients' counts as consistently high
RUNS_HIGH_SHARE = 0.4  # … when this share of checks is also over by more than a point
MIN_CHECKS = 5
WIDEST = 3  # checks named in the note

SessionName = Callable[[int], str]  # a session id → how the reader knows it ("session 4")


@dataclass(frozen=True)
class Gap:
    """One check where the estimate was over the client's answer by more than a point."""

    session_id: int
    difference: float


@dataclass(frozen=True)
class Calibration:
    checks: int
    mean_difference: float | None  # estimate minus the client's answer, per check mean
    share_over: float
    share_under: float
    widest: tuple[Gap, ...] = ()  # the checks most over, widest first (up to WIDEST)

    @property
    def runs_high(self) -> bool:
        return (
            self.checks >= MIN_CHECKS
            and self.mean_difference is not None
            and self.mean_difference >= RUNS_HIGH
            and self.share_over >= RUNS_HIGH_SHARE
        )

    def describe(self, name: SessionName | None = None, note: bool = True) -> str:
        """The figures, and the kind note when the estimates run high (unless `note` is off:
        a month's line leaves it to the caseload's); `name` lets the note name the checks."""
        if not self.checks:
            return "No checks with both your estimate and the client's answers yet."
        text = (
            f"{counted(self.checks, 'check')}: your estimate averages "
            f"{self.mean_difference:+.1f} against "
            f"the clients' own ratings; {self.share_over:.0%} over by more than {OFF_BY}, "
            f"{self.share_under:.0%} under by more than {OFF_BY}."
        )
        if note and self.runs_high:
            text += " " + self.note(name)
        return text

    def note(self, name: SessionName | None = None) -> str:
        """The kind note, with this calibration's own figures and, given `name`, its widest
        gaps."""
        over = round(self.share_over * self.checks)
        text = (
            f"Your estimates run above what clients tell you: by {self.mean_difference:.1f} "
            f"on average, and by more than {OFF_BY} in {over} of {self.checks} checks. "
            + RUNS_HIGH_NOTE
        )
        if name is not None and self.widest:
            gaps = ", ".join(
                f"{name(gap.session_id)} ({gap.difference:+.1f})" for gap in self.widest
            )
            text += f" The widest: {gaps}."
        return text


RUNS_HIGH_NOTE = (
    "That is common and often comes from caring about the work; it can also mean a strain is "
    "felt before it is said. It may help to ask the client's questions first and estimate "
    "before you hear the answers, and to look again at the sessions where the gap was widest."
)


def calibration(ratings: Iterable[AllianceRating]) -> Calibration:
    """Over the checks that have both an estimate and client answers on shared questions."""
    paired = [(r.session_id, d) for r in ratings if (d := r.mean_difference()) is not None]
    if not paired:
        return Calibration(0, None, 0.0, 0.0)
    differences = [d for _session, d in paired]
    count = len(differences)
    over = sorted(
        ((session, d) for session, d in paired if d > OFF_BY), key=lambda pair: -pair[1]
    )  # sorted() is stable: equal gaps keep the order the checks came in
    return Calibration(
        count,
        float(sum(differences) / count),
        sum(1 for d in differences if d > OFF_BY) / count,
        sum(1 for d in differences if d < -OFF_BY) / count,
        tuple(Gap(session, float(d)) for session, d in over[:WIDEST]),
    )


def calibration_by_month(
    dated: Iterable[tuple[date, AllianceRating]],
) -> dict[date, Calibration]:
    """One calibration per month (keyed by its first day), oldest first."""
    months: dict[date, list[AllianceRating]] = {}
    for day, rating in dated:
        months.setdefault(day.replace(day=1), []).append(rating)
    return {month: calibration(months[month]) for month in sorted(months)}


def caseload_texts(
    dated: Iterable[tuple[date, AllianceRating]], name: SessionName | None = None
) -> tuple[str, list[str]]:
    """What "My alliance estimates across clients" says: the whole caseload, then one line per
    month with checks. The kind note comes once: the caseload's when it runs high over all,
    else the latest month's that does, named as that month; months that run high say so."""
    dated = list(dated)
    overall = calibration(rating for _day, rating in dated)
    months = {m: c for m, c in calibration_by_month(dated).items() if c.checks}
    text = overall.describe(name)
    high = [month for month, result in months.items() if result.runs_high]
    if high and not overall.runs_high:
        text += f" In {high[-1]:%B %Y}: {months[high[-1]].note(name)}"
    lines = [
        f"{month:%b %Y}: {result.describe(note=False)}"
        + (" Above the clients' this month." if result.runs_high else "")
        for month, result in months.items()
    ]
    return text, lines
