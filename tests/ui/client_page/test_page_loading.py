"""The client page loads what is on screen first and the rest as it scrolls into view: what a
therapist sees further down is still the chosen client's, never the one shown before."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from notes.observations import Observation, ObservationKind
from notes.records import Client, Session
from storage.vault import Vault
from tests.ui.helpers import choose_client, mark_checked_today, window_unlocked_on
from ui.main_window import MainWindow
from ui.vault_service import VaultService

FIRST = datetime(2026, 1, 5, 9)


@pytest.fixture
def window(qtbot, tmp_path, template_vault, passphrase):
    """Two clients: Tomás with four observed sessions, Ada with two sessions and none."""
    vault_path = tmp_path / "loading.vault"
    shutil.copyfile(template_vault, vault_path)
    service = VaultService(vault_path)
    service.unlock(passphrase)
    tomas = service.save_client(Client("TH-01", "Tomás Herrera", date(2026, 1, 5)))
    ada = service.save_client(Client("AL-01", "Ada Lovelace", date(2026, 1, 5)))
    category = service.observation_categories(ObservationKind.COUNTERTRANSFERENCE)[0]
    for week in range(4):
        session = service.save_session(Session(tomas.id, FIRST + timedelta(weeks=week)))
        service.save_observation(
            Observation(
                session.id,
                ObservationKind.COUNTERTRANSFERENCE,
                category.id,
                what_i_felt=f"Tired, week {week + 1}.",
            ),
            tomas.id,
        )
    for week in range(2):
        service.save_session(Session(ada.id, FIRST + timedelta(weeks=week)))
    service.lock()
    vault = Vault.open(vault_path, passphrase)
    mark_checked_today(vault)
    vault.close()
    # The observations lie well below the first screen.
    main = window_unlocked_on(qtbot, vault_path, passphrase, 1200, 520)
    yield main
    main.service.lock()


def client_row(window: MainWindow, code: str) -> int:
    clients = window.workspace.clients
    return next(row for row in range(clients.rowCount()) if clients.item(row).code == code)


def show_page_of(qtbot, window: MainWindow, code: str) -> QWidget:
    workspace = window.workspace
    choose_client(qtbot, window, client_row(window, code))
    qtbot.waitUntil(lambda: workspace.current_client().code == code)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    return workspace.client_page.findChild(QWidget, "clientPatterns")


def scroll_to(qtbot, window: MainWindow, section: QWidget) -> None:
    page = window.workspace.client_page
    page.ensureWidgetVisible(section)
    qtbot.waitUntil(lambda: section.visibleRegion().boundingRect().height() > 0)


def test_the_observations_below_are_the_clients_when_scrolled_to(qtbot, window):
    page = window.workspace.client_page
    for code in ("AL-01", "TH-01", "AL-01", "TH-01"):
        patterns = show_page_of(qtbot, window, code)
        assert page.verticalScrollBar().value() == 0  # a newly chosen client opens at the top
        assert patterns.visibleRegion().isEmpty()  # below the first screen
        scroll_to(qtbot, window, patterns)
        if code == "TH-01":
            qtbot.waitUntil(lambda shown=patterns: shown.count.text() == "4 of 4 observations")
            assert not patterns.empty.isVisible()
        else:
            assert patterns.count.text() == ""
            assert patterns.empty.isVisible()
            assert patterns.model.rowCount() == 0
