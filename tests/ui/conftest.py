"""GUI fixtures: a main window on a fresh vault path, and a way to answer modal dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from notes.records import Attendance, Client, Session
from storage.clients import ClientRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from ui.main_window import MainWindow
from ui.vault_service import VaultService

STRONG_PASSPHRASE = "lantern orchard velvet 'quiet' harbour"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Window settings go to a temp folder, never the developer's own."""
    folder = tmp_path / "settings"
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):  # Qt's own, too
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "alliance.vault"


@pytest.fixture
def window(qtbot, vault_path: Path) -> MainWindow:
    main = MainWindow(VaultService(vault_path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    main.service.lock()


def answer_dialog(qtbot, act: Callable[[QWidget], None], kind: type = QWidget) -> None:
    """Run `act` on the next modal dialog (of `kind`) as soon as it opens, as a person would."""

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, handle)
            return
        act(dialog)

    QTimer.singleShot(0, handle)


def press(qtbot, window: QWidget, shortcut: str) -> None:
    """Type a keyboard shortcut into the window, as a person would after clicking it."""
    from PySide6.QtGui import QKeySequence

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combo = QKeySequence(shortcut)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def visible_text(widget: QWidget) -> str:
    """Everything a person could read in the window: labels, fields, list rows."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit

    parts: list[str] = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QLineEdit):
            parts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            parts.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            parts += [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    return "\n".join(parts)


FIRST = datetime(2026, 10, 5, 9, 0)


@pytest.fixture
def caseload(vault_path):
    """Two clients (one closed) and three sessions, written straight into a real vault."""
    vault = Vault.create(vault_path, STRONG_PASSPHRASE)
    clients, sessions = ClientRepository(vault), SessionRepository(vault)
    maya = clients.save(Client("ML-01", "Maya Lindqvist", date(2026, 10, 5), ["Jonas"]))
    clients.save(Client("SN-01", "Sam Novak", date(2026, 3, 1)))
    clients.set_status(clients.list()[1].id, clients.list()[1].status.CLOSED)
    for week, attendance in enumerate((Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.LATE)):
        sessions.save(Session(maya.id, FIRST + timedelta(weeks=week), attendance=attendance))
    vault.close()
    return vault_path


@pytest.fixture
def open_window(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    yield window
    window.service.lock()
