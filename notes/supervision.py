"""Supervision follow-through: what is brought to supervision, what was said there, and what is
still open afterwards.

The agenda gathers everything meant for supervision, per client: observations marked "bring to
supervision", every boundary event and rupture (the product treats both as supervision
material: the client page says "not yet in supervision" of any boundary event), the conduct
patterns the after-session checks show today, and the therapist's own questions. An item
stays open until a recorded supervision session lists it as discussed (a boundary event also
closes when its own "discussed in supervision" box is ticked). Agreed actions stay open until
they are marked done. What carries over into the next report is the client's open actions and
open items (`carried_over`).

Items are named by an `ItemRef`: their kind and the record's id (a conduct pattern by its
prompt's key, since a pattern is worked out from the checks rather than stored).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from notes.alliance import BoundaryEvent, Rupture
from notes.conduct import Pattern
from notes.observations import Observation
from notes.reports.inputs import format_date
from notes.wording import counted

DETAIL_CHARS = 140  # a line of what happened, enough to recognise the item by


class ItemKind(StrEnum):
    """What an agenda item is; the stored text never changes (supervision_items.kind)."""

    QUESTION = "question"
    OBSERVATION = "observation"
    RUPTURE = "rupture"
    BOUNDARY = "boundary"
    CONDUCT = "conduct"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ItemKind.QUESTION: "Question",
    ItemKind.OBSERVATION: "Observation",
    ItemKind.RUPTURE: "Rupture",
    ItemKind.BOUNDARY: "Boundary event",
    ItemKind.CONDUCT: "Conduct pattern",
}
_KIND_ORDER = {kind: index for index, kind in enumerate(ItemKind)}  # questions first


@dataclass(frozen=True)
class ItemRef:
    kind: ItemKind
    ref: str  # the record's id as text, or a conduct prompt's key


@dataclass(frozen=True)
class AgendaItem:
    client_id: int
    item: ItemRef
    on: date | None  # when it happened or was asked
    title: str  # "Countertransference: Helpless / inadequate"
    detail: str = ""  # the start of what happened, or the question itself
    closed: bool = False  # closed by its own record: a boundary event ticked "discussed"


@dataclass
class Question:
    """A question the therapist wants to take to supervision about a client."""

    client_id: int
    text: str
    asked_on: date
    id: int | None = None


@dataclass
class Action:
    """Something agreed in supervision, tied to its client and, if chosen, to one item."""

    client_id: int
    text: str
    item: ItemRef | None = None
    done_on: date | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass
class Discussion:
    """What was said about one client in a supervision session."""

    client_id: int
    said: str = ""


@dataclass(frozen=True)
class DiscussedItem:
    client_id: int
    item: ItemRef


@dataclass
class Supervision:
    """One supervision session: when, with whom, what was discussed and agreed."""

    held_on: date
    supervisor: str = ""
    discussions: list[Discussion] = field(default_factory=list)
    items: list[DiscussedItem] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    id: int | None = None

    def client_ids(self) -> list[int]:
        """Every client the session concerned: talked about, an item discussed, or an action
        agreed; in that order, each once."""
        found = [d.client_id for d in self.discussions]
        found += [item.client_id for item in self.items]
        found += [action.client_id for action in self.actions]
        return list(dict.fromkeys(found))

    def said_about(self, client_id: int) -> str:
        return next((d.said for d in self.discussions if d.client_id == client_id), "")


def problems(supervision: Supervision) -> list[str]:
    """What stops the session from being saved, in plain words; [] when it can be."""
    found = []
    if not supervision.client_ids():
        found.append("Choose at least one client who was discussed.")
    if any(not action.text.strip() for action in supervision.actions):
        found.append("An agreed action has no text: write what was agreed, or remove it.")
    return found


# -- the agenda's items, worded from their records ------------------------------------------


def shortened(text: str, limit: int = DETAIL_CHARS) -> str:
    """One line of `text`, cut at a word with "…" when it is longer than `limit`."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " ":  # the cut fell inside a word: leave that word out
        cut = cut.rsplit(" ", 1)[0] or cut
    return cut.rstrip(" ,;:.") + "…"


