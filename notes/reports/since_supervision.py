"""The supervision report's "Since last supervision" section: what the last supervision left
open for this client (agreed actions not yet done) and what was brought to supervision and not
yet discussed. Built from notes.supervision.CarryOver; left out when nothing is open.

The therapist's open questions are not repeated here: they lead the report in its own
Questions section (the export dialog starts from them).

It stands apart from builder.py, which only places it (near the top: it is what the
supervisor picks up from last time).
"""

from __future__ import annotations

from notes.reports.inputs import format_date
from notes.reports.model import Block, BulletList, Heading, Paragraph
from notes.supervision import CarryOver, ItemKind, action_line, item_line

HEADING = "Since last supervision"


def since_supervision_blocks(carry: CarryOver | None) -> list[Block]:
    """The section's blocks; [] when nothing is carried over."""
    if carry is None:
        return []
    items = [i for i in carry.items if i.item.kind is not ItemKind.QUESTION]
    if not carry.actions and not items:
        return []
    last = (
        f"The last supervision session about this client was on {format_date(carry.last_on)}."
        if carry.last_on
        else "No supervision session about this client is recorded yet."
    )
    blocks: list[Block] = [Heading(HEADING), Paragraph(last)]
    if carry.actions:
        blocks.append(Heading("Agreed actions still open", level=2))
        blocks.append(BulletList(tuple(action_line(a) for a in carry.actions)))
    if items:
        blocks.append(Heading("Brought to supervision, not yet discussed", level=2))
        blocks.append(BulletList(tuple(item_line(i) for i in items)))
    return blocks
