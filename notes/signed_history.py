"""Signed history as a hash chain: what each entry covers, how entries link, what a check says.

Signed notes, addenda and audit lines are entries of one SHA-256 chain, in the order Alliance
wrote them: each entry's hash covers its record's canonical content and the previous entry's
hash, so changing, removing or slipping in a record anywhere breaks every hash after it. The
canonical content is built here from plain values (storage reads them), so the same rule serves
signing, the migration that chains an older vault, and the check that recomputes everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum, unique

from notes.vault_seal import SealCheck

# The hash before the first entry.
GENESIS = "0" * 64


@unique
class EntryKind(StrEnum):
    """What an entry is over; the text is stored in the vault, so it never changes."""

    NOTE = "signed note"
    ADDENDUM = "addendum"
    AUDIT = "audit line"


def note_content(
    session_id: int, client_id: int | None, template: str, sections: str, signed_at: str | None
) -> bytes:
    """A signed progress note: whose session it is, its template, its text and when signed.

    The sections are compared as data (key order in the stored JSON is not content), and the
    session's date is left out: correcting a session's date is not rewriting its note.
    """
    try:
        text: object = json.loads(sections)
    except (TypeError, ValueError):  # not JSON: whatever it is, it is compared as it stands
        text = sections
    return _canonical(
        EntryKind.NOTE,
        session=session_id,
        client=client_id,
        template=template,
        sections=text,
        signed_at=signed_at,
    )


def addendum_content(addendum_id: int, session_id: int, written_at: str, text: str) -> bytes:
    return _canonical(
        EntryKind.ADDENDUM, id=addendum_id, session=session_id, written_at=written_at, text=text
    )


def audit_content(line_id: int, at: str, action: str, record: str) -> bytes:
    return _canonical(EntryKind.AUDIT, id=line_id, at=at, action=action, record=record)


def _canonical(kind: EntryKind, **values: object) -> bytes:
    # Sorted keys, no spacing, text as UTF-8 exactly as stored (no normalisation: a changed
    # normal form is a changed byte, and the check must see it).
    return json.dumps(
        {"kind": kind.value, **values}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8", "surrogatepass")


def digest(content: bytes) -> str:
    """The SHA-256 of one entry's canonical content, as hex."""
    return hashlib.sha256(content).hexdigest()


def link(previous: str, content_digest: str) -> str:
    """An entry's chain hash: SHA-256 over the previous entry's hash and its own content's."""
    return hashlib.sha256(bytes.fromhex(previous) + bytes.fromhex(content_digest)).hexdigest()


# -- what a check finds -------------------------------------------------------------------


@unique
class Change(StrEnum):
    CHANGED = "changed"
    UNSIGNED = "unsigned"
    REMOVED = "removed"
    HIDDEN = "hidden"  # the record is there, but its session is gone, so nothing shows it
    ADDED = "added"  # a signed record Alliance never chained: written outside it
    RELINKED = "relinked"  # the chain's own entry was rewritten, not (only) the record
    GAP = "gap"  # entries of the chain itself are missing just before this one
    CHAIN_REMOVED = "chain removed"  # the whole record of signed history is gone


@dataclass(frozen=True)
class Finding:
    """One signed record whose history does not hold, named as the therapist knows it: the
    client's code and the session's number (None when those are gone too), and the record's
    own time (ISO, as stored), where known."""

    kind: EntryKind
    change: Change
    client_code: str | None = None
    session_number: int | None = None
    at: str = ""

    def describe(self) -> str:
        if self.change is Change.CHAIN_REMOVED:
            return (
                f"Signed history: the vault's record of it was removed {_OUTSIDE}, so no signed "
                "record can be checked any more"
            )
        when = _when(self.at, with_time=self.kind is EntryKind.AUDIT)
        return f"{self._where()}: {_WHAT[self.kind, self.change].format(of=when)}"

    def _where(self) -> str:
        if self.kind is EntryKind.AUDIT:
            return "Audit log"
        client = self.client_code or "A client no longer in the vault"
        session = (
            f"session {self.session_number}"
            if self.session_number
            else "a session no longer in the vault"
        )
        return f"{client}, {session}"


