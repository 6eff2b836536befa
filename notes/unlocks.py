"""Failed unlocks between two unlocks: how many, since when, and the audit line that says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FailedUnlocks:
    """Wrong passphrases tried since the last unlock, and the time of the first of them.

    Nothing else is kept about them: not the passphrase, not a hash of it, nothing about a client.
    """

    count: int
    since: datetime

    @classmethod
    def first(cls, at: datetime) -> FailedUnlocks:
        return cls(1, at.replace(microsecond=0))

    def another(self) -> FailedUnlocks:
        """One more failure; the time stays that of the first since the last unlock."""
        return FailedUnlocks(self.count + 1, self.since)

    def audit_record(self) -> str:
        """The audit line's record, e.g. "3 failed unlocks since 2026-05-04 09:12:30"."""
        plural = "" if self.count == 1 else "s"
        # ISO digits rather than a month name: the same text whatever the locale of the
        # process (the window or the command line) that unlocks.
        return f"{self.count} failed unlock{plural} since {self.since:%Y-%m-%d %H:%M:%S}"
