"""One instrument as a form: its instructions, each item with its response options as a row of
buttons, and its closing question. The therapist's dialog and client mode both show it; in
client mode it is drawn large (`large=True`) for reading at arm's length and touch."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notes.measures.instruments import Instrument
from notes.measures.scoring import AnsweredBy, MeasureResponse


class Questionnaire(QWidget):
    """Emits `answered(item key, value)` as each answer is given."""

    answered = Signal(str, int)

    def __init__(self, measure: Instrument, large: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.measure = measure
        self.setObjectName(f"questionnaire_{measure.key}")
        self.items: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, list[QPushButton]] = {}
        layout = QVBoxLayout(self)
        instructions = QLabel(measure.instructions)
        instructions.setWordWrap(True)
        instructions.setObjectName("questionnaireInstructions")
        layout.addWidget(instructions)
        grid = QGridLayout()
        grid.setVerticalSpacing(14 if large else 6)
        for row, item in enumerate(measure.items):
            text = QLabel(f"{row + 1}. {item.text}")
            text.setWordWrap(True)
            options = self._option_row(item.key, item.text, measure.options, large)
            if large:  # at arm's length: the item on a line of its own, its answers under it
                grid.addWidget(text, row * 2, 0, 1, 2)
                grid.addLayout(options, row * 2 + 1, 0, 1, 2)
            else:
                grid.addWidget(text, row, 0)
                grid.addLayout(options, row, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 4)
        layout.addLayout(grid)
        self.closing_group: QButtonGroup | None = None
        if measure.closing is not None:
            closing = QLabel(measure.closing.text)
            closing.setWordWrap(True)
            layout.addWidget(closing)
            options = tuple(enumerate(label for _key, label in measure.closing.options))
            layout.addLayout(self._option_row(measure.closing.key, "closing", options, large))
            self.closing_group = self.items.pop(measure.closing.key)
        licence = QLabel(measure.licence)
        licence.setWordWrap(True)
        licence.setObjectName("hint")
        layout.addWidget(licence)
        if large:
            font = QFont(self.font())
            font.setPointSizeF(max(16.0, font.pointSizeF() * 1.6))
            self.setFont(font)

    def _option_row(self, key: str, text: str, options, large: bool) -> QHBoxLayout:
        group = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons[key] = []
        for value, label in options:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAccessibleName(f"{text}: {label}")
            button.setMinimumHeight(56 if large else 28)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            group.addButton(button, value)
            row.addWidget(button)
            self.buttons[key].append(button)
        group.idClicked.connect(lambda value, key=key: self.answered.emit(key, value))
        self.items[key] = group
        return row

    def load(self, response: MeasureResponse | None) -> None:
        for key, group in self.items.items():
            value = None if response is None else response.answers.get(key)
            self._check(group, value)
        if self.closing_group is not None and self.measure.closing is not None:
            keys = [k for k, _label in self.measure.closing.options]
            chosen = None if response is None else response.closing
            self._check(self.closing_group, keys.index(chosen) if chosen in keys else None)

    @staticmethod
    def _check(group: QButtonGroup, value: int | None) -> None:
        group.setExclusive(False)
        for button in group.buttons():
            button.setChecked(group.id(button) == value)
        group.setExclusive(True)

    def response(self, session_id: int, by: AnsweredBy) -> MeasureResponse:
        answers = {key: g.checkedId() for key, g in self.items.items() if g.checkedId() >= 0}
        closing = None
        if self.closing_group is not None and self.measure.closing is not None:
            chosen = self.closing_group.checkedId()
            if chosen >= 0:
                closing = self.measure.closing.options[chosen][0]
        return MeasureResponse(session_id, self.measure.key, answers, closing, by)
