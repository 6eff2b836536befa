"""The working alliance: the client's check and the therapist's estimate, ruptures and repairs,
the therapy contract, treatment goals and boundary events — and the rules over them.

The vocabulary (questions, rupture markers, contract terms, boundary dimensions) is data in
resources/alliance.json; this module only reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

import resources
from notes.records import Session, newest
from notes.wording import counted

_VOCABULARY = "alliance.json"

DROP_SHARE = Fraction(1, 5)  # a client score this far below their earlier mean suggests a rupture


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a stable key, a label, and sometimes a short hint."""

    key: str
    label: str
    hint: str = ""


def _load() -> dict:
    return resources.data(_VOCABULARY)


_DATA = _load()
QUESTIONS: tuple[Term, ...] = tuple(
    Term(q["key"], q["label"], q.get("hint", "")) for q in _DATA["questions"]
)
CONTRACT_TERMS: tuple[Term, ...] = tuple(Term(*row) for row in _DATA["contract_terms"])
BOUNDARY_DIMENSIONS: tuple[Term, ...] = tuple(Term(*row) for row in _DATA["boundary_dimensions"])


def label_of(terms: Iterable[Term], key: str) -> str:
    """A key's label; an unknown key (from a newer version) reads as itself."""
    return next((t.label for t in terms if t.key == key), key.replace("_", " ").capitalize())


def hint_of(terms: Iterable[Term], key: str) -> str:
    """A key's hint; "" for a key without one, or unknown."""
    return next((t.hint for t in terms if t.key == key), "")


# -- the alliance check ----------------------------------------------------------------------


class Rater(StrEnum):
    CLIENT = "client"
    THERAPIST = "therapist"


@dataclass
class AllianceRating:
    """One session's check: the client's answers and the therapist's estimate of them, 0–10."""

    session_id: int
    client: dict[str, int] = field(default_factory=dict)
    therapist: dict[str, int] = field(default_factory=dict)

    def scores(self, rater: Rater) -> dict[str, int]:
        return self.client if rater is Rater.CLIENT else self.therapist

    def mean(self, rater: Rater) -> Fraction | None:
        """The mean of the questions answered; exact, so thresholds hold at their edges."""
        values = list(self.scores(rater).values())
        return Fraction(sum(values), len(values)) if values else None

    def difference(self, key: str) -> int | None:
        """The therapist's estimate minus the client's answer (positive: you rate it higher)."""
        if key in self.client and key in self.therapist:
            return self.therapist[key] - self.client[key]
        return None

    def mean_difference(self) -> Fraction | None:
        both = [self.difference(key) for key in self.client if key in self.therapist]
        return Fraction(sum(both), len(both)) if both else None

    @property
    def empty(self) -> bool:
        return not self.client and not self.therapist


def session_to_rate(sessions: Iterable[Session], rated: Iterable[int]) -> Session | None:
    """The session an alliance check is entered for when none is chosen: the newest one the
    client came to that has no check yet, else the newest of all (to look at or correct)."""
    sessions = list(sessions)
    done = set(rated)
    waiting = [s for s in sessions if s.attendance.kept and s.id not in done]
    return newest(waiting) or newest(sessions)


def describe_difference(difference: Fraction | int | None) -> str:
    """The gap between the therapist's estimate and the client's answer, in plain words."""
    if difference is None:
        return ""
    if difference == 0:
        return "same"
    amount = f"{abs(float(difference)):.1f}".removesuffix(".0")
    return f"you {amount} higher" if difference > 0 else f"you {amount} lower"


@dataclass(frozen=True)
class RatingDrop:
    session_id: int
    score: Fraction
    earlier_mean: Fraction

    @property
    def share(self) -> Fraction:
        """How far below the earlier mean, as a share of it (1/4 is a quarter lower)."""
        return 1 - self.score / self.earlier_mean

    def describe(self) -> str:
        return (
            f"The client's score ({float(self.score):.1f}) is {round(float(self.share) * 100)}% "
            f"below the mean of their earlier checks ({float(self.earlier_mean):.1f})."
        )


