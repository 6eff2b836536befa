"""The export dialogs, driven as a therapist would: choose, confirm, export, read the file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from notes.dates import months_before
from notes.records import Attendance, Client, ProcessNote, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import all_text, headings, leaks, open_docx
from tests.ui.helpers import STRONG_PASSPHRASE, answer_dialog, press, visible_text
from ui.main_window import MainWindow
from ui.reports.export_dialog import (
    RecordExportDialog,
    ReplacementListModel,
    SupervisionExportDialog,
)
from ui.vault_service import VaultService

NAME_WORDS = ["Maya", "Lindqvist", "Jonas", "Uppsala"]


def maya_and_her_people(vault: Vault) -> None:
    """Maya, with recent sessions whose notes name her and the people in her life."""
    clients, sessions, notes = (
        ClientRepository(vault),
        SessionRepository(vault),
        NoteRepository(vault),
    )
    maya = clients.save(
        Client(
            "ML-01",
            "Maya Lindqvist",
            date.today() - timedelta(weeks=30),
            ["Jonas", "Uppsala"],
            "Low mood after Maya lost her job in Uppsala.",
        )
    )
    first = datetime.combine(date.today() - timedelta(weeks=3), datetime.min.time())
    for week in range(3):
        attendance = Attendance.NO_SHOW if week == 1 else Attendance.ATTENDED
        session = sessions.save(
            Session(maya.id, first + timedelta(weeks=week, hours=9), attendance=attendance)
        )
        notes.sign(
            ProgressNote(session.id, "soap", {"subjective": f"Maya's week {week}; Jonas called."})
        )
        notes.save_process_note(ProcessNote(session.id, f"I felt protective of Maya ({week})."))


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(maya_and_her_people)


@pytest.fixture
def open_window(open_window):
    """The unlocked window of tests/ui/conftest.py, on this caseload, with Maya chosen."""
    open_window.workspace.select_client(open_window.service.clients()[0].id)
    return open_window


def click(qtbot, box: QMessageBox, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    seen.append(box.text())
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def answer(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` on the next message box once it opens, noting its text in `seen`."""
    answer_dialog(qtbot, lambda box: click(qtbot, box, button, seen), QMessageBox)


def show_dialog(qtbot, kind: type, window):
    """An export dialog of `kind` over the window, shown, its defaults in place."""
    dialog = kind(window.service, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_defaults(qtbot, dialog)
    return dialog


def wait_for_defaults(qtbot, dialog) -> None:
    """As a person waits for Export to light up: the supervision report dialog reads its
    defaults on a worker."""
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=20_000)


def tick(qtbot, box) -> None:
    """Click a check box on its square, where a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def tick_and_answer(qtbot, box, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Tick a check box that asks a question first, and answer it with `button`."""
    asked = len(seen)
    answer(qtbot, button, seen)
    tick(qtbot, box)
    qtbot.waitUntil(lambda: len(seen) > asked)


