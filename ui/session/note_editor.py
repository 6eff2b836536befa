"""The editor for one session: the progress note by template, and the private process note.

Text is saved to the vault within a moment of a pause in typing (AUTOSAVE_MS), and at once when
another session is chosen, on locking and on quitting: `flush` does that. A signed note is shown
read-only, with its dated addenda below it. While the vault takes no changes (read-only media,
damage found, a handed-off copy) every box is read-only and the status line says why.

Beside the note, the session's transference and countertransference observations: words of
either note can be tagged with Ctrl+T or Ctrl+Shift+T. The editor lays the panel out; the tagging
controller (ui/session/tagging.py) does the rest.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import partial
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from notes.observations import PROCESS_SECTION, NoteKind
from notes.records import Client, ProcessNote, ProgressNote, Session
from notes.session_changes import void_label, why_fixed
from notes.templates import offered_templates, orphaned_sections, section_title, template
from storage.errors import VaultDamaged, VaultError
from ui.errors import attempt, show_failure, unreadable
from ui.session.find_bar import FindBar
from ui.session.observation_panel import ObservationPanel
from ui.session.observation_tags import BoxKey
from ui.session.tagging import TaggingController
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets.form_fields import text_box
from ui.widgets.headings import Heading
from ui.widgets.keyboard import give_mnemonics
from ui.widgets.models import session_title
from ui.widgets.screen_fit import keep_whole
from ui.widgets.status_line import StatusLine

AUTOSAVE_MS = 1500
_NO_SESSION = "Choose a session, or add one with Ctrl+Shift+N."


_text_box = partial(text_box, height=84, grows=True, keyed=True)  # note sections grow with text


class _Section(NamedTuple):
    """One box of the progress note, as laid out: equal ones can keep their box."""

    key: str
    title: str
    hint: str
    kept: bool = False  # from an earlier template


class NoteEditor(QWidget):
    saved = Signal(datetime)
    signed = Signal(int)  # session id, once its progress note is signed

    def __init__(
        self, service: VaultService, parent: QWidget | None = None, *, staged: bool = False
    ) -> None:
        """Built whole; or, with `staged=True`, the rest by each of `build_steps()` in order
        (ui/staged_build.py: a turn of the event loop apart, the window never held long)."""
        super().__init__(parent)
        self._service = service
        self._session: Session | None = None
        self._note: ProgressNote | None = None
        self._process: ProcessNote | None = None
        self._section_boxes: dict[str, QPlainTextEdit] = {}
        self._section_plan: list[_Section] = []  # what the boxes in `_section_boxes` are for
        self._dirty = False
        self._loading = False
        self._read_only_because: str | None = None  # why nothing typed could be saved now
        self.letters: set[str] = set()  # mnemonics in use around the note (see _build_sections)
        self.addendum_box: QPlainTextEdit | None = None
        self._addendum_button: QPushButton | None = None
        # Session > Write an addendum…: to a signed note, the only way to add to it.
        self.addendum_action = QAction("&Write an addendum…", self)
        self.addendum_action.setShortcut("Ctrl+Shift+D")
        self.addendum_action.triggered.connect(lambda _checked=False: self.show_addendum())
        if not staged:
            StagedBuild(self, self.build_steps()).finish()

    def build_steps(self) -> list[Step]:
        """The editor's parts, each a few milliseconds of building, in order."""
        # The frame first, in the window: each part then joins it as it is built, and pays
        # for taking on the window's style then, in its own step (joining all of them at the
        # end was one step of 40–110 ms).
        return [
            ("note frame", self._build_frame),
            ("note header", self._build_header),
            ("progress note pane", self._build_progress),
            ("process note pane", self._build_process),
            ("note observations", self._build_observations),
            ("note find bar", self._build_find_bar),
            ("note connections", self._connect),
        ]

    def _build_frame(self) -> None:
        self.empty = QLabel(_NO_SESSION)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        # Beside the notes, the observations; the progress note above the private one.
        self.observation_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.observation_splitter.setObjectName("observationSplitter")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("noteSplitter")
        self.observation_splitter.addWidget(self.splitter)
        self._body_layout.addWidget(self.observation_splitter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self._body)
        self._body.hide()

    def _build_header(self) -> None:
        self.title = Heading()
        self.title.setObjectName("noteTitle")
        self.title.setWordWrap(True)  # a long title (a void reason) wraps, not widens the window
        # "Editing…" and "Saved" are there to be read, not spoken at every pause in typing;
        # a failed save is announced.
        self.status = StatusLine("hint", announce=False)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("template")
        self._offer_templates(None)
        self.sign_button = QPushButton("Sign note…")
        self.sign_button.setToolTip("Sign the progress note; it then becomes read-only")
        self._writes = WriteGuard.of(self._service)  # the read-only vault's reason as their tips
        self._writes.guard(self.sign_button)

        # The title on a line of its own: beside the controls, a narrow note pane (at 200%)
        # wrapped it into a column of single words.
        self._header = header = QHBoxLayout()
        header.addStretch(1)
        template_label = QLabel("Template")
        template_label.setBuddy(self.template_box)
        header.addWidget(template_label)
        header.addWidget(self.template_box)
        header.addWidget(self.sign_button)
        self._body_layout.insertWidget(0, self.title)
        self._body_layout.insertLayout(1, header)
        self._body_layout.insertWidget(2, self.status)

    def _build_progress(self) -> None:
        self._sections_host = QWidget()
        self._sections_layout = QVBoxLayout(self._sections_host)
        self._sections_layout.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        # The boxes inside take the focus; the page scrolls to the one that has it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._sections_host)
        self._scroll = scroll
        progress_heading = Heading("Progress note")
        progress_heading.setObjectName("sectionHeading")
        progress_panel = QWidget()
        progress_layout = QVBoxLayout(progress_panel)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(progress_heading)
        progress_layout.addWidget(scroll)
        self.splitter.addWidget(progress_panel)

    def _build_process(self) -> None:
        self.process_box = _text_box(
            "process_note", "Your own reflections: what you felt, noticed, wondered about."
        )
        private_panel = QFrame()
        private_panel.setObjectName("privateNote")
        private_layout = QVBoxLayout(private_panel)
        private_heading = Heading("Private process note")
        private_heading.setObjectName("sectionHeading")
        private_hint = QLabel(
            "Only for you and supervision: kept apart from the progress note and left out of "
            "record exports."
        )
        private_hint.setObjectName("hint")
        keep_whole(private_hint)  # never cut to half lines when the pane is short (at 200%)
        private_layout.addWidget(private_heading)
        private_layout.addWidget(private_hint)
        private_layout.addWidget(self.process_box)

        self.splitter.addWidget(private_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 220])

    def _build_observations(self) -> None:
        self.observations = ObservationPanel(self._service)
        self.observations.setMinimumWidth(170)
        beside = self.observation_splitter
        beside.addWidget(self.observations)
        beside.setStretchFactor(0, 1)
        beside.setSizes([600, 250])

    def _build_find_bar(self) -> None:
        self.find_bar = FindBar(self._find_boxes)
        self._body_layout.insertWidget(3, self.find_bar)  # under the status line

    def _connect(self) -> None:
        service = self._service
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.process_box.textChanged.connect(self._changed)
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        service.templatesChanged.connect(self._templates_changed)
        self.sign_button.clicked.connect(self.sign)
        self.tagging = TaggingController(service, self, self.observations, self)
        self.tagging.watch(self.process_box)

    # -- showing a session -----------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    @property
    def dirty(self) -> bool:
        """Typed text the vault does not have yet."""
        return self._dirty

    def show_session(self, session: Session, client: Client) -> None:
        self.flush()
        self.tagging.unload()  # the last session's tags leave with its text
        try:
            note = self._service.progress_note(session.id)
            process = self._service.process_note(session.id)
        except VaultDamaged:  # a vault opened read-only after damage was found in it
            self.clear()
            self.empty.setText(unreadable(f"The notes of {session_title(session)}"))
            return
        self._session, self._note, self._process = session, note, process
        self._read_only_because = self._why_read_only()
        title = f"{client.code} · {session_title(session)} · {session.attendance.label}"
        if session.void:  # the note stays readable; the title says why it no longer counts
            title += f" · {void_label(session)}"
        self.title.setText(title)
        self._loading = True
        self._offer_templates(self._note.template)
        self.template_box.setCurrentIndex(self.template_box.findData(self._note.template))
        self.process_box.setPlainText(self._process.text)
        self._loading = False
        self._build_sections(fresh=True)
        self.tagging.load()
        self._show_state(None)
        self.empty.hide()
        self._body.show()
        # Another session opens at its top, not where the last one was scrolled to.
        self._scroll.verticalScrollBar().setValue(0)

    def _offer_templates(self, current: str | None) -> None:
        """The templates to choose from: the therapist's own too, a retired one only if this
        note has it."""
        self.template_box.clear()
        for each in offered_templates(current):
            self.template_box.addItem(each.name + (" (retired)" if each.retired else ""), each.key)

    def clear(self) -> None:
        """Forget everything shown (used on lock); call `flush` first to keep the text."""
        self._timer.stop()
        self.tagging.clear()
        self._session = self._note = self._process = None
        self._dirty = False
        self._loading = True
        self.process_box.clear()
        for box in [*self._section_boxes.values(), self.addendum_box]:  # kept ones, emptied now
            if box is not None:
                box.clear()  # its undo steps go with the text
        self._loading = False
        self._drop_from(2 * len(self._section_boxes))  # addenda, the addendum box
        self.addendum_box = self._addendum_button = None
        self.find_bar.clear()
        self.title.clear()
        self.status.clear()
        self._body.hide()
        self.empty.setText(_NO_SESSION)
        self.empty.show()

    def _drop_from(self, index: int) -> None:
        """Delete what the note's page holds from `index` on."""
        while self._sections_layout.count() > index:
            widget = self._sections_layout.takeAt(index).widget()
            if widget:
                widget.hide()
                widget.deleteLater()

    def writing_stopped(self) -> None:
        """The vault stopped taking changes (damage found while open): the boxes follow."""
        why = self._why_read_only()
        if self._note is None or why == self._read_only_because:
            return
        self.flush()  # nothing is lost: what cannot be saved stays on screen, and is said
        self._read_only_because = why
        self._collect()
        self._build_sections()
        self._show_state(None)

    def _why_read_only(self) -> str | None:
        """Why nothing can be typed into the shown session: the vault takes no changes, or the
        session is void (it stays as it was voided, its notes included)."""
        return self._service.cannot_write_because or why_fixed(self._session)

    def _build_sections(self, fresh: bool = False) -> None:
        """Lay the note out. Boxes of the same sections as the last note's are kept and given
        this note's text: making them anew was most of the time a client or session took to
        open. `fresh`: another session's note, whose text replaces every box's, and with it
        every undo step of the last one's."""
        assert self._note is not None
        signed = self._note.signed
        fixed = signed or self._read_only_because is not None  # no typing into these
        plan = self._plan()
        if plan == self._section_plan:
            self._drop_from(2 * len(plan))  # a heading and a box each
        else:
            self._drop_from(0)
            self._section_boxes = {}
            for section in plan:
                self._add_section(section)
            self._section_plan = plan
        loading, self._loading = self._loading, True  # the text is the note's, not typed
        for key, box in self._section_boxes.items():
            text = self._note.sections.get(key, "")
            # Rebuilt in the same session (signed, an addendum): the text is the box's already,
            # and setting it again would look to the tags like every word deleted.
            if fresh or box.toPlainText() != text:
                box.setPlainText(text)
            _fix(box, fixed)
        self._loading = loading
        for addendum in self._note.addenda:
            label = QLabel(f"Addendum, {addendum.written_at:%d %b %Y %H:%M}\n{addendum.text}")
            label.setObjectName("addendum")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._sections_layout.addWidget(label)
        after_sections: list[QWidget] = []
        self.addendum_box = self._addendum_button = None
        if signed and self._read_only_because is None:
            self.addendum_box = _text_box(
                "addendum",
                "Add a dated addendum to this signed note. Once added, it can't be changed.",
            )
            add = self._addendum_button = QPushButton("Add addendum")
            add.clicked.connect(self._add_addendum)
            self._sections_layout.addWidget(self.addendum_box)
            self._sections_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
            after_sections = [self.addendum_box, add]
        self._sections_layout.addStretch(1)
        give_mnemonics(self._sections_host, self.letters)
        self._order_tabs([*self._section_boxes.values(), *after_sections])
        self.template_box.setEnabled(not fixed)
        # A greyed-out combo says nothing of why; the tip and the screen reader say it.
        why_fixed_template = (
            "The template can't be changed: this note is signed."
            if signed
            else f"The template can't be changed: {self._read_only_because}."
            if fixed
            else ""
        )
        self.template_box.setToolTip(why_fixed_template or "The note's template: its sections")
        self.template_box.setAccessibleDescription(why_fixed_template)
        self._writes.set_wanted(self.sign_button, not signed)
        _fix(self.process_box, self._read_only_because is not None)
        self.setProperty("signed", signed)
        self.tagging.bind()

    def _order_tabs(self, note_widgets: list[QWidget]) -> None:
        """Tab goes as the screen reads: the header, the find bar, the progress note's boxes
        top to bottom, the process note, then the observations beside."""
        chain = [
            self.template_box,
            self.sign_button,
            self.find_bar.field,
            *self.find_bar.buttons,
            *note_widgets,
            self.process_box,
            *self.observations.focus_chain(),
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def focus_note(self) -> None:
        """F6 into the note: the box last written in, else its first box."""
        boxes = self._find_boxes()
        last = self.focusWidget()
        if last in boxes:
            last.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._session is not None and boxes:
            boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _plan(self) -> list[_Section]:
        """The note's sections as boxes: its template's, then those kept from an earlier one."""
        assert self._note is not None
        plan = [
            _Section(section.key, section.title, section.hint)
            for section in template(self._note.template).sections
        ]
        for key in orphaned_sections(self._note.template, self._note.sections):
            plan.append(
                _Section(
                    key,
                    f"{section_title(key)} — kept from an earlier template",
                    "Text from a section this template does not have. Move it, or leave it here.",
                    kept=True,
                )
            )
        return plan

    def _add_section(self, section: _Section) -> None:
        heading = QLabel(section.title)
        heading.setObjectName("keptHeading" if section.kept else "sectionTitle")
        box = _text_box(f"section_{section.key}", section.hint)
        heading.setBuddy(box)
        box.setAccessibleName(section.title)
        box.textChanged.connect(self._changed)
        self.tagging.watch(box)  # once: the box is kept while its section is shown
        self._sections_layout.addWidget(heading)
        self._sections_layout.addWidget(box)
        self._section_boxes[section.key] = box

    def _find_boxes(self) -> list[QPlainTextEdit]:
        return [*self._section_boxes.values(), self.process_box]

    def show_find(self) -> None:
        """Ctrl+F: find words in this session's notes."""
        if self._session is not None:
            self.find_bar.open_bar()

    def _confirmed(self, title: str, question: str) -> bool:
        """Yes or Cancel, Cancel the default: for what can't be undone (signing, an addendum)."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def section_box(self, key: str) -> QPlainTextEdit:
        return self._section_boxes[key]

    # -- editing and saving ----------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self._session is None:
            return
        self._dirty = True
        self.status.setText("Editing…")
        self._timer.start()

    def _templates_changed(self) -> None:
        """A template was made, renamed or retired: offer the list as it is now, keeping the
        note's own choice."""
        current = self._note.template if self._note is not None else None
        self._loading = True
        self._offer_templates(current)
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(current)))
        self._loading = False

    def _template_chosen(self) -> None:
        if self._loading or self._note is None or self._note.signed:
            return
        if self.template_box.currentData() is None:
            return  # the list is being rebuilt: no template is chosen
        self._collect()
        self._note.template = self.template_box.currentData()
        self._build_sections()
        self._dirty = True
        self.flush()

    def _collect(self) -> None:
        assert self._note is not None and self._process is not None
        if not self._note.signed:
            for key, box in self._section_boxes.items():
                self._note.sections[key] = box.toPlainText()
        self._process.text = self.process_box.toPlainText()

    def flush(self) -> bool:
        """Save now if anything changed. False if it could not be (the person has been told)."""
        error = self._write()
        if error is None:
            return True
        # Not `attempt`: the status line must say so before the message opens over it.
        self.status.setText("Not saved — see the message")
        self.status.announce("Not saved", urgent=True)
        show_failure(self, error)
        return False

    def save_for_lock(self) -> VaultError | None:
        """Save now without a word (a lock never asks or waits): why it failed, or None."""
        return self._write()

    def _write(self) -> VaultError | None:
        self._timer.stop()
        if not self._dirty or self._note is None or self._process is None:
            return None
        self._collect()
        try:
            if not self._note.signed:
                self._service.save_progress_note(self._note)
            self._service.save_process_note(self._process)
            if self._session is not None:
                self.tagging.save_moved(self._session.client_id)
        except VaultError as error:
            return error
        self.tagging.mark_saved()
        self._dirty = False
        moment = datetime.now()
        self._show_state(moment)
        self.saved.emit(moment)
        return None

    def unsaved_text(self) -> str:
        """The note as typed, for the vault service to hold over a lock when saving failed."""
        assert self._session is not None and self._note is not None and self._process is not None
        self._collect()
        sections = {} if self._note.signed else dict(self._note.sections)
        return json.dumps(
            {
                "client_id": self._session.client_id,
                "session_id": self._session.id,
                "sections": sections,
                "process": self._process.text,
            }
        )

    def put_back(self, held: str) -> bool:
        """Fill the shown note with text held over a lock, then save it if the vault takes it
        now. False if the note shown is another one (nothing is changed then)."""
        data = json.loads(held)
        if self._session is None or self._session.id != data["session_id"]:
            return False
        for key, text in data["sections"].items():
            if key in self._section_boxes:
                self._section_boxes[key].setPlainText(text)
        self.process_box.setPlainText(data["process"])
        self._dirty = True
        self.flush()
        return True

    def _show_state(self, saved_at: datetime | None) -> None:
        assert self._note is not None
        warning = None
        if self._note.signed:
            state = f"Signed {self._note.signed_at:%d %b %Y, %H:%M} — read-only"
            warning = self._service.signed_note_warning(self._note.session_id)
            if warning:  # the text shown is not what was signed: say so where it is read
                state += f". {warning}"
        else:
            state = "Draft"
        if saved_at:
            state += f" · Saved at {saved_at:%H:%M:%S}"
        if self._read_only_because is not None:
            state += f" — read-only: {self._read_only_because}, so nothing can be typed here"
        self.status.setText(state)
        if warning:
            self.status.announce(warning, urgent=True)

    def refused_as_read_only(self) -> bool:
        """True, once the status line has said why, when nothing here can be changed now (the
        vault is read-only): no form opens whose work could not be saved."""
        if self._read_only_because is None:
            return False
        self.status.announce(f"Read-only: {self._read_only_because}", urgent=True)
        return True

    def sign(self) -> None:
        if self._note is None or self._note.signed or self._session is None:
            return
        if self.refused_as_read_only():  # the button is disabled; the menu may not be
            return
        if not self._confirmed(
            "Sign this note?",
            "Once signed, the progress note can no longer be changed; later additions become "
            "dated addenda. The private process note stays editable.",
        ):
            return
        if not self.flush():
            return
        self._collect()

        def sign() -> None:
            self._note = self._service.sign(self._note, self._session.client_id)

        if not attempt(self, sign):
            return
        self._build_sections()
        self._show_state(None)
        self.signed.emit(self._note.session_id)
        self.show_addendum(focus=False)  # what can still be added is in view at once

    def show_addendum(self, focus: bool = True) -> bool:
        """Bring the addendum box of a signed note into view (and the cursor into it); a note
        not yet signed says how an addendum comes about instead."""
        if self._note is None or self.addendum_box is None:
            if self._note is None:
                why = "Choose a session with a signed note to add an addendum to it."
            elif self._note.signed:  # a vault that takes no changes
                why = f"No addendum can be added now: {self._read_only_because}"
            else:
                why = "An addendum is added to a signed note: sign this note first."
            self.status.setText(why)
            return False
        _lay_out_now(self._sections_host, self._scroll)  # a note just signed was built anew
        if self._addendum_button is not None:
            self._scroll.ensureWidgetVisible(self._addendum_button)
        self._scroll.ensureWidgetVisible(self.addendum_box)
        if focus:
            self.addendum_box.setFocus()
        return True

    def _add_addendum(self) -> None:
        if self.addendum_box is None:
            return
        text = self.addendum_box.toPlainText().strip()
        if not text or self._note is None:
            return
        if not self._confirmed(
            "Add this addendum?",
            "An addendum is dated and becomes part of the signed record: once added, it can't "
            "be changed or removed later. Add it now?",
        ):
            return
        note = self._note

        def add() -> None:
            note.addenda.append(self._service.add_addendum(note.session_id, text))

        if not attempt(self, add):
            return
        self._build_sections()

    # -- observations (the tagging controller's boxes and actions) ------------------------

    def tag_boxes(self) -> dict[BoxKey, QPlainTextEdit]:
        """The boxes whose words can be tagged, by (note kind, section key)."""
        boxes = {(NoteKind.PROGRESS, key): box for key, box in self._section_boxes.items()}
        boxes[(NoteKind.PROCESS, PROCESS_SECTION)] = self.process_box
        return boxes

    def show_box(self, box: QPlainTextEdit) -> None:
        """Bring a note box into view and give it the focus."""
        if box is not self.process_box:
            self._scroll.ensureWidgetVisible(box)
        box.setFocus()

    def observation_actions(self) -> list[QAction]:
        """For the window's menu: tag the selected words, or record without words."""
        return self.tagging.actions()

    def reveal_observation(self, match_text: str) -> bool:
        """Choose the first observation holding `match_text` (a search hit) and show it."""
        return self.tagging.reveal_observation(match_text)


def _fix(box: QPlainTextEdit, fixed: bool) -> None:
    """A box that takes no typing; its words can still be selected, by keyboard too, to copy
    or to tag them."""
    box.setReadOnly(fixed)
    if fixed:
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    else:
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)


def _lay_out_now(page: QWidget, scroll: QScrollArea) -> None:
    """Place the page's new widgets now rather than on later event-loop turns, so that one can
    be scrolled into view at once: Qt shows a widget added to a shown layout on a queued call,
    and the scroll area sizes its page on a posted layout request; until both are delivered the
    page is squeezed into its old height and nothing on it is yet where it will be."""
    for child in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isVisible() and not child.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        ):
            child.show()
    page.layout().activate()
    QCoreApplication.sendEvent(scroll, QEvent(QEvent.Type.LayoutRequest))
