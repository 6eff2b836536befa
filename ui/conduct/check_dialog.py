"""A short look back at the therapist's own conduct in one session.

Each prompt takes yes / partly / no / not applicable and an optional comment; "Later" keeps the
check due. The dialog only collects answers; its caller saves them.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from notes.conduct import Answer, ConductAnswer, ConductCheck, Prompt, PromptSet
from notes.records import Client, Session
from ui.widgets.headings import Heading
from ui.widgets.models import session_title


class Choice(Enum):
    CLOSED = "closed"  # the window was closed without a choice
    LATER = "later"
    SAVED = "saved"


class _PromptRow(QWidget):
    """One prompt: its words, four answers in a row, and a comment."""

    def __init__(self, prompt: Prompt, previous: ConductAnswer | None) -> None:
        super().__init__()
        self.prompt = prompt
        text = QLabel(prompt.text)
        text.setWordWrap(True)
        text.setObjectName("promptText")
        self.group = QButtonGroup(self)
        self.buttons: dict[Answer, QRadioButton] = {}
        answers = QHBoxLayout()
        answers.setContentsMargins(12, 0, 0, 0)
        for answer in Answer:
            button = QRadioButton(answer.label)
            button.setAccessibleName(f"{answer.label}: {prompt.text}")
            self.group.addButton(button)
            self.buttons[answer] = button
            answers.addWidget(button)
        self.comment = QLineEdit(previous.comment if previous else "")
        self.comment.setPlaceholderText("A word on it (optional)")
        self.comment.setAccessibleName(f"comment: {prompt.text}")
        answers.addWidget(self.comment, 1)
        if previous is not None:
            self.buttons[previous.answer].setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 6)
        layout.setSpacing(3)
        layout.addWidget(text)
        layout.addLayout(answers)

    def answer(self) -> ConductAnswer | None:
        chosen = next((a for a, button in self.buttons.items() if button.isChecked()), None)
        if chosen is None:
            return None
        p = self.prompt
        return ConductAnswer(p.key, p.group, p.text, chosen, self.comment.text().strip())


class ConductDialog(QDialog):
    def __init__(
        self,
        client: Client,
        session: Session,
        prompt_set: PromptSet,
        questions: list[Prompt],
        previous: ConductCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check my conduct")
        self.choice = Choice.CLOSED

        title = Heading(f"{client.code} · {session_title(session)}")
        title.setObjectName("sectionHeading")
        intro = QLabel(
            "A few honest minutes about your own part in this session. Answer what fits and "
            "leave the rest; the answers stay in the vault, for you and, if you choose, "
            "supervision."
        )
        if session.first:
            intro.setText(
                intro.text() + " First sessions have their own questions about understanding "
                "and the agreement."
            )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.rows: list[_PromptRow] = []
        body = QWidget()
        body.setObjectName("conductPrompts")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(4, 0, 12, 0)
        shown_group = None
        for prompt in questions:
            if prompt.group != shown_group:
                heading = Heading(prompt_set.group(prompt.group).label)
                heading.setObjectName("groupHeading")
                body_layout.addWidget(heading)
                shown_group = prompt.group
            row = _PromptRow(prompt, previous.answer_for(prompt.key) if previous else None)
            row.group.buttonToggled.connect(lambda *_: self._count())
            body_layout.addWidget(row)
            self.rows.append(row)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.counter = QLabel()
        self.counter.setObjectName("hint")
        self.later_button = QPushButton("Later")
        self.later_button.setToolTip("Keep it for later; the session list shows it is due")
        self.save_button = QPushButton("Save answers")
        self.save_button.setDefault(True)
        footer = QHBoxLayout()
        footer.addWidget(self.counter, 1)
        footer.addWidget(self.later_button)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)
        self.later_button.clicked.connect(self._later)
        self.save_button.clicked.connect(self._save)
        self._count()
        self.resize(760, 640)
        if self.rows:
            self.rows[0].buttons[Answer.YES].setFocus(Qt.FocusReason.OtherFocusReason)

    def _count(self) -> None:
        answered = len(self.answers())
        self.counter.setText(f"{answered} of {len(self.rows)} answered")
        self.save_button.setEnabled(answered > 0)

    def answers(self) -> list[ConductAnswer]:
        return [answer for row in self.rows if (answer := row.answer()) is not None]

    def row(self, prompt_key: str) -> _PromptRow:
        return next(row for row in self.rows if row.prompt.key == prompt_key)

    def _later(self) -> None:
        self.choice = Choice.LATER
        self.reject()

    def _save(self) -> None:
        self.choice = Choice.SAVED
        self.accept()
