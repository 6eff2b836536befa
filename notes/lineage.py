"""Lineage: one vault, several copies over time; which copy is newer, and how to say so.

Every copy of a vault carries the same lineage id and a hand-off counter. Whether one copy holds
changes the other lacks is read from their audit logs: the log is append-only, so two copies of
one vault share the lines written before they parted and differ only after. Lines that change
no record (unlocking, locking, backups, exports, the hand-off itself; storage names them, as
the audit log's actions are its own) do not count as changes. Any other action, one added by a
later version too, counts: wrongly seeing a change only makes Alliance refuse and ask; wrongly
missing one could put a copy over newer notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum

# One audit line as stored: id, time, action, record.
AuditLine = tuple[int, str, str, str]


class CopyState(StrEnum):
    """What a copy is; the text is what the vault stores."""

    LIVE = "live"  # the one copy that is written to
    HANDED_OFF = "handed_off"  # this computer handed it on: read-only here
    IN_TRANSIT = "in_transit"  # a hand-off file, waiting to be taken over
    KEPT = "kept"  # a copy kept beside the vault after a fork: read-only


@dataclass(frozen=True)
class Lineage:
    lineage_id: str
    handoffs: int
    state: CopyState
    moved_at: datetime | None  # the last hand-off, if any
    from_host: str  # the computer that made it
    to_place: str  # the hand-off file it went to

    @property
    def read_only(self) -> bool:
        return self.state is not CopyState.LIVE


class Relation(Enum):
    """How a hand-off file stands to the vault already on this computer."""

    NO_VAULT_HERE = "no vault here"
    UNRELATED = "another vault"  # another lineage, or one that this passphrase cannot read
    SAME = "same"  # neither holds a change the other lacks
    INCOMING_NEWER = "incoming newer"
    HERE_NEWER = "here newer"  # taking the file over would lose changes made here
    FORKED = "forked"  # both were changed after they parted


def changes_after(lines: Sequence[AuditLine], shared: int, not_changes: frozenset[str]) -> int:
    """How many lines after the first `shared` record a change."""
    return sum(1 for line in lines[shared:] if line[2] not in not_changes)


def shared_prefix(here: Sequence[AuditLine], incoming: Sequence[AuditLine]) -> int:
    """How many audit lines, from the first, the two copies have in common."""
    count = 0
    for mine, theirs in zip(here, incoming, strict=False):
        if mine != theirs:
            break
        count += 1
    return count


def relation(
    here: Lineage,
    here_lines: Sequence[AuditLine],
    incoming: Lineage,
    incoming_lines: Sequence[AuditLine],
    not_changes: frozenset[str],
) -> Relation:
    """Which copy is newer, or whether both went their own way; `not_changes` are the audit
    actions that leave every record as it was."""
    if here.lineage_id != incoming.lineage_id:
        return Relation.UNRELATED
    shared = shared_prefix(here_lines, incoming_lines)
    changed_here = changes_after(here_lines, shared, not_changes) > 0
    changed_there = changes_after(incoming_lines, shared, not_changes) > 0
    if changed_here and changed_there:
        return Relation.FORKED
    if changed_here:
        return Relation.HERE_NEWER
    if changed_there:
        return Relation.INCOMING_NEWER
    return Relation.SAME


# -- wording ---------------------------------------------------------------------------------


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d %B %Y at %H:%M") if moment else "an unknown time"


def read_only_text(lineage: Lineage) -> str:
    """Why a copy opens read-only, in plain words."""
    if lineage.state is CopyState.HANDED_OFF:
        return (
            f"This vault was handed off on {_when(lineage.moved_at)} to "
            f"{lineage.to_place or 'another computer'} (hand-off {lineage.handoffs}). It opens "
            "read-only here, so that only one computer writes to it. To write here again, take "
            "over the hand-off file that comes back (Vault → Open a handed-off vault…)."
        )
    if lineage.state is CopyState.IN_TRANSIT:
        return (
            f"This is a hand-off file made on {lineage.from_host or 'another computer'} on "
            f"{_when(lineage.moved_at)}. It opens read-only: take it over "
            "(Vault → Open a handed-off vault…) to work in it."
        )
    return (
        "This copy was kept beside the vault because both copies were changed after the same "
        "hand-off. It opens read-only: copy across any text you need into the vault you work in."
    )


def read_only_reason(lineage: Lineage) -> str:
    """Why a copy takes no changes, in a few words, to follow "Read-only:" where one would type."""
    if lineage.state is CopyState.HANDED_OFF:
        return f"this vault was handed off to {lineage.to_place or 'another computer'}"
    if lineage.state is CopyState.IN_TRANSIT:
        return "this is a hand-off file; take it over to work in it"
    return "this copy was kept beside the vault after both copies were changed"


def fork_text(vault_name: str, file_name: str) -> str:
    return (
        f"Both {vault_name} on this computer and the hand-off file {file_name} were changed "
        "after they parted: someone went on writing in the copy that had been handed off. "
        "Neither was put over the other and both are kept as they are. Alliance can keep a "
        "read-only copy of the hand-off file beside your vault: open it to copy across the "
        "text you need into the vault you go on with."
    )


def older_text(vault_name: str, file_name: str) -> str:
    return (
        f"The hand-off file {file_name} is older than {vault_name} on this computer, which "
        "holds changes made after that file was written. Nothing was changed. Take over the "
        "newest hand-off file instead."
    )


def taken_over_text(vault_path: str, handoffs: int, from_host: str, set_aside: str | None) -> str:
    """What taking over did, for the command line and the window alike."""
    text = (
        f"The vault from {from_host or 'the other computer'} (hand-off {handoffs}) is now this "
        f"computer's vault: {vault_path}."
    )
    if set_aside:
        text += f" The vault that was here before is kept, unchanged, as {set_aside}."
    return text
