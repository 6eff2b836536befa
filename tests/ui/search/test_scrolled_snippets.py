"""The search panel's rows further down: a search makes the snippets of the rows in view at once
and the others when they are scrolled into view; every row a person looks at shows its
snippet with the matched words marked. A real vault, through the service the window uses."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from notes.records import Client, ProcessNote, ProgressNote, Session
from notes.search_query import SNIPPETS_AT_ONCE, SearchHit
from ui.search.panel import SearchPanel
from ui.vault_service import VaultService

WEEKS = 24  # a progress and a process note each: 48 hits, the list's 50 nearly full


@pytest.fixture(scope="module")
def service(qapp, tmp_path_factory, template_vault, passphrase) -> Iterator[VaultService]:
    """A client seen weekly, every note speaking of the harbour (a Zoë in some): one unlock
    for the module, whose tests only search."""
    path = tmp_path_factory.mktemp("scrolled") / "scrolled.vault"
    shutil.copyfile(template_vault, path)
    service = VaultService(path)
    service.unlock(passphrase)
    maya = service.save_client(Client("ML-01", "Maya Lindqvist", datetime(2024, 1, 8).date()))
    for week in range(WEEKS):
        session = service.save_session(
            Session(maya.id, datetime(2024, 1, 8, 9) + timedelta(weeks=week))
        )
        service.save_progress_note(
            ProgressNote(session.id, "soap", {"plan": f"Week {week}: the harbour with Zoë."})
        )
        service.save_process_note(ProcessNote(session.id, f"Week {week}: the Harbour at dusk."))
    yield service
    service.lock()


def make_panel(qtbot, service: VaultService, height: int) -> SearchPanel:
    panel = SearchPanel(service.search, snippets=service.search_snippets)
    qtbot.addWidget(panel)
    panel.resize(420, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def rows_in_view(panel: SearchPanel) -> list[int]:
    viewport = panel.view.viewport().rect()
    model = panel.results
    return [
        row
        for row in range(model.rowCount())
        if panel.view.visualRect(model.index(row)).intersects(viewport)
    ]


def marked(hit: SearchHit) -> list[str]:
    return [text for text, is_match in hit.parts() if is_match]


def shown_with_marks(panel: SearchPanel, word: str) -> bool:
    """Every row in view shows its snippet, with `word` marked."""
    hits = panel.hits()
    return all(
        not hits[row].snippet_due
        and word in [text.casefold() for text in marked(hits[row])]
        and hits[row].plain_snippet() in panel.results.index(row).data()
        for row in rows_in_view(panel)
    )


def search(qtbot, panel: SearchPanel, text: str, count: int) -> list[SearchHit]:
    """Type `text`; the hits as they arrived (before any row further down was filled in)."""
    arrived: list[list[SearchHit]] = []
    panel.results.modelReset.connect(lambda: arrived.append(panel.hits()))
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.results.rowCount() == count)
    return arrived[-1]


def scroll_to(qtbot, panel: SearchPanel, fraction: float) -> None:
    bar = panel.view.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))  # as dragging the scroll bar does


@pytest.mark.parametrize(
    ("typed", "word", "order"),
    [
        ("harbour", "harbour", "Newest first"),
        ("harbour", "harbour", "Best match"),
        ("zoe", "zoë", "Newest first"),  # typed without its accent, marked as written
    ],
)
def test_rows_scrolled_into_view_show_their_snippets(qtbot, service, typed, word, order):
    panel = make_panel(qtbot, service, 500)
    panel.order.setCurrentIndex(panel.order.findText(order))
    count = 2 * WEEKS if word == "harbour" else WEEKS
    arrived = search(qtbot, panel, typed, count)
    assert [hit.snippet_due for hit in arrived].count(False) < count  # some were left for later
    qtbot.waitUntil(lambda: bool(rows_in_view(panel)))
    assert not any(arrived[row].snippet_due for row in rows_in_view(panel))  # at once
    assert shown_with_marks(panel, word)
    days = [hit.session_start for hit in panel.hits()]
    if order == "Newest first":
        assert days == sorted(days, reverse=True)
    for fraction in (0.5, 1.0):
        scroll_to(qtbot, panel, fraction)
        qtbot.waitUntil(lambda: shown_with_marks(panel, word))
    assert rows_in_view(panel)[-1] == count - 1
    assert [hit.session_start for hit in panel.hits()] == days  # filled in, not reordered


def test_a_tall_panel_shows_every_row_in_view_with_its_snippet_at_once(qtbot, service):
    panel = make_panel(qtbot, service, 1600)
    arrived = search(qtbot, panel, "harbour", 2 * WEEKS)
    qtbot.waitUntil(lambda: bool(rows_in_view(panel)))
    assert len(rows_in_view(panel)) > SNIPPETS_AT_ONCE  # more than a search makes at once
    assert not any(arrived[row].snippet_due for row in rows_in_view(panel))
    assert shown_with_marks(panel, "harbour")


def test_moving_down_with_the_keys_shows_snippets(qtbot, service):
    panel = make_panel(qtbot, service, 400)
    search(qtbot, panel, "harbour", 2 * WEEKS)
    for _ in range(3 * SNIPPETS_AT_ONCE // 5):
        qtbot.keyClick(panel.field, Qt.Key.Key_PageDown)
    assert panel.view.currentIndex().row() > SNIPPETS_AT_ONCE
    qtbot.waitUntil(lambda: shown_with_marks(panel, "harbour"))
    current = panel.current_hit()
    assert current is not None and current.match_text.casefold() == "harbour"


def test_a_new_search_never_shows_snippets_made_for_the_last(qtbot, service):
    panel = make_panel(qtbot, service, 400)
    search(qtbot, panel, "harbour", 2 * WEEKS)
    scroll_to(qtbot, panel, 1.0)  # the rows further down are asked for…
    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)  # …and the text changes meanwhile
    qtbot.keyClicks(panel.field, "r dusk")
    qtbot.waitUntil(lambda: panel.results.rowCount() == WEEKS and not panel.is_searching())
    scroll_to(qtbot, panel, 1.0)
    qtbot.waitUntil(lambda: shown_with_marks(panel, "dusk"))
    assert all(hit.source == "process" for hit in panel.hits())
