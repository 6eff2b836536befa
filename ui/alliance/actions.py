"""What the conduct and alliance menu entries and buttons do: open a dialog, save through the
service, and follow up (signing a note marks its conduct check due and offers it; a drop in the
client's score suggests recording a rupture).

The flows are functions, so the client-page sections and the menu entries share them;
`AllianceActions` binds them to the workspace's current client and session.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from notes.alliance import Rupture, RuptureKind, rupture_to_offer, session_to_rate
from notes.conduct import (
    TREND_MONTHS,
    conduct_trend,
    due_after_later,
    needs_conduct_check,
    questions_for,
)
from notes.dates import recent_months
from notes.records import Client, Session, newest, not_void
from ui.alliance.check_dialog import AllianceDialog
from ui.alliance.rupture_dialog import RuptureDialog
from ui.conduct.check_dialog import Choice, ConductDialog
from ui.conduct.offer import ConductOffer
from ui.conduct.prompts_dialog import PromptSetDialog
from ui.conduct.trend import ConductTrendDialog
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD, Fields, draftable
from ui.vault_service import VaultService

if TYPE_CHECKING:  # the workspace builds the sections that use the flows below
    from ui.workspace import Workspace


def check_conduct(
    parent: QWidget,
    service: VaultService,
    client: Client,
    session: Session,
    fields: Fields | None = None,
) -> Choice:
    """Ask the conduct prompts for a session; "Later" keeps (or makes) the check due."""
    prompt_set = service.conduct_prompts()
    previous = service.conduct_check(session.id)
    questions = questions_for(prompt_set, session.first, previous)
    dialog = ConductDialog(client, session, prompt_set, questions, previous, parent)
    draftable(dialog, "check_conduct", fields)
    dialog.exec()
    if dialog.choice is Choice.SAVED:
        answers = dialog.answers()
        attempt(parent, lambda: service.save_conduct_answers(session, answers))
    elif dialog.choice is Choice.LATER and due_after_later(previous):
        attempt(parent, lambda: service.mark_conduct_due(session))
    return dialog.choice


def record_rupture(
    parent: QWidget,
    service: VaultService,
    client: Client,
    sessions: list[Session],
    session_id: int | None = None,
    rupture: Rupture | None = None,
    fields: Fields | None = None,
) -> None:
    """Record a new rupture (at `session_id`, or the latest session) or edit `rupture`."""
    latest = newest(sessions)
    if latest is None:
        return
    new = rupture is None
    if rupture is None:
        rupture = Rupture(session_id or latest.id, RuptureKind.WITHDRAWAL)
    dialog = RuptureDialog(rupture, sessions, parent)
    if new:
        draftable(dialog, "record_rupture", fields)
    else:  # reopened on the same rupture, found again by its id
        draftable(dialog, "edit_rupture", fields, rupture.id)
    if dialog.exec():
        attempt(parent, lambda: service.save_rupture(dialog.rupture(), client.id))


def rate_alliance(
    parent: QWidget,
    service: VaultService,
    client: Client,
    sessions: list[Session],
    session_id: int | None = None,
    fields: Fields | None = None,
) -> None:
    """Enter the alliance check for a session; if the client's score dropped, offer to record
    a rupture for it."""
    if not sessions:
        return
    ratings = {rating.session_id: rating for rating in service.alliance_ratings(client.id)}
    if session_id is None:
        session_id = session_to_rate(sessions, ratings).id
    dialog = AllianceDialog(sessions, ratings, session_id, parent)
    draftable(dialog, "rate_alliance", fields)
    if not dialog.exec():
        return
    rating = dialog.rating()
    if not attempt(parent, lambda: service.save_alliance_rating(rating, client.id)):
        return
    ratings_now, ruptures = service.alliance_ratings(client.id), service.ruptures(client.id)
    drop = rupture_to_offer(ratings_now, ruptures, rating.session_id)
    if drop is not None and ask_to_record_rupture(parent, drop.describe()):
        record_rupture(parent, service, client, sessions, drop.session_id)


def ask_to_record_rupture(parent: QWidget, why: str) -> bool:
    box = QMessageBox(parent)
    box.setWindowTitle("Record a rupture?")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(
        f"{why} A drop like this often marks a strain in the alliance, even when nothing was "
        "said. Would you like to record a rupture for this session?"
    )
    record = box.addButton("Record a rupture…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is record


def show_conduct_trend(parent: QWidget, service: VaultService, today: date | None = None) -> None:
    months = recent_months(today or date.today(), TREND_MONTHS)
    checks = service.conduct_checks_since(datetime.combine(months[0], datetime.min.time()))
    rows = conduct_trend(checks, service.conduct_prompts(), months)
    ConductTrendDialog(rows, months, len(checks), parent).exec()


def edit_conduct_prompts(
    parent: QWidget, service: VaultService, fields: Fields | None = None
) -> None:
    """Edit the prompt set; `fields` bring back the edits a lock set aside."""
    dialog = PromptSetDialog(service.conduct_prompts(), parent)
    if fields:
        dialog.restore_draft(fields)
    draftable(dialog, "edit_conduct_prompts", fields)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        attempt(parent, lambda: service.save_conduct_prompts(dialog.prompt_set()))


class AllianceActions(QObject):
    """The menu entries, on the workspace's current client and session."""

    def __init__(self, window: QWidget, service: VaultService, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._workspace = workspace
        self.offer: ConductOffer | None = None
        workspace.editor.signed.connect(self.after_signing)
        service.locked.connect(self._forget)

    def _client_and_sessions(self) -> tuple[Client, list[Session]] | None:
        client = self._workspace.current_client()
        if client is None:
            QMessageBox.information(self._window, "Alliance", "Choose a client first.")
            return None
        sessions = not_void(self._workspace.sessions.items())  # nothing is added to a void one
        if not sessions:
            QMessageBox.information(
                self._window, "Alliance", "Add a session for this client first."
            )
            return None
        return client, sessions

    def _current_session(self) -> tuple[Client, Session] | None:
        chosen = self._client_and_sessions()
        editing = self._workspace.editor.session
        if chosen is None:
            return None
        client, sessions = chosen
        session = next((s for s in sessions if editing and s.id == editing.id), None)
        if session is None:
            QMessageBox.information(self._window, "Alliance", "Choose a session first.")
            return None
        return client, session

    def after_signing(self, session_id: int) -> None:
        """Mark the new check due at once, then offer it without blocking anything."""
        client = self._workspace.current_client()
        if client is None:
            return
        session = next((s for s in self._service.sessions(client.id) if s.id == session_id), None)
        if session is None or not needs_conduct_check(session):
            return
        if not attempt(self._window, lambda: self._service.mark_conduct_due(session)):
            return
        if self.offer is not None:
            self.offer.close()
        offer = ConductOffer(client, session, self._window)
        offer.answerNow.connect(lambda: self._answer_offer(client, session))
        offer.destroyed.connect(lambda: self._offer_gone(offer))
        self.offer = offer
        offer.show()

    def _offer_gone(self, offer: ConductOffer) -> None:
        if self.offer is offer:
            self.offer = None

    def _answer_offer(self, client: Client, session: Session) -> None:
        if self._service.is_unlocked:
            check_conduct(self._window, self._service, client, session)

    def _forget(self) -> None:
        """On locking: the offer names a client, so it goes too."""
        if self.offer is not None:
            self.offer.close()

    # `fields` is a draft set aside by auto-lock (ui/lock/dialog_drafts.py); menus pass none.

    def check_conduct(self, fields: Fields | None = None) -> None:
        current = self._current_session()
        if current is not None:
            check_conduct(self._window, self._service, *current, fields=fields or None)

    def rate_alliance(self, fields: Fields | None = None) -> None:
        chosen = self._client_and_sessions()
        if chosen is not None:
            editing = self._workspace.editor.session
            rate_alliance(
                self._window,
                self._service,
                *chosen,
                editing.id if editing else None,
                fields=fields or None,
            )

    def record_rupture(self, fields: Fields | None = None) -> None:
        chosen = self._client_and_sessions()
        if chosen is not None:
            editing = self._workspace.editor.session
            record_rupture(
                self._window,
                self._service,
                *chosen,
                editing.id if editing else None,
                fields=fields or None,
            )

    def edit_rupture(self, fields: Fields) -> None:
        """Reopen the edit of a rupture that a lock set aside (its id is among the fields)."""
        chosen = self._client_and_sessions()
        if chosen is None:
            return
        client, sessions = chosen
        ruptures = self._service.ruptures(client.id)
        rupture = next((r for r in ruptures if r.id == fields[RECORD]), None)
        if rupture is not None:
            record_rupture(
                self._window, self._service, client, sessions, rupture=rupture, fields=fields
            )

    def show_conduct_trend(self) -> None:
        show_conduct_trend(self._window, self._service)

    def edit_conduct_prompts(self, fields: Fields | None = None) -> None:
        edit_conduct_prompts(self._window, self._service, fields)
