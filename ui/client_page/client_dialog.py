"""Add or edit a client: the report code, the name and the terms that identify them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from notes.codes import client_problem, code_warning, suggest_code
from notes.records import Client
from ui.lock.dialog_drafts import restore
from ui.widgets.dialog_parts import Standard, form_dialog_layout
from ui.widgets.form_fields import date_edit, named
from ui.widgets.status_line import StatusLine
from ui.writing.box_aids import attach as attach_writing_aids


class ClientDialog(QDialog):
    def __init__(self, taken_codes: set[str], client: Client | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit client" if client else "New client")
        self._client = client
        self._taken = {code.upper() for code in taken_codes}
        if client:
            self._taken.discard(client.code.upper())
        self._code_edited = client is not None
        self._suggested = ""  # one random suggestion per dialog, kept while the name is typed

        self.full_name = named(QLineEdit(), "full_name")
        self.code = named(QLineEdit(), "code")
        self.code.setMaxLength(20)
        self.start_date = named(date_edit(date.today()), "start_date")
        self.problem = named(QPlainTextEdit(), "presenting_problem")
        self.problem.setPlaceholderText("What brought them to therapy, in a sentence or two.")
        self.problem.setTabChangesFocus(True)
        attach_writing_aids(self.problem)  # not the terms: names, one a line
        self.terms = named(QPlainTextEdit(), "identifying_terms")
        self.terms.setPlaceholderText("One per line: partner's name, employer, town…")
        self.terms.setTabChangesFocus(True)
        self.message = StatusLine("error", urgent=True)  # what is wrong is read out at once
        terms_hint = QLabel(
            "Names of family, employer, school or town that would identify this client. "
            "Supervision reports replace them, and the client's name, with the code."
        )
        terms_hint.setObjectName("hint")
        terms_hint.setWordWrap(True)
        self.code_warning = named(QLabel(), "code_warning")
        self.code_warning.setObjectName("error")
        self.code_warning.setWordWrap(True)
        self.code_warning.setVisible(False)

        form = QFormLayout()
        form.addRow("Full name", self.full_name)
        form.addRow("Report code", self.code)
        form.addRow("", self.code_warning)
        form.addRow("First session", self.start_date)
        form.addRow("Presenting problem", self.problem)
        form.addRow("Identifying terms", self.terms)
        form.addRow("", terms_hint)
        buttons = form_dialog_layout(self, form, self.message)
        self.save_button = buttons.button(Standard.Save)
        self.resize(520, 420)

        if client:
            self.full_name.setText(client.full_name)
            self.code.setText(client.code)
            self.start_date.setDate(QDate(client.start_date))
            self.problem.setPlainText(client.presenting_problem)
            self.terms.setPlainText("\n".join(client.identifying_terms))
        self.full_name.textEdited.connect(self._suggest)
        self.code.textEdited.connect(self._mark_code_edited)
        for changed in (self.full_name.textChanged, self.code.textChanged):
            changed.connect(self._warn_about_code)
        self.terms.textChanged.connect(self._warn_about_code)
        self._warn_about_code()

    def restore_fields(self, fields: dict) -> None:
        """Refill the form from a draft set aside by auto-lock."""
        restore(self, fields)
        self._code_edited = bool(self.code.text())

    def _mark_code_edited(self) -> None:
        self._code_edited = bool(self.code.text())

    def _suggest(self, name: str) -> None:
        if not self._code_edited:
            if name.strip() and not self._suggested:
                self._suggested = suggest_code(name, self._taken)
            self.code.setText(self._suggested if name.strip() else "")

    def _warn_about_code(self) -> None:
        warning = code_warning(self.full_name.text(), self.code.text(), self._terms())
        self.code_warning.setText(warning)
        self.code_warning.setVisible(bool(warning))

    def _terms(self) -> list[str]:
        return [line.strip() for line in self.terms.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()

    def _problem(self) -> str:
        return client_problem(self.full_name.text(), self.code.text(), self._taken)

    def client(self) -> Client:
        """The client as entered, keeping the id and status of the one being edited."""
        terms = self._terms()
        edited = Client(
            code=self.code.text().strip(),
            full_name=self.full_name.text().strip(),
            start_date=date.fromisoformat(self.start_date.date().toString("yyyy-MM-dd")),
            identifying_terms=terms,
            presenting_problem=self.problem.toPlainText().strip(),
        )
        if self._client:
            edited.id = self._client.id
            edited.status = self._client.status
        return edited