def rating_drops(ratings: Iterable[AllianceRating]) -> list[RatingDrop]:
    """Every check, in the order given, whose client score fell at least DROP_SHARE below the
    mean of all the client's earlier scores. Checks without client answers are skipped."""
    drops: list[RatingDrop] = []
    # A running total, not a fresh sum of every earlier score per check: over a long therapy
    # (250 checks) re-summing Fractions cost 0.1 s each time the client page opened (bench/).
    total, count = Fraction(0), 0
    for rating in ratings:
        score = rating.mean(Rater.CLIENT)
        if score is None:
            continue
        if count:
            mean = total / count
            if mean > 0 and score <= mean * (1 - DROP_SHARE):
                drops.append(RatingDrop(rating.session_id, score, mean))
        total += score
        count += 1
    return drops


def rupture_suggestion(
    ratings: Iterable[AllianceRating], ruptures: Iterable[Rupture]
) -> RatingDrop | None:
    """A drop on the latest check that has no rupture recorded for that session yet."""
    rated = [rating for rating in ratings if rating.mean(Rater.CLIENT) is not None]
    if not rated:
        return None
    drops = rating_drops(rated)
    latest = rated[-1].session_id
    recorded = {rupture.session_id for rupture in ruptures}
    if drops and drops[-1].session_id == latest and latest not in recorded:
        return drops[-1]
    return None


def rupture_to_offer(
    ratings: Iterable[AllianceRating], ruptures: Iterable[Rupture], just_rated: int
) -> RatingDrop | None:
    """After a check is saved: the drop to offer a rupture for, only if it is on the session
    just rated (a correction to an older check does not bring up the latest one's drop)."""
    drop = rupture_suggestion(ratings, ruptures)
    return drop if drop is not None and drop.session_id == just_rated else None


# -- ruptures and repairs ----------------------------------------------------------------------


class RuptureKind(StrEnum):
    WITHDRAWAL = "withdrawal"
    CONFRONTATION = "confrontation"

    @property
    def label(self) -> str:
        return self.value.capitalize()


RUPTURE_MARKERS: dict[RuptureKind, tuple[Term, ...]] = {
    RuptureKind(kind): tuple(Term(*row) for row in rows)
    for kind, rows in _DATA["rupture_markers"].items()
}


class Repair(StrEnum):
    NOT_YET = "not_yet"
    PARTLY = "partly"
    REPAIRED = "repaired"

    @property
    def label(self) -> str:
        return {
            Repair.NOT_YET: "Not repaired yet",
            Repair.PARTLY: "Partly repaired",
            Repair.REPAIRED: "Repaired",
        }[self]


@dataclass
class Rupture:
    session_id: int
    kind: RuptureKind
    markers: list[str] = field(default_factory=list)
    what_happened: str = ""
    repair: Repair = Repair.NOT_YET
    repair_session_id: int | None = None  # the session in which it was talked through
    how_repaired: str = ""
    id: int | None = None

    def marker_labels(self) -> list[str]:
        return [label_of(RUPTURE_MARKERS.get(self.kind, ()), key) for key in self.markers]


def repair_session_id(rupture: Rupture) -> int | None:
    """The session a repair is shown in, on the client page's chart and in the report alike.

    It is the session the rupture was talked through in; a repair recorded without one (older
    records, the command line) sits in the rupture's own session, so it is never silently
    dropped. None while the rupture is not repaired.
    """
    if rupture.repair is Repair.NOT_YET:
        return None
    if rupture.repair_session_id is None:
        return rupture.session_id
    return rupture.repair_session_id


# -- the therapy contract -------------------------------------------------------------------


@dataclass
class ContractItem:
    client_id: int
    term: str
    explained_on: date | None = None
    agreed: bool | None = None  # None: not asked yet
    notes: str = ""

    @property
    def label(self) -> str:
        return label_of(CONTRACT_TERMS, self.term)


def full_contract(client_id: int, saved: Iterable[ContractItem]) -> list[ContractItem]:
    """One item per contract term, in the usual order: saved ones as they are, others blank.
    Items for terms no longer in the vocabulary are kept at the end, never dropped."""
    by_term = {item.term: item for item in saved}
    items = [by_term.pop(term.key, ContractItem(client_id, term.key)) for term in CONTRACT_TERMS]
    return items + list(by_term.values())


