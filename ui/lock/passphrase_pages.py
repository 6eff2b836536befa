"""The two screens before the vault is open: create a new vault, and unlock an existing one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notes.passphrase import (
    MISMATCH,
    Strength,
    assess,
    new_passphrase_problem,
    prepare_assessment,
)
from ui.first_paint import after_first_paint
from ui.widgets.headings import Heading
from ui.widgets.names import named
from ui.widgets.screen_fit import keep_whole, scrolling
from ui.widgets.secret_field import SecretField
from ui.widgets.status_line import StatusLine

if TYPE_CHECKING:  # the vault layer loads after the first paint
    from storage.errors import VaultError


def held_reason(failure: VaultError) -> str:
    """Why text could not be saved, said on the lock page (the error's own message speaks of
    text still on screen, which the lock page no longer shows)."""
    from storage.errors import DiskFull, NotWritable

    if isinstance(failure, DiskFull):
        return "the disk is full."
    if isinstance(failure, NotWritable):
        return "the vault's folder cannot be written to."
    return "the vault did not take it."


def passphrase_field(name: str) -> SecretField:
    field = named(SecretField(), name)
    field.setMinimumWidth(320)
    return field


class StrengthMeter(QWidget):
    """A bar and a sentence: how hard the passphrase would be to guess, and how to improve it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName("passphrase strength")
        self.advice = keep_whole(QLabel())
        self.advice.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.advice)
        # Not polished yet (that comes with the first show, which reads the property), and
        # polishing would build Qt's namespace before the first paint (ui/first_paint.py).
        self._show(assess(""))
        # The first keystroke would otherwise import zxcvbn on the GUI thread (issue 21.4); the
        # worker starts once the meter is on screen, so the window's first paint never waits
        # for it, and not at all behind the unlock page.
        after_first_paint(self, self._prepare)

    def _prepare(self) -> None:
        from ui.jobs import run_in_background, yielding  # with ui.errors: storage's errors

        run_in_background(self, lambda _progress: yielding(prepare_assessment), self._prepared)

    def _prepared(self, _nothing: None) -> None:
        return None  # zxcvbn is loaded; each assessment (under 10 ms) stays on this thread

    def show_for(self, passphrase: str) -> bool:
        strength = assess(passphrase)
        was = self.bar.property("strength")
        self._show(strength)
        if self.bar.property("strength") != was:  # the style sheet's colour for the new one
            self.bar.style().unpolish(self.bar)
            self.bar.style().polish(self.bar)
        return strength.acceptable

    def _show(self, strength: Strength) -> None:
        self.bar.setValue(strength.score)
        self.bar.setFormat(strength.label)
        self.bar.setProperty("strength", "ok" if strength.acceptable else "weak")
        self.advice.setText(strength.advice())


def _centred(box: QWidget) -> QVBoxLayout:
    """The box in the middle of the page. Stretches rather than an alignment flag centre it, so
    its wrapped text is given the height it needs at the box's width."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(box)
    row.addStretch(1)
    layout = QVBoxLayout()
    layout.addStretch(2)
    layout.addLayout(row)
    layout.addStretch(3)
    return layout


def _at_right(button: QWidget) -> QHBoxLayout:
    """The button at the right of its row. A stretch, not an alignment flag, places it: nothing
    on these pages may touch Qt's `Qt` namespace before they are painted (ui/first_paint.py)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


def _page(box: QWidget, name: str) -> QVBoxLayout:
    """The page's layout: the centred box in a scroll area, so a small screen (1366×768, or
    200%) or a large desktop font scrolls it instead of cutting it off."""
    content = QWidget()
    content.setLayout(_centred(box))
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scrolling(content, name))
    return layout


def breakable_path(path: str) -> str:
    """A file path that a wrapped label may break after each separator (a zero-width space),
    so a long one wraps inside the page instead of running out of it."""
    return path.replace("/", "/\u200b").replace("\\", "\\\u200b")


