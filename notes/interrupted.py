"""One plain line for each piece of interrupted work finished or rolled back at start-up."""

from __future__ import annotations

_LINES = {
    "backup removed": "A backup cut short earlier was removed ({name}); your vault was not "
    "changed by it. Back up again when you can.",
    "passphrase change rolled back": "A passphrase change cut short earlier was undone: "
    "nothing was changed, and your old passphrase still applies.",
    "restore rolled back": "A restore from backup cut short earlier was undone: the vault is "
    "as it was before it.",
    "take-over rolled back": "Taking over a hand-off file was cut short earlier and undone: "
    "the vault on this computer is as it was; the hand-off file can be taken over again.",
    "hand-off rolled back": "A hand-off cut short earlier was undone: its unfinished file was "
    "removed ({name}), and this vault was not handed off; it stays writable here.",
    "restore finished": "A restore from backup cut short earlier was finished: the vault now "
    "holds the backup, and the file it replaced is kept beside it.",
}


def interrupted_line(outcome: str, name: str) -> str:
    """What happened to interrupted work, for the person (`outcome` is storage's value)."""
    return _LINES[outcome].format(name=name)
