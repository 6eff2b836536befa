"""The therapy contract on the client page: each term, when it was explained, whether agreed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from notes.alliance import (
    CONTRACT_TERMS,
    ContractItem,
    contract_summary,
    hint_of,
    label_of,
    next_to_explain,
)
from notes.records import Client
from ui.client_page.list_section import RecordSection
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD, Fields, draftable
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.form_fields import OptionalDate, text_box
from ui.widgets.headings import Heading
from ui.widgets.models import DataclassListModel, emphasis

_AGREED = {True: "agreed", False: "not agreed", None: "agreement not asked yet"}


class ContractModel(DataclassListModel[ContractItem]):
    def show(self, item: ContractItem, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item.explained_on is None:
                state = "not yet explained"
            else:
                state = f"explained {item.explained_on:%d %b %Y} · {_AGREED[item.agreed]}"
            notes = f"\n    {item.notes}" if item.notes else ""
            return f"{item.label} — {state}{notes}"
        if role == Qt.ItemDataRole.FontRole and item.explained_on is None:
            return emphasis(bold=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hint_of(CONTRACT_TERMS, item.term) or None
        return None


class ContractTermDialog(QDialog):
    def __init__(self, item: ContractItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item = item
        self.setWindowTitle("Contract term")
        title = Heading(label_of(CONTRACT_TERMS, item.term))
        title.setObjectName("sectionHeading")
        hint = QLabel(hint_of(CONTRACT_TERMS, item.term))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.explained = OptionalDate("Explained on", item.explained_on)
        self.agreement = QButtonGroup(self)
        row = QHBoxLayout()
        self._choices: dict[bool | None, QRadioButton] = {}
        for value, text in ((True, "Agreed"), (False, "Not agreed"), (None, "Not asked yet")):
            button = QRadioButton(text)
            self.agreement.addButton(button)
            self._choices[value] = button
            row.addWidget(button)
        row.addStretch(1)
        self._choices[item.agreed].setChecked(True)
        self.notes = text_box(
            "notes", "Anything agreed differently, or to come back to.", item.notes
        )
        form = QFormLayout()
        form.addRow(self.explained)
        form.addRow("Agreement", row)
        form.addRow("Notes", self.notes)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.adjustSize()

    def item(self) -> ContractItem:
        agreed = next(value for value, button in self._choices.items() if button.isChecked())
        return ContractItem(
            self._item.client_id,
            self._item.term,
            self.explained.value(),
            agreed,
            self.notes.toPlainText().strip(),
        )


class ContractSection(RecordSection):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(service, ContractModel(), "contract terms", "", parent)
        self.add_button("Mark explained or agreed…", self.edit_chosen)

    def load(self, client: Client) -> list[ContractItem]:
        return self._service.contract(client.id)

    def describe(self, items: list[ContractItem]) -> str:
        return contract_summary(items)

    def edit_chosen(self) -> None:
        self._edit(self.chosen() or next_to_explain(self.model.items()))

    def edit_term(self, fields: Fields) -> None:
        """Reopen the edit of a term that a lock set aside (its key is among the fields)."""
        self._edit(next((i for i in self.model.items() if i.term == fields[RECORD]), None), fields)

    def _edit(self, item: ContractItem | None, draft: Fields | None = None) -> None:
        if item is None:
            return
        dialog = ContractTermDialog(item, self)
        draftable(dialog, "edit_contract_term", draft, item.term)
        if dialog.exec():
            attempt(self, lambda: self._service.save_contract_item(dialog.item()))
