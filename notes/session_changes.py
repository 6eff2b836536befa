"""Correcting a session after the fact: what may be edited, deleted or voided, and the words.

- A session is edited (date, time, duration, attendance) until it is void; its note, signed or
  not, is untouched by that.
- A session without a signed note may be deleted, with everything recorded on it (the draft,
  the process note, observations, the alliance and conduct checks, ruptures, measures).
- A session with a signed note is never deleted: when it should not be there at all (another
  client's, a duplicate) it is voided with a reason. It stays in the record, marked void, its
  note readable, and leaves every count and chart (`notes.records.not_void`). Its notes, the
  process note too, are then read-only (`why_fixed`): nothing is added to a void session.
"""

from __future__ import annotations

from dataclasses import dataclass

from notes.records import Session
from notes.wording import counted

# Offered when a therapist voids a session; any reason of their own will do as well.
VOID_REASONS = (
    "Entered under the wrong client",
    "Entered twice",
    "The session did not take place",
)


def can_edit(session: Session | None) -> bool:
    return session is not None and not session.void


def can_delete(session: Session | None) -> bool:
    return session is not None and not session.note_signed and not session.void


def can_void(session: Session | None) -> bool:
    return session is not None and session.note_signed and not session.void


def why_fixed(session: Session | None) -> str | None:
    """Why a session's notes take no typing (for the note's status line), or None: a void
    session stays in the record as it was when voided, its process note too."""
    if session is None or not session.void:
        return None
    return f"this session is void ({session.void_reason})"


def why_not_delete(session: Session) -> str:
    """Why a session cannot be deleted, and what to do instead (for a message box)."""
    if session.void:
        return "This session is void. It stays in the record as it is."
    return (
        "This session's note is signed, so the session stays in the record. If it should not "
        "be there at all, void it instead (Session > Void session…): it is then marked void "
        "and left out of counts, charts and reports."
    )


def void_reason_problem(reason: str) -> str | None:
    """What is wrong with a reason for voiding, or None when it will do."""
    if not reason.strip():
        return "Say why this session is void, for whoever reads the record later."
    return None


@dataclass(frozen=True)
class SessionContents:
    """What is recorded on a session, counted, for saying what deleting it loses."""

    progress_note: bool = False  # a draft with some text in it
    process_note: bool = False
    observations: int = 0
    alliance_check: bool = False
    conduct_check: bool = False
    ruptures: int = 0
    measures: int = 0
    boundary_events: int = 0  # kept with the client, no longer tied to this session

    @property
    def lost(self) -> list[str]:
        """What deleting the session removes, each as a short phrase."""
        items = []
        if self.progress_note:
            items.append("the draft progress note")
        if self.process_note:
            items.append("the process note")
        if self.observations:
            items.append(counted(self.observations, "observation"))
        if self.alliance_check:
            items.append("the alliance check")
        if self.conduct_check:
            items.append("the conduct check")
        if self.ruptures:
            items.append(counted(self.ruptures, "rupture"))
        if self.measures:
            items.append(counted(self.measures, "measure"))
        return items


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def delete_question(title: str, contents: SessionContents) -> str:
    """The confirmation before deleting: which session, and what goes with it."""
    lost = contents.lost
    text = f"Delete {title}?"
    if lost:
        text += f" This also deletes {_listed(lost)}."
    else:
        text += " Nothing has been written on it yet."
    if contents.boundary_events:
        verb = "stays" if contents.boundary_events == 1 else "stay"
        text += (
            f" {counted(contents.boundary_events, 'boundary event').capitalize()} recorded on it"
            f" {verb} with the client."
        )
    return text + " This cannot be undone; the audit log keeps a line saying it was deleted."


def void_label(session: Session) -> str:
    """ "Void: Entered under the wrong client", for the session list and the note."""
    return f"Void: {session.void_reason}"
