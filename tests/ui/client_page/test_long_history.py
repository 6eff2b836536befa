"""A client with 1,000 sessions (written as the benchmark writes them, bench/bulk.py): what the
client page reads and draws of them is bounded by what it shows (the attendance strip's marks
in view, the latest conduct checks), and what it shows of the history is still all there."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from bench.bulk import write_caseload
from bench.synthetic import Shape
from notes.conduct import PATTERN_WINDOW, answered_checks, check_counts
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.vault import Vault
from tests.ui.helpers import choose_client, mark_checked_today, window_unlocked_on
from ui.main_window import MainWindow

LONG = Shape(clients=1, sessions_per_client=1000)  # and the benchmark's 20-session client


@pytest.fixture(scope="module")
def long_vault(tmp_path_factory, template_vault, passphrase):
    """One vault for the module (writing it takes seconds); each test copies it."""
    path = tmp_path_factory.mktemp("long") / "long.vault"
    path.write_bytes(template_vault.read_bytes())
    vault = Vault.open(path, passphrase)
    write_caseload(vault, LONG)
    mark_checked_today(vault)
    vault.close()
    return path


@pytest.fixture
def long_path(long_vault, tmp_path):
    path = tmp_path / "long.vault"
    path.write_bytes(long_vault.read_bytes())
    return path


@pytest.fixture
def vault(long_path, passphrase):
    opened = Vault.open(long_path, passphrase)
    yield opened
    opened.close()


def test_the_conduct_glance_is_the_whole_historys_counts_from_its_latest_checks(vault):
    conduct = ConductRepository(vault)
    for client in ClientRepository(vault).list():
        every = conduct.for_client(client.id)
        glance = conduct.glance(client.id)
        assert glance.counts == check_counts(every)
        assert glance.latest == answered_checks(every)[-PATTERN_WINDOW:]
    long = max(ClientRepository(vault).list(), key=lambda c: len(conduct.for_client(c.id)))
    assert len(conduct.for_client(long.id)) > 10 * PATTERN_WINDOW  # a long history indeed
    assert len(conduct.glance(long.id).latest) == PATTERN_WINDOW  # of which only these are read


@pytest.fixture
def window(qtbot, long_path, passphrase):
    main = window_unlocked_on(qtbot, long_path, passphrase, 1200, 760)  # as the bench's
    yield main
    main.service.lock()


def client_row(window: MainWindow, sessions: int) -> int:
    clients = window.workspace.clients
    return next(
        row
        for row in range(clients.rowCount())
        if len(window.service.session_list(clients.item(row).id)) == sessions
    )


def test_the_whole_long_history_is_on_the_page(qtbot, window):
    workspace = window.workspace
    page = workspace.client_page
    choose_client(qtbot, window, client_row(window, 1000))
    workspace.tabs.setCurrentWidget(page)  # the click brought the newest note forward
    patterns = page.findChild(QWidget, "clientPatterns")
    measures = workspace.measures_section
    page.ensureWidgetVisible(measures)  # scrolled down to the page's end, as a person does
    qtbot.waitUntil(lambda: patterns.model.rowCount() > 0 and measures.model.rowCount() > 0)
    assert page.timeline.counts.text().startswith("1,000 sessions: ")
    total = patterns.model.rowCount()
    assert patterns.count.text() == f"{total:,} of {total:,} observations"
    days = {row[0] for row in measures.model.rows}  # the timeline's table: the whole history
    assert len(days) > 500  # every rated or missed session of the 1,000, not a recent few
    conduct = workspace.alliance_sections.conduct
    assert f"last {PATTERN_WINDOW} checks with " in conduct.summary.text()


def test_the_attendance_strip_paints_the_marks_in_view(qtbot, window):
    workspace = window.workspace
    page = workspace.client_page
    choose_client(qtbot, window, client_row(window, 1000))
    workspace.tabs.setCurrentWidget(page)
    strip = page.timeline.strip
    qtbot.waitUntil(lambda: strip.marks_painted > 0)
    assert len(strip.sessions) == 1000  # every session has its mark
    seen = strip.visibleRegion().boundingRect()
    assert 0 < seen.height() < strip.height()  # the strip runs on below the window
    rows_seen = seen.height() // 26 + 2  # a row of marks is 26 px high; part-seen at each end
    assert strip.marks_painted <= rows_seen * strip.per_row() < 1000
