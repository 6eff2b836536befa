"""The editor for one session: the progress note by template, and the private process note.

Text is saved to the vault within a moment of a pause in typing (AUTOSAVE_MS), and at once when
another session is chosen, on locking and on quitting: `flush` does that. A signed note is shown
read-only, with its dated addenda below it.

Beside the note, the session's transference and countertransference observations: words of
either note (signed or not: a tag annotates, it does not edit) can be tagged with Ctrl+T or
Ctrl+Shift+T, and the tags follow their words as the text changes (ui/session/observation_tags.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
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

from notes.observations import (
    PROCESS_SECTION,
    Anchor,
    Category,
    NoteKind,
    Observation,
    ObservationKind,
)
from notes.records import Client, ProcessNote, ProgressNote, Session
from notes.templates import TEMPLATES, orphaned_sections, section_title, template
from storage.errors import VaultError
from ui.errors import attempt, show_failure
from ui.session.find_bar import FindBar
from ui.session.observation_form import ObservationForm, quoted
from ui.session.observation_panel import ObservationPanel, headline
from ui.session.observation_tags import TagTracker, text_index
from ui.vault_service import VaultService
from ui.widgets.form_fields import text_box
from ui.widgets.models import session_title
from ui.widgets.status_line import StatusLine

AUTOSAVE_MS = 1500


_text_box = partial(text_box, height=84, grows=True, keyed=True)  # note sections grow with text


class NoteEditor(QWidget):
    saved = Signal(datetime)
    signed = Signal(int)  # session id, once its progress note is signed

    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._session: Session | None = None
        self._note: ProgressNote | None = None
        self._process: ProcessNote | None = None
        self._section_boxes: dict[str, QPlainTextEdit] = {}
        self._dirty = False
        self._loading = False
        self._categories: dict[int, Category] = {}
        self._tags = TagTracker(lambda o: headline(o, self._categories), self)
        self._last_box: QPlainTextEdit | None = None  # where the words to tag are selected

        self.title = QLabel()
        self.title.setObjectName("noteTitle")
        # "Editing…" and "Saved" are there to be read, not spoken at every pause in typing;
        # a failed save is announced.
        self.status = StatusLine("hint", announce=False)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("template")
        for each in TEMPLATES.values():
            self.template_box.addItem(each.name, each.key)
        self.sign_button = QPushButton("Sign note…")
        self.sign_button.setToolTip("Sign the progress note; it then becomes read-only")

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(QLabel("Template"))
        header.addWidget(self.template_box)
        header.addWidget(self.sign_button)

        self._sections_host = QWidget()
        self._sections_layout = QVBoxLayout(self._sections_host)
        self._sections_layout.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._sections_host)
        self._scroll = scroll
        progress_heading = QLabel("Progress note")
        progress_heading.setObjectName("sectionHeading")
        progress_panel = QWidget()
        progress_layout = QVBoxLayout(progress_panel)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(progress_heading)
        progress_layout.addWidget(scroll)

        self.process_box = _text_box(
            "process_note", "Your own reflections: what you felt, noticed, wondered about."
        )
        private_panel = QFrame()
        private_panel.setObjectName("privateNote")
        private_layout = QVBoxLayout(private_panel)
        private_heading = QLabel("Private process note")
        private_heading.setObjectName("sectionHeading")
        private_hint = QLabel(
            "Only for you and supervision: kept apart from the progress note and left out of "
            "record exports."
        )
        private_hint.setObjectName("hint")
        private_hint.setWordWrap(True)
        private_layout.addWidget(private_heading)
        private_layout.addWidget(private_hint)
        private_layout.addWidget(self.process_box)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("noteSplitter")
        split.addWidget(progress_panel)
        split.addWidget(private_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 220])
        self.splitter = split
        self.observations = ObservationPanel()
        self.observations.setMinimumWidth(200)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.setObjectName("observationSplitter")
        beside.addWidget(split)
        beside.addWidget(self.observations)
        beside.setStretchFactor(0, 1)
        beside.setSizes([600, 250])
        self.observation_splitter = beside

        self.empty = QLabel("Choose a session, or add one with Ctrl+Shift+N.")
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body = QWidget()
        body_layout = QVBoxLayout(self._body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(header)
        body_layout.addWidget(self.status)
        self.find_bar = FindBar(self._find_boxes)
        body_layout.addWidget(self.find_bar)
        body_layout.addWidget(beside, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self._body)
        self._body.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.process_box.textChanged.connect(self._changed)
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        self.sign_button.clicked.connect(self.sign)
        self._build_observation_actions()
        self._watch_text_box(self.process_box)
        self._tags.wordsDeleted.connect(self._words_deleted)
        self.observations.chosen.connect(self.show_observation)
        self.observations.editRequested.connect(self.edit_observation)
        self.observations.deleteRequested.connect(self.delete_observation)
        self.observations.recordRequested.connect(self.record_observation)
        service.categoriesChanged.connect(self._load_categories)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    # -- showing a session -----------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    def show_session(self, session: Session, client: Client) -> None:
        self.flush()
        self._tags.set_observations([])  # the last session's tags leave with its text
        self._session = session
        self._note = self._service.progress_note(session.id)
        self._process = self._service.process_note(session.id)
        self.title.setText(f"{client.code} · {session_title(session)} · {session.attendance.label}")
        self._loading = True
        self.template_box.setCurrentIndex(self.template_box.findData(self._note.template))
        self.process_box.setPlainText(self._process.text)
        self._loading = False
        self._build_sections()
        self._load_observations()
        self._show_state(None)
        self.empty.hide()
        self._body.show()

    def clear(self) -> None:
        """Forget everything shown (used on lock); call `flush` first to keep the text."""
        self._timer.stop()
        self._tags.clear()
        self._categories = {}
        self.observations.show_observations([], {}, None)
        self._session = self._note = self._process = None
        self._dirty = False
        self._loading = True
        self.process_box.clear()
        self._loading = False
        self._clear_sections()
        self.find_bar.clear()
        self.title.clear()
        self.status.clear()
        self._body.hide()
        self.empty.show()

    def _clear_sections(self) -> None:
        self._section_boxes = {}
        while self._sections_layout.count():
            widget = self._sections_layout.takeAt(0).widget()
            if widget:
                widget.hide()
                widget.deleteLater()

    def _build_sections(self) -> None:
        assert self._note is not None
        self._clear_sections()
        signed = self._note.signed
        current = template(self._note.template)
        kept = orphaned_sections(self._note.template, self._note.sections)
        for section in current.sections:
            self._add_section(section.key, section.title, section.hint, signed)
        for key in kept:
            self._add_section(
                key,
                f"{section_title(key)} — kept from an earlier template",
                "Text from a section this template does not have. Move it, or leave it here.",
                signed,
                kept=True,
            )
        for addendum in self._note.addenda:
            label = QLabel(f"Addendum, {addendum.written_at:%d %b %Y %H:%M}\n{addendum.text}")
            label.setObjectName("addendum")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._sections_layout.addWidget(label)
        if signed:
            self.addendum_box = _text_box("addendum", "Add a dated addendum to this signed note.")
            add = QPushButton("Add addendum")
            add.clicked.connect(self._add_addendum)
            self._sections_layout.addWidget(self.addendum_box)
            self._sections_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        self._sections_layout.addStretch(1)
        self.template_box.setEnabled(not signed)
        self.sign_button.setEnabled(not signed)
        self.setProperty("signed", signed)
        self._tags.bind(self._tag_boxes())

    def _add_section(self, key: str, title: str, hint: str, signed: bool, kept=False) -> None:
        assert self._note is not None
        heading = QLabel(title)
        heading.setObjectName("keptHeading" if kept else "sectionTitle")
        box = _text_box(f"section_{key}", hint)
        box.setAccessibleName(title)
        box.setPlainText(self._note.sections.get(key, ""))
        box.setReadOnly(signed)
        if signed:  # words of a signed note can still be selected by keyboard, to tag them
            box.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        box.textChanged.connect(self._changed)
        self._watch_text_box(box)
        self._sections_layout.addWidget(heading)
        self._sections_layout.addWidget(box)
        self._section_boxes[key] = box

    def _find_boxes(self) -> list[QPlainTextEdit]:
        return [*self._section_boxes.values(), self.process_box]

    def show_find(self) -> None:
        """Ctrl+F: find words in this session's notes."""
        if self._session is not None:
            self.find_bar.open_bar()

    def section_box(self, key: str) -> QPlainTextEdit:
        return self._section_boxes[key]

    # -- editing and saving ----------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self._session is None:
            return
        self._dirty = True
        self.status.setText("Editing…")
        self._timer.start()

    def _template_chosen(self) -> None:
        if self._loading or self._note is None or self._note.signed:
            return
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
        self._timer.stop()
        if not self._dirty or self._note is None or self._process is None:
            return True
        self._collect()
        try:
            if not self._note.signed:
                self._service.save_progress_note(self._note)
            self._service.save_process_note(self._process)
            # Tags whose words moved with this edit; a miss is mended on load, by the quote.
            moved = self._tags.moved()
            if moved and self._session is not None:
                self._service.save_observation_anchors(moved, self._session.client_id)
        except VaultError as error:
            # Not `attempt`: the status line must say so before the message opens over it.
            self.status.setText("Not saved — see the message")
            self.status.announce("Not saved", urgent=True)
            show_failure(self, error)
            return False
        self._tags.mark_saved()
        self._dirty = False
        moment = datetime.now()
        self._show_state(moment)
        self.saved.emit(moment)
        return True

    def _show_state(self, saved_at: datetime | None) -> None:
        assert self._note is not None
        if self._note.signed:
            state = f"Signed {self._note.signed_at:%d %b %Y, %H:%M} — read-only"
        else:
            state = "Draft"
        if saved_at:
            state += f" · Saved at {saved_at:%H:%M:%S}"
        self.status.setText(state)

    def sign(self) -> None:
        if self._note is None or self._note.signed or self._session is None:
            return
        answer = QMessageBox.question(
            self,
            "Sign this note?",
            "Once signed, the progress note can no longer be changed; later additions become "
            "dated addenda. The private process note stays editable.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
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

    def _add_addendum(self) -> None:
        text = self.addendum_box.toPlainText().strip()
        if not text or self._note is None:
            return
        note = self._note

        def add() -> None:
            note.addenda.append(self._service.add_addendum(note.session_id, text))

        if not attempt(self, add):
            return
        self._build_sections()

    # -- observations ----------------------------------------------------------------------

    def _build_observation_actions(self) -> None:
        def action(text: str, shortcut: str, slot) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            self.addAction(made)  # the shortcut works wherever the focus is in the window
            return made

        self.tag_transference_action = action(
            "Tag as &transference…", "Ctrl+T", lambda: self.tag(ObservationKind.TRANSFERENCE)
        )
        self.tag_countertransference_action = action(
            "Tag as &countertransference…",
            "Ctrl+Shift+T",
            lambda: self.tag(ObservationKind.COUNTERTRANSFERENCE),
        )
        self.record_observation_action = action(
            "&Record observation…", "Ctrl+Shift+O", self.record_observation
        )

    def observation_actions(self) -> list[QAction]:
        """For the window's menu: tag the selected words, or record without words."""
        return [
            self.tag_transference_action,
            self.tag_countertransference_action,
            self.record_observation_action,
        ]

    def _watch_text_box(self, box: QPlainTextEdit) -> None:
        box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        box.customContextMenuRequested.connect(lambda at, box=box: self._context_menu(box, at))

    def _context_menu(self, box: QPlainTextEdit, at: QPoint) -> None:
        self._last_box = box
        menu = box.createStandardContextMenu(at)
        menu.addSeparator()
        menu.addActions(self.observation_actions())
        menu.exec(box.mapToGlobal(at))
        menu.deleteLater()

    def _tag_boxes(self) -> dict[tuple[NoteKind, str], QPlainTextEdit]:
        boxes = {(NoteKind.PROGRESS, key): box for key, box in self._section_boxes.items()}
        boxes[(NoteKind.PROCESS, PROCESS_SECTION)] = self.process_box
        return boxes

    def _focus_moved(self, _old, new) -> None:
        if new is not None and new in self._tag_boxes().values():
            self._last_box = new

    def _load_categories(self) -> None:
        if self._session is None:
            return
        self._categories = {c.id: c for c in self._service.observation_categories()}
        self._refresh_observations()

    def _load_observations(self) -> None:
        assert self._session is not None
        self._categories = {c.id: c for c in self._service.observation_categories()}
        self._tags.set_observations(self._service.session_observations(self._session.id))
        self._refresh_observations()

    def _refresh_observations(self, keep: int | None = None) -> None:
        if keep is None and (current := self.observations.current()) is not None:
            keep = current.id
        self.observations.model.placed = self._tags.is_placed
        self.observations.show_observations(self._tags.observations(), self._categories, keep)

    def _selected_words(self) -> tuple[Anchor, str] | None:
        """The anchor and words of the selection in a note box, trimmed of outer spaces."""
        box = self._last_box
        if box is None or box not in self._tag_boxes().values():
            return None
        cursor = box.textCursor()
        if not cursor.hasSelection():
            return None
        text = box.toPlainText()
        start = text_index(text, cursor.selectionStart())
        end = text_index(text, cursor.selectionEnd())
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return None
        note, section = next(key for key, each in self._tag_boxes().items() if each is box)
        return Anchor(note, section, start, end), text[start:end]

    def tag(self, kind: ObservationKind) -> None:
        """Tag the selected words (or, with none selected, record without words)."""
        if self._session is None:
            return
        selected = self._selected_words()
        if selected is None:
            self.record_observation(kind)
            return
        anchor, words = selected
        self._open_form(self._new_observation(kind, words, anchor))

    def record_observation(self, kind: ObservationKind = ObservationKind.COUNTERTRANSFERENCE):
        if self._session is not None:
            self._open_form(self._new_observation(kind, "", None))

    def _new_observation(self, kind: ObservationKind, words: str, anchor: Anchor | None):
        assert self._session is not None and self._session.id is not None
        active = [c for c in self._categories.values() if c.kind is kind and not c.retired]
        return Observation(
            self._session.id,
            kind,
            active[0].id if active else 0,
            quote=words,
            anchor=anchor,
        )

    def edit_observation(self, observation: Observation) -> None:
        current = next((o for o in self._tags.observations() if o.id == observation.id), None)
        if current is not None:
            self._open_form(current)

    def _open_form(self, observation: Observation) -> None:
        # The note is saved first, so the offsets saved with the tag match the saved text.
        if self._session is None or not self.flush():
            return
        form = ObservationForm(list(self._categories.values()), observation, self)
        if not form.exec() or self._session is None:  # cancelled, or locked meanwhile
            return
        client_id = self._session.client_id

        def save() -> None:
            saved = self._service.save_observation(form.observation(), client_id)
            if observation.id is None:
                self._tags.add(saved)
            else:
                self._tags.update(saved)
            self._refresh_observations(keep=saved.id)

        attempt(self, save)

    def delete_observation(self, observation: Observation) -> None:
        if self._session is None or observation.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this observation?",
            f"Delete the observation “{headline(observation, self._categories)}”? "
            "The note's text stays as it is.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        client_id = self._session.client_id
        if not attempt(self, lambda: self._service.delete_observation(observation.id, client_id)):
            return
        self._tags.remove(observation.id)
        self._refresh_observations()

    def show_observation(self, observation: Observation) -> None:
        """Scroll to the observation's words and select them."""
        box = self._tags.box_of(observation)
        if box is None or not self._tags.select(observation):
            return
        if box is not self.process_box:
            self._scroll.ensureWidgetVisible(box)
        box.setFocus()

    def reveal_observation(self, match_text: str) -> bool:
        """Choose the first observation holding `match_text` (a search hit) and show it."""
        needle = match_text.strip().casefold()
        for observation in self._tags.observations():
            texts = (
                observation.quote,
                observation.figure,
                observation.what_happened,
                observation.what_i_felt,
                observation.how_i_responded,
                headline(observation, self._categories),
            )
            if needle and any(needle in text.casefold() for text in texts):
                self._refresh_observations(keep=observation.id)
                self.show_observation(observation)
                return True
        return False

    def _words_deleted(self, observations: list[Observation]) -> None:
        """The words of a tag were deleted: keep the observation untagged, or delete it."""
        if self._session is None:
            return
        if len(observations) == 1:
            about = f"the words {quoted(observations[0].quote, 80)}, which were tagged"
        else:
            about = f"the words of {len(observations)} tagged observations"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Tagged words deleted")
        box.setText(
            f"You deleted {about}. Keep the observation with its quote, no longer tied to the "
            "note's text, or delete it?"
        )
        keep = box.addButton("Keep, untagged", QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton("Delete observation", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if self._session is None:  # locked meanwhile: the observation and its quote are kept
            return
        client_id = self._session.client_id

        def keep_or_delete() -> None:
            for observation in observations:
                if box.clickedButton() is delete:  # only ever on an explicit choice
                    self._service.delete_observation(observation.id, client_id)
                    self._tags.remove(observation.id)
                else:
                    untagged = replace(observation, anchor=None)
                    self._tags.update(self._service.save_observation(untagged, client_id))

        attempt(self, keep_or_delete)
        self._refresh_observations()