def question_item(question: Question) -> AgendaItem:
    assert question.id is not None
    return AgendaItem(
        question.client_id,
        ItemRef(ItemKind.QUESTION, str(question.id)),
        question.asked_on,
        "Question",
        shortened(question.text),
    )


def observation_item(
    observation: Observation, client_id: int, category: str, on: date
) -> AgendaItem:
    assert observation.id is not None
    detail = observation.quote or observation.what_happened or observation.what_i_felt
    return AgendaItem(
        client_id,
        ItemRef(ItemKind.OBSERVATION, str(observation.id)),
        on,
        f"{observation.kind.label}: {category}",
        shortened(f"“{detail}”" if detail == observation.quote and detail else detail),
    )


def rupture_item(rupture: Rupture, client_id: int, on: date) -> AgendaItem:
    assert rupture.id is not None
    return AgendaItem(
        client_id,
        ItemRef(ItemKind.RUPTURE, str(rupture.id)),
        on,
        f"Rupture ({rupture.kind.label.lower()}), {rupture.repair.label.lower()}",
        shortened(rupture.what_happened or "; ".join(rupture.marker_labels())),
    )


def boundary_item(event: BoundaryEvent) -> AgendaItem:
    assert event.id is not None
    return AgendaItem(
        event.client_id,
        ItemRef(ItemKind.BOUNDARY, str(event.id)),
        event.occurred_on,
        f"Boundary {event.kind.label.lower()}: {event.dimension_label.lower()}",
        shortened(event.what_happened),
        closed=event.discussed_in_supervision,
    )


def conduct_item(pattern: Pattern, client_id: int, on: date | None) -> AgendaItem:
    return AgendaItem(
        client_id,
        ItemRef(ItemKind.CONDUCT, pattern.prompt_key),
        on,
        f"Conduct pattern: {pattern.group.label.lower()}",
        shortened(f"{pattern.text} — {pattern.summary}"),
    )


# -- what is open --------------------------------------------------------------------------


def discussed_on(supervisions: Iterable[Supervision]) -> dict[ItemRef, date]:
    """Each item discussed in supervision, with the first day it was."""
    found: dict[ItemRef, date] = {}
    for supervision in supervisions:
        for discussed in supervision.items:
            day = found.get(discussed.item)
            if day is None or supervision.held_on < day:
                found[discussed.item] = supervision.held_on
    return found


def open_questions(
    questions: Iterable[Question], supervisions: Iterable[Supervision], client_id: int
) -> list[Question]:
    """The client's questions no supervision has discussed yet, oldest first."""
    closed = set(discussed_on(supervisions))
    return [
        q
        for q in questions
        if q.client_id == client_id and ItemRef(ItemKind.QUESTION, str(q.id)) not in closed
    ]


def new_questions(typed: str, asked: Iterable[str]) -> list[str]:
    """The lines of `typed` (one question per line) not already among `asked`, ignoring case
    and spacing; each once."""
    seen = {_same_question(text) for text in asked}
    found: list[str] = []
    for line in typed.splitlines():
        line = line.strip()
        if line and _same_question(line) not in seen:
            seen.add(_same_question(line))
            found.append(line)
    return found


def _same_question(text: str) -> str:
    return " ".join(text.split()).casefold()


def open_items(
    candidates: Iterable[AgendaItem], supervisions: Iterable[Supervision]
) -> list[AgendaItem]:
    """The candidates no supervision has discussed yet: questions first, then by kind, oldest
    first."""
    closed = set(discussed_on(supervisions))
    left = [item for item in candidates if not item.closed and item.item not in closed]
    return sorted(left, key=_agenda_order)


def _agenda_order(item: AgendaItem) -> tuple:
    return (_KIND_ORDER[item.item.kind], item.on or date.max, item.item.ref)


def open_actions(
    supervisions: Iterable[Supervision], client_id: int | None = None
) -> list[tuple[Supervision, Action]]:
    """The actions not yet done, with the session that agreed them, oldest first; only the
    client's when `client_id` is given."""
    return agreed_actions(supervisions, client_id, include_done=False)


