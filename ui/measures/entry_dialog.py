"""Entering a session's measures as the therapist: one tab per instrument, the score and band
as the answers are given, and the item-9 notice the moment it applies."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from notes.measures.instruments import instruments
from notes.measures.scoring import AnsweredBy, MeasureResponse, describe_score
from notes.records import Session
from ui.measures.flag_notice import FlagNotice
from ui.measures.questionnaire import Questionnaire
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.form_fields import SessionChooser
from ui.widgets.screen_fit import scrolling


class MeasuresDialog(QDialog):
    def __init__(
        self,
        sessions: list[Session],
        saved: dict[int, list[MeasureResponse]],
        session_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Outcome measures")
        self._saved = saved
        self.session = SessionChooser(sessions, session_id)
        self.session.setAccessibleName("session")
        self.tabs = QTabWidget()
        self.forms: list[Questionnaire] = []
        for measure in instruments():
            form = Questionnaire(measure)
            form.answered.connect(self._update)
            self.forms.append(form)
            # Nine items and their answers: they scroll on a small screen, the buttons stay.
            self.tabs.addTab(scrolling(form, f"{measure.key}_items"), measure.name)
        self.scores = QLabel()
        self.scores.setAccessibleName("scores")
        self.notice = FlagNotice()
        top = QHBoxLayout()
        top.addWidget(QLabel("Session"))
        top.addWidget(self.session, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.scores)
        layout.addWidget(dialog_buttons(self))
        self.session.currentIndexChanged.connect(self._load)
        self._load()
        self.resize(900, 640)

    def _load(self) -> None:
        by_key = {r.instrument_key: r for r in self._saved.get(self.session.session_id(), [])}
        for form in self.forms:
            form.load(by_key.get(form.measure.key))
        self._update()

    def _update(self) -> None:
        responses = self.responses()
        self.scores.setText("   ".join(describe_score(r) for r in responses))
        self.notice.show_for(responses)

    def responses(self) -> list[MeasureResponse]:
        session_id = self.session.session_id() or 0
        return [form.response(session_id, AnsweredBy.THERAPIST) for form in self.forms]
