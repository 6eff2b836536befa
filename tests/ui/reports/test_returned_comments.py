"""Reports > Read supervisor's comments…: a report comes back with a comment on a session, and
the therapist sees it beside that session's note."""

from __future__ import annotations

import io
import shutil
from datetime import date, datetime, timedelta

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from notes.records import Client, Session
from notes.reports.builder import supervision_report
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import Period
from tests.ui.helpers import answer_dialog, menu_action, visible_text, window_unlocked_on
from ui.main_window import MainWindow
from ui.widgets import file_dialogs

FIRST = datetime(2026, 9, 7, 9, 0)
COMMENT = "What made you hold back the interpretation here?"


@pytest.fixture
def window(qtbot, tmp_path, template_vault, passphrase):
    path = tmp_path / "comments.vault"
    shutil.copyfile(template_vault, path)
    main = window_unlocked_on(qtbot, path, passphrase)
    client = main.service.save_client(Client("TH-01", "Tomás Herrera", date(2026, 9, 7)))
    for week in range(2):
        main.service.save_session(Session(client.id, FIRST + timedelta(weeks=week)))
    yield main
    main.service.lock()


def returned_report(window: MainWindow, target) -> None:
    """Export the report, then comment on session 2 as the supervisor would."""
    data = window.service.report_data()
    client_id = data.client_id_for_code("TH-01")
    inputs = data.supervision_inputs(client_id, Period(date(2026, 9, 1), date(2026, 9, 30)))
    document = Document(io.BytesIO(report_to_docx(supervision_report(inputs))))
    heading = next(p for p in document.paragraphs if p.text.startswith("Session 2 ·"))
    document.add_comment(heading.runs, text=COMMENT, author="Jo Super")
    document.save(target)


def test_a_comment_on_a_session_shows_beside_its_note(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "returned.docx"
    returned_report(window, target)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_args: str(target))
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    answer_dialog(qtbot, read_and_close, QMessageBox)
    menu_action(window, "Read supervisor's &comments…").trigger()
    assert said == [
        "1 comment kept as supervision feedback; 1 beside their session notes, 0 on "
        "the report or a section."
    ]
    workspace = window.workspace
    qtbot.mouseClick(
        workspace.client_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=workspace.client_view.visualRect(workspace.clients.index(0)).center(),
    )
    row = next(
        r for r in range(workspace.sessions.rowCount()) if workspace.sessions.item(r).number == 2
    )
    qtbot.mouseClick(
        workspace.session_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=workspace.session_view.visualRect(workspace.sessions.index(row)).center(),
    )
    qtbot.waitUntil(lambda: COMMENT in visible_text(window))
    assert "Jo Super" in visible_text(window)
