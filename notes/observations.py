"""Transference and countertransference observations, their place in a note, and patterns.

An observation may be tagged on the therapist's own words: its anchor says which note and
section hold them and where, and its quote keeps the words themselves. Offsets follow edits
(`shift_span`) and are found again by the quote if the text moved (`locate`). A recurring
pattern is a category seen in at least 3 of the last 5 sessions that have observations. What a
form offers, what the client page's filters show and its chart counts are decided here too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

INTENSITIES = range(1, 6)  # 1 barely there … 5 very strong
PROCESS_SECTION = "text"  # the process note is one text; anchors name it like a section

PATTERN_WINDOW = 5  # sessions with observations looked at, the latest ones
PATTERN_THRESHOLD = 3  # sessions among them that must show the same category
CHART_SESSIONS = 16  # a chart per session shows at most the latest this many (numbers must fit)


class ObservationKind(StrEnum):
    TRANSFERENCE = "transference"
    COUNTERTRANSFERENCE = "countertransference"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def short(self) -> str:
        return "T" if self is ObservationKind.TRANSFERENCE else "CT"


class NoteKind(StrEnum):
    PROGRESS = "progress"
    PROCESS = "process"


@dataclass(frozen=True)
class Anchor:
    """Where tagged words sit: a note, a section of it, and [start, end) in that section's text.

    Offsets count Unicode code points of the section text as saved.
    """

    note: NoteKind
    section: str
    start: int
    end: int


@dataclass
class Category:
    kind: ObservationKind
    key: str  # stable: observations keep their category through renames
    label: str
    description: str = ""
    retired: bool = False
    id: int | None = None

    @property
    def display_label(self) -> str:
        return f"{self.label} (retired)" if self.retired else self.label


@dataclass
class Observation:
    session_id: int
    kind: ObservationKind
    category_id: int
    intensity: int = 3
    figure: str = ""  # whom the feeling seems redirected from, if anyone
    what_happened: str = ""
    what_i_felt: str = ""
    how_i_responded: str = ""
    supervision: bool = False
    quote: str = ""  # the tagged words; kept when the tag itself is let go
    anchor: Anchor | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.intensity not in INTENSITIES:
            raise ValueError(f"intensity must be 1 to 5, not {self.intensity}")

    @property
    def tagged(self) -> bool:
        return self.anchor is not None


def categories_offered(
    categories: Iterable[Category], kind: ObservationKind, chosen: int | None = None
) -> list[Category]:
    """The categories offered for an observation of `kind`, in their order: those in use, and a
    retired one only to the observation that already has it (`chosen`). A new observation
    starts with the first of them."""
    return [
        category
        for category in categories
        if category.kind is kind
        and (not category.retired or (chosen is not None and category.id == chosen))
    ]


def matches(
    observation: Observation,
    kind: ObservationKind | None = None,
    category_id: int | None = None,
    least_intensity: int = 1,
    supervision_only: bool = False,
) -> bool:
    """Whether an observation is shown under the client page's filters (None: any)."""
    return (
        (kind is None or observation.kind is kind)
        and (category_id is None or observation.category_id == category_id)
        and observation.intensity >= least_intensity
        and (observation.supervision or not supervision_only)
    )


# -- keeping tags on the same words ---------------------------------------------------------


def shift_span(
    start: int, end: int, position: int, removed: int, added: int
) -> tuple[int, int] | None:
    """Where the words [start, end) are after `removed` characters at `position` were replaced
    by `added` new ones; None when every one of the words was removed.

    Typing inside the words grows them; typing just before or just after them does not.
    """
    if position >= end:  # the change is after the words (or starts right at their end)
        return start, end
    change_end = position + removed
    if change_end <= start:  # the change is wholly before them: they move
        delta = added - removed
        return start + delta, end + delta
    if position <= start and change_end >= end:  # every word was removed or typed over
        return None
    if position < start:  # removal cuts into their beginning; new text stays outside
        new_start = position + added
        new_end = new_start + (end - change_end)
    elif change_end <= end:  # a change inside the words
        new_start, new_end = start, end - removed + added
    else:  # removal runs from inside them past their end: keep what is left before it
        new_start, new_end = start, position
    return (new_start, new_end) if new_start < new_end else None


def locate(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """The quote's span in `text`: where it was if it is still there, else the occurrence
    nearest to where it was; None when the words are no longer in the text."""
    if not quote:
        return None
    if text[start:end] == quote:
        return start, end
    best: int | None = None
    found = text.find(quote)
    while found != -1:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(quote, found + 1)
    return (best, best + len(quote)) if best is not None else None


# -- patterns over sessions -----------------------------------------------------------------

SessionKey = TypeVar("SessionKey", bound=Hashable)
CategoryKey = TypeVar("CategoryKey", bound=Hashable)


@dataclass(frozen=True)
class Recurrence(Generic[SessionKey, CategoryKey]):
    """A category seen again and again in the latest sessions that have observations."""

    category: CategoryKey
    sessions: tuple[SessionKey, ...]  # the sessions in the window that show it, oldest first
    window: int  # how many sessions with observations were looked at


def recurring(
    categories_by_session: Sequence[tuple[SessionKey, Collection[CategoryKey]]],
    window: int = PATTERN_WINDOW,
    threshold: int = PATTERN_THRESHOLD,
) -> list[Recurrence[SessionKey, CategoryKey]]:
    """Categories present in at least `threshold` of the last `window` sessions that have any.

    `categories_by_session` is in session order, oldest first; sessions without observations
    are skipped, so a break in the work does not hide a pattern. The most frequent come first.
    """
    with_any = [(session, set(found)) for session, found in categories_by_session if found]
    latest = with_any[-window:] if window > 0 else []
    counts = Counter(category for _, found in latest for category in found)
    patterns = [
        Recurrence(
            category,
            tuple(session for session, found in latest if category in found),
            len(latest),
        )
        for category, count in counts.items()
        if count >= threshold
    ]
    return sorted(patterns, key=lambda p: (-len(p.sessions), str(p.category)))


def recurring_in(
    observations: Iterable[Observation], session_order: Sequence[int]
) -> list[Recurrence[int, int]]:
    """`recurring` over observations: sessions by id in `session_order`, categories by id."""
    found: dict[int, set[int]] = {}
    for observation in observations:
        found.setdefault(observation.session_id, set()).add(observation.category_id)
    return recurring([(session_id, found.get(session_id, set())) for session_id in session_order])


@dataclass(frozen=True)
class PerSession(Generic[SessionKey, CategoryKey]):
    """Observations per session and category, over the latest sessions that have any."""

    sessions: tuple[SessionKey, ...]  # oldest first
    counts: dict[CategoryKey, tuple[int, ...]]  # per category seen: one count per session
    left_out: bool  # older sessions with observations did not fit


def counts_per_session(
    observed: Iterable[tuple[SessionKey, CategoryKey]], most: int = CHART_SESSIONS
) -> PerSession[SessionKey, CategoryKey]:
    """Count `observed`, one (session, category) pair per observation, for the latest `most`
    sessions; sessions are keys that sort in time order, such as (start, number)."""
    pairs = list(observed)
    sessions = sorted({session for session, _category in pairs})
    kept = sessions[-most:] if most > 0 else []
    column = {session: index for index, session in enumerate(kept)}
    counts: dict[CategoryKey, list[int]] = {}
    for session, category in pairs:
        if session in column:
            counts.setdefault(category, [0] * len(kept))[column[session]] += 1
    return PerSession(
        tuple(kept), {key: tuple(row) for key, row in counts.items()}, len(kept) < len(sessions)
    )
