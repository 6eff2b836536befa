"""The therapist's own conduct prompts: reword, add, retire or bring back.

Past answers keep the words they were given with, so nothing here changes what was answered.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notes.conduct import Applies, Prompt, PromptSet
from ui.lock.dialog_drafts import EXTRA, RECORD, Fields, nested_draftable, restore
from ui.widgets import theme
from ui.widgets.dialog_parts import Standard, dialog_buttons, form_dialog_layout
from ui.widgets.form_fields import text_box
from ui.widgets.models import DataclassListModel, ItemRole, emphasis


class PromptListModel(DataclassListModel[Prompt]):
    def __init__(self, prompt_set: PromptSet, parent: Any = None) -> None:
        super().__init__(parent)
        self._set = prompt_set

    def show(self, prompt: Prompt, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            retired = " · retired" if prompt.retired else ""
            group = self._set.group(prompt.group).label
            return f"{group} · {prompt.applies_to.label.lower()}{retired}\n    {prompt.text}"
        if role == Qt.ItemDataRole.ForegroundRole and prompt.retired:
            return theme.muted()
        if role == Qt.ItemDataRole.FontRole and prompt.retired:
            return emphasis(italic=True)
        return None

    def refresh(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)


class PromptForm(QDialog):
    """Add a prompt, or change one's wording, group or when it is asked."""

    def __init__(self, prompt_set: PromptSet, prompt: Prompt | None, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Edit prompt" if prompt else "New prompt")
        self.group = QComboBox()
        self.group.setAccessibleName("group")
        for group in prompt_set.groups:
            self.group.addItem(group.label, group.key)
        self.applies = QComboBox()
        self.applies.setAccessibleName("asked after")
        for applies in Applies:
            self.applies.addItem(applies.label, applies)
        self.text = text_box("prompt wording", "A question you ask yourself after a session.")
        if prompt is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(prompt.group)))
            self.applies.setCurrentIndex(self.applies.findData(prompt.applies_to))
            self.text.setPlainText(prompt.text)
        form = QFormLayout()
        form.addRow("Group", self.group)
        form.addRow("Asked after", self.applies)
        form.addRow("Wording", self.text)
        buttons = form_dialog_layout(self, form)
        save = buttons.button(Standard.Save)
        save.setEnabled(bool(self.text.toPlainText().strip()))
        self.text.textChanged.connect(
            lambda: save.setEnabled(bool(self.text.toPlainText().strip()))
        )
        self.setMinimumWidth(520)
        self.adjustSize()

    def values(self) -> tuple[str, Applies, str]:
        return (
            self.group.currentData(),
            Applies(self.applies.currentData()),
            " ".join(self.text.toPlainText().split()),
        )


class PromptSetDialog(QDialog):
    """Edits a copy of the set; `prompt_set()` is the result once accepted."""

    def __init__(self, prompt_set: PromptSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Conduct prompts")
        self._set = prompt_set.copy()
        hint = QLabel(
            "The questions you ask yourself after a session. Reword them, add your own, or "
            "retire those that do not fit your work. Past answers keep the words they were "
            "given with."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.model = PromptListModel(self._set, self)
        self.model.set_items(self._set.prompts)
        self.view = QListView()
        self.view.setAccessibleName("conduct prompts")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton("Add prompt…")
        self.edit_button = QPushButton("Edit wording…")
        self.retire_button = QPushButton("Retire")
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_prompt)
        self.edit_button.clicked.connect(self.edit_prompt)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.view.doubleClicked.connect(lambda _index: self.edit_prompt())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self._keep_for_draft()
        self.resize(720, 560)

    def prompt_set(self) -> PromptSet:
        return self._set

    def _keep_for_draft(self) -> None:
        """The set as edited so far, where a lock finds it (ui/lock/dialog_drafts.py)."""
        rows = [[p.key, p.group, p.text, p.applies_to.value, p.retired] for p in self._set.prompts]
        self.setProperty(EXTRA, json.dumps(rows))

    def restore_draft(self, fields: Fields) -> None:
        """The set as it was edited when a lock set this dialog aside."""
        rows = json.loads(fields[EXTRA])
        self._set.prompts = [
            Prompt(key, group, text, Applies(applies), retired)
            for key, group, text, applies, retired in rows
        ]
        self.model.set_items(self._set.prompts)
        self._keep_for_draft()

    def _chosen(self) -> Prompt | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self._chosen()
        self.edit_button.setEnabled(chosen is not None)
        self.retire_button.setEnabled(chosen is not None)
        self.retire_button.setText("Bring back" if chosen and chosen.retired else "Retire")

    def add_prompt(self) -> None:
        self._run_form(None)

    def edit_prompt(self) -> None:
        prompt = self._chosen()
        if prompt is not None:
            self._run_form(prompt)

    def reopen_form(self, fields: Fields) -> None:
        """The prompt form as it was when a lock set it aside (ui/lock/dialog_drafts.py)."""
        key = fields.get(RECORD)
        prompt = next((p for p in self._set.prompts if p.key == key), None)
        if prompt is not None:
            self.view.setCurrentIndex(self.model.index(self._set.prompts.index(prompt)))
        self._run_form(prompt, fields)

    def _run_form(self, prompt: Prompt | None, fields: Fields | None = None) -> None:
        form = PromptForm(self._set, prompt, self)
        nested_draftable(form, "reopen_form", prompt.key if prompt else None)
        if fields:
            restore(form, fields)
        if not form.exec():
            return
        if prompt is None:
            group, applies, text = form.values()
            prompt = self._set.add(group, text, applies)
            self.model.set_items(self._set.prompts)
            self.view.setCurrentIndex(self.model.index(self._set.prompts.index(prompt)))
        else:
            prompt.group, prompt.applies_to, prompt.text = form.values()
            self.model.refresh(self.view.currentIndex().row())
        self._keep_for_draft()

    def toggle_retired(self) -> None:
        prompt = self._chosen()
        if prompt is None:
            return
        prompt.retired = not prompt.retired
        self.model.refresh(self.view.currentIndex().row())
        self._update_buttons()
        self._keep_for_draft()
