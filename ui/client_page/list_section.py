"""A client-page section over a list of records: a summary line, the list, and its buttons.

Subclasses say how to load the records for a client and what the buttons do; the base keeps the
client and their sessions, refreshes on the service's `allianceChanged` for that client, and
forgets everything on `clear`. Its buttons change the vault unless said otherwise, so they are
greyed out while the vault takes no changes (ui/vault_writes.py), and so is a double-click.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from notes.records import Client, Session
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_fields import FittedListView
from ui.widgets.models import DataclassListModel, ItemRole


class RecordSection(QWidget):
    def __init__(
        self,
        service: VaultService,
        model: DataclassListModel,
        name: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.client: Client | None = None
        self.sessions: list[Session] = []
        self.model = model
        self.model.setParent(self)
        self._empty_text = empty_text
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("sectionSummary")
        self.view = FittedListView(name)
        self.view.setModel(self.model)
        self._writes = WriteGuard.of(service)
        self.view.doubleClicked.connect(lambda _index: self._edit_if_writable())
        self._buttons = FlowLayout()  # wraps in a narrow column rather than widen the page
        self._buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addLayout(self._buttons)
        self._layout = layout
        service.allianceChanged.connect(self._changed)

    def insert_above_list(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.indexOf(self.view), widget)

    def add_button(self, text: str, slot, writes: bool = True) -> QPushButton:
        """A button under the list; `writes`: it changes the vault (most do)."""
        button = QPushButton(text)
        if writes:
            self._writes.guard(button)
        button.clicked.connect(slot)
        self._buttons.addWidget(button)
        return button

    def _edit_if_writable(self) -> None:
        if not self._writes.refused():
            self.edit_chosen()

    def chosen(self):
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    # -- ClientSection -------------------------------------------------------------------------

    def show_client(self, client: Client, sessions: list[Session]) -> None:
        self.client, self.sessions = client, sessions
        self.reload()

    def clear(self) -> None:
        self.client, self.sessions = None, []
        self.model.set_items([])
        self.summary.clear()
        self.view.refit()

    def reload(self) -> None:
        if self.client is None:
            return
        items = self.load(self.client)
        self.model.set_items(items)
        self.view.setVisible(bool(items))
        self.view.refit()
        self.summary.setText(self.summary_text(items))

    def _changed(self, client_id: int) -> None:
        if self.client is not None and self.client.id == client_id:
            self.reload()

    # -- for subclasses ------------------------------------------------------------------------

    def load(self, client: Client) -> list:
        raise NotImplementedError

    def summary_text(self, items: list) -> str:
        """The line above the list: a summary of the records, or what to do when there are none."""
        return self.describe(items) if items else self._empty_text

    def describe(self, items: list) -> str:
        return ""

    def edit_chosen(self) -> None:
        """Open the chosen record for editing (double-click does the same)."""
