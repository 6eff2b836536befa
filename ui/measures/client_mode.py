"""Client mode: the laptop handed to the client for the measures and the alliance check.

A full-screen, frameless, application-modal page with only those questions, large, for keyboard
and touch. While it is open nothing else of the vault is reachable: every shortcut and menu
mnemonic is swallowed by an application-wide filter (only the lock key passes, which locks the
vault), Escape and closing the window do nothing, and the workspace behind it is hidden so
that switching windows (Alt+Tab) finds an empty window. Handing it back needs the passphrase;
idle time locks it as usual (the lock accepts the page, so answers given so far are kept).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import resources
from notes.alliance import QUESTIONS
from notes.measures.instruments import instruments
from notes.measures.scoring import AnsweredBy, MeasureResponse
from ui.lock.dialog_drafts import SAVE_ON_LOCK
from ui.lock.lock_key import is_lock_key
from ui.measures.questionnaire import Questionnaire
from ui.widgets.headings import Heading
from ui.widgets.secret_field import SecretField

_WORDS = resources.data("client_mode.json")
_NAVIGATION = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Space, Qt.Key.Key_Return,
               Qt.Key.Key_Enter, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
               Qt.Key.Key_Down, Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Home,
               Qt.Key.Key_End}  # fmt: skip


def _heading(text: str) -> QLabel:
    label = Heading(text)
    label.setObjectName("pageTitle")
    label.setWordWrap(True)
    return label


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class KeyFence(QObject):
    """Swallows, app-wide, every key that could reach something other than client mode."""

    def __init__(self, page: ClientMode) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if is_lock_key(event):
            return False  # the lock key locks the vault, which ends client mode
        if kind == QEvent.Type.ShortcutOverride:
            # Claimed for the focused widget, so Qt's shortcut map (the window's menus, their
            # mnemonics, any QShortcut) never sees it; a key press follows and is judged below.
            event.accept()
            return False
        inside = isinstance(watched, QWidget) and (
            watched is self._page or self._page.isAncestorOf(watched)
        )
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        answering = event.key() in _NAVIGATION or event.text().isprintable()
        # Answering and moving between answers pass; Escape, Alt+…, Ctrl+…, F-keys, and any key
        # aimed outside client mode are swallowed.
        return not (inside and plain and answering)


class ClientMode(QDialog):
    """The pages: welcome, one per instrument, the alliance check, thank you and hand back."""

    def __init__(self, session_id: int, passphrase_matches, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clientMode")
        self.setWindowTitle("Questions")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setProperty(SAVE_ON_LOCK, True)  # a lock keeps the answers given so far
        self._session_id = session_id
        self._matches = passphrase_matches
        self._handed_back = False
        font = QFont(self.font())
        font.setPointSizeF(max(16.0, font.pointSizeF() * 1.6))
        self.setFont(font)

        self.pages = QStackedWidget()
        start = QPushButton(_WORDS["start"])
        start.clicked.connect(self.next_page)
        welcome = self._page(_heading(_WORDS["welcome_title"]), _text(_WORDS["welcome"]), start)
        self.pages.addWidget(welcome)
        self.forms = [Questionnaire(measure, large=True) for measure in instruments()]
        for form in self.forms:
            self.pages.addWidget(self._page(_heading(form.measure.title), form))
        self.alliance: dict[str, QButtonGroup] = {}
        self.pages.addWidget(self._alliance_page())
        self.passphrase = SecretField()
        self.passphrase.setAccessibleName("passphrase")
        self.refusal = QLabel()
        self.refusal.setAccessibleName("hand back message")
        give_back = QPushButton("Return to my notes")
        give_back.setAutoDefault(False)
        give_back.clicked.connect(self.hand_back)
        self.passphrase.returnPressed.connect(self.hand_back)
        self.pages.addWidget(
            self._page(
                _heading(_WORDS["thanks_title"]),
                _text(_WORDS["thanks"]),
                _text(_WORDS["hand_back"]),
                self.passphrase,
                self.refusal,
                give_back,
                navigation=False,
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(self.pages)
        self._fence = KeyFence(self)

    def _page(self, *widgets: QWidget, navigation: bool = True) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        body = QWidget()
        column = QVBoxLayout(body)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()  # a long form on a small screen scrolls, with the page's keys
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        if navigation and self.pages.count():
            row = QHBoxLayout()
            back, forward = QPushButton("Back"), QPushButton("Next")
            for button in (back, forward):
                button.setAutoDefault(False)
                button.setMinimumHeight(56)
            back.clicked.connect(self.previous_page)
            forward.clicked.connect(self.next_page)
            row.addWidget(back)
            row.addStretch(1)
            row.addWidget(forward)
            layout.addLayout(row)
        return page

    def _alliance_page(self) -> QWidget:
        grid = QGridLayout()
        grid.setVerticalSpacing(18)
        for row, question in enumerate(QUESTIONS):
            asked = _WORDS["alliance_questions"].get(question.key, question.label)
            grid.addWidget(_text(asked), row * 2, 0, 1, 11)
            group = QButtonGroup(self)
            for score in range(11):
                button = QPushButton(str(score))
                button.setCheckable(True)
                button.setMinimumSize(56, 56)
                button.setAccessibleName(f"{asked} {score}")
                group.addButton(button, score)
                grid.addWidget(button, row * 2 + 1, score)
            self.alliance[question.key] = group
        holder = QWidget()
        holder.setLayout(grid)
        return self._page(
            _heading(_WORDS["alliance_title"]), _text(_WORDS["alliance_instructions"]), holder
        )

    # -- moving through it -----------------------------------------------------------------

    def start(self) -> None:
        QApplication.instance().installEventFilter(self._fence)
        self.showFullScreen()
        self.activateWindow()

    def next_page(self) -> None:
        self.pages.setCurrentIndex(min(self.pages.currentIndex() + 1, self.pages.count() - 1))
        if self.pages.currentIndex() == self.pages.count() - 1:
            self.passphrase.setFocus()

    def previous_page(self) -> None:
        self.pages.setCurrentIndex(max(self.pages.currentIndex() - 1, 0))

    def hand_back(self) -> None:
        if self._matches(self.passphrase.text()):
            self._handed_back = True
            self.accept()
        else:
            self.passphrase.clear()
            self.refusal.setText("That is not the passphrase.")

    # -- what was answered -----------------------------------------------------------------

    def responses(self) -> list[MeasureResponse]:
        answered = [form.response(self._session_id, AnsweredBy.CLIENT) for form in self.forms]
        return [r for r in answered if r.answers or r.closing]

    def alliance_answers(self) -> dict[str, int]:
        return {key: g.checkedId() for key, g in self.alliance.items() if g.checkedId() >= 0}

    @property
    def handed_back(self) -> bool:
        return self._handed_back

    # -- no way out but the passphrase or the lock -----------------------------------------

    def reject(self) -> None:
        """Escape and the window's close do nothing; only hand_back or a lock end it."""

    def done(self, result: int) -> None:
        QApplication.instance().removeEventFilter(self._fence)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
