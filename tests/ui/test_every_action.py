"""Every menu entry and every shortcut, run in each state a therapist meets.

The states: no client chosen; a client without sessions; a session with a draft note; a signed
note; a missed session. In each, every action of the menu bar is triggered as the menu triggers
it (`QAction.trigger`, which hands Qt's `checked` argument to the slot), then every shortcut is
typed into the window. Whatever dialog opens is closed again, as a person pressing Escape would.
pytest-qt fails the test when an exception reaches sys.excepthook from a slot, which is how the
Ctrl+Shift+O crash (`checked` arriving as the kind of observation) would have shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSize, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

from notes.records import Attendance, Client, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.appearance.test_look import choose as choose_theme
from tests.ui.appearance.test_look import unreadable
from tests.ui.helpers import STRONG_PASSPHRASE, choose_client, choose_session, press
from ui.main_window import MainWindow
from ui.measures.client_mode import ClientMode
from ui.vault_service import VaultService
from ui.widgets import theme

FIRST = datetime(2026, 9, 7, 10, 0)
# These end the state under test; they are run on their own, once each state has been walked.
ENDS_THE_STATE = {"&Lock", "&Quit"}


def every_state(vault: Vault) -> None:
    """A client without sessions, and one with a signed note, a missed session and a draft."""
    clients, sessions = ClientRepository(vault), SessionRepository(vault)
    notes = NoteRepository(vault)
    clients.save(Client("NE-01", "Nora Ek", date(2026, 11, 2)))
    rhea = clients.save(Client("RK-01", "Rhea Kowalski", date(2026, 9, 7)))
    signed = sessions.save(Session(rhea.id, FIRST))
    notes.sign(
        ProgressNote(signed.id, "soap", {"subjective": "Spoke of her sister's visit."}),
    )
    sessions.save(Session(rhea.id, FIRST + timedelta(weeks=1), attendance=Attendance.NO_SHOW))
    draft = sessions.save(Session(rhea.id, FIRST + timedelta(weeks=2)))
    notes.save_progress_note(ProgressNote(draft.id, "soap", {"plan": "Pick up the letter."}))


@pytest.fixture
def window(qtbot, caseload_from) -> Iterator[MainWindow]:
    main = MainWindow(VaultService(caseload_from(every_state)))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    unlock(qtbot, main)
    yield main
    main.service.lock()


def unlock(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, QKeySequence("Return")[0].key())
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)


class DialogCloser:
    """Closes every modal dialog, popup and extra window as soon as it appears (having noted,
    with `read`, each dialog's texts below 4.5:1 in the colours it is shown in)."""

    def __init__(self, window: MainWindow, read: bool = False) -> None:
        self._window = window
        self._read = read
        self.closed: list[str] = []
        self.needs: dict[str, QSize] = {}  # the least room each dialog takes, by its title
        self.unreadable: dict[str, list[str]] = {}  # by the dialog's class and title
        self.read = 0  # how many dialogs' colours were looked at
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self.close_all)
        self._timer.start()

    def close_all(self) -> None:
        for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if isinstance(widget, ClientMode):
                # No Escape out of client mode: the therapist takes the laptop back with the
                # passphrase, as they would.
                self.closed.append(type(widget).__name__)
                widget.passphrase.setText(STRONG_PASSPHRASE)
                widget.hand_back()
            elif widget is not None:
                self.closed.append(type(widget).__name__)
                if isinstance(widget, QDialog):
                    self.needs[widget.windowTitle()] = least_room(widget)
                    self.note_colours(widget)
                widget.reject() if isinstance(widget, QDialog) else widget.close()
        for widget in QApplication.topLevelWidgets():
            if widget is not self._window and widget.isVisible() and not isinstance(widget, QMenu):
                if isinstance(widget, QDialog):  # a modeless one (the conduct offer)
                    self.closed.append(type(widget).__name__)
                    self.note_colours(widget)
                widget.close()

    def note_colours(self, dialog: QDialog) -> None:
        if self._read:
            self.read += 1
            found = unreadable(dialog, texts_at_least=1)
            if found:
                self.unreadable[f"{type(dialog).__name__} {dialog.windowTitle()!r}"] = found

    def stop(self) -> None:
        self._timer.stop()


def least_room(dialog: QDialog) -> QSize:
    """What `dialog` needs to show all it holds: its minimum size hint (a message box sizes
    itself to its text, so its own size)."""
    shown = dialog.size() if isinstance(dialog, QMessageBox) else dialog.minimumSizeHint()
    return shown.expandedTo(dialog.minimumSize())


# 1920×1080 at 200% leaves 960×540 logical pixels, less a task bar; 1366×768 at 100% is roomier.
ROOM_AT_200_PERCENT = QSize(960, 510)


def settle(qtbot) -> None:
    """Let background work (a backup, a damage check) finish and its results be shown."""
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    QApplication.processEvents()


