"""The search panel, driven as a person would: typing, arrow keys, Enter, Escape, double-click."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from notes.records import Client, ProcessNote, ProgressNote, Session
from notes.search_query import MARK_START, SearchHit, SearchOrder
from storage.errors import VaultError
from ui.search.panel import HINT, SearchPanel, SearchResultModel, reveal_match
from ui.vault_service import VaultService


def unlocked_vault(path: Path, template_vault: Path, passphrase: str) -> VaultService:
    """A real vault, unlocked through the service the window uses, with two clients' notes."""
    shutil.copyfile(template_vault, path)
    service = VaultService(path)
    service.unlock(passphrase)
    maya = service.save_client(Client("ML-01", "Maya Lindqvist", date(2024, 1, 8)))
    dan = service.save_client(Client("DO-01", "Daniel Okafor", date(2024, 1, 9)))
    first = service.save_session(Session(maya.id, datetime(2024, 3, 4, 9)))
    second = service.save_session(Session(dan.id, datetime(2024, 3, 5, 17)))
    service.save_progress_note(
        ProgressNote(first.id, "soap", {"subjective": "Very anxious about the interview."})
    )
    service.save_process_note(ProcessNote(second.id, "I felt anxious too; <b>not</b> bold."))
    service.first, service.second = first, second
    return service


@pytest.fixture(scope="module")
def service(qapp, tmp_path_factory, template_vault, passphrase) -> Iterator[VaultService]:
    """One unlocked vault for the tests here, which only search it: each unlock, and the first
    search on its read connection, would cost a test a key derivation apiece."""
    service = unlocked_vault(
        tmp_path_factory.mktemp("search") / "search.vault", template_vault, passphrase
    )
    yield service
    service.lock()


@pytest.fixture
def panel(qtbot, service):
    widget = SearchPanel(service.search, snippets=service.search_snippets)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(panel: SearchPanel) -> list[str]:
    model = panel.view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_and_wait(qtbot, panel: SearchPanel, text: str, count: int) -> None:
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.results.rowCount() == count)


def test_typing_shows_code_date_and_snippet(qtbot, panel, service):
    assert panel.message.text().startswith("Type to search")  # before anything is typed
    type_and_wait(qtbot, panel, "anx", 2)
    assert panel.view.isVisible()
    texts = rows(panel)  # the newest first
    assert texts[0].startswith("DO-01  ·  05 Mar 2024  ·  Process note\n")
    assert "<b>not</b> bold" in texts[0]  # note text is text, never markup
    assert texts[1].startswith("ML-01  ·  04 Mar 2024  ·  Subjective\n")
    assert "Very anxious about the interview." in texts[1]
    assert panel.found.isVisible() and panel.found.text() == "2 matches"


def test_best_match_is_a_choice_beside_the_box(qtbot, panel, service):
    anxious = service.save_session(Session(service.first.client_id, datetime(2024, 2, 5, 9)))
    service.save_process_note(ProcessNote(anxious.id, "Anxious, anxious, anxious: so anxious."))
    try:
        type_and_wait(qtbot, panel, "anxious", 3)
        assert panel.order.currentText() == "Newest first"
        assert [row.split("\n")[0] for row in rows(panel)] == [
            "DO-01  ·  05 Mar 2024  ·  Process note",
            "ML-01  ·  04 Mar 2024  ·  Subjective",
            "ML-01  ·  05 Feb 2024  ·  Process note",
        ]
        panel.order.setCurrentIndex(panel.order.findText("Best match"))  # as a click would
        qtbot.waitUntil(lambda: panel.current_hit().session_id == anxious.id)
        assert rows(panel)[0].startswith("ML-01  ·  05 Feb 2024  ·  Process note\n")
        assert len(rows(panel)) == 3
    finally:
        service.delete_session(anxious)  # the module's vault is shared by its tests


def test_enter_opens_the_best_result(qtbot, panel, service):
    type_and_wait(qtbot, panel, "interview", 1)
    with qtbot.waitSignal(panel.resultChosen) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    hit = chosen.args[0]
    assert isinstance(hit, SearchHit)
    assert (hit.session_id, hit.client_code) == (service.first.id, "ML-01")
    assert (hit.source, hit.section, hit.match_text) == ("progress", "subjective", "interview")


