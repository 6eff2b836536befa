"""Outcome measures in the vault: one administration per session and instrument."""

from __future__ import annotations

import json
from datetime import datetime

from notes.measures.scoring import AnsweredBy, MeasureResponse
from storage.audit import AuditAction
from storage.sessions import COUNTED
from storage.vault import Vault


def _response(session_id: int, key: str, answers: str, closing: str | None, by: str):
    return MeasureResponse(session_id, key, json.loads(answers), closing, AnsweredBy(by))


class MeasureRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def for_client(self, client_id: int) -> list[MeasureResponse]:
        """The client's measures, oldest session first."""
        rows = self._vault.read(
            "SELECT m.session_id, m.instrument, m.answers, m.closing, m.answered_by"
            " FROM measure_responses m JOIN sessions s ON s.id = m.session_id"
            f" WHERE s.client_id = ? AND {COUNTED} ORDER BY s.starts_at, s.id, m.instrument",
            (client_id,),
        )
        return [_response(*row) for row in rows]

    def for_session(self, session_id: int) -> list[MeasureResponse]:
        rows = self._vault.read(
            "SELECT session_id, instrument, answers, closing, answered_by"
            " FROM measure_responses WHERE session_id = ? ORDER BY instrument",
            (session_id,),
        )
        return [_response(*row) for row in rows]

    def save(self, response: MeasureResponse) -> None:
        """Replace the session's answers to this instrument (no answers at all removes them)."""
        with self._vault.transaction() as db:
            db.execute(
                "DELETE FROM measure_responses WHERE session_id = ? AND instrument = ?",
                (response.session_id, response.instrument_key),
            )
            if response.answers or response.closing:
                db.execute(
                    "INSERT INTO measure_responses"
                    " (session_id, instrument, answers, closing, answered_by, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        response.session_id,
                        response.instrument_key,
                        json.dumps(response.answers),
                        response.closing,
                        response.answered_by.value,
                        datetime.now().isoformat(timespec="seconds"),
                    ),
                )
            self._vault.audit(
                AuditAction.MEASURE_SAVED,
                f"session {response.session_id} {response.instrument_key}",
            )
