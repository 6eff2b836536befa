"""The demo's one void session: a note written up under the wrong client, signed before the
slip was noticed, then voided with the reason — what a therapist does instead of deleting a
signed note. It stays in the first client's record, marked void, and counts nowhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from notes.demo.caseload import DemoClient

VOID_REASON = "Entered under the wrong client; the note was written again in the right record."


@dataclass(frozen=True)
class DemoVoid:
    code: str  # the client it was wrongly entered under
    starts_at: datetime
    sections: dict[str, str]
    reason: str
    voided_at: datetime


def demo_void(caseload: list[DemoClient]) -> DemoVoid | None:
    """On the day of the first client's third-newest signed session, late in the afternoon
    (another client's hour); voided the next morning. None when there is no such session."""
    demo = caseload[0]
    signed = [item for item in demo.sessions if item.signed and item.session.attendance.kept]
    if len(signed) < 3:
        return None
    day = signed[-3].session.starts_at
    at = day.replace(hour=17, minute=0)
    return DemoVoid(
        code=demo.client.code,
        starts_at=at,
        sections={
            "subjective": "The anniversary is next month; unsure whether to mark it or let it "
            "pass. Slept better this week.",
            "objective": "Quiet at first, more animated when talking about work.",
            "assessment": "Grief still close to the surface; coping better day to day.",
            "plan": "Talk about how he wants to spend the anniversary.",
        },
        reason=VOID_REASON,
        voided_at=(at + timedelta(days=1)).replace(hour=8, minute=30),
    )
