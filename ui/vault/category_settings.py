"""Settings for observation categories: rename, describe, add and retire, per kind.

A category is never deleted: retiring it takes it out of the form for new observations, while
every past observation keeps it, readable, with "(retired)" beside its name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notes.observations import Category, ObservationKind
from notes.taxonomy import kind_description
from storage.errors import VaultError
from ui.lock.dialog_drafts import RECORD, Fields, draftable, restore
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import Standard, dialog_buttons
from ui.widgets.models import DataclassListModel, ItemRole, emphasis
from ui.widgets.status_line import StatusLine
from ui.writing.box_aids import attach as attach_writing_aids


class CategoryListModel(DataclassListModel[Category]):
    def show(self, category: Category, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return category.display_label
        if role == Qt.ItemDataRole.ToolTipRole:
            return category.description or None
        if role == Qt.ItemDataRole.FontRole and category.retired:
            return emphasis(italic=True)
        return None


class CategorySettings(QDialog):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categorySettings")
        self.setWindowTitle("Observation categories")
        self._service = service
        self._editing: Category | None = None  # None: the form describes a new category

        intro = QLabel(
            "Rename or describe a category in your own words, add your own, or retire one you "
            "no longer use. Past observations always keep their category, retired or not."
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.kind = QComboBox()
        self.kind.setAccessibleName("kind")
        for kind in ObservationKind:
            self.kind.addItem(kind.label, kind.value)
        self.about_kind = QLabel()
        self.about_kind.setObjectName("hint")
        self.about_kind.setWordWrap(True)
        self.model = CategoryListModel(self)
        self.view = QListView()
        self.view.setObjectName("category_list")
        self.view.setAccessibleName("categories")
        self.view.setModel(self.model)
        self.view.setMinimumWidth(220)
        self.new_button = QPushButton("New category")

        self.label = QLineEdit()
        self.label.setAccessibleName("name")
        self.label.setPlaceholderText("A short name, e.g. “Rescuing”")
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("description")
        self.description.setPlaceholderText("One sentence on what you mean by it.")
        self.description.setTabChangesFocus(True)
        attach_writing_aids(self.description)
        self.description.setFixedHeight(72)
        self.retired = QCheckBox("Retired — not offered for new observations")
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.message = StatusLine("hint")
        details = QFormLayout()
        details.addRow("Name", self.label)
        details.addRow("Description", self.description)
        details.addRow("", self.retired)
        details.addRow("", self.save_button)
        details.addRow("", self.message)

        left = QVBoxLayout()
        left.addWidget(self.kind)
        left.addWidget(self.about_kind)
        left.addWidget(self.view, 1)
        left.addWidget(self.new_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(details, 2)
        close = dialog_buttons(self, Standard.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        self.resize(700, 420)

        self.kind.currentIndexChanged.connect(lambda: self._reload(None))
        self.view.selectionModel().currentChanged.connect(self._chosen)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self._save)
        self._reload(None)
        draftable(self, "edit_categories", None)

    def restore_draft(self, fields: Fields) -> None:
        """Refill the form a lock set aside: the same kind, the same category (or a new one),
        then what was typed into it."""
        restore(self, fields)  # the kind first: choosing it reloads the list
        if fields.get(RECORD) is None:
            self._new()
        else:
            self._reload(fields[RECORD])
        restore(self, fields)

    def _reload(self, keep: int | None) -> None:
        kind = ObservationKind(self.kind.currentData())
        self.about_kind.setText(kind_description(kind))
        self.model.set_items(self._service.observation_categories(kind))
        row = self.model.row_of(keep)
        self.view.setCurrentIndex(self.model.index(row if row is not None else 0))

    def _chosen(self) -> None:
        index = self.view.currentIndex()
        category = index.data(ItemRole) if index.isValid() else None
        self._show(category)

    def _show(self, category: Category | None) -> None:
        self._editing = category
        self.setProperty(RECORD, category.id if category else None)
        self.label.setText(category.label if category else "")
        self.description.setPlainText(category.description if category else "")
        self.retired.setChecked(bool(category and category.retired))
        self.retired.setEnabled(category is not None)
        self.message.clear()

    def _new(self) -> None:
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1))
        self._show(None)
        self.message.setText(f"A new {self.kind.currentText().lower()} category.")
        self.label.setFocus()

    def _save(self) -> None:
        label = self.label.text().strip()
        if not label:
            self.message.setText("Give the category a name first.")
            self.label.setFocus()
            return
        base = self._editing or Category(ObservationKind(self.kind.currentData()), "", label)
        category = Category(
            base.kind,
            base.key,
            label,
            self.description.toPlainText().strip(),
            self.retired.isChecked(),
            base.id,
        )
        # Not `attempt`: the dialog's own message line says it, beside the form being filled in.
        try:
            saved = self._service.save_observation_category(category)
        except VaultError as error:
            self.message.setText(error.message)
            return
        self._reload(saved.id)
        self.message.setText(f"Saved “{saved.display_label}”.")
