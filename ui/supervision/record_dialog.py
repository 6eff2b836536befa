"""Recording a supervision session, or editing one: when, with whom, the clients and items
discussed, what was said about each client, and the actions agreed (each tied to its client and,
if chosen, to one of the items).

The items offered are those still open (notes/supervision.py), and, when editing, those this
session already discussed. Whether an action is done is not changed here but on the page.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from notes.records import ClientStatus
from notes.supervision import (
    Action,
    AgendaItem,
    DiscussedItem,
    Discussion,
    ItemKind,
    ItemRef,
    Supervision,
    action_item_title,
    item_line,
    open_items,
    problems,
)
from ui.lock.dialog_drafts import EXTRA, Fields, restore
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.form_fields import date_edit, named, text_box
from ui.widgets.screen_fit import scrolling
from ui.widgets.status_line import StatusLine

_DATA = Qt.ItemDataRole.UserRole
IN_GENERAL = "The client in general"


class SupervisionDialog(QDialog):
    def __init__(
        self,
        service: VaultService,
        supervision: Supervision | None = None,
        client_id: int | None = None,
        parent: QWidget | None = None,
        draft: Fields | None = None,
    ) -> None:
        super().__init__(parent)
        self._id = supervision.id if supervision else None
        self.setWindowTitle("Edit supervision" if supervision else "Record supervision")
        self.resize(760, 720)
        clients = service.clients(include_closed=True)
        self._codes = {c.id: c.code for c in clients if c.id is not None}
        others = [s for s in service.supervisions() if s.id is None or s.id != self._id]
        self._candidates = service.supervision_candidates(list(self._codes))
        offered = open_items(self._candidates, others)
        already = {i.item for i in supervision.items} if supervision else set()
        offered += [i for i in self._candidates if i.item in already and i not in offered]
        self._offered: list[AgendaItem] = offered
        self._chosen_items: set[ItemRef] = set(already)
        self._actions: list[Action] = list(supervision.actions) if supervision else []
        self._said: dict[int, QPlainTextEdit] = {}

        self.held_on = named(
            date_edit(supervision.held_on if supervision else date.today()), "held_on"
        )
        self.supervisor = named(
            QLineEdit(supervision.supervisor if supervision else service.report_supervisor()),
            "supervisor",
        )
        self.client_list = named(QListWidget(), "discussed_clients")
        discussed = supervision.client_ids() if supervision else [client_id]
        for client in clients:
            label = client.code + ("  (closed)" if client.status is ClientStatus.CLOSED else "")
            row = QListWidgetItem(label)
            row.setData(_DATA, client.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = client.id in discussed
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.client_list.addItem(row)
        self.item_list = named(QListWidget(), "discussed_items")
        self.item_list.setWordWrap(True)
        self.said_tabs = named(QTabWidget(), "said")
        if supervision:
            for discussion in supervision.discussions:
                self._said_box(discussion.client_id).setPlainText(discussion.said)

        self.action_client = named(QComboBox(), "action_client")
        self.action_about = named(QComboBox(), "action_about")
        self.action_text = named(QLineEdit(), "action_text")
        self.action_text.setPlaceholderText("What was agreed")
        self.add_action = QPushButton("&Add action")
        self.action_list = named(QListWidget(), "agreed_actions")
        self.remove_action = QPushButton("Remo&ve action")
        self.problem = StatusLine("problem", urgent=True)
        self.problem.hide()

        body = QWidget()
        form = QFormLayout(body)
        form.addRow("Da&te", self.held_on)
        form.addRow("S&upervisor", self.supervisor)
        form.addRow("C&lients discussed", self.client_list)
        form.addRow("&Items discussed", self.item_list)
        form.addRow("&What was said", self.said_tabs)
        adding = QHBoxLayout()
        adding.addWidget(self.action_client)
        adding.addWidget(self.action_about, 1)
        agreed = QLabel("A&greed action")  # a row of two fields: the letter goes to the first
        agreed.setBuddy(self.action_client)
        form.addRow(agreed, adding)
        text_row = QHBoxLayout()
        text_row.addWidget(self.action_text, 1)
        text_row.addWidget(self.add_action)
        form.addRow("", text_row)
        form.addRow("Acti&ons", self.action_list)
        form.addRow("", self.remove_action)
        layout = QVBoxLayout(self)
        # A long form: at 200% on 1920×1080 it scrolls inside, its buttons stay in view.
        layout.addWidget(scrolling(body, "supervision_form"), 1)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self))

        self.client_list.itemChanged.connect(self._clients_changed)
        self.item_list.itemChanged.connect(self._item_changed)
        self.action_client.currentIndexChanged.connect(self._fill_about)
        self.add_action.clicked.connect(self._add_action)
        self.action_text.returnPressed.connect(self._add_action)
        self.remove_action.clicked.connect(self._remove_action)
        self._clients_changed()
        self._show_actions()
        if draft and EXTRA in draft:
            self._restore_draft(draft)

    # -- what a lock keeps (ui/lock/dialog_drafts.py) ------------------------------------------

    def _keep_for_draft(self) -> None:
        """The clients, items and actions chosen and what was said, where a lock finds them:
        the list check marks and the per-client boxes are beyond the generic snapshot."""
        if not hasattr(self, "action_list"):
            return  # still being built
        actions = [
            [
                a.client_id,
                a.text,
                [a.item.kind.value, a.item.ref] if a.item else None,
                a.done_on.isoformat() if a.done_on else None,
                a.id,
            ]
            for a in self._actions
        ]
        extra = {
            "clients": self.checked_clients(),
            "items": [[ref.kind.value, ref.ref] for ref in self._chosen_items],
            "actions": actions,
            "said": {str(c): box.toPlainText() for c, box in self._said.items()},
        }
        self.setProperty(EXTRA, json.dumps(extra))

    def _restore_draft(self, draft: Fields) -> None:
        extra = json.loads(draft[EXTRA])
        self._chosen_items = {ItemRef(ItemKind(kind), ref) for kind, ref in extra["items"]}
        self._actions = [
            Action(
                client_id,
                text,
                ItemRef(ItemKind(item[0]), item[1]) if item else None,
                date.fromisoformat(done_on) if done_on else None,
                id_,
            )
            for client_id, text, item, done_on, id_ in extra["actions"]
        ]
        for client_id, text in extra["said"].items():
            self._said_box(int(client_id)).setPlainText(text)
        wanted = set(extra["clients"])
        self.client_list.blockSignals(True)
        for row in range(self.client_list.count()):
            entry = self.client_list.item(row)
            checked = entry.data(_DATA) in wanted
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.client_list.blockSignals(False)
        self._clients_changed()
        self._show_actions()
        restore(self, {key: value for key, value in draft.items() if key != EXTRA})
        self._keep_for_draft()

    # -- the clients and what was said about them ---------------------------------------------

    def checked_clients(self) -> list[int]:
        return [
            self.client_list.item(row).data(_DATA)
            for row in range(self.client_list.count())
            if self.client_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _said_box(self, client_id: int) -> QPlainTextEdit:
        if client_id not in self._said:
            code = self._codes.get(client_id, "?")
            box = text_box(
                f"said_{code}", f"What was said about {code}", height=120, grows=True, keyed=True
            )
            box.textChanged.connect(self._keep_for_draft)
            self._said[client_id] = box
        return self._said[client_id]

    def _clients_changed(self, _row: QListWidgetItem | None = None) -> None:
        checked = self.checked_clients()
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self._offered:
            if item.client_id not in checked:
                continue
            code = self._codes.get(item.client_id, "?")
            row = QListWidgetItem(f"{code} · {item.item.kind.label} · {item_line(item)}")
            row.setData(_DATA, item.item)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = item.item in self._chosen_items
            row.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.item_list.addItem(row)
        self.item_list.blockSignals(False)
        while self.said_tabs.count():
            self.said_tabs.removeTab(0)  # the boxes are kept, with their text
        for client_id in checked:
            self.said_tabs.addTab(self._said_box(client_id), self._codes.get(client_id, "?"))
        chosen = self.action_client.currentData()
        self.action_client.blockSignals(True)
        self.action_client.clear()
        for client_id in checked:
            self.action_client.addItem(self._codes.get(client_id, "?"), client_id)
        self.action_client.setCurrentIndex(max(0, self.action_client.findData(chosen)))
        self.action_client.blockSignals(False)
        self._fill_about()
        self.add_action.setEnabled(bool(checked))
        self._keep_for_draft()

    def _item_changed(self, row: QListWidgetItem) -> None:
        ref = row.data(_DATA)
        if row.checkState() == Qt.CheckState.Checked:
            self._chosen_items.add(ref)
        else:
            self._chosen_items.discard(ref)
        self._keep_for_draft()

    # -- agreed actions ---------------------------------------------------------------------------

    def _fill_about(self) -> None:
        client_id = self.action_client.currentData()
        self.action_about.clear()
        self.action_about.addItem(IN_GENERAL, None)
        for item in self._offered:
            if item.client_id == client_id:
                self.action_about.addItem(f"{item.item.kind.label} · {item.title}", item.item)

    def _add_action(self) -> None:
        text = self.action_text.text().strip()
        client_id = self.action_client.currentData()
        if not text or client_id is None:
            return
        self._actions.append(Action(client_id, text, self.action_about.currentData()))
        self.action_text.clear()
        self._show_actions()

    def _remove_action(self) -> None:
        row = self.action_list.currentRow()
        if 0 <= row < len(self._actions):
            del self._actions[row]
            self._show_actions()

    def _show_actions(self) -> None:
        self.action_list.clear()
        for action in self._actions:
            about = action_item_title(action, self._candidates)
            about = f" (about: {about})" if about else ""
            done = "Done: " if not action.is_open else ""
            code = self._codes.get(action.client_id, "?")
            self.action_list.addItem(f"{code} · {done}{action.text}{about}")
        self.remove_action.setEnabled(bool(self._actions))
        self._keep_for_draft()

    # -- the result ---------------------------------------------------------------------------

    def supervision(self) -> Supervision:
        checked = self.checked_clients()
        return Supervision(
            self.held_on.date().toPython(),
            self.supervisor.text().strip(),
            [Discussion(c, self._said_box(c).toPlainText().strip()) for c in checked],
            [
                DiscussedItem(item.client_id, item.item)
                for item in self._offered
                if item.item in self._chosen_items and item.client_id in checked
            ],
            list(self._actions),
            self._id,
        )

    def accept(self) -> None:
        if self.action_text.text().strip():  # typed but not added: surely meant to be
            self._add_action()
        found = problems(self.supervision())
        if found:
            self.problem.setText(" ".join(found))
            self.problem.show()
            return
        super().accept()
