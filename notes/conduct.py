"""The after-session conduct check: the prompt set, the answers, the patterns they show, and
which session gets a check and when.

The prompt set is data (resources/conduct_prompts.json is the starting set; a therapist's own
edited set lives in the vault). Every answer carries the wording it was given with, so rewording
or retiring a prompt never changes what was answered in the past.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

import resources
from notes.dates import month_start
from notes.records import Session, newest
from notes.wording import counted

DEFAULT_PROMPTS = "conduct_prompts.json"

PATTERN_WINDOW = 4  # the last N answered checks with a client are looked at
PATTERN_THRESHOLD = 2  # a prompt answered "no" or "partly" this often among them is a pattern
TREND_MONTHS = 6  # the trend across clients shows this many months, the current one last


class Answer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _ANSWER_LABELS[self]

    @property
    def is_gap(self) -> bool:
        """An answer that says the therapist fell short, if only a little."""
        return self in (Answer.NO, Answer.PARTLY)


_ANSWER_LABELS = {
    Answer.YES: "Yes",
    Answer.PARTLY: "Partly",
    Answer.NO: "No",
    Answer.NOT_APPLICABLE: "Not applicable",
}


class Applies(StrEnum):
    EVERY = "every"
    FIRST = "first"  # first sessions only
    LATER = "later"  # every session after the first

    @property
    def label(self) -> str:
        return {
            Applies.EVERY: "Every session",
            Applies.FIRST: "First sessions",
            Applies.LATER: "After the first session",
        }[self]

    def fits(self, first_session: bool) -> bool:
        return self is Applies.EVERY or (self is Applies.FIRST) == first_session


class CheckState(StrEnum):
    DUE = "due"  # put off with "later"; the session list shows it until answered
    DONE = "done"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    suggestion: str


@dataclass
class Prompt:
    key: str
    group: str
    text: str
    applies_to: Applies = Applies.EVERY
    retired: bool = False


@dataclass
class PromptSet:
    groups: list[Group]
    prompts: list[Prompt]

    def group(self, key: str) -> Group:
        for group in self.groups:
            if group.key == key:
                return group
        return Group(key, key.replace("_", " ").capitalize(), "")

    def prompt(self, key: str) -> Prompt | None:
        return next((prompt for prompt in self.prompts if prompt.key == key), None)

    def for_session(self, first_session: bool) -> list[Prompt]:
        """The prompts to ask after a session, grouped in the set's group order."""
        order = {group.key: index for index, group in enumerate(self.groups)}
        chosen = [p for p in self.prompts if not p.retired and p.applies_to.fits(first_session)]
        return sorted(chosen, key=lambda p: order.get(p.group, len(order)))

    def add(self, group: str, text: str, applies_to: Applies = Applies.EVERY) -> Prompt:
        """A new prompt with a key no other prompt has ever had in this set."""
        taken = {prompt.key for prompt in self.prompts}
        number = 1
        while f"{group}.own_{number}" in taken:
            number += 1
        prompt = Prompt(f"{group}.own_{number}", group, text.strip(), applies_to)
        self.prompts.append(prompt)
        return prompt

    def copy(self) -> PromptSet:
        return PromptSet(list(self.groups), [replace(prompt) for prompt in self.prompts])


def prompt_set_from_data(data: dict) -> PromptSet:
    groups = [Group(g["key"], g["label"], g.get("suggestion", "")) for g in data["groups"]]
    prompts = [
        Prompt(
            p["key"],
            p["group"],
            p["text"],
            Applies(p.get("applies_to", "every")),
            bool(p.get("retired", False)),
        )
        for p in data["prompts"]
    ]
    return PromptSet(groups, prompts)


def default_prompt_set() -> PromptSet:
    """The starting set shipped in resources/."""
    return prompt_set_from_data(resources.data(DEFAULT_PROMPTS))


@dataclass
class ConductAnswer:
    prompt_key: str
    group: str
    prompt_text: str  # the wording as asked, kept even if the prompt is later reworded
    answer: Answer
    comment: str = ""


@dataclass
class ConductCheck:
    session_id: int
    state: CheckState = CheckState.DONE
    answers: list[ConductAnswer] = field(default_factory=list)
    starts_at: datetime | None = None  # the session's start, filled in when read from the vault

    def answer_for(self, prompt_key: str) -> ConductAnswer | None:
        return next((a for a in self.answers if a.prompt_key == prompt_key), None)


# -- patterns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    prompt_key: str
    group: Group
    text: str
    gaps: int  # sessions answered "no" or "partly"
    out_of: int  # answered checks looked at

    @property
    def summary(self) -> str:
        return f"“no” or “partly” in {self.gaps} of your last {counted(self.out_of, 'check')}"


def answered_checks(checks: Iterable[ConductCheck]) -> list[ConductCheck]:
    """The checks that were done and hold at least one answer: what patterns are made from."""
    return [check for check in checks if check.state is CheckState.DONE and check.answers]


@dataclass(frozen=True)
class CheckCounts:
    """A client's conduct checks at a glance, for the client page."""

    due: int  # put off with "later"
    answered: int
    looked_at: int  # the latest answered checks that patterns are looked for in


def check_counts(checks: Iterable[ConductCheck], window: int = PATTERN_WINDOW) -> CheckCounts:
    checks = list(checks)
    due = sum(1 for check in checks if check.state is CheckState.DUE)
    answered = len(answered_checks(checks))
    return CheckCounts(due, answered, min(answered, window))


