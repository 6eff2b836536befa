"""The alliance check for one session: the client's answers (0–10) beside the therapist's own
estimate of them, with the difference shown as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from notes.alliance import QUESTIONS, AllianceRating, Rater, describe_difference
from notes.records import Session
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.form_fields import SessionChooser

NOT_ASKED = -1  # the spin box's lowest value reads "–": not asked this time


def _score_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(NOT_ASKED, 10)
    box.setSpecialValueText("–")
    box.setAccessibleName(name)
    box.setAlignment(Qt.AlignmentFlag.AlignCenter)
    box.setMinimumWidth(64)
    return box


def _mean_text(rating: AllianceRating, rater: Rater) -> str:
    mean = rating.mean(rater)
    return "–" if mean is None else f"{float(mean):.1f}"


class AllianceDialog(QDialog):
    def __init__(
        self,
        sessions: list[Session],
        ratings: dict[int, AllianceRating],
        session_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Alliance check")
        self._ratings = ratings
        self.session = SessionChooser(sessions, session_id)
        self.session.setAccessibleName("session")
        hint = QLabel(
            "Ask the client, in your own words, how the work feels to them, and enter what they "
            "say from 0 (not at all) to 10 (completely). Then estimate what you think they would "
            "say. Leave “–” for anything not asked this time."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for column, text in enumerate(("", "Client", "Your estimate", "Difference")):
            heading = QLabel(text)
            heading.setObjectName("columnHeading")
            grid.addWidget(heading, 0, column)
        self.client_boxes: dict[str, QSpinBox] = {}
        self.therapist_boxes: dict[str, QSpinBox] = {}
        self.differences: dict[str, QLabel] = {}
        for row, question in enumerate(QUESTIONS, 1):
            label = QLabel(question.label)
            label.setToolTip(question.hint)
            client = _score_box(f"client: {question.label}")
            therapist = _score_box(f"your estimate: {question.label}")
            difference = QLabel()
            difference.setObjectName("hint")
            for column, widget in enumerate((label, client, therapist, difference)):
                grid.addWidget(widget, row, column)
            self.client_boxes[question.key] = client
            self.therapist_boxes[question.key] = therapist
            self.differences[question.key] = difference
            client.valueChanged.connect(self._update)
            therapist.valueChanged.connect(self._update)
        mean_row = len(QUESTIONS) + 1
        mean_label = QLabel("Mean")
        mean_label.setObjectName("columnHeading")
        self.client_mean, self.therapist_mean, self.mean_difference = QLabel(), QLabel(), QLabel()
        for column, widget in enumerate(
            (mean_label, self.client_mean, self.therapist_mean, self.mean_difference)
        ):
            if column in (1, 2):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(widget, mean_row, column)
        grid.setColumnStretch(3, 1)

        buttons = dialog_buttons(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Session"))
        top.addWidget(self.session, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.session.currentIndexChanged.connect(self._load)
        self._load()
        self.setMinimumWidth(560)
        self.adjustSize()

    def _load(self) -> None:
        rating = self._ratings.get(self.session.session_id()) or AllianceRating(0)
        for key, box in self.client_boxes.items():
            box.setValue(rating.client.get(key, NOT_ASKED))
        for key, box in self.therapist_boxes.items():
            box.setValue(rating.therapist.get(key, NOT_ASKED))
        self._update()

    def _update(self) -> None:
        rating = self.rating()
        for key, label in self.differences.items():
            label.setText(describe_difference(rating.difference(key)))
        self.client_mean.setText(_mean_text(rating, Rater.CLIENT))
        self.therapist_mean.setText(_mean_text(rating, Rater.THERAPIST))
        self.mean_difference.setText(describe_difference(rating.mean_difference()))

    def rating(self) -> AllianceRating:
        def scores(boxes: dict[str, QSpinBox]) -> dict[str, int]:
            return {key: box.value() for key, box in boxes.items() if box.value() != NOT_ASKED}

        return AllianceRating(
            self.session.session_id() or 0,
            scores(self.client_boxes),
            scores(self.therapist_boxes),
        )
