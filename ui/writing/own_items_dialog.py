"""The shape the phrases and own-templates dialogs share: the therapist's own items listed on
the left, the chosen one's form on the right with its buttons, Close below; a lock reopens the
item that was shown (or the new one being typed) with what had been typed into it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.lock.dialog_drafts import RECORD, Fields, restore
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.status_line import StatusLine


class OwnItemsDialog(QDialog):
    """Subclasses fill the list in `_reload(choose)` and clear the form in `start_new()`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = StatusLine("error")

    def _lay_out(
        self,
        items: QListWidget,
        rows: list[tuple[str, QWidget]],
        buttons: list[QPushButton],
    ) -> None:
        """The list on the left; the form's rows (label with mnemonic, field), the message and
        the buttons on the right; Close below both."""
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
        form.addRow("", self.message)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(items, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Close))

    def _reload(self, choose: str | None = None) -> None:
        raise NotImplementedError

    def start_new(self) -> None:
        raise NotImplementedError

    def restore_draft(self, fields: Fields) -> None:
        """Show again what was typed when a lock came: the same item, or a new one."""
        if fields.get(RECORD):
            self._reload(choose=fields[RECORD])
        else:
            self.start_new()
        restore(self, fields)
