"""Carry forward: a new session's plan may start from the plan of the client's last session.

Only on request, and never over typed text: the earlier plan goes in front of whatever the plan
already holds, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from notes.records import Session

PLAN = "plan"


def earlier_plan(
    sessions: list[Session], current: Session, plan_of: Callable[[int], str]
) -> str | None:
    """The plan of the latest session before `current` that has one, or None."""
    earlier = [s for s in sessions if s.starts_at < current.starts_at and s.id != current.id]
    for session in sorted(earlier, key=lambda s: s.starts_at, reverse=True):
        plan = plan_of(session.id).strip()
        if plan:
            return plan
    return None


def carried(earlier: str, typed: str) -> str:
    """The plan after carrying `earlier` forward in front of what was `typed`."""
    return earlier if not typed.strip() else f"{earlier}\n\n{typed}"