def test_enter_before_the_pause_still_finds(qtbot, panel, service):
    qtbot.keyClicks(panel.field, "interview")
    with qtbot.waitSignal(panel.resultChosen) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Enter)
    assert chosen.args[0].session_id == service.first.id


def test_arrow_keys_move_through_results(qtbot, panel, service):
    type_and_wait(qtbot, panel, "anxious", 2)
    assert panel.current_hit().session_id == service.second.id  # the newer session
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.current_hit().session_id == service.first.id
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # stays on the last
    assert panel.current_hit().session_id == service.first.id
    with qtbot.waitSignal(panel.resultChosen) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert chosen.args[0].session_id == service.first.id
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    assert panel.current_hit().session_id == service.second.id


def test_double_click_opens_a_result(qtbot, panel, service):
    type_and_wait(qtbot, panel, "anxious", 2)
    rect = panel.view.visualRect(panel.results.index(1))
    viewport = panel.view.viewport()
    with qtbot.waitSignal(panel.resultChosen) as chosen:
        # Qt 6's QTest double-click sends no press of its own: click first, as a hand would.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args[0].session_id == service.first.id  # the second row: the older session


def test_client_names_and_codes_are_found(qtbot, panel, service):
    type_and_wait(qtbot, panel, "okafor", 1)
    hit = panel.hits()[0]
    assert (hit.source, hit.session_id, hit.client_code) == ("client", None, "DO-01")
    assert rows(panel) == ["DO-01  ·  Client\nDO-01 · Daniel Okafor"]


def test_the_count_of_matches_reads_as_written():
    from ui.search.panel import found_count

    assert [found_count(n) for n in (1, 2)] == ["1 match", "2 matches"]
    assert found_count(50).startswith("50 matches (the newest")
    assert found_count(50, "best").startswith("50 matches (the best")


def test_no_match_says_so(qtbot, panel):
    qtbot.keyClicks(panel.field, "zebra")
    qtbot.waitUntil(lambda: panel.message.text() == "No notes match \u201czebra\u201d.")
    assert panel.message.isVisible()
    assert not panel.view.isVisible()


def test_escape_clears_and_then_dismisses(qtbot, panel):
    type_and_wait(qtbot, panel, "anxious", 2)
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    assert panel.results.rowCount() == 0
    with qtbot.waitSignal(panel.dismissed):
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)


def test_clear_forgets_everything_on_screen(qtbot, panel):
    type_and_wait(qtbot, panel, "anxious", 2)
    panel.clear()
    assert panel.field.text() == ""
    assert not panel.field.isUndoAvailable()  # Ctrl+Z cannot bring a client's name back
    assert panel.results.rowCount() == 0
    assert panel.hits() == []
    shown = " ".join(label.text() for label in panel.findChildren(type(panel.message)))
    assert "anxious" not in shown and "ML-01" not in shown


def search_and_wait(qtbot, panel: SearchPanel, text: str) -> None:
    panel.set_query(text)
    qtbot.waitUntil(lambda: not panel.is_searching())


def test_hostile_text_in_the_box(qtbot, panel):
    for text in ['"', "AND (", "NEAR*", "😀", "-:^", "x" * 2000]:
        search_and_wait(qtbot, panel, text)
        assert panel.results.rowCount() == 0
        assert panel.message.text().startswith("No notes match")
    search_and_wait(qtbot, panel, '"very anxious')
    assert panel.results.rowCount() == 1


def test_typing_fast_searches_once(qtbot):
    calls: list[str] = []

    def search(text: str, order: SearchOrder) -> list[SearchHit]:
        calls.append(text)
        return []

    widget = SearchPanel(search)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.field, "countertransference")
    qtbot.waitUntil(lambda: bool(calls))
    assert calls == ["countertransference"]


def test_a_vault_problem_is_shown_in_plain_words(qtbot):
    def search(text: str, order: SearchOrder) -> list[SearchHit]:
        raise VaultError("The vault is locked. Unlock it to search.")

    widget = SearchPanel(search)
    qtbot.addWidget(widget)
    search_and_wait(qtbot, widget, "anything")
    assert widget.message.text() == "The vault is locked. Unlock it to search."


def test_a_locked_service_finds_nothing(tmp_path, template_vault, passphrase):
    service = unlocked_vault(tmp_path / "search.vault", template_vault, passphrase)
    service.lock()
    assert service.search("anxious") == []