def _title(text: str) -> QLabel:
    label = Heading(text)
    label.setObjectName("pageTitle")
    return label


def message_label() -> StatusLine:
    """Why a passphrase was refused: read out as soon as it appears."""
    label = StatusLine("error", urgent=True)
    label.setMaximumWidth(460)
    return label


class CreateVaultPage(QWidget):
    """First start: choose a passphrase (twice), see its strength, create the vault."""

    submitted = Signal(str)

    def __init__(self, vault_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            "Your notes are kept in one encrypted file on this computer:\n"
            f"{breakable_path(vault_path)}\n\n"
            "Choose a passphrase. Nobody, including us, can recover it: write it down and keep "
            "it somewhere safe. Several unusual words make a strong one."
        )
        keep_whole(intro)  # every line in view, whatever the path's length and the font
        intro.setMaximumWidth(460)
        self.passphrase = passphrase_field("new_passphrase")
        self.repeat = passphrase_field("repeat_passphrase")
        self.setFocusProxy(self.passphrase)  # showing the page puts the cursor in the field
        self.meter = StrengthMeter()
        self.message = message_label()
        self.create_button = QPushButton("Create vault")
        self.create_button.setDefault(True)
        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase)
        form.addRow("Again", self.repeat)
        form.addRow("", self.meter)
        box = QWidget()
        box.setFixedWidth(480)  # a fixed width lets wrapped text take its full height
        inner = QVBoxLayout(box)
        inner.addWidget(_title("Create your vault"))
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(_at_right(self.create_button))
        self.setLayout(_page(box, "create_page"))
        self.passphrase.secretChanged.connect(self.meter.show_for)
        # A refusal speaks of what was typed: typing again takes it away, so an old red line
        # never stands beside "Very strong".
        self.passphrase.secretChanged.connect(self.message.clear)
        self.repeat.secretChanged.connect(self.message.clear)
        self.create_button.clicked.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)

    def _submit(self) -> None:
        problem = new_passphrase_problem(self.passphrase.text(), self.repeat.text())
        self.show_message(problem)
        if problem:
            focus = self.repeat if problem == MISMATCH else self.passphrase
            focus.selectAll()
            focus.setFocus()
            return
        self.submitted.emit(self.passphrase.text())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.message.clear()


class UnlockPage(QWidget):
    """Later starts, and after locking: the passphrase, and nothing about any client."""

    submitted = Signal(str)

    def __init__(self, vault_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = passphrase_field("passphrase")
        self.setFocusProxy(self.passphrase)  # showing the page puts the cursor in the field
        self.message = message_label()
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.where = where = QLabel(vault_path)  # changes when the vault is moved
        where.setObjectName("hint")
        box = QWidget()
        box.setFixedWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(_title("Alliance is locked"))
        inner.addWidget(where)
        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase)
        inner.addLayout(form)
        inner.addWidget(self.message)
        # Text a failed save left behind, held over the lock: said here, where the person is.
        self.held = StatusLine("held")
        self.held.setMaximumWidth(460)
        self.held.hide()
        inner.addWidget(self.held)
        inner.addLayout(_at_right(self.unlock_button))
        self.setLayout(_page(box, "unlock_page"))
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.submitted.emit(self.passphrase.text())

    def show_message(self, text: str) -> None:
        """Show why unlocking failed, with the passphrase selected for retyping."""
        self.message.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def show_held(self, failure: VaultError | None) -> None:
        """Say that unsaved text is held, and why it could not be saved (None: none is held)."""
        if failure is None:
            self.held.clear()
            self.held.hide()
            return
        self.held.setText(
            f"Your latest typing could not be saved: {held_reason(failure)} It is held, "
            "encrypted, in this program's memory only — never on disk. Unlock to get it back "
            "into the note; quitting now would lose it."
        )
        self.held.show()

    def clear(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus()