def type_into(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def run_export(qtbot, dialog, button=QMessageBox.StandardButton.No) -> list[str]:
    """Click Export, wait for the worker, and answer the message it ends with; returns its text."""
    seen: list[str] = []
    answer(qtbot, button, seen)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    return seen


def test_supervision_report_from_the_menu_is_de_identified(qtbot, open_window, tmp_path):
    target = tmp_path / "out" / "for supervision.docx"
    target.parent.mkdir()
    shown: dict[str, object] = {}

    def operate(dialog: SupervisionExportDialog) -> None:
        wait_for_defaults(qtbot, dialog)
        assert dialog.deidentify.isChecked()
        replacements = [dialog.replacements.index(r).data() for r in range(3)]
        assert replacements[0] == "Maya Lindqvist  →  ML-01"
        assert "The last three months" in dialog.period_hint.text()
        type_into(qtbot, dialog.target, str(target))
        qtbot.keyClicks(dialog.therapist, "Dr Ann Example")
        qtbot.keyClicks(dialog.supervisor, "Jo Super")
        qtbot.keyClicks(dialog.questions, "Am I rescuing Maya?")
        shown["question"] = run_export(qtbot, dialog)
        shown["status"] = dialog.message.text()
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Close), Qt.MouseButton.LeftButton
        )

    answer_dialog(qtbot, operate, SupervisionExportDialog)
    press(qtbot, open_window, "Ctrl+Shift+E")
    qtbot.waitUntil(lambda: "status" in shown, timeout=20_000)

    assert shown["question"] == [
        f"Saved as for supervision.docx in {target.parent}.\n\nOpen the folder?"
    ]
    assert shown["status"] == f"Saved as {target}"
    document = open_docx(target)
    assert headings(document)[0] == ("Title", "Supervision report: ML-01")
    assert [text for style, text in headings(document) if style == "Heading 1"] == [
        "Questions for supervision",  # first, where a supervisor looks
        "Case summary",
        "Session by session",
        "Vault seal",
    ]
    assert len(document.inline_shapes) == 1  # the attendance chart
    text = all_text(document)
    assert "Supervisor: Jo Super" in text and "Am I rescuing ML-01?" in text
    assert "I felt protective of ML-01 (0)." in text  # process notes are in by default
    assert leaks(target, NAME_WORDS) == []
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no partial file left

    # A second report the same day is not offered an empty period (today to today): it
    # starts where the first one did; the names are remembered.
    again = SupervisionExportDialog(open_window.service, parent=open_window)
    qtbot.addWidget(again)
    wait_for_defaults(qtbot, again)
    assert again.start.date().toPython() == months_before(date.today(), 3)
    assert "The last three months" in again.period_hint.text()
    assert again.supervisor.text() == "Jo Super"
    assert again.target.text().startswith(str(target.parent))


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_identified_report_needs_a_confirmation_and_opens_the_folder(qtbot, open_window, tmp_path):
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    seen: list[str] = []
    tick_and_answer(qtbot, dialog.deidentify, QMessageBox.StandardButton.No, seen)
    assert "Export with the client's name?" in seen[0]
    assert dialog.deidentify.isChecked()  # "No" keeps the report de-identified

    tick_and_answer(qtbot, dialog.deidentify, QMessageBox.StandardButton.Yes, seen)
    assert not dialog.deidentify.isChecked()
    assert "will name the client" in dialog.privacy_hint.text()

    for section in ("include_process_notes", "include_summary"):
        tick(qtbot, dialog.findChild(type(dialog.deidentify), section))
    target = tmp_path / "named.docx"
    type_into(qtbot, dialog.target, str(target))
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        run_export(qtbot, dialog, QMessageBox.StandardButton.Yes)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [QUrl.fromLocalFile(str(tmp_path))]
    document = open_docx(target)
    assert headings(document)[0] == ("Title", "Supervision report: Maya Lindqvist (ML-01)")
    assert "Case summary" not in [text for _style, text in headings(document)]
    text = all_text(document)
    assert "Maya's week 0; Jonas called." in text and "I felt protective" not in text
    audit = open_window.service.report_data()._vault.read(
        "SELECT action FROM audit_log WHERE action LIKE '%exported'"
    )
    assert audit == [("identified supervision report exported",)]


def test_a_folder_it_cannot_write_to_is_explained_then_a_file_is_replaced_whole(
    qtbot, open_window, tmp_path
):
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    type_into(qtbot, dialog.target, str(tmp_path / "missing" / "report.docx"))
    seen = run_export(qtbot, dialog, QMessageBox.StandardButton.Ok)
    assert "does not exist" in seen[0]
    assert "does not exist" in dialog.message.text()
    assert dialog.export_button.isEnabled()  # the therapist can choose again
    assert not (tmp_path / "missing").exists()

    folder = tmp_path / "reports"
    folder.mkdir()
    existing = folder / "report.docx"
    existing.write_bytes(b"last month's report")
    type_into(qtbot, dialog.target, str(existing))
    run_export(qtbot, dialog)
    assert existing.read_bytes().startswith(b"PK")  # replaced whole by the new .docx
    assert [p.name for p in folder.iterdir()] == ["report.docx"]


def test_record_export_withholds_process_notes_unless_confirmed(qtbot, open_window, tmp_path):
    dialog = show_dialog(qtbot, RecordExportDialog, open_window)
    seen: list[str] = []
    tick_and_answer(qtbot, dialog.process_notes, QMessageBox.StandardButton.No, seen)
    assert "normally withheld" in seen[0] and "164.501" in seen[0]
    assert not dialog.process_notes.isChecked()

    target = tmp_path / "record.docx"
    type_into(qtbot, dialog.target, str(target))
    run_export(qtbot, dialog)
    text = all_text(open_docx(target))
    assert "Clinical record: Maya Lindqvist" in text
    assert "Maya's week 2; Jonas called." in text
    assert "I felt protective" not in text

    tick_and_answer(qtbot, dialog.process_notes, QMessageBox.StandardButton.Yes, seen)
    assert dialog.process_notes.isChecked()
    run_export(qtbot, dialog)
    assert "I felt protective of Maya (1)." in all_text(open_docx(target))


def test_locking_closes_the_dialog_and_forgets_the_client(qtbot, open_window):
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    qtbot.keyClicks(dialog.questions, "About Maya")
    assert "Maya Lindqvist" in visible_text(dialog)
    open_window.lock()
    assert not dialog.isVisible()
    assert dialog.client_box.count() == 0 and dialog.replacements.rowCount() == 0
    assert dialog.questions.toPlainText() == ""


def test_replacement_list_model(qtmodeltester):
    from notes.deidentify import Deidentifier

    model = ReplacementListModel()
    model.set_items(Deidentifier("ML-01", "Maya Lindqvist", ["Jonas"]).replacements())
    qtmodeltester.check(model)
    assert model.index(3).data() == "Jonas  →  [ML-01 T1]"