def menu_actions(window: MainWindow) -> list[QAction]:
    """Every entry of every menu and submenu, in menu order."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                if action.isEnabled():  # a disabled submenu does not open
                    walk(action.menu())
            else:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def shortcuts(window: MainWindow) -> list[str]:
    """Every key sequence the window answers to: its actions' and its QShortcuts'."""
    keys = {
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty() and action.text() not in ENDS_THE_STATE
    }
    keys |= {each.key().toString() for each in window.findChildren(QShortcut)}
    ending = {QKeySequence(QKeySequence.StandardKey.Quit).toString(), "Ctrl+L"}
    return sorted(keys - ending - {""})


def walk_everything(qtbot, window: MainWindow) -> list[str]:
    """Trigger each menu entry, then type each shortcut; returns the labels triggered."""
    triggered = []
    for action in menu_actions(window):
        if action.text() in ENDS_THE_STATE or not action.isEnabled():
            continue
        action.trigger()
        settle(qtbot)
        triggered.append(action.text())
    for key in shortcuts(window):
        press(qtbot, window, key)
        settle(qtbot)
    return triggered


def choose(qtbot, window: MainWindow, code: str, session_number: int | None = None) -> None:
    workspace = window.workspace
    clients, sessions = workspace.clients, workspace.sessions
    row = next(r for r in range(clients.rowCount()) if clients.item(r).code == code)
    choose_client(qtbot, window, row)
    if session_number is not None:
        numbers = [sessions.item(r).number for r in range(sessions.rowCount())]
        row = numbers.index(session_number)
        choose_session(qtbot, window, row)
        qtbot.waitUntil(lambda: workspace.editor.session.number == session_number)


def lock_and_unlock(qtbot, window: MainWindow) -> None:
    next(a for a in menu_actions(window) if a.text() == "&Lock").trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    unlock(qtbot, window)


# Correcting a session is offered by the chosen session's state (notes/session_changes.py).
EDIT, DELETE, VOID = "Ed&it session…", "&Delete session…", "&Void session…"
BY_STATE = {
    "no client": set(),
    "a client without sessions": set(),
    "a signed note": {EDIT, VOID},
    "a missed session": {EDIT, DELETE},
    "a draft": {EDIT, DELETE},
}

STATES = {
    "no client": lambda qtbot, window: None,
    "a client without sessions": lambda qtbot, window: choose(qtbot, window, "NE-01"),
    "a signed note": lambda qtbot, window: choose(qtbot, window, "RK-01", 1),
    "a missed session": lambda qtbot, window: choose(qtbot, window, "RK-01", 2),
    "a draft": lambda qtbot, window: choose(qtbot, window, "RK-01", 3),
}


def test_every_action_and_shortcut_runs_in_every_state(qtbot, window):
    expected = {a.text() for a in menu_actions(window)} - ENDS_THE_STATE
    closer = DialogCloser(window)
    try:
        for state, reach in STATES.items():
            reach(qtbot, window)
            triggered = walk_everything(qtbot, window)
            offered = expected - {EDIT, DELETE, VOID} | BY_STATE[state]
            assert set(triggered) == offered, f"{state}: an entry was disabled or missing"
            assert window.pages.currentWidget() is window.workspace, state
            lock_and_unlock(qtbot, window)
    finally:
        closer.stop()
    # The walk really opened the dialogs it had to close (so they ran, and were not skipped).
    assert {"SessionDialog", "ClientDialog", "ObservationForm"} <= set(closer.closed)
    # Each fits a 1920×1080 screen at 200% (a long one scrolls inside, its buttons in view).
    too_large = {
        title: (size.width(), size.height())
        for title, size in closer.needs.items()
        if ROOM_AT_200_PERCENT.boundedTo(size) != size
    }
    assert too_large == {}
    assert len(closer.needs) > 20


# Dialogs the menus and shortcuts don't open, each with where a person meets it; a QDialog class
# added to ui/ must be met by the walk or named here (and so tested where it opens).
NOT_FROM_THE_MENUS = {
    "RiskNoteDialog": "from a measure's risk item (tests/ui/measures)",
    "CalibrationDialog": "from the client page's alliance section (tests/ui/measures)",
    "RuptureDialog": "from the client page's rupture list (tests/ui/alliance)",
    "ContractTermDialog": "from the client page's contract section (tests/ui/client_page)",
    "BoundaryDialog": "from the client page's boundary section (tests/ui/client_page)",
    "GoalDialog": "from the client page's goals section (tests/ui/client_page)",
    "PromptForm": "from the prompt set dialog's New prompt button (tests/ui/conduct)",
    "ConductDialog": "from the conduct offer after signing (tests/ui/conduct)",
    "ConductOffer": "after Sign note… is confirmed (tests/ui/conduct)",
    "SupervisionDialog": "from the supervision page (tests/ui/supervision)",
    "QuestionDialog": "from the supervision page (tests/ui/supervision)",
    "VoidDialog": "from Void session… on a signed note, through a message box first",
}


def ui_dialog_classes() -> set[str]:
    """Every QDialog class of the app that can be shown (bases other classes extend are not)."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found: set[type] = set()
    todo = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("ui.") and sub not in found:
                found.add(sub)
                todo.append(sub)
    bases = {base for cls in found for base in cls.__mro__[1:]}
    return {cls.__name__ for cls in found - bases}


