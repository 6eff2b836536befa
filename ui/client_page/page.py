"""The client page: everything about one client over time, as a column of sections.

Each section is a widget with `show_client(client, sessions)` and `clear()`. Sections are added
in reading order with `add_section`; the page asks them all to refresh when the client or the
client's sessions change, and to forget everything when the vault locks. A section whose
records lie on a damaged page of the vault is left empty, and the page says which.
"""

from __future__ import annotations

from typing import Protocol

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
        self.heading.setText(f"{client.code} · {client.full_name}")
        since = f"In therapy since {in_therapy_since(client, sessions):%d %b %Y}"
        if client.presenting_problem:
            since += f". {client.presenting_problem}"
        unread = []
        for title, section in zip(self._titles, self._sections, strict=True):
            try:
                section.show_client(client, sessions)
            except VaultDamaged:  # a vault opened read-only after damage was found in it
                section.clear()
                unread.append(title)
        if unread:
            since += "\n" + unreadable(f"Part of this page ({', '.join(unread)})")
        self.problem.setText(since)

    def scroll_to_top(self) -> None:
        """A newly chosen client's page opens at its top, with the name in view."""
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.heading.clear()
        self.problem.clear()
        for section in self._sections:
            section.clear()
