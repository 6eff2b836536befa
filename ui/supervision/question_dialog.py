"""A question to take to supervision: which client it is about, and the question."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QWidget

from notes.records import Client
from notes.supervision import Question
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.form_fields import named, text_box
from ui.widgets.status_line import StatusLine


class QuestionDialog(QDialog):
    def __init__(
        self, clients: list[Client], client_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Question for supervision")
        self.client = named(QComboBox(), "question_client")
        for client in clients:
            self.client.addItem(client.code, client.id)
        self.client.setCurrentIndex(max(0, self.client.findData(client_id)))
        self.text = text_box("question", "What do you want to ask your supervisor?", keyed=True)
        self.problem = StatusLine("problem", urgent=True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("About", self.client)
        form.addRow("Question", self.text)
        self.buttons = form_dialog_layout(self, form, self.problem)

    def accept(self) -> None:
        if self.client.currentData() is None or not self.text.toPlainText().strip():
            self.problem.setText("Choose the client and write the question.")
            self.problem.show()
            return
        super().accept()

    def question(self) -> Question:
        return Question(self.client.currentData(), self.text.toPlainText().strip(), date.today())