def test_every_dialog_reads_in_the_dark_theme(qtbot, window):
    choose_theme(qtbot, window, "&Dark")
    assert theme.is_dark(QApplication.palette())
    closer = DialogCloser(window, read=True)
    try:
        for state in ("no client", "a signed note", "a draft"):
            STATES[state](qtbot, window)
            walk_everything(qtbot, window)
    finally:
        closer.stop()
    met = set(closer.closed)
    assert {"SessionDialog", "SettingsDialog", "AboutDialog", "QMessageBox"} <= met
    assert closer.read > 20 and closer.unreadable == {}
    # Every dialog class is met here, or named with where it opens.
    assert ui_dialog_classes() - met - set(NOT_FROM_THE_MENUS) == set()


def test_every_action_still_exists_for_the_walk(window):
    # The walk above covers the menus as built; this says what it covered, so a menu that
    # came back empty cannot make it pass.
    labels = {a.text() for a in menu_actions(window)}
    assert {"&Record observation…", "&New session…", "&Sign note…", "&Lock"} <= labels
    assert "Ctrl+Shift+O" in shortcuts(window)


def test_quit_closes_the_window_in_a_state_with_a_draft(qtbot, window):
    choose(qtbot, window, "RK-01", 3)
    next(a for a in menu_actions(window) if a.text() == "&Quit").trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def off_menu_dialogs(window: MainWindow) -> dict[str, QDialog]:
    """Each dialog of NOT_FROM_THE_MENUS, made as the place that opens it makes it, over the
    signed note's client (RK-01): so that its fit and colours are checked here too."""
    from notes.alliance import (
        BOUNDARY_DIMENSIONS,
        CONTRACT_TERMS,
        AllianceRating,
        BoundaryEvent,
        ContractItem,
        Goal,
        Rupture,
        RuptureKind,
    )
    from notes.conduct import questions_for
    from ui.alliance.rupture_dialog import RuptureDialog
    from ui.client_page.boundary_section import BoundaryDialog
    from ui.client_page.contract_section import ContractTermDialog
    from ui.client_page.goals_section import GoalDialog
    from ui.conduct.check_dialog import ConductDialog
    from ui.conduct.offer import ConductOffer
    from ui.conduct.prompts_dialog import PromptForm
    from ui.measures.calibration_dialog import CalibrationDialog
    from ui.measures.flag_notice import RiskNoteDialog
    from ui.session.session_dialog import VoidDialog
    from ui.supervision.question_dialog import QuestionDialog
    from ui.supervision.record_dialog import SupervisionDialog

    service = window.service
    clients = service.clients()
    client = next(c for c in clients if c.code == "RK-01")
    sessions = service.sessions(client.id)
    session = sessions[0]
    prompts = service.conduct_prompts()
    rating = AllianceRating(session.id, {"bond": 5, "tasks": 4}, {"bond": 6, "tasks": 5})
    made: dict[str, QDialog] = {
        "RiskNoteDialog": RiskNoteDialog("Item 9 answered 'several days'. ", window),
        "CalibrationDialog": CalibrationDialog([(session.starts_at.date(), rating)], None, window),
        "RuptureDialog": RuptureDialog(
            Rupture(session.id, RuptureKind.WITHDRAWAL), sessions, window
        ),
        "ContractTermDialog": ContractTermDialog(
            ContractItem(client.id, CONTRACT_TERMS[0].key), window
        ),
        "BoundaryDialog": BoundaryDialog(
            BoundaryEvent(client.id, date(2026, 9, 7), BOUNDARY_DIMENSIONS[0].key), sessions, window
        ),
        "GoalDialog": GoalDialog(Goal(client.id, "Sleep through most nights."), window),
        "PromptForm": PromptForm(prompts, None, window),
        "ConductDialog": ConductDialog(
            client, session, prompts, questions_for(prompts, True, None), parent=window
        ),
        "ConductOffer": ConductOffer(client, session, window),
        "SupervisionDialog": SupervisionDialog(service, client_id=client.id, parent=window),
        "QuestionDialog": QuestionDialog(clients, client.id, window),
        "VoidDialog": VoidDialog("session 1 of RK-01", window),
    }
    return made


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_dialogs_off_the_menus_fit_and_read(qtbot, window, dark):
    if dark:
        choose_theme(qtbot, window, "&Dark")
        assert theme.is_dark(QApplication.palette())
    made = off_menu_dialogs(window)
    assert set(made) == set(NOT_FROM_THE_MENUS)  # a dialog named there is made here too
    too_large, hard_to_read = {}, {}
    for name, dialog in made.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        size = least_room(dialog)
        if ROOM_AT_200_PERCENT.boundedTo(size) != size:
            too_large[name] = (size.width(), size.height())
        found = unreadable(dialog, texts_at_least=1)
        if found:
            hard_to_read[name] = found
        dialog.reject()
    assert too_large == {}
    assert hard_to_read == {}
