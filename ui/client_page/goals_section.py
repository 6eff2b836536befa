"""Treatment goals on the client page: what we agreed to work on, when reviewed, how it stands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QWidget,
)

from notes.alliance import Goal, GoalStatus, goals_summary
from notes.records import Client
from ui.client_page.list_section import RecordSection
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD, Fields, draftable
from ui.vault_service import VaultService
from ui.widgets import theme
from ui.widgets.dialog_parts import Standard, form_dialog_layout
from ui.widgets.form_fields import OptionalDate, text_box
from ui.widgets.models import DataclassListModel


class GoalModel(DataclassListModel[Goal]):
    def show(self, goal: Goal, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            agreed = f"agreed {goal.agreed_on:%d %b %Y}" if goal.agreed_on else "not yet agreed"
            reviewed = f" · reviewed {goal.reviewed_on:%d %b %Y}" if goal.reviewed_on else ""
            note = f"\n    {goal.review_note}" if goal.review_note else ""
            return f"{goal.text}\n    {goal.status.label} · {agreed}{reviewed}{note}"
        if role == Qt.ItemDataRole.ForegroundRole and goal.status is GoalStatus.SET_ASIDE:
            return theme.muted()
        return None


class GoalDialog(QDialog):
    def __init__(self, goal: Goal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal = goal
        self.setWindowTitle("Treatment goal" if goal.id else "New treatment goal")
        self.text = text_box("goal", "In the client's words where you can.", goal.text)
        self.agreed = OptionalDate("Agreed with the client on", goal.agreed_on)
        self.reviewed = OptionalDate("Last reviewed on", goal.reviewed_on)
        self.status = QComboBox()
        self.status.setAccessibleName("status")
        for status in GoalStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(goal.status))
        self.review_note = text_box(
            "review note", "How it stands, in a line or two.", goal.review_note
        )
        form = QFormLayout()
        form.addRow("Goal", self.text)
        form.addRow(self.agreed)
        form.addRow(self.reviewed)
        form.addRow("Status", self.status)
        form.addRow("Review", self.review_note)
        self.buttons = form_dialog_layout(self, form)
        save = self.buttons.button(Standard.Save)
        self.text.textChanged.connect(
            lambda: save.setEnabled(bool(self.text.toPlainText().strip()))
        )
        save.setEnabled(bool(goal.text.strip()))
        self.setMinimumWidth(480)
        self.adjustSize()

    def goal(self) -> Goal:
        return Goal(
            self._goal.client_id,
            self.text.toPlainText().strip(),
            self.agreed.value(),
            self.reviewed.value(),
            GoalStatus(self.status.currentData()),
            self.review_note.toPlainText().strip(),
            self._goal.id,
        )


class GoalsSection(RecordSection):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(
            service, GoalModel(), "treatment goals", "No goals written down yet.", parent
        )
        self.add_button("Add goal…", self.add_goal)
        self.add_button("Edit goal…", self.edit_chosen)

    def load(self, client: Client) -> list[Goal]:
        return self._service.goals(client.id)

    def describe(self, goals: list[Goal]) -> str:
        return goals_summary(goals)

    def add_goal(self, fields: Fields | None = None) -> None:
        """A new goal; `fields` refill it after a lock set it aside."""
        if self.client is not None:
            self._edit(Goal(self.client.id, ""), fields)

    def edit_chosen(self) -> None:
        goal = self.chosen()
        if goal is not None:
            self._edit(goal)

    def edit_goal(self, fields: Fields) -> None:
        """Reopen the edit of a goal that a lock set aside (its id is among the fields)."""
        goal = next((g for g in self.model.items() if g.id == fields[RECORD]), None)
        if goal is not None:
            self._edit(goal, fields)

    def _edit(self, goal: Goal, draft: Fields | None = None) -> None:
        dialog = GoalDialog(goal, self)
        if goal.id is None:
            draftable(dialog, "add_goal", draft)
        else:
            draftable(dialog, "edit_goal", draft, goal.id)
        if dialog.exec():
            attempt(self, lambda: self._service.save_goal(dialog.goal()))
