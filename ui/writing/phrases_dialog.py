"""The therapist's phrases: pick one on the left, change its code or text, save; add or delete."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton, QWidget

from notes.phrases import Phrase, phrase_problem
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD
from ui.vault_service import VaultService
from ui.widgets.form_fields import named, text_box
from ui.writing.own_items_dialog import OwnItemsDialog


class PhrasesDialog(OwnItemsDialog):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__("Phrases", parent)
        self._service = service
        self._phrases: list[Phrase] = []
        self._editing: str | None = None  # the code of the phrase shown, None for a new one
        self.codes = named(QListWidget(), "phrase_codes")
        self.code = named(QLineEdit(), "phrase_code")
        self.code.setPlaceholderText("a short word, such as mse")
        self.text = text_box("phrase_text", "What the code stands for.", height=120, keyed=True)
        self.new_button = new = QPushButton("&New phrase")
        self.save_button = QPushButton("&Save phrase")
        self.delete_button = QPushButton("&Delete phrase")
        self._lay_out(
            self.codes,
            [("&Code", self.code), ("&Text", self.text)],
            [new, self.save_button, self.delete_button],
        )
        new.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.codes.currentRowChanged.connect(self._show)
        self._reload()
        self.resize(640, 360)

    def _reload(self, choose: str | None = None) -> None:
        self._phrases = self._service.phrases()
        self.codes.clear()
        self.codes.addItems([phrase.code for phrase in self._phrases])
        codes = [phrase.code for phrase in self._phrases]
        if choose in codes:
            self.codes.setCurrentRow(codes.index(choose))
        elif self._phrases:
            self.codes.setCurrentRow(0)
        else:
            self.start_new()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._phrases):
            phrase = self._phrases[row]
            self._editing = phrase.code
            self.setProperty(RECORD, phrase.code)  # a lock reopens this phrase
            self.code.setText(phrase.code)
            self.text.setPlainText(phrase.text)
            self.message.clear()

    def start_new(self) -> None:
        self._editing = None
        self.setProperty(RECORD, "")
        self.codes.clearSelection()
        self.code.clear()
        self.text.clear()
        self.message.clear()
        self.code.setFocus()

    def save(self) -> None:
        phrase = Phrase(self.code.text().strip(), self.text.toPlainText())
        others = [p for p in self._phrases if p.code != self._editing]
        problem = phrase_problem(phrase, others)
        if problem:
            self.message.setText(problem)  # nothing typed is lost: the fields stay as they are
            return
        replacing = self._editing if self._editing != phrase.code else None
        if attempt(self, lambda: self._service.save_phrase(phrase, replacing)):
            self._reload(choose=phrase.code)
            self.message.clear()

    def delete(self) -> None:
        if self._editing is not None:
            code = self._editing
            if attempt(self, lambda: self._service.delete_phrase(code)):
                self._reload()
