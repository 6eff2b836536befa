"""The sweep in the export dialog, driven as a therapist would (issue 14): what still looks like
an identifier is listed; one click adds it to the client's terms, another leaves it; dates can
be removed; other clients' names go too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from notes.records import Client, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import all_text, headings, leaks, open_docx
from tests.ui.reports.test_export_dialog import (
    run_export,
    show_dialog,
    tick,
    type_into,
    wait_for_defaults,
)
from ui.reports.export_dialog import SupervisionExportDialog

NOTE = (
    "Maya met Mr Brennigan at Storgatan 12 and saw Daniel Okafor in the waiting room. "
    "Later Brennigan rang."
)

HOPE_NOTE = "Hope came late. I hope it helps. Hope is what she lacks."


def maya_and_a_forgotten_name(vault: Vault) -> None:
    clients = ClientRepository(vault)
    maya = clients.save(
        Client("ML-01", "Maya Lindqvist", date.today() - timedelta(weeks=30), ["Jonas"])
    )
    clients.save(Client("DX-02", "Daniel Okafor", date.today() - timedelta(weeks=10)))
    hope = clients.save(Client("KEVO-52", "Hope Berg", date.today() - timedelta(weeks=10)))
    when = datetime.combine(date.today() - timedelta(weeks=1), datetime.min.time())
    for client, note in ((maya, NOTE), (hope, HOPE_NOTE)):
        session = SessionRepository(vault).save(Session(client.id, when + timedelta(hours=9)))
        NoteRepository(vault).sign(ProgressNote(session.id, "soap", {"subjective": note}))


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(maya_and_a_forgotten_name)


@pytest.fixture
def open_window(open_window):
    maya = next(c for c in open_window.service.clients() if c.code == "ML-01")
    open_window.workspace.select_client(maya.id)
    return open_window


def swept(qtbot, dialog) -> None:
    """Wait for the sweep, which runs on a worker a moment after each change."""
    qtbot.waitUntil(lambda: not dialog.is_sweeping(), timeout=30_000)


def listed(qtbot, dialog) -> list[str]:
    swept(qtbot, dialog)
    return [dialog.findings.index(row).data() for row in range(dialog.findings.rowCount())]


def choose(qtbot, dialog, starting: str) -> None:
    """Click the row of the sweep list that starts with `starting`."""
    row = next(i for i, text in enumerate(listed(qtbot, dialog)) if text.startswith(starting))
    view = dialog.finding_view
    rect = view.visualRect(dialog.findings.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_sweep_lists_adds_and_leaves_then_the_report_follows(qtbot, open_window, tmp_path):
    maya = next(c for c in open_window.service.clients() if c.code == "ML-01")
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    dialog.client_box.setCurrentIndex(
        dialog.client_box.findText("ML-01", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitExposed(dialog)
    swept(qtbot, dialog)
    assert dialog.sweep_box.isVisible()
    assert "may identify someone" in dialog.sweep_heading.text()
    shown = listed(qtbot, dialog)
    # A run of capitalised words is one finding; the name alone is another.
    assert any(text.startswith("Name? Mr Brennigan (once)") for text in shown), shown
    assert "Name? Brennigan (once)\n“Later Brennigan rang.”" in shown
    assert any(text.startswith("Street address Storgatan 12") for text in shown), shown
    assert not any("Daniel" in text or "Okafor" in text for text in shown)  # another client

    choose(qtbot, dialog, "Name? Brennigan")
    assert dialog.add_term_button.isEnabled()
    qtbot.mouseClick(dialog.add_term_button, Qt.MouseButton.LeftButton)
    assert "Brennigan" in open_window.service.client(maya.id).identifying_terms  # kept
    assert not any("Brennigan" in text for text in listed(qtbot, dialog))  # "Mr Brennigan" too
    replacements = [
        dialog.replacements.index(r).data() for r in range(dialog.replacements.rowCount())
    ]
    assert "Brennigan  →  [ML-01 T2]" in replacements

    choose(qtbot, dialog, "Street address")
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)
    assert not any("Storgatan" in text for text in listed(qtbot, dialog))

    tick(qtbot, dialog.remove_dates)
    assert dialog.remove_dates.isChecked()
    target = tmp_path / "report.docx"
    type_into(qtbot, dialog.target, str(target))
    run_export(qtbot, dialog)
    document = open_docx(target)
    text = all_text(document)
    assert "ML-01 met Mr [ML-01 T2] at Storgatan 12 and saw DX-02 in the waiting room." in text
    assert any(
        "week 30 of therapy" in t or "week 31 of therapy" in t for _s, t in headings(document)
    )
    assert "dates are removed" in text
    assert leaks(target, ["Maya", "Lindqvist", "Brennigan", "Daniel", "Okafor"]) == []

    # Left for this export only: the next export lists it again.
    again = show_dialog(qtbot, SupervisionExportDialog, open_window)
    again.client_box.setCurrentIndex(
        again.client_box.findText("ML-01", Qt.MatchFlag.MatchStartsWith)
    )
    again.start.setDate(dialog.start.date())  # the new period starts today: reach back again
    assert any(text.startswith("Street address Storgatan 12") for text in listed(qtbot, again))


def test_the_lists_show_every_client_replaced_and_several_rows_at_once(qtbot, open_window):
    """Gap (f): the replacements list names the other clients too, and each list shows at
    least five whole rows, at whatever font size."""
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    dialog.client_box.setCurrentIndex(
        dialog.client_box.findText("ML-01", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitExposed(dialog)
    swept(qtbot, dialog)
    view, model = dialog.replacement_view, dialog.replacements
    rows = [model.index(row).data() for row in range(model.rowCount())]
    assert rows[0] == "Maya Lindqvist  →  ML-01"
    assert "Daniel Okafor  →  DX-02  (another client)" in rows
    for shown in (view, dialog.finding_view):
        whole = [
            row
            for row in range(shown.model().rowCount())
            if shown.viewport().rect().contains(shown.visualRect(shown.model().index(row)))
        ]
        assert len(whole) >= min(5, shown.model().rowCount()), whole
    assert len(rows) >= 5


def test_a_code_made_from_the_name_is_warned_of_and_never_rewritten(qtbot, open_window, tmp_path):
    """Point 6: the dialog says the code does not hide who the client is; the code itself stays
    as it is in the report."""
    maya = next(c for c in open_window.service.clients() if c.code == "ML-01")
    open_window.service.save_client(replace(maya, code="MAYA-B"))
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    dialog.client_box.setCurrentIndex(
        dialog.client_box.findText("MAYA-B", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitExposed(dialog)
    wait_for_defaults(qtbot, dialog)
    assert dialog.privacy_hint.isVisible()
    assert "The code MAYA-B itself contains part of the name" in dialog.privacy_hint.text()
    target = tmp_path / "report.docx"
    type_into(qtbot, dialog.target, str(target))
    run_export(qtbot, dialog)
    document = open_docx(target)
    assert document.core_properties.title == "Supervision report MAYA-B"
    assert "MAYA-B met Mr Brennigan" in all_text(document)
    assert leaks(target, ["MAYA-B-B", "Lindqvist"]) == []


def test_each_place_a_name_may_be_the_word_is_decided_on_its_own(qtbot, open_window, tmp_path):
    """Point 3: "Hope" at a sentence's start is listed once per sentence; replacing it in one
    leaves the other as written, and "hope" the word is never touched."""
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    dialog.client_box.setCurrentIndex(
        dialog.client_box.findText("KEVO-52", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitExposed(dialog)
    shown = listed(qtbot, dialog)
    asked = "The client's name, or the word? Hope (once)"
    assert f"{asked}\n“Hope came late.”" in shown
    assert f"{asked}\n“Hope is what she lacks.”" in shown
    row = shown.index(f"{asked}\n“Hope came late.”")
    rect = dialog.finding_view.visualRect(dialog.findings.index(row))
    qtbot.mouseClick(dialog.finding_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.add_term_button.text().replace("&", "") == "Replace it here too"
    qtbot.mouseClick(dialog.add_term_button, Qt.MouseButton.LeftButton)
    assert listed(qtbot, dialog) == [f"{asked}\n“Hope is what she lacks.”"]
    target = tmp_path / "hope.docx"
    type_into(qtbot, dialog.target, str(target))
    run_export(qtbot, dialog)
    text = all_text(open_docx(target))
    assert "KEVO-52 came late. I hope it helps. Hope is what she lacks." in text
