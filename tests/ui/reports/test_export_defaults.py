"""The supervision report dialog opens at once and reads its defaults on a worker (issue 21.4):
the period since the last report, the open questions and the replacements still arrive, for the
client chosen last, and nothing arrives after a lock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from notes.dates import months_before
from notes.reports.inputs import format_date
from notes.supervision import Question
from storage.supervision import SupervisionRepository
from storage.vault import Vault
from tests.helpers import leaks, open_docx
from tests.ui.reports.test_export_dialog import (
    NAME_WORDS,
    maya_and_her_people,
    run_export,
    type_into,
    wait_for_defaults,
)
from ui.reports.export_dialog import SupervisionExportDialog

LAST_REPORT = date.today() - timedelta(days=40)


def maya_reported_on_forty_days_ago(vault: Vault) -> None:
    """Maya's caseload, with a supervision report made 40 days ago and an open question."""
    maya_and_her_people(vault)
    maya_id = vault.read_one("SELECT id FROM clients WHERE code = 'ML-01'")[0]
    at = datetime.combine(LAST_REPORT, datetime.min.time()).replace(hour=17).isoformat()
    with vault.transaction() as db:  # as the export of that day wrote it
        db.execute(
            "INSERT INTO audit_log (at, action, record) VALUES (?, ?, ?)",
            (at, "supervision report exported", f"client {maya_id}"),
        )
    SupervisionRepository(vault).add_question(Question(maya_id, "Am I rescuing her?", LAST_REPORT))


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(maya_reported_on_forty_days_ago)


def opened(qtbot, window) -> SupervisionExportDialog:
    dialog = SupervisionExportDialog(window.service, window.service.clients()[0].id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_shows_at_once_then_its_defaults_and_exports(qtbot, open_window, tmp_path):
    dialog = opened(qtbot, open_window)
    # Before the event loop turns: on screen, waiting for the worker, Export greyed out.
    assert dialog.period_hint.text() == "Looking for the last supervision report…"
    assert not dialog.export_button.isEnabled()
    assert dialog.questions.toPlainText() == ""

    wait_for_defaults(qtbot, dialog)
    assert dialog.start.date().toPython() == LAST_REPORT
    assert dialog.end.date().toPython() == date.today()
    assert dialog.period_hint.text() == (
        f"Since the last supervision report, made on {format_date(LAST_REPORT)}."
    )
    assert dialog.questions.toPlainText() == "Am I rescuing her?"
    assert dialog.replacements.index(0).data() == "Maya Lindqvist  →  ML-01"

    target = tmp_path / "report.docx"
    type_into(qtbot, dialog.target, str(target))
    run_export(qtbot, dialog)
    assert "Am I rescuing her?" in "\n".join(p.text for p in open_docx(target).paragraphs)
    assert leaks(target, NAME_WORDS) == []


def test_another_client_chosen_while_reading_gets_their_own_defaults(qtbot, open_window):
    service = open_window.service
    other = service.save_client(
        type(service.clients()[0])("DX-02", "Daniel Okafor", date.today() - timedelta(weeks=8))
    )
    dialog = opened(qtbot, open_window)
    dialog.client_box.setCurrentIndex(
        dialog.client_box.findText("DX-02", Qt.MatchFlag.MatchStartsWith)
    )
    wait_for_defaults(qtbot, dialog)
    assert dialog.client().id == other.id
    assert dialog.start.date().toPython() == months_before(date.today(), 3)  # no report yet
    assert dialog.questions.toPlainText() == ""  # Maya's question is not his
    assert dialog.replacements.index(0).data() == "Daniel Okafor  →  DX-02"


def test_locking_while_the_defaults_are_read_brings_nothing_back(qtbot, open_window):
    dialog = opened(qtbot, open_window)
    open_window.lock()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    QApplication.processEvents()  # whatever a worker sent back is delivered
    assert not dialog.isVisible()
    assert dialog.questions.toPlainText() == "" and dialog.replacements.rowCount() == 0
    assert "Looking for" in dialog.period_hint.text()
