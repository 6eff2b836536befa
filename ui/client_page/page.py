"""The client page: everything about one client over time, as a column of sections.

Each section is a widget with `show_client(client, sessions)` and `clear()`. Sections are added
in reading order with `add_section`; the page asks them all to refresh when the client or the
client's sessions change, and to forget everything when the vault locks. A section whose
records lie on a damaged page of the vault is left empty, and the page says which.

Only what is on screen (or within a screen of it) is loaded when a client is shown: a section
further down is filled when scrolling brings it near, so that opening a client with a long
history costs what its first screen costs. A section filled for another client is emptied
until then; one filled for this client is refreshed when it comes near again.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from notes.attendance import in_therapy_since
from notes.records import Client, Session
from storage.errors import VaultDamaged
from ui.client_page.attendance_timeline import AttendanceTimeline
from ui.errors import unreadable
from ui.widgets.headings import Heading


class ClientSection(Protocol):
    def show_client(self, client: Client, sessions: list[Session]) -> None: ...

    def clear(self) -> None: ...


class ClientPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPage")
        self.setAccessibleName("client page")  # it takes the focus, to scroll by keyboard
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(12, 8, 12, 12)
        self._layout.setSpacing(14)
        self.heading = Heading()
        self.heading.setObjectName("pageTitle")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("hint")
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.problem)
        self._layout.addStretch(1)
        self.setWidget(body)
        self._sections: list[ClientSection] = []
        self._titles: list[str] = []
        self._client: Client | None = None
        self._sessions: list[Session] = []
        self._pending: list[int] = []  # sections (by place) not yet filled for this client
        self._unread: list[str] = []
        self._since = ""
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._fill_near)
        bar.rangeChanged.connect(self._fill_near)
        self.timeline = AttendanceTimeline()
        self.add_section("Sessions and attendance", self.timeline)

    def add_section(self, title: str, section: QWidget) -> None:
        heading = Heading(title)
        heading.setObjectName("sectionHeading")
        at = self._layout.count() - 1  # before the stretch
        self._layout.insertWidget(at, heading)
        self._layout.insertWidget(at + 1, section)
        self._sections.append(section)
        self._titles.append(title)

    def show_client(self, client: Client, sessions: list[Session]) -> None:
        another = self._client is None or self._client.id != client.id
        self._client, self._sessions = client, sessions
        self.heading.setText(f"{client.code} · {client.full_name}")
        since = f"In therapy since {in_therapy_since(client, sessions):%d %b %Y}"
        if client.presenting_problem:
            since += f". {client.presenting_problem}"
        self._since, self._unread = since, []
        self._pending = list(range(len(self._sections)))
        if another:
            self.scroll_to_top()  # a newly chosen client's page opens at its top
        self._fill_near()
        if another:
            for place in self._pending:  # what another client's was, until filled
                self._sections[place].clear()
        self._show_since()

    def _fill_near(self) -> None:
        """Fill each pending section that lies within a screen of what is in view."""
        top = self.verticalScrollBar().value()
        bottom = top + 2 * max(self.viewport().height(), 1)
        # A section's y is its place in the page; the first (attendance) is always filled.
        self._fill([p for p in self._pending if not p or self._sections[p].y() <= bottom])

    def fill_all(self) -> None:
        """Fill every section now (what a reader of the whole page, or a test, needs)."""
        self._fill(list(self._pending))

    def _fill(self, places: list[int]) -> None:
        if not places or self._client is None:
            return
        unread = len(self._unread)
        for place in places:
            self._pending.remove(place)
            section = self._sections[place]
            try:
                section.show_client(self._client, self._sessions)
            except VaultDamaged:  # a vault opened read-only after damage was found in it
                section.clear()
                self._unread.append(self._titles[place])
        if len(self._unread) != unread:
            self._show_since()

    def _show_since(self) -> None:
        since = self._since
        if self._unread:
            since += "\n" + unreadable(f"Part of this page ({', '.join(self._unread)})")
        self.problem.setText(since)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fill_near()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill_near()

    def scroll_to_top(self) -> None:
        """A newly chosen client's page opens at its top, with the name in view."""
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self._client, self._sessions, self._pending, self._unread = None, [], [], []
        self.heading.clear()
        self.problem.clear()
        for section in self._sections:
            section.clear()
