"""Fictional alliance records for the demo caseload: conduct checks, alliance checks, ruptures
and repairs, contract terms, goals and boundary events, as a therapist would keep them.

Everything refers to sessions by their place in the client's demo session list, since the
sessions have no ids until they are written; storage/demo_alliance.py puts them in place.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from notes.alliance import (
    CONTRACT_TERMS,
    QUESTIONS,
    BoundaryKind,
    GoalStatus,
    Repair,
    RuptureKind,
)
from notes.conduct import Answer, default_prompt_set
from notes.demo.caseload import DemoSession


@dataclass
class DemoCheck:
    index: int  # the session's place in the demo list
    answers: list[tuple[str, Answer, str]] = field(default_factory=list)  # key, answer, comment
    due: bool = False  # put off with "later"


@dataclass
class DemoRating:
    index: int
    client: dict[str, int]
    therapist: dict[str, int]


@dataclass
class DemoRupture:
    index: int
    kind: RuptureKind
    markers: list[str]
    what_happened: str
    repair: Repair
    repair_index: int | None
    how_repaired: str


@dataclass
class DemoTerm:
    term: str
    explained_index: int | None  # the session it was explained in; None: not yet
    agreed: bool | None
    notes: str = ""


@dataclass
class DemoGoal:
    text: str
    agreed_index: int | None
    reviewed_index: int | None
    status: GoalStatus
    review_note: str = ""


@dataclass
class DemoBoundary:
    index: int
    dimension: str
    kind: BoundaryKind
    what_happened: str
    discussed: bool


@dataclass
class DemoAlliance:
    checks: list[DemoCheck] = field(default_factory=list)
    ratings: list[DemoRating] = field(default_factory=list)
    ruptures: list[DemoRupture] = field(default_factory=list)
    contract: list[DemoTerm] = field(default_factory=list)
    goals: list[DemoGoal] = field(default_factory=list)
    boundaries: list[DemoBoundary] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    """How the work with one demo client went, in the few numbers the records are built from."""

    start: float  # the client's first alliance score
    end: float  # where it settles
    estimate_gap: float  # the therapist's estimate minus the client's, on average
    rupture_at: float | None  # where in the kept sessions a rupture falls (0–1)
    rupture: tuple[RuptureKind, tuple[str, ...], str, Repair, str] | None
    drop_last: bool  # the latest check dips, with no rupture recorded yet
    unexplained: tuple[str, ...]  # contract terms not yet explained
    not_agreed: tuple[str, ...]
    goals: tuple[tuple[str, GoalStatus, bool, str], ...]  # text, status, agreed, review note
    boundary: tuple[float, str, BoundaryKind, str, bool] | None
    weak_spots: tuple[str, ...]  # prompts this therapist tends to miss with this client
    due_last: bool  # the latest signed session's check was put off


_PLANS: dict[str, _Plan] = {
    "ML-01": _Plan(
        6.0,
        8.2,
        0.8,
        0.45,
        (
            RuptureKind.WITHDRAWAL,
            ("appeasing", "minimal_response"),
            "When I raised the job applications again she agreed with everything and then went "
            "quiet for most of the hour.",
            Repair.REPAIRED,
            "I said I might have pushed too fast. She said she had felt judged, the way her "
            "mother judges her; we agreed she sets the pace on applications.",
        ),
        False,
        ("contact",),
        ("truthfulness",),
        (
            ("Sleep through most nights", GoalStatus.PARTLY, True, "Four nights in seven now."),
            ("Apply for work again without dreading every email", GoalStatus.OPEN, True, ""),
            ("See a friend at least once a week", GoalStatus.OPEN, False, ""),
        ),
        (
            0.7,
            "gifts",
            BoundaryKind.CROSSING,
            "Brought a small plant before the break. I accepted it and we talked about what "
            "giving means to her.",
            True,
        ),
        ("interest.undistracted", "interest.follow_up"),
        True,
    ),
    "DO-01": _Plan(
        4.8,
        7.4,
        1.2,
        0.35,
        (
            RuptureKind.CONFRONTATION,
            ("complaint_activities", "rejecting_intervention"),
            "Said talking was not bringing his father back and asked what the point of all "
            "this was. Pushed my reflection away.",
            Repair.PARTLY,
            "We looked at what he had hoped for; agreed to use part of each session for the "
            "practical weight of running the bakery. Still some doubt.",
        ),
        False,
        ("openness", "contact"),
        (),
        (
            ("Grieve without shutting everyone out", GoalStatus.OPEN, True, ""),
            ("Fewer angry outbursts at work", GoalStatus.PARTLY, True, "Two this month, not six."),
        ),
        (
            0.5,
            "time",
            BoundaryKind.CROSSING,
            "Let the session run fifteen minutes over while he spoke about the funeral.",
            False,
        ),
        ("boundaries.own_feelings", "empathy.feeling"),
        False,
    ),
    "PR-01": _Plan(
        6.6,
        8.4,
        -0.4,
        None,
        None,
        True,
        (),
        (),
        (
            ("Fewer panic attacks on night shifts", GoalStatus.PARTLY, True, "One in May."),
            ("Check a chart once, not four times", GoalStatus.OPEN, True, ""),
            ("Say no to extra shifts without guilt", GoalStatus.ACHIEVED, True, "Did it twice."),
        ),
        (
            0.6,
            "self_disclosure",
            BoundaryKind.CROSSING,
            "Told her I once worked nights too. She seemed relieved; I noticed I wanted her "
            "to see me as someone who understands.",
            True,
        ),
        ("understanding.shared",),
        False,
    ),
    "TH-01": _Plan(
        5.2,
        7.0,
        1.0,
        0.3,
        (
            RuptureKind.CONFRONTATION,
            ("complaint_therapist", "pressure_control"),
            "Said I was 'on Lucía's side, like the mediator' and demanded I tell him what to "
            "say at the handover.",
            Repair.REPAIRED,
            "Next session I asked about it first. He said he had felt ganged up on; I owned "
            "a question that had sounded like a verdict.",
        ),
        False,
        ("fee",),
        ("confidentiality",),
        (
            ("Handovers at the school gate without shouting", GoalStatus.PARTLY, True, ""),
            ("Drink less on his weekends alone", GoalStatus.OPEN, True, ""),
        ),
        (
            0.55,
            "role",
            BoundaryKind.CROSSING,
            "Asked me to write a letter for the family court. I explained why I would not, "
            "and we talked about what he hoped it would do.",
            True,
        ),
        ("empathy.acknowledged", "trust.talked_through"),
        True,
    ),
    "EW-01": _Plan(
        6.8,
        8.8,
        -0.6,
        None,
        None,
        False,
        ("listening",),
        (),
        (
            ("A reason to get up on weekday mornings", GoalStatus.PARTLY, True, "The choir."),
            ("Try one volunteering afternoon", GoalStatus.OPEN, False, ""),
        ),
        (
            0.8,
            "physical_contact",
            BoundaryKind.CROSSING,
            "Hugged me at the door after the session about her sister. I did not pull away; "
            "took it to supervision.",
            True,
        ),
        (),
        False,
    ),
    "SN-01": _Plan(
        7.0,
        8.6,
        0.3,
        None,
        None,
        False,
        (),
        (),
        (
            ("Sleep seven hours on work nights", GoalStatus.ACHIEVED, True, "Most weeks."),
            ("Agree working hours with the team lead", GoalStatus.ACHIEVED, True, ""),
        ),
        None,
        (),
        False,
    ),
    "KEVO-52": _Plan(
        5.4,
        7.6,
        0.5,
        None,
        None,
        False,
        ("fee",),
        (),
        (
            ("An hour a week that is only hers", GoalStatus.PARTLY, True, "Most weeks now."),
            ("Ask Tunde for help without apologising", GoalStatus.OPEN, True, ""),
        ),
        None,
        ("empathy.acknowledged",),
        False,
    ),
}

_COMMENTS = {
    "interest.undistracted": "The phone buzzed twice. I did not look, but it pulled at me.",
    "interest.follow_up": "Forgot to ask about the interview she mentioned last week.",
    "boundaries.own_feelings": "Irritated, and did not write it down until the next day.",
    "empathy.feeling": "Stayed very careful; he may have read it as cold.",
    "understanding.shared": "Kept my ideas to myself again; she asked what I thought.",
    "empathy.acknowledged": "Went straight to problem-solving.",
    "trust.talked_through": "He bristled and I moved on instead of naming it.",
}


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def demo_alliance(code: str, sessions: list[DemoSession]) -> DemoAlliance:
    """The alliance records for one demo client (an unknown code gets none)."""
    plan = _PLANS.get(code)
    if plan is None or not sessions:
        return DemoAlliance()
    rng = random.Random(f"{code}-alliance")
    kept = [i for i, item in enumerate(sessions) if item.session.attendance.kept]
    result = DemoAlliance()
    rupture_index = kept[int(plan.rupture_at * (len(kept) - 1))] if plan.rupture_at else None
    repair_index = next((i for i in kept if rupture_index is not None and i > rupture_index), None)

    for place, index in enumerate(kept):
        progress = place / max(1, len(kept) - 1)
        usual = plan.start + (plan.end - plan.start) * min(1.0, progress * 1.4)
        level = usual
        if index == rupture_index:
            level -= 2.6
        if plan.drop_last and index == kept[-1]:
            level -= 3.2
        client = {q.key: _clamp(level + rng.uniform(-0.9, 0.9)) for q in QUESTIONS}
        # The therapist half-notices a rupture, and misses the latest drop altogether.
        estimate = (level if index == rupture_index else usual) + plan.estimate_gap
        if index == rupture_index:
            estimate += 1.3
        therapist = {q.key: _clamp(estimate + rng.uniform(-0.7, 0.7)) for q in QUESTIONS}
        result.ratings.append(DemoRating(index, client, therapist))

    if plan.rupture is not None and rupture_index is not None:
        kind, markers, what, repair, how = plan.rupture
        result.ruptures.append(
            DemoRupture(rupture_index, kind, list(markers), what, repair, repair_index, how)
        )

    first = kept[0]
    second = kept[1] if len(kept) > 1 else first
    for term in CONTRACT_TERMS:
        if term.key in plan.unexplained:
            result.contract.append(DemoTerm(term.key, None, None))
        else:
            agreed = None if term.key in plan.not_agreed else True
            note = "Wants to think about it." if agreed is None else ""
            at = second if term.key in ("openness", "truthfulness") else first
            result.contract.append(DemoTerm(term.key, at, agreed, note))

    for text, status, agreed, note in plan.goals:
        reviewed = kept[len(kept) * 2 // 3] if status is not GoalStatus.OPEN else None
        result.goals.append(DemoGoal(text, second if agreed else None, reviewed, status, note))

    if plan.boundary is not None:
        at, dimension, kind, what, discussed = plan.boundary
        result.boundaries.append(
            DemoBoundary(kept[int(at * (len(kept) - 1))], dimension, kind, what, discussed)
        )

    result.checks = _conduct_checks(plan, sessions, kept, rng)
    return result


def _conduct_checks(
    plan: _Plan, sessions: list[DemoSession], kept: list[int], rng: random.Random
) -> list[DemoCheck]:
    """A check after most signed sessions: mostly "yes", the client's weak spots in the last
    few, and the latest one put off when the plan says so."""
    prompts = default_prompt_set()
    signed = [i for i in kept if sessions[i].signed]
    checks = []
    for place, index in enumerate(signed):
        if place == len(signed) - 1 and plan.due_last:
            checks.append(DemoCheck(index, due=True))
            continue
        if rng.random() < 0.15 and place > 0:
            continue  # some weeks the therapist did not get to it
        recent = place >= len(signed) - 8  # wide enough to hold the last four answered
        answers = []
        for prompt in prompts.for_session(first_session=index == kept[0]):
            roll = rng.random()
            comment = ""
            if prompt.key == "trust.talked_through" and roll < 0.7:
                answer = Answer.NOT_APPLICABLE
            elif prompt.key in plan.weak_spots and recent and roll < 0.6:
                answer = Answer.PARTLY if roll < 0.4 else Answer.NO
                comment = _COMMENTS.get(prompt.key, "")
            elif roll < 0.06 and not recent:  # an odd off day, never lately: no false pattern
                answer = Answer.PARTLY
            elif roll < 0.08 and not recent:
                answer = Answer.NO
            else:
                answer = Answer.YES
            answers.append((prompt.key, answer, comment))
        checks.append(DemoCheck(index, answers))
    return checks


def session_day(sessions: list[DemoSession], index: int | None) -> date | None:
    return sessions[index].session.starts_at.date() if index is not None else None
