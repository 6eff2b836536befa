"""What the measures entries and buttons do: enter a session's measures, or hand the laptop to
the client (client mode); save through the service; then show any flagged item and offer a
risk note. `MeasureActions` binds them to the workspace's current client and session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from notes.alliance import session_to_rate
from notes.measures.scoring import MeasureResponse
from notes.records import Client, Session
from ui.errors import attempt
from ui.measures.calibration_dialog import show_calibration
from ui.measures.client_mode import ClientMode
from ui.measures.entry_dialog import MeasuresDialog
from ui.measures.flag_notice import offer_risk_note
from ui.vault_service import VaultService

if TYPE_CHECKING:
    from ui.workspace import Workspace


def _changed(response: MeasureResponse, saved: list[MeasureResponse]) -> bool:
    before = next((s for s in saved if s.instrument_key == response.instrument_key), None)
    if before is None:
        return bool(response.answers or response.closing)
    return (before.answers, before.closing) != (response.answers, response.closing)


def save_measures(
    parent: QWidget, service: VaultService, client: Client, responses: list[MeasureResponse]
) -> bool:
    """Save the responses that differ from what the vault holds (so answers the client gave
    stay the client's when the therapist only looks at them)."""
    for response in responses:
        saved = service.session_measures(response.session_id)
        saving = _changed(response, saved)
        if saving and not attempt(parent, lambda r=response: service.save_measure(r, client.id)):
            return False
    return True


class MeasureActions(QObject):
    def __init__(self, window: QWidget, service: VaultService, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._workspace = workspace

    def _target(self, session_id: int | None) -> tuple[Client, list[Session], Session] | None:
        client = self._workspace.current_client()
        if client is None:
            return None
        sessions = self._service.sessions(client.id)
        if not sessions:
            return None
        if session_id is None:
            current = self._workspace.editor.session
            if current is not None and current.void:  # nothing is added to a void session
                current = None
            rated = {r.session_id for r in self._service.measures(client.id)}
            chosen = current if current is not None else session_to_rate(sessions, rated)
            session_id = chosen.id
        session = next(s for s in sessions if s.id == session_id)
        return client, sessions, session

    def enter_measures(self, session_id: int | None = None) -> None:
        target = self._target(session_id)
        if target is None:
            return
        client, sessions, session = target
        saved: dict[int, list[MeasureResponse]] = {}
        for response in self._service.measures(client.id):
            saved.setdefault(response.session_id, []).append(response)
        dialog = MeasuresDialog(sessions, saved, session.id, self._window)
        try:
            if not dialog.exec():
                return
            responses = dialog.responses()
            chosen = next(s for s in sessions if s.id == dialog.session.session_id())
        finally:
            dialog.deleteLater()  # on the GUI thread, not by a worker's garbage collection
        if save_measures(self._window, self._service, client, responses):
            self._offer(client, chosen, responses)

    def show_calibration(self) -> None:
        show_calibration(self._window, self._service)

    def hand_to_client(self, session_id: int | None = None) -> None:
        """Client mode for a session (the one open in the editor, or the one due)."""
        target = self._target(session_id)
        if target is None:
            return
        client, _sessions, session = target
        editor = self._workspace.editor
        if not editor.flush():
            return
        self._workspace.hide()  # nothing of the vault behind client mode, even by Alt+Tab
        page = ClientMode(session.id, self._service.passphrase_matches, self._window)
        try:
            page.start()
            page.exec()
            responses, answers = page.responses(), page.alliance_answers()
            handed_back = page.handed_back
        finally:
            # Deleted here, on the GUI thread: left to the garbage collector, a worker thread
            # (the spelling dictionary loading) could be the one to collect it.
            page.deleteLater()
            if self._service.is_unlocked:  # a lock leaves the unlock page in front
                self._workspace.show()
        if not self._service.is_unlocked:  # locked meanwhile: the lock accepted the page
            return
        saved = save_measures(self._window, self._service, client, responses)
        if answers:
            rating = self._service.alliance_rating(session.id)
            rating.client = answers
            attempt(self._window, lambda: self._service.save_alliance_rating(rating, client.id))
        if saved and handed_back:
            self._offer(client, session, responses)

    def _offer(self, client: Client, session: Session, responses: list[MeasureResponse]) -> None:
        editor = self._workspace.editor
        if not any(r.raised_flags() for r in responses) or not editor.flush():
            return
        offer_risk_note(self._window, self._service, session, responses)
        if editor.session is not None and editor.session.id == session.id:
            editor.show_session(editor.session, client)  # shows the risk note just added