def agreed_actions(
    supervisions: Iterable[Supervision], client_id: int | None = None, include_done: bool = True
) -> list[tuple[Supervision, Action]]:
    """Every action agreed (or only the open ones), with its session: open ones first, each
    part oldest first."""
    found = [
        (supervision, action)
        for supervision in supervisions
        for action in supervision.actions
        if (include_done or action.is_open) and (client_id is None or action.client_id == client_id)
    ]
    return sorted(found, key=lambda pair: (not pair[1].is_open, pair[0].held_on, pair[1].id or 0))


def carried(supervision: Supervision, action: Action, items: Iterable[AgendaItem]) -> CarriedAction:
    """The action as a report or the page words it: when agreed, what, about which item."""
    return CarriedAction(supervision.held_on, action.text, action_item_title(action, items))


def last_supervision(
    supervisions: Iterable[Supervision], client_id: int | None = None
) -> Supervision | None:
    """The latest supervision session (about the client, when given)."""
    about = [s for s in supervisions if client_id is None or client_id in s.client_ids()]
    return max(about, key=lambda s: (s.held_on, s.id or 0), default=None)


@dataclass(frozen=True)
class CarriedAction:
    agreed_on: date
    text: str
    about: str = ""  # the item it is tied to, "" when tied to the client only


@dataclass(frozen=True)
class CarryOver:
    """What the next report on a client shows under "Since last supervision"."""

    last_on: date | None  # the last supervision session about the client, if any
    actions: tuple[CarriedAction, ...] = ()  # open actions, oldest first
    items: tuple[AgendaItem, ...] = ()  # items still waiting to be discussed

    @property
    def empty(self) -> bool:
        return not self.actions and not self.items


def carried_over(
    client_id: int, candidates: Iterable[AgendaItem], supervisions: Iterable[Supervision]
) -> CarryOver:
    """The client's open actions and undiscussed items, for the next supervision report.
    `candidates` are all the client's agenda items, open or not (an action may be tied to one
    discussed long ago)."""
    supervisions = list(supervisions)
    mine = [item for item in candidates if item.client_id == client_id]
    last = last_supervision(supervisions, client_id)
    actions = tuple(carried(s, a, mine) for s, a in open_actions(supervisions, client_id))
    return CarryOver(last.held_on if last else None, actions, tuple(open_items(mine, supervisions)))


def action_item_title(action: Action, items: Iterable[AgendaItem]) -> str:
    """The title of the item an action is tied to ("" when it is tied to the client only)."""
    if action.item is None:
        return ""
    for item in items:
        if item.item == action.item:
            return item.title
    return action.item.kind.label


# -- lines for people ----------------------------------------------------------------------


def item_line(item: AgendaItem) -> str:
    """ "Rupture (withdrawal), not repaired yet (7 Sep 2026): went quiet about fees" """
    when = f" ({format_date(item.on)})" if item.on else ""
    detail = f": {item.detail}" if item.detail else ""
    return f"{item.title}{when}{detail}"


def action_line(action: CarriedAction, done_on: date | None = None) -> str:
    """ "Name the freeze aloud (agreed 15 Sep 2026; about: Countertransference: …)" """
    about = f"; about: {action.about}" if action.about else ""
    done = f"; done {format_date(done_on)}" if done_on else ""
    return f"{action.text} (agreed {format_date(action.agreed_on)}{about}{done})"


def supervision_line(supervision: Supervision, codes: dict[int, str]) -> str:
    """ "15 Sep 2026 · Dr Ines Varga · MH-01, TK-02 · 2 actions, 1 open" """
    clients = ", ".join(codes.get(c, "?") for c in supervision.client_ids())
    open_count = sum(1 for a in supervision.actions if a.is_open)
    actions = counted(len(supervision.actions), "action")
    if supervision.actions:
        actions += f", {open_count} open"
    parts = [format_date(supervision.held_on), supervision.supervisor.strip(), clients, actions]
    return " · ".join(part for part in parts if part)
