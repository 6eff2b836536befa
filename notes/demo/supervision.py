"""The demo caseload's supervision: two fortnightly-ish sessions with a fictional supervisor, what
was said about each client, the actions agreed (those of the first session mostly done), and a
few questions the therapist is holding for next time. Everything here is invented.

Which agenda items each session discussed is chosen from the items the demo records make (the
oldest ones from before the session), so the page and the next report show some still open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from notes.supervision import (
    Action,
    AgendaItem,
    DiscussedItem,
    Discussion,
    Question,
    Supervision,
)

SUPERVISOR = "Dr Ines Varga"

# (client code, what was said, the action agreed) per session, oldest session first.
_SESSIONS: tuple[tuple[int, tuple[tuple[str, str, str], ...]], ...] = (
    (
        42,
        (
            (
                "ML-01",
                "We looked at how quickly I reassure her when she talks about money. Ines "
                "wondered whether my reassurance repeats her partner's, and leaves her no room "
                "to feel the fear with someone.",
                "Sit with the money worry for a few minutes before offering anything.",
            ),
            (
                "DO-01",
                "His anger at the hospital, and my wish to soothe it quickly. Ines wondered "
                "whether I am standing in for his father, who can no longer hear it.",
                "Let the anger stay in the room a while before I reflect it.",
            ),
            (
                "PR-01",
                "Her going quiet when I asked about the near-miss. Ines suggested she may be "
                "expecting me to check on her, as she checks the charts, and that I ask her.",
                "Ask her how it felt to be asked about the near-miss.",
            ),
        ),
    ),
    (
        14,
        (
            (
                "ML-01",
                "She said she felt judged when I pressed on the job search. Ines linked this to "
                "her mother's criticism and suggested I say what I noticed in the room.",
                "Say aloud what I noticed when she went quiet about the interview.",
            ),
            (
                "TH-01",
                "My wariness when he talks about Lucía. Ines asked whether I expect his temper "
                "to turn on me, as his father's did on him, and what that does to my questions.",
                "Notice when I soften a question, and what he had just said.",
            ),
        ),
    ),
)
_ITEMS_PER_CLIENT = 4  # the oldest open items of each client discussed, as time allows
_DONE_AFTER_DAYS = 9  # the first session's actions were done before the second session
_LEFT_OPEN = "PR-01"  # except this one, still open: it carries into the next report

_QUESTIONS: tuple[tuple[str, int, str], ...] = (
    ("EW-01", 10, "Her empty mornings weigh on me between sessions: how much is mine to hold?"),
    ("DO-01", 3, "Should I raise ending the work, now that the goals are mostly met?"),
)


@dataclass
class DemoSupervision:
    supervisions: list[Supervision] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


def demo_supervision(
    today: date, codes: dict[str, int], candidates: Iterable[AgendaItem]
) -> DemoSupervision:
    """The demo's supervision for clients by code (their ids), from their agenda `candidates`."""
    candidates = sorted(candidates, key=lambda item: (item.on or date.max, item.item.ref))
    discussed: set = set()
    demo = DemoSupervision()
    for days_ago, talks in _SESSIONS:
        held_on = today - timedelta(days=days_ago)
        supervision = Supervision(held_on, SUPERVISOR)
        for code, said, agreed in talks:
            client_id = codes.get(code)
            if client_id is None:
                continue
            supervision.discussions.append(Discussion(client_id, said))
            mine = [
                item
                for item in candidates
                if item.client_id == client_id
                and item.on is not None
                and item.on < held_on
                and item.item not in discussed
                and not item.closed
            ][:_ITEMS_PER_CLIENT]
            for item in mine:
                supervision.items.append(DiscussedItem(client_id, item.item))
                discussed.add(item.item)
            done = days_ago > 28 and code != _LEFT_OPEN
            supervision.actions.append(
                Action(
                    client_id,
                    agreed,
                    mine[0].item if mine else None,
                    held_on + timedelta(days=_DONE_AFTER_DAYS) if done else None,
                )
            )
        demo.supervisions.append(supervision)
    for code, days_ago, text in _QUESTIONS:
        if code in codes:
            demo.questions.append(Question(codes[code], text, today - timedelta(days=days_ago)))
    return demo
