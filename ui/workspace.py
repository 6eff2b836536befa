"""The workspace: clients on the left, the chosen client's sessions, and the note editor."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from notes.attendance import short_summary
from notes.records import Client, ClientStatus, Session, not_void
from notes.session_changes import (
    can_delete,
    can_edit,
    can_void,
    delete_question,
    why_not_delete,
)
from ui.client_page.client_dialog import ClientDialog
from ui.client_page.page import ClientPage
from ui.client_page.patterns import ClientPatterns
from ui.client_page.section_order import AllianceSections, alliance_section_steps
from ui.errors import attempt
from ui.lock.dialog_drafts import OPENER, RECORD, Fields, draftable, restore
from ui.search.panel import SearchPanel, reveal_match
from ui.session.note_editor import NoteEditor
from ui.session.session_dialog import SessionDialog, VoidDialog
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets.form_fields import named
from ui.widgets.headings import Heading
from ui.widgets.keyboard import give_mnemonics
from ui.widgets.models import ClientListModel, ItemRole, SessionListModel, session_title


class _SessionListView(QListView):
    """The session list, never narrower than its widest possible row: every row keeps its
    whole text, marks included, in the desktop's font at any scale."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        text = self.fontMetrics().horizontalAdvance(SessionListModel.widest_line())
        # the item's and the list's padding (resources/style.qss), the frame, the scroll bar
        extra = 2 * (2 + 2 + self.frameWidth() + 4) + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), text + extra), hint.height())


def _list_view(name: str, view: QListView | None = None) -> QListView:
    view = named(view or QListView(), name)
    view.setUniformItemSizes(True)
    view.setAlternatingRowColors(True)
    return view


def _pane(title: str, *widgets: QWidget) -> QWidget:
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(6, 6, 6, 6)
    heading = Heading(title)
    heading.setObjectName("paneTitle")
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QListView) else 0)
    return pane