def test_result_model_passes_qtmodeltester(qtmodeltester):
    model = SearchResultModel()
    model.set_items(
        [
            SearchHit(1, "ML-01", 2, datetime(2024, 3, 4), "progress", f"a {MARK_START}b", "b"),
            SearchHit(1, "ML-01", None, None, "client", "ML-01", ""),
        ]
    )
    qtmodeltester.check(model)


def test_reveal_match_selects_and_scrolls_to_the_word(qtbot):
    host = QWidget()
    area = QScrollArea(host)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    boxes = []
    for _ in range(6):
        box = QPlainTextEdit()
        box.setMinimumHeight(150)
        layout.addWidget(box)
        boxes.append(box)
    boxes[-1].setPlainText("\n".join(f"line {n}" for n in range(80)) + "\nthe Needle here")
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(300, 200)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    assert reveal_match(boxes[-1], "needle")
    assert boxes[-1].textCursor().selectedText() == "Needle"
    assert area.verticalScrollBar().value() > 0
    assert boxes[-1].verticalScrollBar().value() > 0
    assert not reveal_match(boxes[0], "needle")
    assert reveal_match(boxes[-1], "Needle\nhere")  # across lines: found by its first word
    assert boxes[-1].textCursor().selectedText() == "Needle"


# -- searching off the GUI thread --------------------------------------------------------------


class HeldSearch:
    """The service's real search, held back for `slow` text until `release()`: a long search on
    a big vault, still running when the person types on."""

    def __init__(self, service: VaultService, slow: str) -> None:
        self._service = service
        self._slow = slow
        self._gate = threading.Event()
        self.searched: list[str] = []

    def __call__(self, text: str, order: SearchOrder) -> list[SearchHit]:
        self.searched.append(text)
        if text == self._slow:
            self._gate.wait(10)
        return self._service.search(text, order)

    def release(self) -> None:
        self._gate.set()


@pytest.fixture
def held(qtbot, service):
    search = HeldSearch(service, slow="anxious")
    widget = SearchPanel(search)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget, search
    search.release()  # never leave a worker thread waiting
    qtbot.waitUntil(lambda: not widget.is_searching())


def test_a_result_for_text_since_changed_is_never_shown(qtbot, held):
    panel, search = held
    shown: list[list[str]] = []
    panel.results.modelReset.connect(lambda: shown.append(rows(panel)))
    qtbot.keyClicks(panel.field, "anxious")
    qtbot.waitUntil(lambda: search.searched == ["anxious"])  # running, held back
    qtbot.keyClicks(panel.field, " interv")
    panel.search_now()
    search.release()
    qtbot.waitUntil(lambda: not panel.is_searching())
    assert search.searched == ["anxious", "anxious interv"]  # the newest text, searched once
    assert len(rows(panel)) == 1 and rows(panel)[0].startswith("ML-01")
    assert all("DO-01" not in row for rows_shown in shown for row in rows_shown)


def test_enter_while_the_search_runs_opens_the_best_hit_of_the_newest_text(qtbot, held, service):
    panel, search = held
    qtbot.keyClicks(panel.field, "anxious")
    qtbot.waitUntil(lambda: search.searched == ["anxious"])
    qtbot.keyClicks(panel.field, " too")
    with qtbot.waitSignal(panel.resultChosen) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
        search.release()
    assert chosen.args[0].session_id == service.second.id  # "I felt anxious too"
    assert panel.field.text() == "anxious too"


def test_clearing_while_a_search_runs_keeps_its_result_off_screen(qtbot, held):
    panel, search = held
    qtbot.keyClicks(panel.field, "anxious")
    qtbot.waitUntil(lambda: search.searched == ["anxious"])
    panel.clear()  # what locking does
    search.release()
    qtbot.waitUntil(lambda: not panel.is_searching())
    assert panel.results.rowCount() == 0
    assert not panel.view.isVisible()
    assert panel.message.text() == HINT


def test_typing_during_a_search_runs_only_the_newest_text_next(qtbot, held):
    panel, search = held
    qtbot.keyClicks(panel.field, "anxious")
    qtbot.waitUntil(lambda: search.searched == ["anxious"])
    for text in ("interview", "okafor", "bold"):
        panel.set_query(text)
    search.release()
    qtbot.waitUntil(lambda: not panel.is_searching())
    assert search.searched == ["anxious", "bold"]
    assert len(rows(panel)) == 1 and rows(panel)[0].startswith("DO-01")
