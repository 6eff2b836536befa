"""The therapist's own templates: make one, rename it or its sections, retire or bring it back.

Sections are written one a line, "Title: hint". Nothing is ever deleted: a retired template is
no longer offered for notes, and notes written with it read as before.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget

from notes.templates import (
    Template,
    changed,
    new_own_template,
    sections_from_text,
    sections_text,
    template_problem,
)
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD
from ui.vault_service import VaultService
from ui.widgets.form_fields import named, text_box
from ui.writing.own_items_dialog import OwnItemsDialog

RETIRED = " (retired)"


class TemplatesDialog(OwnItemsDialog):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__("My templates", parent)
        self._service = service
        self._templates: list[Template] = []
        self._editing: Template | None = None
        self.names = named(QListWidget(), "own_templates")
        self.name = named(QLineEdit(), "template_name")
        self.sections = text_box(
            "template_sections",
            "One section a line, such as\nThemes: what came up today\nPlan: what comes next",
            height=160,
            keyed=True,
        )
        hint = QLabel("One section a line: its title, a colon, then a hint for yourself.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.new_button = QPushButton("&New template")
        self.save_button = QPushButton("&Save template")
        self.retire_button = QPushButton("&Retire")
        self._lay_out(
            self.names,
            [("&Name", self.name), ("S&ections", self.sections), ("", hint)],
            [self.new_button, self.save_button, self.retire_button],
        )
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.names.currentRowChanged.connect(self._show)
        self._reload()
        self.resize(680, 400)

    def _reload(self, choose: str | None = None) -> None:
        self._templates = self._service.own_templates()
        self.names.clear()
        self.names.addItems([t.name + (RETIRED if t.retired else "") for t in self._templates])
        keys = [t.key for t in self._templates]
        if choose in keys:
            self.names.setCurrentRow(keys.index(choose))
        else:
            self.start_new()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._templates):
            self._editing = chosen = self._templates[row]
            self.setProperty(RECORD, chosen.key)  # a lock reopens this template
            self.name.setText(chosen.name)
            self.sections.setPlainText(sections_text(chosen.sections))
            self.retire_button.setText("Bring &back" if chosen.retired else "&Retire")
            self.retire_button.setEnabled(True)
            self.message.clear()

    def start_new(self) -> None:
        self._editing = None
        self.setProperty(RECORD, "")
        self.names.clearSelection()
        self.name.clear()
        self.sections.clear()
        self.retire_button.setEnabled(False)
        self.message.clear()
        self.name.setFocus()

    def save(self) -> None:
        before = self._editing.sections if self._editing else ()
        sections = sections_from_text(self.sections.toPlainText(), before)
        key = self._editing.key if self._editing else None
        problem = template_problem(self.name.text(), sections, key)
        if problem:
            self.message.setText(problem)  # the fields keep what was typed
            return
        name = self.name.text()
        wanted = changed(self._editing, name, sections) if self._editing else None
        wanted = wanted or new_own_template(name, sections)
        saved: list[Template] = []
        if attempt(self, lambda: saved.append(self._service.save_own_template(wanted))):
            self._reload(choose=saved[0].key)

    def toggle_retired(self) -> None:
        if self._editing is None:
            return
        flipped = replace(self._editing, retired=not self._editing.retired)
        if attempt(self, lambda: self._service.save_own_template(flipped)):
            self._reload(choose=flipped.key)
