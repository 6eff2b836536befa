"""The records around a synthetic client's notes: alliance checks, conduct checks, ruptures,
the contract, goals, boundary events and transference/countertransference observations.

Pure Python, like bench/synthetic.py, from its own seeded stream per client (so adding a kind of
record never changes the notes). Amounts follow a therapist who uses the features steadily over
a career: an alliance check every fourth session, a conduct check every third, a rupture in
about one session in thirty, an observation in about half of the sessions. Records name their
session by its index in the client's list; category ids are looked up when they are written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from bench.synthetic import SyntheticSession
from notes.alliance import (
    BOUNDARY_DIMENSIONS,
    CONTRACT_TERMS,
    QUESTIONS,
    RUPTURE_MARKERS,
    BoundaryKind,
    GoalStatus,
    Repair,
    RuptureKind,
)
from notes.conduct import Answer, ConductAnswer, default_prompt_set
from notes.observations import PROCESS_SECTION, Anchor, NoteKind, ObservationKind
from notes.taxonomy import starting_categories

RATING_EVERY = 4
CONDUCT_EVERY = 3
RUPTURE_SHARE = 1 / 30
BOUNDARY_SHARE = 1 / 200
OBSERVATION_SHARE = 0.5
GOALS_PER_CLIENT = 6

_HAPPENED = (
    "The client went quiet after I mentioned the break.",
    "A long account of the week, told evenly, with no feeling in it.",
    "The client asked whether I was disappointed in them.",
    "Anger at a colleague turned, briefly, towards me.",
    "The client thanked me at length at the door.",
    "The client said nobody else understands them like this.",
)
_FELT = (
    "A pull to reassure at once.",
    "Sleepy and far away; I lost the thread twice.",
    "Protective, as with a younger sibling.",
    "Accused, then curious.",
    "Pleased, and a little too pleased.",
    "Heavy and unsure I could help.",
)
_RESPONDED = (
    "Named what happened between us and asked about it.",
    "Stayed with the silence.",
    "Wondered aloud whether this happens elsewhere too.",
    "Took it to supervision.",
)
_FIGURES = ("mother", "father", "older sister", "first manager", "ex-partner", "")
_GOALS = (
    "Sleep through most nights without checking the phone.",
    "Return to work at least part time.",
    "Say no to an extra request without days of guilt.",
    "Spend time with friends at least once a week.",
    "Drive again on familiar roads.",
    "Talk with their partner about money without a row.",
    "Grieve without feeling they must hide it.",
    "Notice panic early and use the breathing exercise.",
)
_RUPTURE_TEXT = (
    "Short answers after I raised the fee; changed the subject twice.",
    "Said the exercises are pointless and asked what we are doing here.",
    "Agreed with everything I said, too readily.",
    "Complained that I had moved the time without asking.",
)
_BOUNDARY_TEXT = (
    "Offered a small gift at the end of the session; accepted and talked about it.",
    "Asked about my family; answered briefly and explored the question.",
    "Met by chance in the supermarket; said hello and discussed it next time.",
    "Session ran ten minutes over.",
)
_PROMPTS = default_prompt_set()
_CATEGORIES = [(c.kind, c.key) for c in starting_categories()]


@dataclass(frozen=True)
class Rating:
    index: int
    client: dict[str, int]
    therapist: dict[str, int]


@dataclass(frozen=True)
class Check:
    index: int
    answers: list[ConductAnswer] | None  # None: put off ("later"), still due


@dataclass(frozen=True)
class RuptureRecord:
    index: int
    kind: RuptureKind
    markers: list[str]
    what_happened: str
    repair: Repair
    repair_index: int | None


@dataclass(frozen=True)
class GoalRecord:
    text: str
    agreed_index: int
    reviewed_index: int | None
    status: GoalStatus


@dataclass(frozen=True)
class BoundaryRecord:
    index: int
    dimension: str
    kind: BoundaryKind
    what_happened: str
    discussed: bool


@dataclass(frozen=True)
class ObservationRecord:
    index: int
    kind: ObservationKind
    category_key: str
    intensity: int
    figure: str
    what_happened: str
    what_i_felt: str
    how_i_responded: str
    supervision: bool
    quote: str
    anchor: Anchor


@dataclass
class ClientRecords:
    ratings: list[Rating] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    ruptures: list[RuptureRecord] = field(default_factory=list)
    contract: list[tuple[str, int, bool]] = field(default_factory=list)  # term, index, agreed
    goals: list[GoalRecord] = field(default_factory=list)
    boundaries: list[BoundaryRecord] = field(default_factory=list)
    observations: list[ObservationRecord] = field(default_factory=list)


def _rating(rng: random.Random, index: int) -> Rating:
    client = {q.key: rng.randint(4, 10) for q in QUESTIONS}
    therapist = {key: max(0, min(10, score + rng.randint(-2, 2))) for key, score in client.items()}
    return Rating(index, client, therapist)


def _check(rng: random.Random, index: int, due: bool) -> Check:
    if due:
        return Check(index, None)
    answers = [
        ConductAnswer(
            prompt.key,
            prompt.group,
            prompt.text,
            rng.choices(list(Answer), weights=(80, 12, 4, 4))[0],
            "Could have followed up sooner." if rng.random() < 0.05 else "",
        )
        for prompt in _PROMPTS.for_session(first_session=index == 0)
    ]
    return Check(index, answers)


def _observation(rng: random.Random, index: int, process: str) -> ObservationRecord:
    """Tagged on one sentence of the process note, as a therapist highlights their own words."""
    sentences = [s for s in process.split(". ") if len(s) > 20]
    quote = rng.choice(sentences)[:90].rstrip()
    start = process.find(quote)
    kind, key = rng.choice(_CATEGORIES)
    return ObservationRecord(
        index=index,
        kind=kind,
        category_key=key,
        intensity=rng.randint(1, 5),
        figure=rng.choice(_FIGURES) if kind is ObservationKind.TRANSFERENCE else "",
        what_happened=rng.choice(_HAPPENED),
        what_i_felt=rng.choice(_FELT),
        how_i_responded=rng.choice(_RESPONDED),
        supervision=rng.random() < 0.15,
        quote=quote,
        anchor=Anchor(NoteKind.PROCESS, PROCESS_SECTION, start, start + len(quote)),
    )


def client_records(index: int, sessions: list[SyntheticSession]) -> ClientRecords:
    """The index-th synthetic client's records, for their sessions (oldest first)."""
    rng = random.Random(f"records-{index}")
    records = ClientRecords()
    last = len(sessions) - 1
    for number, session in enumerate(sessions):
        kept = session.attendance.kept
        if kept and (number < 8 or number % RATING_EVERY == 0):
            records.ratings.append(_rating(rng, number))
        if kept and number % CONDUCT_EVERY == 0:
            records.checks.append(_check(rng, number, due=number > last - 6))
        if kept and number and rng.random() < RUPTURE_SHARE:
            kind = rng.choice(list(RuptureKind))
            markers = [m.key for m in rng.sample(RUPTURE_MARKERS[kind], 2)]
            repaired = number < last and rng.random() < 0.8
            records.ruptures.append(
                RuptureRecord(
                    number,
                    kind,
                    markers,
                    rng.choice(_RUPTURE_TEXT),
                    Repair.REPAIRED if repaired else Repair.PARTLY,
                    number + 1 if repaired else None,
                )
            )
        if kept and rng.random() < BOUNDARY_SHARE:
            records.boundaries.append(
                BoundaryRecord(
                    number,
                    rng.choice(BOUNDARY_DIMENSIONS).key,
                    BoundaryKind.VIOLATION if rng.random() < 0.1 else BoundaryKind.CROSSING,
                    rng.choice(_BOUNDARY_TEXT),
                    rng.random() < 0.5,
                )
            )
        if kept and rng.random() < OBSERVATION_SHARE:
            records.observations.append(_observation(rng, number, session.process_text))
    records.contract = [(term.key, 0, True) for term in CONTRACT_TERMS]
    for goal in range(GOALS_PER_CLIENT):
        agreed = min(last, goal * len(sessions) // GOALS_PER_CLIENT + 1)
        reviewed = min(last, agreed + 12) if goal < GOALS_PER_CLIENT - 1 else None
        status = GoalStatus.OPEN if reviewed is None else rng.choice(list(GoalStatus))
        records.goals.append(GoalRecord(rng.choice(_GOALS), agreed, reviewed, status))
    return records


def day_of(sessions: list[SyntheticSession], index: int | None) -> date | None:
    return None if index is None else sessions[index].starts_at.date()
