"""Did the repair hold? After a repaired rupture, the client's own alliance ratings of the three
sessions after the repair beside the three before the rupture."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from notes.alliance import AllianceRating, Rater, Rupture, repair_session_id
from notes.records import Session

WINDOW = 3  # sessions each side


@dataclass(frozen=True)
class RepairHeld:
    rupture_id: int | None
    before: list[float]  # client means, oldest first
    after: list[float]

    @property
    def mean_before(self) -> float | None:
        return sum(self.before) / len(self.before) if self.before else None

    @property
    def mean_after(self) -> float | None:
        return sum(self.after) / len(self.after) if self.after else None

    def describe(self) -> str:
        def row(values: list[float]) -> str:
            return ", ".join(f"{v:.1f}" for v in values) or "none rated"

        text = f"Client's check before: {row(self.before)}; after the repair: {row(self.after)}."
        before, after = self.mean_before, self.mean_after
        if before is None or after is None:
            return text + " Too few checks to compare yet."
        if len(self.after) < WINDOW:
            text += f" Only {len(self.after)} of {WINDOW} sessions after so far."
        if after >= before:
            return text + f" It held: {after:.1f} after against {before:.1f} before."
        return text + f" Lower since: {after:.1f} after against {before:.1f} before."


def repair_held(
    rupture: Rupture, sessions: list[Session], ratings: list[AllianceRating]
) -> RepairHeld | None:
    """None while the rupture is not repaired. Sessions are counted in time order; sessions
    without a client check are skipped, so "the three before" are the three latest rated."""
    return repairs_held([rupture], sessions, ratings).get(rupture.id)


def repairs_held(
    ruptures: list[Rupture], sessions: list[Session], ratings: list[AllianceRating]
) -> dict[int | None, RepairHeld]:
    """`repair_held` of each repaired rupture, by its id; the sessions' order and the client's
    checks are worked out once for them all (a long history has hundreds of ruptures)."""
    order = {s.id: (s.starts_at, s.id) for s in sessions}
    client: list[tuple[tuple, Fraction]] | None = None
    held: dict[int | None, RepairHeld] = {}
    for rupture in ruptures:
        repaired_in = repair_session_id(rupture)
        if repaired_in is None or rupture.session_id not in order or repaired_in not in order:
            continue
        if client is None:
            client = sorted(
                (order[rating.session_id], mean)
                for rating in ratings
                if rating.session_id in order and (mean := rating.mean(Rater.CLIENT)) is not None
            )
        start, end = order[rupture.session_id], order[repaired_in]
        before = [float(m) for at, m in client if at < start][-WINDOW:]
        after = [float(m) for at, m in client if at > end][:WINDOW]
        held[rupture.id] = RepairHeld(rupture.id, before, after)
    return held
