"""The Supervision page: what is still to discuss, the agreed actions, the supervisor's comments
from returned reports (open ones, and done ones on request), the sessions recorded.

One client or the whole caseload (the chooser at the top). Items and actions that are open are
worked out in notes/supervision.py; this page asks, shows, and hands what the person records to
the vault service, then shows again when the service says supervision changed. The window
closes the page on lock, like any dialog, so no client data stays on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notes.reports.inputs import format_date
from notes.supervision import Action, Supervision, agreed_actions, carried, open_items
from notes.supervisor_comments import (
    SupervisorComment,
    comment_line,
    open_sentence,
    shown_comments,
)
from notes.wording import counted
from ui.errors import attempt
from ui.lock.dialog_drafts import RECORD, Fields, nested_draftable
from ui.supervision.models import (
    ActionModel,
    ActionRow,
    CommentModel,
    CommentRow,
    ItemModel,
    ItemRow,
    SupervisionModel,
    supervision_rows,
)
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets.form_fields import named
from ui.widgets.models import ItemRole, emphasis
from ui.widgets.screen_fit import scrolling

WHOLE_CASELOAD = "Whole caseload"


class SupervisionPage(QDialog):
    def __init__(
        self, service: VaultService, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        # Reading what is open stays; recording, editing and marking need a writable vault.
        self._writes = writes = WriteGuard.of(service)
        self.setWindowTitle("Supervision")
        self.resize(900, 680)

        self.client = named(QComboBox(), "supervision_client")
        self.client.addItem(WHOLE_CASELOAD, None)
        for client in service.clients(include_closed=True):
            self.client.addItem(client.code, client.id)
        self.client.setCurrentIndex(max(0, self.client.findData(client_id)))

        self.items_heading = _heading()
        self.items = ItemModel(self)
        self.item_view = self._list("still to discuss", self.items)
        self.add_question = writes.guard(QPushButton("Add a &question…"))

        self.actions_heading = _heading()
        self.actions = ActionModel(self)
        self.action_view = self._list("agreed actions", self.actions)
        self.show_done = QCheckBox("Show done actions too")
        self.mark_done = writes.guard(QPushButton("Mark &done"))
        self.reopen = writes.guard(QPushButton("Open a&gain"))

        self.comments_heading = _heading()
        self.comments = CommentModel(self)
        self.comment_view = self._list("supervisor's comments", self.comments)
        self.show_done_comments = QCheckBox("Show done comments too")
        self.comment_done = writes.guard(QPushButton("Mark comment &handled"))
        self.comment_reopen = writes.guard(QPushButton("Open comment agai&n"))

        self.sessions_heading = _heading()
        self.sessions = SupervisionModel(self)
        self.session_view = self._list("supervision sessions", self.sessions)
        self.record = writes.guard(QPushButton("&Record supervision…"))
        self.edit = writes.guard(QPushButton("&Edit…"))
        self.delete = writes.guard(QPushButton("De&lete…"))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.client, 1)
        # The lists scroll as one page when the screen is small (1920×1080 at 200%); the
        # client choice and Close stay in view.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items_heading)
        layout.addWidget(self.item_view, 3)
        layout.addLayout(_row(self.add_question))
        layout.addWidget(self.actions_heading)
        layout.addWidget(self.action_view, 2)
        layout.addLayout(_row(self.show_done, self.mark_done, self.reopen))
        layout.addWidget(self.comments_heading)
        layout.addWidget(self.comment_view, 2)
        layout.addLayout(_row(self.show_done_comments, self.comment_done, self.comment_reopen))
        layout.addWidget(self.sessions_heading)
        layout.addWidget(self.session_view, 2)
        layout.addLayout(_row(self.record, self.edit, self.delete))
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(scrolling(body, "supervision_lists"), 1)
        outer.addWidget(close)

        self.client.currentIndexChanged.connect(self.refresh)
        self.show_done.toggled.connect(self.refresh)
        self.show_done_comments.toggled.connect(self.refresh)
        self.action_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.comment_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.comment_done.clicked.connect(lambda: self._set_comment_done(date.today()))
        self.comment_reopen.clicked.connect(lambda: self._set_comment_done(None))
        self.session_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.mark_done.clicked.connect(lambda: self._set_done(date.today()))
        self.reopen.clicked.connect(lambda: self._set_done(None))
        self.add_question.clicked.connect(self._add_question)
        self.record.clicked.connect(lambda: self._record(None))
        self.edit.clicked.connect(self._edit_chosen)
        self.delete.clicked.connect(self._delete_chosen)
        self.session_view.doubleClicked.connect(self._edit_chosen)
        for signal in (
            service.supervisionChanged,
            service.clientsChanged,
            service.conductPromptsChanged,
        ):
            signal.connect(self.refresh)
        for per_client in (
            service.supervisorCommentsChanged,
            service.observationsChanged,
            service.allianceChanged,
            service.conductChanged,
        ):
            per_client.connect(self._client_changed)
        service.locked.connect(self.reject)
        self.refresh()

    def _list(self, name: str, model) -> QListView:
        view = QListView()
        view.setAccessibleName(name)
        view.setModel(model)
        view.setWordWrap(True)
        view.setAlternatingRowColors(True)
        return view

    # -- what is shown -----------------------------------------------------------------------

    def chosen_client(self) -> int | None:
        return self.client.currentData()

    def refresh(self) -> None:
        if not self._service.is_unlocked:
            return
        codes = {c.id: c.code for c in self._service.clients(include_closed=True) if c.id}
        chosen = self.chosen_client()
        wanted = [chosen] if chosen is not None else list(codes)
        supervisions = self._service.supervisions()
        candidates = self._service.supervision_candidates(wanted)
        items = open_items(candidates, supervisions)
        self.items.set_items([ItemRow(codes.get(i.client_id, "?"), i) for i in items])
        self.items_heading.setText(f"Still to discuss ({counted(len(items), 'item')})")

        actions = agreed_actions(supervisions, chosen, include_done=self.show_done.isChecked())
        self.actions.set_items(
            [
                ActionRow(codes.get(a.client_id, "?"), carried(s, a, candidates), a)
                for s, a in actions
            ]
        )
        still_open = sum(1 for _s, a in actions if a.is_open)
        self.actions_heading.setText(f"Agreed actions ({still_open} open)")

        self._show_comments(wanted, codes)

        about = [s for s in supervisions if chosen is None or chosen in s.client_ids()]
        self.sessions.set_items(supervision_rows(about, codes))
        self.sessions_heading.setText(f"Supervision sessions ({counted(len(about), 'session')})")
        self._update_buttons()

    def _show_comments(self, client_ids: list[int], codes: dict[int, str]) -> None:
        every = self._service.supervisor_comments_of(client_ids)
        listed = shown_comments(every, include_done=self.show_done_comments.isChecked())
        sessions = {
            s.id: (s.number, s.starts_at.date())
            for client_id in {c.client_id for c in listed}
            for s in self._service.sessions(client_id)
            if s.id is not None
        }
        keep = self._chosen_comment()
        self.comments.set_items(
            [CommentRow(c, comment_line(c, codes.get(c.client_id, "?"), sessions)) for c in listed]
        )
        if keep is not None:  # the comment just marked stays chosen, if it is still listed
            row = self.comments.row_of(keep.id)
            if row is not None:
                self.comment_view.setCurrentIndex(self.comments.index(row))
        self.comments_heading.setText(open_sentence(sum(c.is_open for c in every)))

    def _client_changed(self, _client_id: int) -> None:
        self.refresh()  # a bound method: Qt drops the connection with the page

    def _update_buttons(self) -> None:
        action = self._chosen_action()
        writes = self._writes
        writes.set_wanted(self.mark_done, action is not None and action.is_open)
        writes.set_wanted(self.reopen, action is not None and not action.is_open)
        writes.set_wanted(self.edit, self.session_view.currentIndex().isValid())
        writes.set_wanted(self.delete, self.session_view.currentIndex().isValid())
        comment = self._chosen_comment()
        writes.set_wanted(self.comment_done, comment is not None and comment.is_open)
        writes.set_wanted(self.comment_reopen, comment is not None and not comment.is_open)

    def _chosen_comment(self) -> SupervisorComment | None:
        index = self.comment_view.currentIndex()
        row = index.data(ItemRole) if index.isValid() else None
        return row.comment if row is not None else None

    def _chosen_action(self) -> Action | None:
        index = self.action_view.currentIndex()
        row = index.data(ItemRole) if index.isValid() else None
        return row.action if row is not None else None

    # -- what the person does ------------------------------------------------------------------

    def _set_done(self, day: date | None) -> None:
        action = self._chosen_action()
        if action is not None and action.id is not None:
            attempt(self, lambda: self._service.set_supervision_action_done(action.id, day))

    def _set_comment_done(self, day: date | None) -> None:
        comment = self._chosen_comment()
        if comment is not None and comment.id is not None:
            attempt(self, lambda: self._service.set_supervisor_comment_done(comment.id, day))

    def _add_question(self) -> None:
        from ui.supervision.question_dialog import QuestionDialog

        clients = self._service.clients(include_closed=True)
        dialog = QuestionDialog(clients, self.chosen_client(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            question = dialog.question()
            attempt(self, lambda: self._service.add_supervision_question(question))
        dialog.deleteLater()  # on the GUI thread, not by a worker's garbage collection

    def _edit_chosen(self) -> None:
        index = self.session_view.currentIndex()
        if index.isValid() and not self._writes.refused():  # a double-click too
            self._record(index.data(ItemRole).supervision)

    def _delete_chosen(self) -> None:
        index = self.session_view.currentIndex()
        if not index.isValid():
            return
        supervision = index.data(ItemRole).supervision
        answer = QMessageBox.question(
            self,
            "Delete supervision session",
            f"Delete the supervision session of {format_date(supervision.held_on)}?\n\n"
            "What was said and the actions agreed in it are deleted with it, and the items it "
            "discussed are open again. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes and supervision.id is not None:
            attempt(self, lambda: self._service.delete_supervision(supervision.id))

    def record_again(self, fields: Fields) -> None:
        """The supervision being recorded when a lock set it aside (ui/lock/dialog_drafts.py)."""
        record = fields.get(RECORD)
        supervision = next((s for s in self._service.supervisions() if s.id == record), None)
        self._record(supervision, fields)

    def _record(self, supervision: Supervision | None, fields: Fields | None = None) -> None:
        from ui.supervision.record_dialog import SupervisionDialog

        dialog = SupervisionDialog(
            self._service, supervision, self.chosen_client(), self, draft=fields
        )
        nested_draftable(dialog, "record_again", supervision.id if supervision else None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            attempt(self, lambda: self._save(dialog.supervision()))
        dialog.deleteLater()

    def _save(self, recorded: Supervision) -> None:
        self._service.save_supervision(recorded)
        if recorded.supervisor.strip():  # the next report and session offer the same name
            self._service.set_report_supervisor(recorded.supervisor.strip())


def _heading() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(emphasis(bold=True))
    return label


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