def _buttons(*buttons: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        layout.addWidget(button)
    layout.addStretch(1)
    return row


class Workspace(QSplitter):
    """Built whole by `Workspace(service)`; or, with `staged=True`, only its empty frame, the
    rest by running each of `build_steps()` in order (ui/staged_build.py runs them a turn of
    the event loop apart, so that building never holds the window for long)."""

    def __init__(
        self, service: VaultService, parent: QWidget | None = None, *, staged: bool = False
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspaceSplitter")
        self._service = service
        self._writes = WriteGuard.of(service)  # greys out what the vault can't take
        self.clients = ClientListModel(self)
        self.sessions = SessionListModel(self)
        if not staged:
            StagedBuild(self, self.build_steps()).finish()

    def build_steps(self) -> list[Step]:
        """The parts, each a few milliseconds of building, in the order they must be built."""
        return [
            ("client list", self._build_client_list),
            ("session list", self._build_session_list),
            ("workspace tabs", self._build_tabs),
            ("note editor", self._build_editor),  # its parts follow, a step each
            ("client page", self._build_client_page),
            ("alliance sections", self._build_alliance_sections),  # a step each
            ("patterns section", self._build_patterns),  # its parts follow, a step each
            ("patterns on the page", self._add_patterns),
            ("search panel", self._build_search),
            ("workspace connections", self._connect),
        ]

    def _build_client_list(self) -> None:
        writes = self._writes
        self.client_view = _list_view("client_list")
        self.client_view.setModel(self.clients)
        self.client_view.setMinimumWidth(180)
        self.show_closed = QCheckBox("Show closed cases")
        self.new_client_button = writes.guard(QPushButton("New client…"))
        self.edit_client_button = writes.guard(QPushButton("Edit…"))
        self.addWidget(
            _pane(
                "Clients",
                self.client_view,
                self.show_closed,
                _buttons(self.new_client_button, self.edit_client_button),
            )
        )

    def _build_session_list(self) -> None:
        self.session_view = _list_view("session_list", _SessionListView())
        # Every row is two lines, so the first row's size holds for all. Uniform sizes spare Qt
        # asking each of a long client's 1,000 rows for its size: ~45 ms of opening a client.
        self.session_view.setUniformItemSizes(True)
        self.session_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.session_view.setModel(self.sessions)
        self.client_summary = QLabel()
        self.client_summary.setObjectName("hint")
        self.client_summary.setWordWrap(True)
        self.new_session_button = self._writes.guard(QPushButton("New session…"))
        self.addWidget(
            _pane(
                "Sessions",
                self.client_summary,
                self.session_view,
                _buttons(self.new_session_button),
            )
        )

    def _build_tabs(self) -> None:
        # In place before what goes into them: each part then joins the window once, no more.
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("session note, client page and search")
        self.addWidget(self.tabs)
        self.setStretchFactor(2, 1)
        self.setSizes([230, 290, 700])

    def _build_editor(self) -> list[Step]:
        self.editor = NoteEditor(self._service, staged=True)
        self.tabs.addTab(self.editor, "Session note")  # empty: its parts join the window once
        return self.editor.build_steps()

    def _build_client_page(self) -> None:
        self.client_page = ClientPage()
        self.tabs.addTab(self.client_page, "Client page")

    def _build_alliance_sections(self) -> list[Step]:
        def built(sections: AllianceSections) -> None:
            self.alliance_sections = sections

        return alliance_section_steps(self.client_page, self._service, built)

    def _build_patterns(self) -> list[Step]:
        self._patterns = ClientPatterns(self._service, staged=True)
        return self._patterns.build_steps()

    def _add_patterns(self) -> None:
        self.client_page.add_section(ClientPatterns.TITLE, self._patterns)

    def _build_search(self) -> None:
        self.search_panel = SearchPanel(
            self._service.search, snippets=self._service.search_snippets
        )
        self.tabs.addTab(self.search_panel, "Search")

    def _connect(self) -> None:
        service = self._service
        self.search_panel.resultChosen.connect(self.open_search_hit)
        service.locked.connect(self.search_panel.clear)
        # A saved note or a renamed client changes what the listed results say.
        service.noteSaved.connect(lambda _session_id: self.search_panel.refresh())
        service.clientsChanged.connect(self.search_panel.refresh)
        # Ruptures, goals, contract notes and boundary events are found too: a change to them
        # (each says allianceChanged) or to an observation or a supervision searches again.
        service.allianceChanged.connect(lambda _client_id: self.search_panel.refresh())
        service.observationsChanged.connect(lambda _client_id: self.search_panel.refresh())
        service.supervisionChanged.connect(self.search_panel.refresh)

        self.client_view.selectionModel().currentChanged.connect(self._client_chosen)
        self.session_view.selectionModel().currentChanged.connect(self._session_chosen)
        # A click on the session already chosen still brings its note forward.
        self.session_view.clicked.connect(lambda _index: self.tabs.setCurrentWidget(self.editor))
        self.show_closed.toggled.connect(self.reload_clients)
        # Signals hand over what they carry (checked, an index): the forms take no part of it.
        self.new_client_button.clicked.connect(lambda: self.new_client())
        self.edit_client_button.clicked.connect(lambda: self.edit_client())
        self.client_view.doubleClicked.connect(lambda _index: self.edit_client())
        self.new_session_button.clicked.connect(lambda: self.new_session())
        # Correcting a session: the Session menu, the list's context menu and a double-click.
        self.edit_session_action = self._session_action("Ed&it session…", self.edit_session)
        self.delete_session_action = self._session_action("&Delete session…", self.delete_session)
        self.void_session_action = self._session_action("&Void session…", self.void_session)
        self.session_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.session_view.customContextMenuRequested.connect(self._session_menu)
        self.session_view.doubleClicked.connect(lambda _index: self.edit_session())
        service.clientsChanged.connect(self.reload_clients)
        service.sessionsChanged.connect(self._sessions_changed)
        # F6 and Shift+F6: from pane to pane, as they stand on screen.
        for keys, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_pane(step))
        self._update_buttons()

    # -- what is chosen --------------------------------------------------------------------

    def current_client(self) -> Client | None:
        index = self.client_view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_client(self, client_id: int | None) -> None:
        row = self.clients.row_of(client_id) if client_id is not None else None
        if row is None:
            return
        self.client_view.setCurrentIndex(self.clients.index(row))

    def current_session(self) -> Session | None:
        index = self.session_view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_session(self, session_id: int) -> None:
        row = self.sessions.row_of(session_id)
        if row is not None:
            self.session_view.selectionModel().setCurrentIndex(
                self.sessions.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def step_session(self, step: int) -> None:
        """Move down (+1) or up (-1) the session list as shown; with none chosen, to its top."""
        row = self.session_view.currentIndex().row()
        target = 0 if row < 0 else row + step
        if 0 <= target < self.sessions.rowCount():
            self.select_session(self.sessions.item(target).id)

    # -- the keyboard ----------------------------------------------------------------------

    def panes(self) -> list[QWidget]:
        """The panes F6 visits, left to right: clients, sessions, the open tab (a note, the
        client page or search) and, beside a note, its observations."""
        panes: list[QWidget] = [self.client_view, self.session_view, self.tabs.currentWidget()]
        if self.tabs.currentWidget() is self.editor and self.editor.session is not None:
            panes.append(self.editor.observations)
        return panes

    def step_pane(self, step: int) -> None:
        """Move the focus to the next (+1) or previous (-1) pane, round the end."""
        panes = self.panes()
        focused = QApplication.focusWidget()
        current = next(
            (i for i, pane in enumerate(panes) if focused is pane or pane.isAncestorOf(focused)),
            None,
        )
        if current is None:
            target = 0 if step > 0 else len(panes) - 1
        elif current == 2 and len(panes) == 4 and panes[3].isAncestorOf(focused):
            target = (3 + step) % len(panes)  # the observations sit inside the note's tab
        else:
            target = (current + step) % len(panes)
        pane = panes[target]
        if pane is self.editor:
            self.editor.focus_note()
        elif pane is self.client_page:
            self.client_page.setFocus(Qt.FocusReason.OtherFocusReason)
        elif pane is self.search_panel:
            self.search_panel.focus_search()
        elif pane is self.editor.observations:
            self.editor.observations.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def give_mnemonics(self) -> None:
        """Alt+letter for every button and labelled field: the panes beside share one set of
        letters; each tab's page, which shows alone, has its own beyond those. (The tabs have
        none: there are too few letters, and Ctrl+Tab goes from tab to tab.)"""
        shared: set[str] = set()
        for index in range(2):
            shared |= give_mnemonics(self.widget(index), shared)
        for index in range(self.tabs.count()):
            letters = give_mnemonics(self.tabs.widget(index), shared)
            if self.tabs.widget(index) is self.editor:
                self.editor.letters = letters  # for the buttons a signed note adds

    # -- refreshing ------------------------------------------------------------------------

    def load(self) -> None:
        """Show the vault's clients and reopen the client and session last worked on."""
        self.reload_clients()
        self.select_client(self._service.last_client_id())
        last_session = self._service.last_session_id()
        if last_session is not None:
            self.select_session(last_session)

    def reload_clients(self) -> None:
        chosen = self.current_client()
        self.clients.set_items(self._service.clients(self.show_closed.isChecked()))
        if chosen:
            self.select_client(chosen.id)
        self._update_buttons()

    def _sessions_changed(self, client_id: int) -> None:
        client = self.current_client()
        if client and client.id == client_id:
            self._load_sessions(client, keep=self.editor.session)

    def _client_chosen(self) -> None:
        self.editor.flush()
        self.editor.clear()
        client = self.current_client()
        if client is None:
            self.sessions.set_items([])
            self.client_summary.clear()
            self.client_page.clear()
        else:
            self._service.set_last_client_id(client.id)
            self._load_sessions(client, keep=None)
            self.client_page.scroll_to_top()
            self._open_latest_session()
        self._update_buttons()

    def _open_latest_session(self) -> None:
        """The session last opened, when it is this client's, else the newest (the list's top)."""
        if self.sessions.rowCount() == 0:
            return
        last = self._service.last_session_id()
        self.select_session(
            last if self.sessions.row_of(last) is not None else self.sessions.item(0).id
        )

    def _load_sessions(self, client: Client, keep) -> None:
        sessions = self._service.session_list(client.id)  # void ones too, marked
        self.sessions.set_items(sessions)
        self.client_summary.setText(f"{client.full_name}\n{short_summary(sessions)}")
        self.client_page.show_client(client, not_void(sessions))
        if keep is not None:
            self.select_session(keep.id)
        self._update_session_actions()

    def _session_chosen(self) -> None:
        index = self.session_view.currentIndex()
        client = self.current_client()
        if not index.isValid() or client is None:
            return
        session = index.data(ItemRole)
        self._service.set_last_session_id(session.id)
        if self.editor.session is None or self.editor.session.id != session.id:
            self.editor.show_session(session, client)
            self.tabs.setCurrentWidget(self.editor)
        self._update_session_actions()

    def _update_buttons(self) -> None:
        chosen = self.current_client() is not None
        self._writes.set_wanted(self.edit_client_button, chosen)
        self._writes.set_wanted(self.new_session_button, chosen)
        self._update_session_actions()

    def _update_session_actions(self) -> None:
        """What can be done to the chosen session (notes.session_changes) is what is enabled."""
        session = self.current_session() if self.current_client() is not None else None
        self._writes.set_wanted(self.edit_session_action, can_edit(session))
        self._writes.set_wanted(self.delete_session_action, can_delete(session))
        self._writes.set_wanted(self.void_session_action, can_void(session))

    def clear(self) -> None:
        """Forget all client data on screen (the caller has flushed the editor)."""
        self.editor.clear()
        self.client_page.clear()
        self.sessions.set_items([])
        self.clients.set_items([])
        self.client_summary.clear()
        self._update_buttons()

    # -- actions ---------------------------------------------------------------------------

    def show_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_search()

    def open_search_hit(self, hit) -> None:
        """Select the hit's client and session and show the matching words in the note."""
        if self.clients.row_of(hit.client_id) is None:
            self.show_closed.setChecked(True)  # a closed case: show it rather than do nothing
        self.select_client(hit.client_id)
        if hit.session_id is None:
            self.tabs.setCurrentWidget(self.client_page)
            return
        self.select_session(hit.session_id)
        self.tabs.setCurrentWidget(self.editor)
        if hit.source == "process":
            reveal_match(self.editor.process_box, hit.match_text)
        elif hit.source == "progress" and hit.section:
            reveal_match(self.editor.section_box(hit.section), hit.match_text)
        elif hit.source == "observation":
            self.editor.reveal_observation(hit.match_text)

    def new_client(self, fields: Fields | None = None) -> None:
        self._client_dialog(None, "new_client", fields)

    def edit_client(self, fields: Fields | None = None) -> None:
        client = self.current_client()
        if client is not None:
            self._client_dialog(client, "edit_client", fields)

    def _client_dialog(self, client: Client | None, opener: str, fields: Fields | None) -> None:
        if self._writes.refused():  # a double-click on the list, or a draft after unlocking
            return
        dialog = ClientDialog(self._service.client_codes(), client, parent=self)
        dialog.setProperty(OPENER, opener)  # what auto-lock sets aside and brings back
        if fields:
            dialog.restore_fields(fields)
        if dialog.exec():
            self._save_client(dialog.client())

    def _save_client(self, client: Client) -> None:
        attempt(self, lambda: self.select_client(self._service.save_client(client).id))

    def toggle_case(self) -> None:
        """Close an active case, or reopen a closed one (closed cases hide unless shown)."""
        client = self.current_client()
        if client is None or self._writes.refused():
            return
        closing = client.status is ClientStatus.ACTIVE
        if closing:
            answer = QMessageBox.question(
                self,
                "Close this case?",
                f"Close the case of {client.code}? Its notes stay in the vault; closed cases "
                "are hidden from the list unless “Show closed cases” is ticked. You can reopen "
                "it at any time.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.flush()
        status = ClientStatus.CLOSED if closing else ClientStatus.ACTIVE
        attempt(self, lambda: self._service.set_client_status(client.id, status))

    def new_session(self, fields: Fields | None = None) -> None:
        client = self.current_client()
        if self._writes.refused():
            return
        if client is None:
            QMessageBox.information(self, "New session", "Choose or add a client first.")
            return
        self.editor.flush()
        sessions = self._service.sessions(client.id)
        dialog = SessionDialog(client.id, sessions[-1] if sessions else None, parent=self)
        dialog.setProperty(OPENER, "new_session")
        if fields:
            restore(dialog, fields)
        if not dialog.exec():
            return
        session = dialog.session()
        if attempt(self, lambda: self.select_session(self._service.save_session(session).id)):
            self.editor.setFocus()

    # -- correcting a session --------------------------------------------------------------

    def _session_action(self, label: str, handler) -> QAction:
        action = self._writes.guard(QAction(label, self), wanted=False)
        # No arguments: Qt would hand `checked` to the handler's `fields`.
        action.triggered.connect(lambda _checked=False: handler())
        return action

    def session_actions(self) -> list[QAction]:
        """For the Session menu and the session list's context menu."""
        return [self.edit_session_action, self.delete_session_action, self.void_session_action]

    def _session_menu(self, at: QPoint) -> None:
        index = self.session_view.indexAt(at)
        if not index.isValid():
            return
        self.session_view.setCurrentIndex(index)
        menu = QMenu(self.session_view)
        menu.addActions(self.session_actions())
        menu.popup(self.session_view.viewport().mapToGlobal(at))

    def _chosen_session(self) -> tuple[Client, Session] | None:
        client, session = self.current_client(), self.current_session()
        return (client, session) if client is not None and session is not None else None

    def edit_session(self, fields: Fields | None = None) -> None:
        """Correct the chosen session's date, time, duration or attendance (a lock's draft
        names the session it was editing)."""
        if fields and RECORD in fields:
            self.select_session(fields[RECORD])
        chosen = self._chosen_session()
        if chosen is None or not can_edit(chosen[1]) or self._writes.refused():
            return
        client, session = chosen
        self.editor.flush()
        dialog = SessionDialog(client.id, parent=self, editing=session)
        draftable(dialog, "edit_session", fields, session.id)
        if not dialog.exec():
            return
        attempt(
            self, lambda: self._show_corrected(client, self._service.save_session(dialog.session()))
        )

    def _show_corrected(self, client: Client, session: Session) -> None:
        """The note's title shows the session as it now is (its number may have moved)."""
        self.select_session(session.id)
        fresh = self.current_session()
        if fresh is not None:
            self.editor.show_session(fresh, client)

    def delete_session(self) -> None:
        chosen = self._chosen_session()
        if chosen is None or self._writes.refused():
            return
        client, session = chosen
        if not can_delete(session):
            QMessageBox.information(self, "Delete session", why_not_delete(session))
            return
        self.editor.flush()  # whatever was typed is counted among what goes
        question = delete_question(
            f"{client.code} · {session_title(session)}", self._service.session_contents(session.id)
        )
        answer = QMessageBox.warning(
            self,
            "Delete session?",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.editor.session is not None and self.editor.session.id == session.id:
            self.editor.clear()  # nothing may be saved on a session that is gone
        if attempt(self, lambda: self._service.delete_session(session)):
            self._open_latest_session()

    def void_session(self, fields: Fields | None = None) -> None:
        """Void the chosen signed session, with a reason (a lock's draft names the session and
        keeps the reason typed)."""
        if fields and RECORD in fields:
            self.select_session(fields[RECORD])
        chosen = self._chosen_session()
        if chosen is None or not can_void(chosen[1]) or self._writes.refused():
            return
        client, session = chosen
        self.editor.flush()
        dialog = VoidDialog(f"{client.code} · {session_title(session)}", parent=self)
        draftable(dialog, "void_session", fields, session.id)
        if not dialog.exec():
            return
        reason = dialog.reason_text()
        attempt(
            self,
            lambda: self._show_corrected(client, self._service.void_session(session, reason)),
        )
