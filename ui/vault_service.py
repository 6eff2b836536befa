"""The one object the widgets talk to about the vault; it announces every change once.

Widgets never hold a repository: they call this service and refresh themselves on its signals.
Locking drops the vault and tells every view to forget what it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

# The window makes this service before its first paint, but the vault layer is needed only
# from the first unlock on: the repositories, records and storage modules are imported there
# (and in the few methods that use one before), not at start-up (tests/test_startup_imports.py).
if TYPE_CHECKING:
    from datetime import date, datetime

    from notes.alliance import AllianceRating, BoundaryEvent, ContractItem, Goal, Rupture
    from notes.audit_records import RecordNames
    from notes.conduct import ConductAnswer, ConductCheck, PromptSet
    from notes.lineage import Lineage
    from notes.measures.scoring import MeasureResponse
    from notes.observations import Category, Observation, ObservationKind
    from notes.phrases import Phrase
    from notes.progress import Progress
    from notes.records import Addendum, Client, ClientStatus, ProcessNote, ProgressNote, Session
    from notes.search_query import SearchOrder
    from notes.session_changes import SessionContents
    from notes.supervision import AgendaItem, Question, Supervision
    from notes.supervisor_comments import CommentsRead, SupervisorComment
    from notes.templates import Template
    from storage import taking_over
    from storage.audit import AuditLog
    from storage.conduct import ConductGlance
    from storage.held_text import SealedText
    from storage.report_data import ReportData
    from storage.search import SearchHit
    from storage.sync_folders import Surroundings
    from storage.vault import IntegrityReport, Vault


SEARCH_LIMIT = 50  # results a search lists, newest (or best) first


def _backup_folders(vault_path: Path) -> tuple[Path, ...]:
    from ui import app_settings

    folder = app_settings.backup_folder(vault_path)
    return (folder,) if folder else ()


class VaultService(QObject):
    unlocked = Signal()
    locked = Signal()
    clientsChanged = Signal()
    sessionsChanged = Signal(int)  # client id
    noteSaved = Signal(int)  # session id

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._vault: Vault | None = None
        self._held: SealedText | None = None  # unsaved text kept over a lock
        self._returned: str | None = None  # that text, unsealed at unlock, until taken

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    def vault_exists(self) -> bool:
        return self.path.exists() and self.path.stat().st_size > 0

    def create(self, passphrase: str) -> None:
        from storage.vault import Vault

        vault = Vault.create(self.path, passphrase)
        self._passphrase_at_hand(passphrase)
        self._attach(vault)

    def unlock(self, passphrase: str, progress: Progress | None = None) -> None:
        """Open the vault; `progress` hears from a long update of a vault an older version
        of Alliance wrote (it runs inside the unlock, before the vault can be read)."""
        from storage.vault import Vault

        # Vault.open counts a wrong passphrase and logs the count at the next unlock; the
        # backup folder lets it recognise a passphrase from before a change.
        vault = Vault.open(
            self.path, passphrase, backup_folders=_backup_folders(self.path), progress=progress
        )
        self._passphrase_at_hand(passphrase)
        self._attach(vault)

    @property
    def read_only_because(self) -> str | None:
        """Why the open vault takes no changes (read-only media, damage found); None if it does."""
        return self._vault.read_only_because if self._vault is not None else None

    @property
    def cannot_write_because(self) -> str | None:
        """Why nothing typed could be saved now (a read-only vault or a handed-off copy), in a
        few plain words; None when the vault takes changes."""
        from notes.lineage import read_only_reason

        if self._vault is None:
            return None
        if self._vault.read_only_because is not None:
            return self._vault.read_only_because
        moved = self._vault.moved
        return read_only_reason(moved) if moved is not None else None

    def tidy_interrupted(self) -> list[str]:
        """Finish or roll back work a crash cut short (backup, restore, passphrase change):
        one plain line for each, to show before the vault is opened."""
        from notes.interrupted import interrupted_line
        from storage.interrupted import tidy

        done = tidy(self.path, _backup_folders(self.path))
        return [interrupted_line(item.outcome, item.file.name) for item in done]

    def lock(self) -> None:
        from notes.templates import use_own_templates

        if self._vault is None:
            return
        vault, self._vault = self._vault, None
        try:
            vault.close()
        finally:
            use_own_templates([])
            self.locked.emit()

    # -- text that could not be saved, held over a lock (storage/held_text.py) -------------

    def _passphrase_at_hand(self, passphrase: str) -> None:
        """Unseal text held over the last lock (only then is a key derived)."""
        from storage.held_text import unseal

        if self._held is not None:
            self._returned = unseal(self._held, passphrase)
            if self._returned is not None:
                self._held = None

    def hold_unsaved(self, text: str) -> None:
        """Keep text the vault could not take, sealed in memory, over the lock that follows."""
        self._held = self._require().seal(text)

    @property
    def holds_unsaved(self) -> bool:
        """Unsaved text is held (sealed while locked, or unsealed and not yet taken back)."""
        return self._held is not None or self._returned is not None

    def take_held(self) -> str | None:
        """The text held over the lock, once, after the unlock that unsealed it."""
        text, self._returned = self._returned, None
        return text

    def _attach(self, vault: Vault) -> None:
        from notes.templates import use_own_templates
        from storage.alliance import AllianceRepository
        from storage.clients import ClientRepository
        from storage.conduct import ConductRepository
        from storage.measures import MeasureRepository
        from storage.note_store import NoteRepository
        from storage.observations import CategoryRepository, ObservationRepository
        from storage.preferences import Preferences
        from storage.sessions import SessionRepository
        from storage.supervision import SupervisionRepository
        from storage.templates import OwnTemplateRepository
        from storage.writing import WritingRepository

        self._vault = vault
        self._clients = ClientRepository(vault)
        self._sessions = SessionRepository(vault)
        self._notes = NoteRepository(vault)
        self._conduct = ConductRepository(vault)
        self._alliance = AllianceRepository(vault)
        self._measures = MeasureRepository(vault)
        self._categories = CategoryRepository(vault)
        self._observations = ObservationRepository(vault)
        self._preferences = Preferences(vault)
        self._writing = WritingRepository(vault)
        self._own_templates = OwnTemplateRepository(vault)
        self._supervision = SupervisionRepository(vault)
        use_own_templates(self._own_templates.list())
        self.unlocked.emit()

    # -- clients and sessions --------------------------------------------------------------

    def clients(self, include_closed: bool = False) -> list[Client]:
        return self._clients.list(include_closed)

    def client(self, client_id: int) -> Client:
        return self._clients.get(client_id)

    def client_codes(self) -> set[str]:
        return self._clients.codes()

    def save_client(self, client: Client) -> Client:
        saved = self._clients.save(client)
        self.clientsChanged.emit()
        return saved

    def set_client_status(self, client_id: int, status: ClientStatus) -> None:
        self._clients.set_status(client_id, status)
        self.clientsChanged.emit()

    def sessions(self, client_id: int) -> list[Session]:
        return self._sessions.for_client(client_id)

    def session_list(self, client_id: int) -> list[Session]:
        """Every session, void ones too: the session list shows them, marked void."""
        return self._sessions.for_client(client_id, include_void=True)

    def save_session(self, session: Session) -> Session:
        saved = self._sessions.save(session)
        self.sessionsChanged.emit(saved.client_id)
        if session.id is not None:  # an edited date or attendance moves charts and counts
            self._client_records_changed(saved.client_id)
        return saved

    def session_contents(self, session_id: int) -> SessionContents:
        return self._sessions.contents(session_id)

    def delete_session(self, session: Session) -> None:
        """Delete a session without a signed note, and all that is recorded on it."""
        self._sessions.delete(session.id)
        self.sessionsChanged.emit(session.client_id)
        self._client_records_changed(session.client_id)

    def void_session(self, session: Session, reason: str) -> Session:
        """Void a session with a signed note: it stays, marked void, out of counts and charts."""
        voided = self._sessions.void(session.id, reason)
        self.sessionsChanged.emit(session.client_id)
        self.noteSaved.emit(session.id)  # search results and the note show it is void
        self._client_records_changed(session.client_id)
        return voided

    def _client_records_changed(self, client_id: int) -> None:
        """What is recorded on a client's sessions changed as a whole: every view refreshes."""
        self.conductChanged.emit(client_id)
        self.allianceChanged.emit(client_id)
        self.measuresChanged.emit(client_id)
        self.observationsChanged.emit(client_id)

    # -- notes -----------------------------------------------------------------------------

    def progress_note(self, session_id: int) -> ProgressNote:
        return self._notes.progress_note(session_id, self._preferences.default_template())

    def signed_note_warning(self, session_id: int) -> str | None:
        """A warning when the signed note was changed (or signed) outside Alliance."""
        from notes.signed_history import note_warning

        change = self._notes.signed_note_change(session_id)
        return note_warning(change) if change else None

    def save_progress_note(self, note: ProgressNote) -> None:
        self._notes.save_progress_note(note)
        self.noteSaved.emit(note.session_id)

    def sign(self, note: ProgressNote, client_id: int) -> ProgressNote:
        signed = self._notes.sign(note)
        self.noteSaved.emit(note.session_id)
        self.sessionsChanged.emit(client_id)
        return signed

    def add_addendum(self, session_id: int, text: str) -> Addendum:
        addendum = self._notes.add_addendum(session_id, text)
        self.noteSaved.emit(session_id)
        return addendum

    def process_note(self, session_id: int) -> ProcessNote:
        return self._notes.process_note(session_id)

    def save_process_note(self, note: ProcessNote) -> None:
        self._notes.save_process_note(note)
        self.noteSaved.emit(note.session_id)

    # -- conduct checks and the working alliance --------------------------------------------
    # Announced per client (the client's id), so only that client's views refresh.

    conductChanged = Signal(int)
    allianceChanged = Signal(int)
    conductPromptsChanged = Signal()  # the therapist's prompt set, for every client

    def conduct_prompts(self) -> PromptSet:
        return self._conduct.prompt_set()

    def save_conduct_prompts(self, prompt_set: PromptSet) -> None:
        self._conduct.save_prompt_set(prompt_set)
        self.conductPromptsChanged.emit()

    def conduct_check(self, session_id: int) -> ConductCheck | None:
        return self._conduct.check(session_id)

    def conduct_checks(self, client_id: int) -> list[ConductCheck]:
        return self._conduct.for_client(client_id)

    def conduct_glance(self, client_id: int) -> ConductGlance:
        return self._conduct.glance(client_id)

    def conduct_checks_since(self, moment: datetime) -> list[ConductCheck]:
        return self._conduct.since(moment)

    def mark_conduct_due(self, session: Session) -> None:
        """Remember the check until it is answered; the session list shows it is due."""
        self._conduct.mark_due(session.id)
        self.sessionsChanged.emit(session.client_id)

    def save_conduct_answers(self, session: Session, answers: list[ConductAnswer]) -> None:
        self._conduct.save_answers(session.id, answers)
        self.conductChanged.emit(session.client_id)
        self.sessionsChanged.emit(session.client_id)

    def alliance_ratings(self, client_id: int) -> list[AllianceRating]:
        return self._alliance.ratings(client_id)

    def alliance_rating(self, session_id: int) -> AllianceRating:
        return self._alliance.rating(session_id)

    def save_alliance_rating(self, rating: AllianceRating, client_id: int) -> None:
        self._alliance.save_rating(rating)
        self.allianceChanged.emit(client_id)

    def ruptures(self, client_id: int) -> list[Rupture]:
        return self._alliance.ruptures(client_id)

    def save_rupture(self, rupture: Rupture, client_id: int) -> Rupture:
        saved = self._alliance.save_rupture(rupture)
        self.allianceChanged.emit(client_id)
        return saved

    # -- outcome measures ---------------------------------------------------------------------

    measuresChanged = Signal(int)  # client id

    def measures(self, client_id: int) -> list[MeasureResponse]:
        return self._measures.for_client(client_id)

    def session_measures(self, session_id: int) -> list[MeasureResponse]:
        return self._measures.for_session(session_id)

    def save_measure(self, response: MeasureResponse, client_id: int) -> None:
        self._measures.save(response)
        self.measuresChanged.emit(client_id)

    def passphrase_matches(self, passphrase: str) -> bool:
        """Whether `passphrase` opens this vault (checked on a fresh connection), to hand the
        laptop back from client mode; the open vault stays as it is."""
        from storage.errors import WrongPassphrase
        from storage.vault import connect

        self._require()
        try:
            connect(self.path, passphrase).close()
        except (WrongPassphrase, ValueError):  # ValueError: a NUL, which no passphrase holds
            return False
        return True

    def contract(self, client_id: int) -> list[ContractItem]:
        """Every contract term for the client, explained or not, in the usual order."""
        from notes.alliance import full_contract

        return full_contract(client_id, self._alliance.contract(client_id))

    def save_contract_item(self, item: ContractItem) -> None:
        self._alliance.save_contract_item(item)
        self.allianceChanged.emit(item.client_id)

    def goals(self, client_id: int) -> list[Goal]:
        return self._alliance.goals(client_id)

    def save_goal(self, goal: Goal) -> Goal:
        saved = self._alliance.save_goal(goal)
        self.allianceChanged.emit(goal.client_id)
        return saved

    def boundary_events(self, client_id: int) -> list[BoundaryEvent]:
        """Every boundary event, those on a void session too (marked: the client page shows
        them outside its counts)."""
        return self._alliance.boundary_events(client_id, include_void=True)

    def save_boundary_event(self, event: BoundaryEvent) -> BoundaryEvent:
        saved = self._alliance.save_boundary_event(event)
        self.allianceChanged.emit(event.client_id)
        return saved

    # -- search ----------------------------------------------------------------------------

    def search(
        self, text: str, order: SearchOrder | None = None, limit: int = SEARCH_LIMIT
    ) -> list[SearchHit]:
        """Clients, then notes newest (or best, `order`; newest when None) first, for what was
        typed; [] while locked.

        Safe on a worker thread (the search box runs it there): it reads on the vault's own
        read connection, so a save on the GUI thread never waits for it.
        """
        from notes.search_query import NEWEST
        from storage.search import SearchIndex

        vault = self._vault  # read once: a lock on the GUI thread may drop it meanwhile
        if vault is None:
            return []
        return SearchIndex(vault, detached=True).search(text, limit, order or NEWEST)

    def search_snippets(self, text: str, hits: list[SearchHit]) -> list[SearchHit]:
        """`hits` of a search for `text` with the snippets a search left due (rows beyond the
        first screenful, once they are shown); `hits` as they are while locked. Safe on a
        worker thread, like `search`."""
        from storage.search import SearchIndex

        vault = self._vault
        if vault is None:
            return list(hits)
        return SearchIndex(vault, detached=True).snippets_of(text, hits)

    # -- vault safety: backups, integrity, passphrase, audit ---------------------------------
    # The first three may run on a worker thread (ui/jobs.py): they touch no widget.

    def back_up(self, folder: Path, keep: int | None = None, progress: Progress | None = None):
        """A new verified backup in `folder`; with `keep`, older ones beyond it are deleted."""
        from storage import backups

        path = backups.back_up(self._require(), folder, progress)
        if keep:
            backups.prune(folder, self.path, keep)
        return path

    def integrity_check(self) -> IntegrityReport:
        return self._require().integrity_check()

    def change_passphrase(
        self, current: str, new: str, backup_folder: Path, progress: Progress | None = None
    ) -> Path:
        vault = self._require()
        vault.refuse_writes()  # rekeying rewrites every page: not in a read-only vault
        return vault.change_passphrase(current, new, backup_folder, progress)

    def restore_files(
        self, backup: Path, passphrase: str, progress: Progress | None = None
    ) -> Path:
        """Put `backup` in the locked vault's place (the old file kept aside); may run on a
        worker thread. Returns where the old file went."""
        from storage import backups

        if self._vault is not None:
            raise RuntimeError("lock the vault before restoring")
        return backups.restore(backup, self.path, passphrase, progress)

    def unlock_restored(self, backup: Path, passphrase: str) -> None:
        from storage.audit import AuditAction

        self.unlock(passphrase)
        self._require().audit(AuditAction.RESTORE, Path(backup).name)

    def newest_backup(self, folder: Path | None) -> Path | None:
        from storage import backups

        found = backups.backups_in(folder, self.path) if folder else []
        return found[0] if found else None

    def backup_opens_with(self, backup: Path, passphrase: str) -> bool:
        from storage.errors import VaultError
        from storage.vault import verify_copy

        # A question, not an action: any reason the backup does not open is simply "no".
        try:
            verify_copy(backup, passphrase)
        except VaultError:
            return False
        return True

    def audit_log(self) -> AuditLog:
        from storage.audit import AuditLog

        return AuditLog(self._require())

    def record_names(self) -> RecordNames:
        """Every client's code and every session's number, for naming audit lines."""
        from notes.audit_records import RecordNames

        clients = self.clients(include_closed=True)
        sessions = {
            session.id: (client.code, session.number)
            for client in clients
            for session in self.session_list(client.id)
        }
        supervisions = {s.id: s.held_on for s in self._supervision.sessions() if s.id}
        return RecordNames({client.id: client.code for client in clients}, sessions, supervisions)

    # -- hand-off between two computers (storage/handoff.py, storage/taking_over.py) -------
    # Both run on a worker thread with the vault locked: they open the file themselves.

    @property
    def moved(self) -> Lineage | None:
        """Why the open vault is read-only (handed off, in transit, kept), or None."""
        return self._vault.moved if self._vault is not None else None

    def hand_off(self, passphrase: str, folder: Path, progress: Progress | None = None) -> Path:
        from storage import handoff

        if self._vault is not None:
            raise RuntimeError("lock the vault before handing it off")
        return handoff.hand_off(self.path, passphrase, folder, progress)

    def take_over(
        self, file: Path, passphrase: str, progress: Progress | None = None
    ) -> taking_over.TakeOver:
        from storage import taking_over

        if self._vault is not None:
            raise RuntimeError("lock the vault before taking another one over")
        return taking_over.take_over(file, self.path, passphrase, progress)

    def move_out(
        self, passphrase: str, new_path: Path, through: Path, progress: Progress | None = None
    ) -> taking_over.TakeOver:
        """Move the locked vault out of a synced folder to `new_path`; `relocate` follows."""
        from storage import taking_over

        if self._vault is not None:
            raise RuntimeError("lock the vault before moving it")
        return taking_over.move_out(self.path, passphrase, new_path, through, progress)

    def relocate(self, new_path: Path) -> None:
        """From now on the vault is the one at `new_path` (after `move_out`)."""
        if self._vault is not None:
            raise RuntimeError("lock the vault before moving it")
        self.path = Path(new_path)

    def keep_beside(self, file: Path, passphrase: str) -> Path:
        from storage import taking_over

        return taking_over.keep_beside(file, self.path, passphrase)

    def surroundings(self) -> Surroundings:
        from storage.sync_folders import look_around

        return look_around(self.path)

    def _require(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is locked")
        return self._vault

    # -- transference and countertransference observations --------------------------------
    # The signals sit here with the methods that emit them. Anchor offsets change with every
    # edit before a tag; they are saved with the note and announced like any other change.

    observationsChanged = Signal(int)  # client id
    categoriesChanged = Signal()

    def observation_categories(
        self, kind: ObservationKind | None = None, include_retired: bool = True
    ) -> list[Category]:
        return self._categories.list(kind, include_retired)

    def save_observation_category(self, category: Category) -> Category:
        saved = self._categories.save(category)
        self.categoriesChanged.emit()
        return saved

    def session_observations(self, session_id: int) -> list[Observation]:
        return self._observations.for_session(session_id)

    def client_observations(self, client_id: int) -> list[Observation]:
        return self._observations.for_client(client_id)

    def save_observation(self, observation: Observation, client_id: int) -> Observation:
        saved = self._observations.save(observation)
        self.observationsChanged.emit(client_id)
        return saved

    def save_observation_anchors(self, observations: list[Observation], client_id: int) -> None:
        if observations:
            self._observations.save_anchors(observations)
            self.observationsChanged.emit(client_id)

    def delete_observation(self, observation_id: int, client_id: int) -> None:
        self._observations.delete(observation_id)
        self.observationsChanged.emit(client_id)

    # -- supervision: the agenda, sessions with a supervisor, agreed actions ----------------

    supervisionChanged = Signal()

    def supervisions(self) -> list[Supervision]:
        return self._supervision.sessions()

    def supervision_candidates(self, client_ids: list[int]) -> list[AgendaItem]:
        """Everything meant for supervision about these clients; notes/supervision.py says
        which of it is still open."""
        return self._supervision.candidates(client_ids)

    def save_supervision(self, supervision: Supervision) -> Supervision:
        from notes.supervision import ItemKind

        saved = self._supervision.save(supervision)
        self.supervisionChanged.emit()
        # A boundary event discussed is marked so on its record: the client page shows it.
        for client_id in {i.client_id for i in saved.items if i.item.kind is ItemKind.BOUNDARY}:
            self.allianceChanged.emit(client_id)
        return saved

    def delete_supervision(self, supervision_id: int) -> None:
        self._supervision.delete(supervision_id)
        self.supervisionChanged.emit()

    def set_supervision_action_done(self, action_id: int, done_on: date | None) -> None:
        self._supervision.set_action_done(action_id, done_on)
        self.supervisionChanged.emit()

    def add_supervision_question(self, question: Question) -> Question:
        saved = self._supervision.add_question(question)
        self.supervisionChanged.emit()
        return saved

    # -- preferences kept in the vault: what the window and the dialogs remember ------------

    def default_template(self) -> str:
        return self._preferences.default_template()

    def set_default_template(self, key: str) -> None:
        self._preferences.set_default_template(key)

    def last_client_id(self) -> int | None:
        return self._preferences.last_client_id()

    def set_last_client_id(self, client_id: int) -> None:
        # A vault that takes no changes remembers nothing: where the person was is not
        # worth a refusal (storage/preferences.py).
        self._preferences.set_last_client_id(client_id)

    def last_session_id(self) -> int | None:
        return self._preferences.last_session_id()

    def set_last_session_id(self, session_id: int) -> None:
        self._preferences.set_last_session_id(session_id)

    def pending_dialog(self) -> str:
        return self._preferences.pending_dialog()

    def set_pending_dialog(self, draft: str) -> None:
        self._preferences.set_pending_dialog(draft)

    def last_integrity_check(self) -> date | None:
        return self._preferences.last_integrity_check()

    def set_last_integrity_check(self, day: date | None) -> None:
        self._preferences.set_last_integrity_check(day)

    def report_therapist(self) -> str:
        return self._preferences.report_therapist()

    def set_report_therapist(self, name: str) -> None:
        self._preferences.set_report_therapist(name)

    def report_supervisor(self) -> str:
        return self._preferences.report_supervisor()

    def set_report_supervisor(self, name: str) -> None:
        self._preferences.set_report_supervisor(name)

    def report_folder(self) -> Path | None:
        return self._preferences.report_folder()

    def set_report_folder(self, folder: Path) -> None:
        self._preferences.set_report_folder(folder)

    # -- a returned report: the supervisor's comments ---------------------------------

    supervisorCommentsChanged = Signal(int)  # client id

    def keep_supervisor_comments(self, content: bytes) -> CommentsRead:
        """Read a returned report's comments and keep them beside their notes; raises
        NotAReturnedReport or NotThisVaultsReport with a plain message."""
        from notes.reports.returned import read_returned
        from storage.supervisor_comments import SupervisorComments

        returned = read_returned(content)
        read = SupervisorComments(self._require()).keep(returned)
        if read.added and returned.client_id is not None:
            self.supervisorCommentsChanged.emit(returned.client_id)
        return read

    def supervisor_comments(self, session_id: int) -> list[SupervisorComment]:
        from storage.supervisor_comments import SupervisorComments

        return SupervisorComments(self._require()).for_session(session_id)

    def supervisor_comments_of(self, client_ids: list[int]) -> list[SupervisorComment]:
        """Every comment on these clients, done or not; notes/supervisor_comments.py says which
        the Supervision page lists."""
        from storage.supervisor_comments import SupervisorComments

        return SupervisorComments(self._require()).for_clients(client_ids)

    def set_supervisor_comment_done(self, comment_id: int, done_on: date | None) -> None:
        """Mark a supervisor's comment done on `done_on`, or open again with None."""
        from storage.supervisor_comments import SupervisorComments

        client_id = SupervisorComments(self._require()).set_done(comment_id, done_on)
        if client_id is not None:
            self.supervisorCommentsChanged.emit(client_id)

    # -- reports: the export jobs read through this on a worker thread -----------

    def report_data(self) -> ReportData:
        """What reports read from the vault; safe off the GUI thread (the vault serialises)."""
        if self._vault is None:
            raise RuntimeError("the vault is locked")
        from storage.report_data import ReportData

        return ReportData(self._vault)

    # -- writing aids: the personal dictionary and phrases ---------------------------------

    personalWordsChanged = Signal()
    phrasesChanged = Signal()

    def personal_words(self) -> list[str]:
        return self._writing.personal_words()

    def add_personal_word(self, word: str) -> None:
        self._writing.add_personal_word(word)
        self.personalWordsChanged.emit()

    def phrases(self) -> list[Phrase]:
        return self._writing.phrases()

    def save_phrase(self, phrase: Phrase, replacing: str | None = None) -> None:
        self._writing.save_phrase(phrase, replacing)
        self.phrasesChanged.emit()

    def delete_phrase(self, code: str) -> None:
        self._writing.delete_phrase(code)
        self.phrasesChanged.emit()

    # -- the therapist's own templates -----------------------------------------------------

    templatesChanged = Signal()

    def own_templates(self) -> list[Template]:
        return self._own_templates.list()

    def save_own_template(self, template: Template) -> Template:
        from notes.templates import use_own_templates

        saved = self._own_templates.save(template)
        use_own_templates(self._own_templates.list())
        self.templatesChanged.emit()
        return saved
