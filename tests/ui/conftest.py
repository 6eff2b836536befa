"""GUI fixtures: a main window on a fresh vault path, and caseloads copied from prepared vaults.

Creating or unlocking a vault costs a key derivation (about a quarter of a second here), so each
caseload is written once per test session into a vault of its own and every test gets a byte copy
of it. Each prepared vault also has today's damage check marked done, as after a person's first
unlock of the day, so a test's unlock does not start a background integrity check (one more key
derivation); tests about that check ask for `caseload_due_a_check`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from notes.records import Attendance, Client, Session
from storage.clients import ClientRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import STRONG_PASSPHRASE, mark_checked_today
from ui.main_window import MainWindow
from ui.vault_service import VaultService

# One QApplication from the start: a command-line test earlier in the same process (its export
# draws charts with a bare QGuiApplication) must not leave an application that cannot hold a
# widget, which aborts the next widget test.
_APPLICATION = QApplication.instance() or QApplication([])

Fill = Callable[[Vault], None]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Window settings go to a temp folder, never the developer's own."""
    folder = tmp_path / "settings"
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):  # Qt's own, too
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def plain_look() -> Iterator[None]:
    """A test that chose a theme (View → Theme, or the app's start) hands the next test the
    application as pytest-qt made it: the desktop's look, no style sheet."""
    yield
    from PySide6.QtWidgets import QApplication

    from ui.appearance.look import Look

    app = QApplication.instance()
    found = app.findChild(Look) if app is not None else None
    if found is not None:
        found.remove()


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "alliance.vault"


@pytest.fixture(scope="session")
def strong_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty vault for STRONG_PASSPHRASE, created once; caseloads are written into copies."""
    path = tmp_path_factory.mktemp("strong-template") / "alliance.vault"
    Vault.create(path, STRONG_PASSPHRASE).close()
    return path


@pytest.fixture(scope="session")
def prepared_caseloads(
    tmp_path_factory: pytest.TempPathFactory, strong_template: Path
) -> Callable[[Fill, bool], Path]:
    """The prepared vault of each caseload, written on first use: `fill` adds its records."""
    prepared: dict[tuple[Fill, bool], Path] = {}

    def prepare(fill: Fill, checked_today: bool) -> Path:
        if (fill, checked_today) not in prepared:
            path = tmp_path_factory.mktemp("caseload") / "alliance.vault"
            shutil.copyfile(strong_template, path)
            vault = Vault.open(path, STRONG_PASSPHRASE)
            try:
                fill(vault)
                if checked_today:
                    mark_checked_today(vault)
            finally:
                vault.close()
            prepared[fill, checked_today] = path
        return prepared[fill, checked_today]

    return prepare


@pytest.fixture
def caseload_from(
    vault_path: Path, prepared_caseloads: Callable[[Fill, bool], Path]
) -> Callable[..., Path]:
    """This test's own copy, at `vault_path`, of the vault that `fill` prepares."""

    def copy(fill: Fill, *, checked_today: bool = True) -> Path:
        vault_path.parent.mkdir(exist_ok=True)
        shutil.copyfile(prepared_caseloads(fill, checked_today), vault_path)
        return vault_path

    return copy


@pytest.fixture
def window(qtbot, vault_path: Path) -> MainWindow:
    main = MainWindow(VaultService(vault_path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    main.service.lock()


FIRST = datetime(2026, 10, 5, 9, 0)


def two_clients(vault: Vault) -> None:
    """Two clients (one closed) and three sessions, written straight into a real vault."""
    clients, sessions = ClientRepository(vault), SessionRepository(vault)
    maya = clients.save(Client("ML-01", "Maya Lindqvist", date(2026, 10, 5), ["Jonas"]))
    clients.save(Client("SN-01", "Sam Novak", date(2026, 3, 1)))
    clients.set_status(clients.list()[1].id, clients.list()[1].status.CLOSED)
    for week, attendance in enumerate((Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.LATE)):
        sessions.save(Session(maya.id, FIRST + timedelta(weeks=week), attendance=attendance))


@pytest.fixture
def caseload(caseload_from) -> Path:
    return caseload_from(two_clients)


@pytest.fixture
def caseload_due_a_check(caseload_from) -> Path:
    """The same caseload, whose first unlock today starts the background damage check."""
    return caseload_from(two_clients, checked_today=False)


@pytest.fixture
def open_window(qtbot, caseload) -> Iterator[MainWindow]:
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    yield window
    window.service.lock()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test under tests/ui sits in the Qt world (this file imports it): all carry `gui`.
    here = Path(__file__).resolve().parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.gui)
