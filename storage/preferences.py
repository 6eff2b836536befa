"""Preferences kept inside the vault, because they may point at a client (last open client).

Each key has a typed accessor here and nowhere else names the key: a value read back from a
newer or damaged vault that does not parse reads as "not set".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from notes.templates import DEFAULT_TEMPLATE, is_template
from storage.vault import Vault

# The keys as they are stored; changing one forgets what earlier versions kept.
_DEFAULT_TEMPLATE = "default_template"
_LAST_CLIENT = "last_client_id"
_LAST_SESSION = "last_session_id"
_LAST_INTEGRITY_CHECK = "last_integrity_check"
_PENDING_DIALOG = "pending_dialog"
_REPORT_THERAPIST = "report_therapist_name"
_REPORT_SUPERVISOR = "report_supervisor_name"
_REPORT_FOLDER = "report_folder"


class Preferences:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def _get(self, key: str, default: str = "") -> str:
        row = self._vault.read_one("SELECT value FROM preferences WHERE key = ?", (key,))
        return row[0] if row else default

    def _set(self, key: str, value: str, durable: bool = True) -> None:
        if not self._vault.writable:  # read-only, or a handed-off copy: it remembers nothing
            return
        with self._vault.transaction(durable) as db:
            db.execute(
                "INSERT INTO preferences (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _id(self, key: str) -> int | None:
        value = self._get(key)
        return int(value) if value.isdigit() else None

    # -- the workspace -------------------------------------------------------------------------

    def default_template(self) -> str:
        """The template for new progress notes; one this version does not know (or an own
        template while the vault's are not registered) reads as the default."""
        key = self._get(_DEFAULT_TEMPLATE, DEFAULT_TEMPLATE)
        return key if is_template(key) else DEFAULT_TEMPLATE

    def set_default_template(self, key: str) -> None:
        self._set(_DEFAULT_TEMPLATE, key)

    def last_client_id(self) -> int | None:
        return self._id(_LAST_CLIENT)

    def set_last_client_id(self, client_id: int) -> None:
        # Written at every click on a client or a session: not worth waiting for the disk
        # (a few milliseconds, many more while other programs write), and at worst a power
        # cut reopens the client before.
        self._set(_LAST_CLIENT, str(client_id), durable=False)

    def last_session_id(self) -> int | None:
        return self._id(_LAST_SESSION)

    def set_last_session_id(self, session_id: int) -> None:
        self._set(_LAST_SESSION, str(session_id), durable=False)  # as the client's

    def pending_dialog(self) -> str:
        """A dialog set aside at an auto-lock (its fields as JSON), or "" when there is none."""
        return self._get(_PENDING_DIALOG)

    def set_pending_dialog(self, draft: str) -> None:
        self._set(_PENDING_DIALOG, draft)

    # -- the daily damage check ----------------------------------------------------------------

    def last_integrity_check(self) -> date | None:
        value = self._get(_LAST_INTEGRITY_CHECK)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def set_last_integrity_check(self, day: date | None) -> None:
        """The day the background check last started; None: check again at the next unlock."""
        self._set(_LAST_INTEGRITY_CHECK, day.isoformat() if day else "")

    # -- reports: what the export dialog remembers and the command line reuses -----------------

    def report_therapist(self) -> str:
        return self._get(_REPORT_THERAPIST)

    def set_report_therapist(self, name: str) -> None:
        self._set(_REPORT_THERAPIST, name)

    def report_supervisor(self) -> str:
        return self._get(_REPORT_SUPERVISOR)

    def set_report_supervisor(self, name: str) -> None:
        self._set(_REPORT_SUPERVISOR, name)

    def report_folder(self) -> Path | None:
        """The folder the last export went to, or None before the first export."""
        value = self._get(_REPORT_FOLDER)
        return Path(value) if value else None

    def set_report_folder(self, folder: Path) -> None:
        self._set(_REPORT_FOLDER, str(folder))