def unexplained_terms(items: Iterable[ContractItem]) -> list[ContractItem]:
    return [item for item in items if item.explained_on is None]


def next_to_explain(items: Iterable[ContractItem]) -> ContractItem | None:
    """The term to open when none is chosen: the first not yet explained."""
    return next(iter(unexplained_terms(items)), None)


def contract_summary(items: list[ContractItem]) -> str:
    """How complete the contract is, in one or two plain sentences."""
    missing = unexplained_terms(items)
    not_agreed = [i for i in items if i.explained_on is not None and i.agreed is not True]
    if not missing and not not_agreed:
        return f"All {counted(len(items), 'term')} explained and agreed."
    parts = [f"{len(items) - len(missing)} of {counted(len(items), 'term')} explained."]
    if missing:
        parts.append("Not yet explained: " + ", ".join(i.label.lower() for i in missing) + ".")
    if not_agreed:
        parts.append("Not yet agreed: " + ", ".join(i.label.lower() for i in not_agreed) + ".")
    return " ".join(parts)


# -- treatment goals ----------------------------------------------------------------------------


class GoalStatus(StrEnum):
    OPEN = "open"
    PARTLY = "partly"
    ACHIEVED = "achieved"
    SET_ASIDE = "set_aside"

    @property
    def label(self) -> str:
        return {
            GoalStatus.OPEN: "Working on it",
            GoalStatus.PARTLY: "Partly reached",
            GoalStatus.ACHIEVED: "Reached",
            GoalStatus.SET_ASIDE: "Set aside",
        }[self]


@dataclass
class Goal:
    client_id: int
    text: str
    agreed_on: date | None = None  # None: proposed, not yet agreed with the client
    reviewed_on: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    review_note: str = ""
    id: int | None = None


def goals_summary(goals: list[Goal]) -> str:
    """How many goals are still being worked on (open or partly reached), and how many the
    client has not yet agreed to."""
    working = [g for g in goals if g.status in (GoalStatus.OPEN, GoalStatus.PARTLY)]
    proposed = [g for g in goals if g.agreed_on is None]
    text = f"{len(working)} of {counted(len(goals), 'goal')} still being worked on."
    if proposed:
        text += f" {len(proposed)} not yet agreed with the client."
    return text


# -- boundaries ---------------------------------------------------------------------------------


class BoundaryKind(StrEnum):
    CROSSING = "crossing"
    VIOLATION = "violation"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass
class BoundaryEvent:
    client_id: int
    occurred_on: date
    dimension: str
    kind: BoundaryKind = BoundaryKind.CROSSING
    what_happened: str = ""
    discussed_in_supervision: bool = False
    session_id: int | None = None
    id: int | None = None
    # Recorded on a session since voided: it follows the session, shown marked and not counted.
    session_void: bool = False

    @property
    def dimension_label(self) -> str:
        return label_of(BOUNDARY_DIMENSIONS, self.dimension)


# A boundary event recorded on a session since voided, in the client page's list, and why it
# can no longer be edited.
VOID_EVENT = "on a void session, not counted"
VOID_EVENT_FIXED = (
    "This event was recorded on a session that is now void. It stays in the record as the "
    "session does, and is no longer counted; it can't be changed."
)


def boundary_summary(events: list[BoundaryEvent]) -> str:
    """How many events, how many of them violations, and how many still wait for supervision;
    those on a void session are not counted, only said to be there."""
    counted = [e for e in events if not e.session_void]
    violations = sum(1 for e in counted if e.kind is BoundaryKind.VIOLATION)
    waiting = sum(1 for e in counted if not e.discussed_in_supervision)
    text = f"{len(counted)} recorded"
    if violations:
        text += f", {violations} of them violations"
    if waiting:
        text += f"; {waiting} not yet taken to supervision"
    void = len(events) - len(counted)
    if void:
        text += f"; {void} more on a void session, not counted"
    return text + "."
