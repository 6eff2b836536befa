"""The panel beside a session's note: its observations, and buttons to record, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from notes.observations import Category, Observation
from notes.supervisor_comments import SupervisorComment
from ui.session.observation_form import quoted
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets.headings import Heading
from ui.widgets.models import DataclassListModel, ItemRole, emphasis


def headline(observation: Observation, categories: dict[int, Category]) -> str:
    """'Countertransference · Helpless / inadequate · 4 of 5' — how an observation is named."""
    category = categories.get(observation.category_id)
    label = category.display_label if category else "Unknown category"
    return f"{observation.kind.label} · {label} · {observation.intensity} of 5"


class SessionObservationModel(DataclassListModel[Observation]):
    """A session's observations; `placed` says whether an observation's words are in the note."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.categories: dict[int, Category] = {}
        self.placed: Callable[[Observation], bool] = lambda _observation: False

    def show(self, observation: Observation, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [headline(observation, self.categories)]
            if observation.supervision:
                lines[0] += " · for supervision"
            if observation.tagged and self.placed(observation):
                lines.append(quoted(observation.quote, 70))
            elif observation.quote:
                where = "no longer in the note" if observation.tagged else "untagged"
                lines.append(f"{quoted(observation.quote, 50)} ({where})")
            else:
                lines.append("Recorded without words from the note")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [observation.what_i_felt, observation.what_happened]
            return "\n".join(part for part in parts if part) or None
        if role == Qt.ItemDataRole.FontRole and observation.supervision:
            return emphasis(bold=True)
        return None


class ObservationPanel(QWidget):
    chosen = Signal(object)  # Observation: show its words
    editRequested = Signal(object)
    deleteRequested = Signal(object)
    recordRequested = Signal()

    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writes = writes = WriteGuard.of(service)  # the buttons need a writable vault
        self.setObjectName("observationPanel")
        self.model = SessionObservationModel(self)
        heading = Heading("Transference and countertransference")
        heading.setObjectName("sectionHeading")
        heading.setWordWrap(True)
        hint = QLabel(
            "Select words in a note, then Ctrl+T for transference (solid underline, blue) or "
            "Ctrl+Shift+T for countertransference (wavy underline, amber)."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.view = QListView()
        self.view.setObjectName("observation_list")
        self.view.setAccessibleName("observations of this session")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record_button = QPushButton("Record observation…")
        self.record_button.setToolTip("Note an observation without tagging words (Ctrl+Shift+O)")
        writes.guard(self.record_button)
        self.edit_button = writes.guard(QPushButton("Edit…"))
        self.delete_button = writes.guard(QPushButton("Delete…"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.record_button)
        # What the supervisor wrote on this session in a returned report (Reports menu).
        self.feedback = QLabel()
        self.feedback.setObjectName("supervisorFeedback")
        self.feedback.setAccessibleName("supervisor's comments on this session")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)  # a comment's text is never markup
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.feedback.hide()
        layout.addWidget(self.feedback)

        self.view.clicked.connect(lambda index: self.chosen.emit(index.data(ItemRole)))
        self.view.activated.connect(lambda index: self.chosen.emit(index.data(ItemRole)))
        self.view.doubleClicked.connect(lambda index: self.editRequested.emit(index.data(ItemRole)))
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested))
        self.delete_button.clicked.connect(lambda: self._request(self.deleteRequested))
        self.record_button.clicked.connect(self.recordRequested)
        self._update_buttons()

    def show_feedback(self, comments: list[SupervisorComment]) -> None:
        """The supervisor's comments on this session and its observations; hidden when none."""
        if not comments:
            self.feedback.clear()
            self.feedback.hide()
            return
        parts = ["Supervisor's comments"]
        for comment in comments:
            lines = [comment.heading(), comment.text]
            if comment.quoted:
                lines.append(f"On the words: “{comment.quoted}”")
            parts.append("\n".join(lines))
        self.feedback.setText("\n\n".join(parts))
        self.feedback.show()

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in the order they stand, for Tab."""
        return [self.view, self.edit_button, self.delete_button, self.record_button]

    def current(self) -> Observation | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def show_observations(
        self, observations: list[Observation], categories: dict[int, Category], keep: int | None
    ) -> None:
        """List these, keeping the observation with id `keep` current if it is among them."""
        self.model.categories = categories
        self.model.set_items(observations)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _request(self, signal) -> None:
        observation = self.current()
        if observation is not None:
            signal.emit(observation)

    def _update_buttons(self) -> None:
        chosen = self.view.currentIndex().isValid()
        self._writes.set_wanted(self.edit_button, chosen)
        self._writes.set_wanted(self.delete_button, chosen)
