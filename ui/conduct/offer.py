"""After signing: a small, non-modal offer to look back at one's own conduct now or later.

It blocks nothing — the therapist can go on writing and ignore it. The check is already marked
due when the offer appears, so "Later" (or just closing it) loses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from notes.records import Client, Session
from ui.widgets.headings import Heading


class ConductOffer(QDialog):
    answerNow = Signal()

    def __init__(self, client: Client, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check my conduct")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session_id = session.id
        heading = Heading("Note signed.")
        heading.setObjectName("sectionHeading")
        text = QLabel(
            f"Would you like to look back at your own part in session {session.number} with "
            f"{client.code}? It takes two or three minutes. If now is not the moment, it waits "
            "for you in the session list."
        )
        text.setWordWrap(True)
        self.later = QPushButton("Later")
        self.now = QPushButton("Answer now")
        self.now.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later)
        buttons.addWidget(self.now)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.later.clicked.connect(self.close)
        self.now.clicked.connect(self._answer_now)
        self.setMinimumWidth(440)
        self.adjustSize()

    def _answer_now(self) -> None:
        self.close()
        self.answerNow.emit()