def conduct_patterns(
    checks: Iterable[ConductCheck],
    prompt_set: PromptSet,
    window: int = PATTERN_WINDOW,
    threshold: int = PATTERN_THRESHOLD,
) -> list[Pattern]:
    """Prompts answered "no" or "partly" at least `threshold` times in the last `window` checks.

    Only answered checks count, newest by session date; retired prompts are left out, since the
    therapist chose to stop asking them.
    """
    answered = answered_checks(checks)
    answered.sort(key=lambda check: (check.starts_at or datetime.min, check.session_id))
    recent = answered[-window:]
    gaps: dict[str, int] = {}
    wording: dict[str, tuple[str, str]] = {}
    for check in recent:
        for answer in check.answers:
            wording[answer.prompt_key] = (answer.group, answer.prompt_text)
            if answer.answer.is_gap:
                gaps[answer.prompt_key] = gaps.get(answer.prompt_key, 0) + 1
    order = {group.key: index for index, group in enumerate(prompt_set.groups)}
    found = []
    for key, count in gaps.items():
        current = prompt_set.prompt(key)
        if count < threshold or (current is not None and current.retired):
            continue
        group, text = wording[key]
        if current is not None:
            group, text = current.group, current.text
        found.append(Pattern(key, prompt_set.group(group), text, count, len(recent)))
    return sorted(found, key=lambda p: (order.get(p.group.key, len(order)), -p.gaps))


@dataclass(frozen=True)
class GroupPatterns:
    """The patterns of one group together, so its suggestion is offered once."""

    group: Group
    patterns: tuple[Pattern, ...]


def by_group(patterns: Iterable[Pattern]) -> list[GroupPatterns]:
    """Patterns gathered per group, in the order they come (conduct_patterns sorts by group)."""
    gathered: dict[str, list[Pattern]] = {}
    groups: dict[str, Group] = {}
    for pattern in patterns:
        gathered.setdefault(pattern.group.key, []).append(pattern)
        groups[pattern.group.key] = pattern.group
    return [GroupPatterns(groups[key], tuple(found)) for key, found in gathered.items()]


# -- the therapist's own trend across clients -------------------------------------------------


@dataclass(frozen=True)
class TrendCell:
    yes: int = 0
    answered: int = 0  # yes, partly or no; "not applicable" is left out

    @property
    def share(self) -> float | None:
        return self.yes / self.answered if self.answered else None


@dataclass(frozen=True)
class GroupTrend:
    group: Group
    cells: tuple[TrendCell, ...]  # one per month, oldest first


def conduct_trend(
    checks: Iterable[ConductCheck], prompt_set: PromptSet, months: list[date]
) -> list[GroupTrend]:
    """Share of "yes" per group and month, over every client's answered checks."""
    index = {month_start(month): column for column, month in enumerate(months)}
    counts: dict[str, list[list[int]]] = {}
    for check in checks:
        if check.state is not CheckState.DONE or check.starts_at is None:
            continue
        column = index.get(month_start(check.starts_at.date()))
        if column is None:
            continue
        for answer in check.answers:
            if answer.answer is Answer.NOT_APPLICABLE:
                continue
            cells = counts.setdefault(answer.group, [[0, 0] for _ in months])
            cells[column][0] += answer.answer is Answer.YES
            cells[column][1] += 1
    groups = list(prompt_set.groups) + [
        prompt_set.group(key) for key in counts if key not in {g.key for g in prompt_set.groups}
    ]
    empty = [[0, 0] for _ in months]
    return [
        GroupTrend(group, tuple(TrendCell(*cell) for cell in counts.get(group.key, empty)))
        for group in groups
    ]


def needs_conduct_check(session: Session) -> bool:
    """Whether signing the session's note makes its conduct check due: only if the client came
    (late counts), since a missed session has no conduct to look back on."""
    return session.attendance.kept


def due_after_later(previous: ConductCheck | None) -> bool:
    """Whether "Later" marks the session's check due: yes when it has none yet; a check already
    due stays due, and one already answered keeps its answers."""
    return previous is None


def session_to_check(sessions: Iterable[Session]) -> Session | None:
    """The session a "check my conduct" asks about: the newest whose check is due, else the
    newest the client came to, else the newest of all."""
    sessions = list(sessions)
    due = [s for s in sessions if s.conduct_due]
    kept = [s for s in sessions if s.attendance.kept]
    return newest(due) or newest(kept) or newest(sessions)


def questions_for(
    prompt_set: PromptSet, first_session: bool, check: ConductCheck | None
) -> list[Prompt]:
    """What to ask for a session: the current prompts, except that those already answered keep
    the words they were answered in (and are still shown if since retired)."""
    answered = {answer.prompt_key: answer for answer in (check.answers if check else [])}
    asked = [Prompt(a.prompt_key, a.group, a.prompt_text) for a in answered.values()]
    asked += [p for p in prompt_set.for_session(first_session) if p.key not in answered]
    groups = {group.key: index for index, group in enumerate(prompt_set.groups)}
    places = {prompt.key: index for index, prompt in enumerate(prompt_set.prompts)}
    return sorted(
        asked,
        key=lambda p: (groups.get(p.group, len(groups)), places.get(p.key, len(places))),
    )