@pytest.mark.parametrize("kind", [RecordExportDialog, SupervisionExportDialog])
def test_enter_exports_and_the_end_is_announced(qtbot, open_window, tmp_path, monkeypatch, kind):
    from tests.ui.accessibility_events import accessibility_events
    from ui.reports import export_dialog

    pickers: list[str] = []
    monkeypatch.setattr(export_dialog, "save_file", lambda *args: pickers.append("picker"))
    dialog = show_dialog(qtbot, kind, open_window)
    qtbot.waitExposed(dialog)
    target = tmp_path / "by enter.docx"
    type_into(qtbot, dialog.target, str(target))
    seen: list[str] = []
    with accessibility_events() as events:
        answer(qtbot, QMessageBox.StandardButton.No, seen)
        qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert pickers == [] and target.exists()
    said = [texts[0] for event_kind, texts in events if event_kind == event_kind.Announcement]
    assert f"Saved as {target}" in said


LONG_AGO = "First meeting: she came because of the move."
DRAFT = "Half-written thoughts, not yet signed."


def a_long_record_with_a_draft(vault: Vault) -> None:
    """A client seen first fourteen months ago (before any three-month default), whose latest
    note is an unsigned draft."""
    clients, sessions, notes = (
        ClientRepository(vault),
        SessionRepository(vault),
        NoteRepository(vault),
    )
    start = date.today() - timedelta(weeks=61)
    client = clients.save(Client("RK-01", "Rana Karimi", start))
    first = sessions.save(Session(client.id, datetime.combine(start, datetime.min.time())))
    notes.sign(ProgressNote(first.id, "soap", {"subjective": LONG_AGO}))
    latest = sessions.save(Session(client.id, datetime.now() - timedelta(days=2)))
    notes.save_progress_note(ProgressNote(latest.id, "soap", {"subjective": DRAFT}))


def test_record_export_is_the_whole_signed_record_ending_with_a_signature_line(
    qtbot, caseload_from, tmp_path
):
    path = caseload_from(a_long_record_with_a_draft)
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    window.service.unlock(STRONG_PASSPHRASE)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    try:
        dialog = show_dialog(qtbot, RecordExportDialog, window)
        first = date.today() - timedelta(weeks=61)
        assert dialog.start.date().toPython() == first  # the whole record by default
        assert dialog.end.date().toPython() == date.today()
        assert "whole record" in visible_text(dialog)
        assert not dialog.drafts.isChecked()
        type_into(qtbot, dialog.therapist, "Dr Lena Berg")
        target = tmp_path / "record.docx"
        type_into(qtbot, dialog.target, str(target))
        run_export(qtbot, dialog)
        document = open_docx(target)
        text = all_text(document)
        assert LONG_AGO in text
        assert DRAFT not in text
        assert "unsigned draft and is not part of this record" in text
        last = [p.text for p in document.paragraphs if p.text.strip()][-3:]
        assert last[0] == "Therapist: Dr Lena Berg"
        assert last[1].startswith("Date: ") and str(date.today().year) in last[1]
        assert last[2].startswith("Signature: ____")
        assert window.service.report_therapist() == "Dr Lena Berg"  # offered next time

        tick(qtbot, dialog.drafts)
        run_export(qtbot, dialog)
        text = all_text(open_docx(target))
        assert DRAFT in text and "draft note" in text
    finally:
        window.service.lock()


def test_the_questions_start_from_the_supervision_page_and_new_ones_are_kept_there(
    qtbot, open_window, tmp_path
):
    from notes.supervision import ItemKind, Question

    service = open_window.service
    maya = service.clients()[0]
    service.add_supervision_question(Question(maya.id, "Am I rescuing Maya?", date.today()))
    dialog = show_dialog(qtbot, SupervisionExportDialog, open_window)
    assert dialog.questions.toPlainText() == "Am I rescuing Maya?"

    dialog.questions.moveCursor(dialog.questions.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.questions, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.questions, "Why do I dread her Monday slot?")
    type_into(qtbot, dialog.target, str(tmp_path / "report.docx"))
    run_export(qtbot, dialog)

    text = all_text(open_docx(tmp_path / "report.docx"))
    assert "Am I rescuing ML-01?" in text and "Why do I dread her Monday slot?" in text
    assert text.count("Am I rescuing ML-01?") == 1  # not again under "not yet discussed"
    asked = [
        item.detail
        for item in service.supervision_candidates([maya.id])
        if item.item.kind is ItemKind.QUESTION
    ]
    assert asked == ["Am I rescuing Maya?", "Why do I dread her Monday slot?"]
    again = show_dialog(qtbot, SupervisionExportDialog, open_window)
    assert again.questions.toPlainText().splitlines() == asked
