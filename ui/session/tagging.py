"""Tagging words of a note as transference or countertransference, and the observations panel.

The controller wires what the editor lays out: the tag actions (Ctrl+T, Ctrl+Shift+T,
Ctrl+Shift+O) in the window's menu and in each note box's context menu, the observation form,
the panel beside the note, and the tags that follow their words as the text changes
(ui/session/observation_tags.py). Words of either note can be tagged, signed or not: a tag
annotates, it does not edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget

from notes.observations import Anchor, Category, Observation, ObservationKind, categories_offered
from notes.records import Session
from ui.errors import attempt
from ui.session.observation_form import ObservationForm, quoted
from ui.session.observation_panel import ObservationPanel, headline
from ui.session.observation_tags import BoxKey, TagTracker, text_index
from ui.vault_service import VaultService


class TaggedNote(Protocol):
    """What the controller needs of the editor whose words it tags."""

    @property
    def session(self) -> Session | None: ...

    def flush(self) -> bool: ...

    def tag_boxes(self) -> dict[BoxKey, QPlainTextEdit]: ...

    def show_box(self, box: QPlainTextEdit) -> None: ...


class TaggingController(QObject):
    def __init__(
        self,
        service: VaultService,
        note: TaggedNote,
        panel: ObservationPanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._note = note
        self._widget = parent  # the dialogs' parent
        self.panel = panel
        self._categories: dict[int, Category] = {}
        service.supervisorCommentsChanged.connect(self._feedback_changed)
        self._tags = TagTracker(lambda o: headline(o, self._categories), self)
        self._last_box: QPlainTextEdit | None = None  # where the words to tag are selected

        def action(text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
            made = QAction(text, parent)
            made.setShortcut(QKeySequence(shortcut))
            # No arguments: Qt would hand `checked` (False) to the slot's first optional
            # parameter, here the kind of observation to record.
            made.triggered.connect(lambda _checked=False: slot())
            parent.addAction(made)  # the shortcut works wherever the focus is in the window
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

        self._tags.wordsDeleted.connect(self._words_deleted)
        panel.chosen.connect(self.show_observation)
        panel.editRequested.connect(self.edit_observation)
        panel.deleteRequested.connect(self.delete_observation)
        panel.recordRequested.connect(self.record_observation)
        service.categoriesChanged.connect(self._load_categories)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def actions(self) -> list[QAction]:
        """For the window's menu: tag the selected words, or record without words."""
        return [
            self.tag_transference_action,
            self.tag_countertransference_action,
            self.record_observation_action,
        ]

    # -- following the note ----------------------------------------------------------------

    def watch(self, box: QPlainTextEdit) -> None:
        """Offer the tag actions in the context menu of this note box."""
        box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        box.customContextMenuRequested.connect(lambda at, box=box: self._context_menu(box, at))

    def bind(self) -> None:
        """Follow the note's boxes as they are now (after its sections were built)."""
        self._tags.bind(self._note.tag_boxes())

    def unload(self) -> None:
        """Let the last session's tags go, before its text is replaced."""
        self._tags.set_observations([])

    def load(self) -> None:
        """Show the observations of the note's session, tagged on its words."""
        session = self._note.session
        assert session is not None
        self._categories = {c.id: c for c in self._service.observation_categories()}
        self._tags.set_observations(self._service.session_observations(session.id))
        self._refresh()
        self.panel.show_feedback(self._service.supervisor_comments(session.id))

    def _feedback_changed(self, client_id: int) -> None:
        session = self._note.session
        if session is not None and session.client_id == client_id and session.id is not None:
            self.panel.show_feedback(self._service.supervisor_comments(session.id))

    def clear(self) -> None:
        """Forget every observation and category shown (used on lock)."""
        self._tags.clear()
        self._categories = {}
        self.panel.show_observations([], {}, None)
        self.panel.show_feedback([])

    def save_moved(self, client_id: int) -> None:
        """Save the tags whose words moved with the last edits; raises VaultError.

        A miss is mended on the next load, by the quote. Call `mark_saved` once the note is saved.
        """
        moved = self._tags.moved()
        if moved:
            self._service.save_observation_anchors(moved, client_id)

    def mark_saved(self) -> None:
        self._tags.mark_saved()

    # -- the context menu and the selection ------------------------------------------------

    def _context_menu(self, box: QPlainTextEdit, at: QPoint) -> None:
        self._last_box = box
        menu = box.createStandardContextMenu(at)
        menu.addSeparator()
        menu.addActions(self.actions())
        menu.exec(box.mapToGlobal(at))
        menu.deleteLater()

    def _focus_moved(self, _old, new) -> None:
        if new is not None and new in self._note.tag_boxes().values():
            self._last_box = new

    def _selected_words(self) -> tuple[Anchor, str] | None:
        """The anchor and words of the selection in a note box, trimmed of outer spaces."""
        box = self._last_box
        boxes = self._note.tag_boxes()
        if box is None or box not in boxes.values():
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
        note, section = next(key for key, each in boxes.items() if each is box)
        return Anchor(note, section, start, end), text[start:end]

    # -- the panel -------------------------------------------------------------------------

    def _load_categories(self) -> None:
        if self._note.session is None:
            return
        self._categories = {c.id: c for c in self._service.observation_categories()}
        self._refresh()

    def _refresh(self, keep: int | None = None) -> None:
        if keep is None and (current := self.panel.current()) is not None:
            keep = current.id
        self.panel.model.placed = self._tags.is_placed
        self.panel.show_observations(self._tags.observations(), self._categories, keep)

    def show_observation(self, observation: Observation) -> None:
        """Scroll to the observation's words and select them."""
        box = self._tags.box_of(observation)
        if box is None or not self._tags.select(observation):
            return
        self._note.show_box(box)

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
                self._refresh(keep=observation.id)
                self.show_observation(observation)
                return True
        return False

    # -- recording, editing, deleting ------------------------------------------------------

    def tag(self, kind: ObservationKind) -> None:
        """Tag the selected words (or, with none selected, record without words)."""
        if self._note.session is None:
            return
        selected = self._selected_words()
        if selected is None:
            self.record_observation(kind)
            return
        anchor, words = selected
        self._open_form(self._new_observation(kind, words, anchor))

    def record_observation(
        self, kind: ObservationKind = ObservationKind.COUNTERTRANSFERENCE
    ) -> None:
        if self._note.session is not None:
            self._open_form(self._new_observation(kind, "", None))

    def _new_observation(
        self, kind: ObservationKind, words: str, anchor: Anchor | None
    ) -> Observation:
        session = self._note.session
        assert session is not None and session.id is not None
        offered = categories_offered(self._categories.values(), kind)
        return Observation(
            session.id,
            kind,
            offered[0].id if offered else 0,
            quote=words,
            anchor=anchor,
        )

    def edit_observation(self, observation: Observation) -> None:
        current = next((o for o in self._tags.observations() if o.id == observation.id), None)
        if current is not None:
            self._open_form(current)

    def _open_form(self, observation: Observation) -> None:
        # The note is saved first, so the offsets saved with the tag match the saved text.
        if self._note.session is None or self._note.refused_as_read_only():
            return
        if not self._note.flush():
            return
        form = ObservationForm(list(self._categories.values()), observation, self._widget)
        if not form.exec() or (session := self._note.session) is None:  # or locked meanwhile
            return
        client_id = session.client_id

        def save() -> None:
            saved = self._service.save_observation(form.observation(), client_id)
            if observation.id is None:
                self._tags.add(saved)
            else:
                self._tags.update(saved)
            self._refresh(keep=saved.id)

        attempt(self._widget, save)

    def delete_observation(self, observation: Observation) -> None:
        session = self._note.session
        if session is None or observation.id is None or self._note.refused_as_read_only():
            return
        answer = QMessageBox.question(
            self._widget,
            "Delete this observation?",
            f"Delete the observation “{headline(observation, self._categories)}”? "
            "The note's text stays as it is.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        client_id = session.client_id
        if not attempt(
            self._widget, lambda: self._service.delete_observation(observation.id, client_id)
        ):
            return
        self._tags.remove(observation.id)
        self._refresh()

    def _words_deleted(self, observations: list[Observation]) -> None:
        """The words of a tag were deleted: keep the observation untagged, or delete it."""
        if self._note.session is None:
            return
        if len(observations) == 1:
            about = f"the words {quoted(observations[0].quote, 80)}, which were tagged"
        else:
            about = f"the words of {len(observations)} tagged observations"
        box = QMessageBox(self._widget)
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
        session = self._note.session
        if session is None:  # locked meanwhile: the observation and its quote are kept
            return
        client_id = session.client_id

        def keep_or_delete() -> None:
            for observation in observations:
                if box.clickedButton() is delete:  # only ever on an explicit choice
                    self._service.delete_observation(observation.id, client_id)
                    self._tags.remove(observation.id)
                else:
                    untagged = replace(observation, anchor=None)
                    self._tags.update(self._service.save_observation(untagged, client_id))

        attempt(self._widget, keep_or_delete)
        self._refresh()
