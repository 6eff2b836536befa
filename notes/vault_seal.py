"""The vault seal: the head of the signed-history chain, short enough to print and to type.

A seal is the number of entries the chain held and the first 80 bits of the hash at that
entry, written `1284-3F7A-92C1-0B5D-E4A8-6C20`. The count says where in the history to look, so
`alliance verify --seal` can recompute the chain up to that entry in a later vault and prove
that nothing signed before the report was changed. 80 bits keep a forged history that matches
a printed seal out of reach (2^80 tries), while the seal still fits on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEX_DIGITS = 20  # 80 bits
_GROUP = 4
_SHAPE = re.compile(r"^\s*(\d+)\s*[-:\s]\s*([0-9a-f\-\s]+?)\s*$", re.IGNORECASE)


class SealNotReadable(ValueError):
    """What was typed is not a seal; the text says what one looks like."""


@dataclass(frozen=True)
class VaultSeal:
    count: int  # signed records (notes, addenda, audit lines) the seal covers
    prefix: str  # the start of the chain's hash at that entry, lower-case hex

    @classmethod
    def of(cls, count: int, head_hash: str) -> VaultSeal:
        return cls(count, head_hash[:_HEX_DIGITS].lower())

    @property
    def text(self) -> str:
        digits = self.prefix.upper()
        groups = [digits[i : i + _GROUP] for i in range(0, len(digits), _GROUP)]
        return "-".join([str(self.count), *groups])

    def matches(self, head_hash: str) -> bool:
        return head_hash.lower().startswith(self.prefix)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SealCheck:
    """A seal compared with a vault: the chain recomputed from its records as they are now."""

    seal: VaultSeal
    held: int  # entries the vault's chain holds up to the seal's count
    matches: bool

    def describe(self) -> str:
        return seal_result(self.seal, self.held, self.matches)


def parse_seal(text: str) -> VaultSeal:
    """A seal as typed from a report: case, spaces and dashes between groups do not matter."""
    found = _SHAPE.match(text or "")
    digits = re.sub(r"[\s\-]", "", found.group(2)).lower() if found else ""
    if not found or len(digits) != _HEX_DIGITS or int(found.group(1)) < 1:
        raise SealNotReadable(
            f"“{text}” is not a vault seal. A seal is a number and five groups of four letters "
            "or digits, as printed at the end of a report: 1284-3F7A-92C1-0B5D-E4A8-6C20."
        )
    return VaultSeal(int(found.group(1)), digits)


def seal_sentence(seal: VaultSeal) -> str:
    """What a report prints under its seal."""
    records = "signed record" if seal.count == 1 else "signed records"
    return (
        f"Vault seal {seal.text}: it covers the {seal.count:,} {records} (signed notes, addenda "
        "and audit lines) the vault held when this was prepared. Whoever holds this copy can "
        f"later ask the therapist to run “alliance verify --seal {seal.text}” on the vault: it "
        "proves that nothing signed before this report was changed since."
    )


def seal_result(seal: VaultSeal, held: int, matches: bool) -> str:
    """What `verify --seal` says: the history up to the seal holds, or it does not."""
    if held < seal.count:
        return (
            f"The seal {seal.text} does NOT match: it covers {seal.count:,} signed records, but "
            f"this vault's history holds only {held:,}. Signed history was removed, or the seal "
            "is from another vault."
        )
    if matches:
        return (
            f"The seal {seal.text} matches: the {seal.count:,} signed records it covers are "
            "unchanged since it was printed."
        )
    return (
        f"The seal {seal.text} does NOT match: signed history from before it was printed was "
        "changed, removed or rewritten since — or the seal is from another vault."
    )