def _when(at: str, with_time: bool) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return ""
    day = f"{moment.day} {moment:%B %Y}"
    return f" of {day}, {moment:%H:%M}" if with_time else f" of {day}"


_OUTSIDE = "outside Alliance"
_WHAT: dict[tuple[EntryKind, Change], str] = {
    (EntryKind.NOTE, Change.CHANGED): f"the signed note was changed {_OUTSIDE}",
    (EntryKind.NOTE, Change.UNSIGNED): f"the signed note was unsigned {_OUTSIDE}",
    (EntryKind.NOTE, Change.REMOVED): f"the signed note was removed {_OUTSIDE}",
    (EntryKind.NOTE, Change.HIDDEN): (
        f"the session of the signed note was deleted {_OUTSIDE}, which hides the note"
    ),
    (EntryKind.NOTE, Change.ADDED): f"the note was signed {_OUTSIDE}",
    (EntryKind.NOTE, Change.RELINKED): (
        f"the vault's record of this signed note was rewritten {_OUTSIDE}"
    ),
    (EntryKind.ADDENDUM, Change.CHANGED): f"the addendum{{of}} was changed {_OUTSIDE}",
    (EntryKind.ADDENDUM, Change.REMOVED): f"an addendum{{of}} was removed {_OUTSIDE}",
    (EntryKind.ADDENDUM, Change.HIDDEN): (
        f"the session of an addendum{{of}} was deleted {_OUTSIDE}, which hides it"
    ),
    (EntryKind.ADDENDUM, Change.ADDED): f"an addendum{{of}} was added {_OUTSIDE}",
    (EntryKind.ADDENDUM, Change.RELINKED): (
        f"the vault's record of the addendum{{of}} was rewritten {_OUTSIDE}"
    ),
    (EntryKind.AUDIT, Change.CHANGED): f"the line{{of}} was changed {_OUTSIDE}",
    (EntryKind.AUDIT, Change.REMOVED): f"a line{{of}} was removed {_OUTSIDE}",
    (EntryKind.AUDIT, Change.ADDED): f"a line{{of}} was added {_OUTSIDE}",
    (EntryKind.AUDIT, Change.RELINKED): (
        f"the vault's record of the line{{of}} was rewritten {_OUTSIDE}"
    ),
}
_GAP = (
    f"entries of the vault's record of signed history were removed {_OUTSIDE} just before "
    "this record{of}"
)
_WHAT.update({(kind, Change.GAP): _GAP for kind in EntryKind})


def history_warning(findings: list[str], shown: int = 12) -> str:
    """What the window and `verify` say when signed history does not hold."""
    lines = [f"• {line}" for line in findings[:shown]]
    if len(findings) > shown:
        lines.append(f"… and {len(findings) - shown} more.")
    return (
        "Signed history in this vault was changed outside Alliance. Alliance did not make "
        "these changes:\n\n" + "\n".join(lines) + "\n\nKeep the vault file as it is. A backup "
        "made before the change still holds the signed records as they were; a supervisor's "
        "report with its vault seal can show which history was signed before it."
    )


def verify_lines(findings: Sequence[Finding], seal: SealCheck | None) -> tuple[bool, list[str]]:
    """What `verify` prints about signed history, and whether it holds (and the seal, if
    one was given, matches)."""
    lines = ["Signed history changed outside Alliance:"] if findings else []
    lines += [f"  {finding.describe()}" for finding in findings]
    if not findings and (seal is None or seal.matches):
        lines.append(
            "Signed history holds: every signed note, addendum and audit line is as Alliance "
            "wrote it (the hash chain recomputed)."
        )
    if seal is not None:
        lines.append(seal.describe())
    return not findings and (seal is None or seal.matches), lines


def note_warning(change: Change) -> str:
    """What the note editor says beside a signed note whose history does not hold."""
    if change is Change.CHAIN_REMOVED:
        return (
            "Warning: the vault's record of signed history was removed outside Alliance, so "
            "this note cannot be shown to be as it was signed."
        )
    if change is Change.ADDED:
        return "Warning: this note was signed outside Alliance, which has no record of signing it."
    return (
        "Warning: this signed note was changed outside Alliance after it was signed; the text "
        "shown is not the text that was signed. Vault → Check for damage lists every change."
    )
