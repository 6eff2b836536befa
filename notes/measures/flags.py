"""What is said when a flagged item (PHQ-9 item 9) is answered above 0: plainly, at once, never
as a diagnosis, and always with the offer to add a risk note to the session."""

from __future__ import annotations

from notes.measures.instruments import Flag, Instrument
from notes.records import ProgressNote
from notes.templates import template


def flag_message(measure: Instrument, flag: Flag, value: int) -> str:
    """The words shown beside the answers, on the client page and in the report."""
    number = measure.item_number(flag.item)
    return (
        f"{measure.name} item {number}: the client answered “{measure.option_label(value)}” to "
        f"{flag.what}. This is what they endorsed, not a diagnosis or a risk rating; it asks "
        "for a conversation and your own assessment."
    )


def risk_note_text(measure: Instrument, flag: Flag, value: int, session_number: int) -> str:
    """A first line for the risk note the therapist is offered, for them to complete."""
    number = measure.item_number(flag.item)
    return (
        f"Risk note, session {session_number}: on {measure.name} item {number} the client "
        f"answered “{measure.option_label(value)}” ({flag.what}). "
        "Discussed with the client: \nMy assessment and plan: "
    )


def with_risk_note(note: ProgressNote, text: str) -> ProgressNote | None:
    """The unsigned progress note with the risk note added to its last section (kept apart by a
    blank line); None for a signed note, which takes the risk note as a dated addendum."""
    if note.signed:
        return None
    keys = template(note.template).section_keys()
    last = keys[-1] if keys else "text"
    sections = dict(note.sections)
    sections[last] = "\n\n".join(part for part in (sections.get(last, "").rstrip(), text) if part)
    return ProgressNote(note.session_id, note.template, sections, note.signed_at, note.addenda)
