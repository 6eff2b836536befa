"""Correcting sessions as a therapist would: a double-click to edit, the list's context menu to
delete a draft, the Session menu to void a signed one; the list, the counts, the note and the
audit log show what happened."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox

from notes.alliance import BoundaryEvent, BoundaryKind
from notes.observations import Observation
from notes.records import Attendance, Client, ProcessNote, ProgressNote, Session
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    click,
    menu_action,
    visible_text,
)
from ui.main_window import MainWindow
from ui.session.session_dialog import SessionDialog, VoidDialog
from ui.vault.audit_dialog import AuditDialog
from ui.vault_service import VaultService

FIRST = datetime(2026, 10, 5, 9, 0)


def four_sessions(vault: Vault) -> None:
    """RK-01: session 1 signed, 2 a draft with an observation, 3 signed, 4 a no-show."""
    client = ClientRepository(vault).save(Client("RK-01", "Rhea Kowalski", date(2026, 10, 5)))
    sessions, notes = SessionRepository(vault), NoteRepository(vault)
    made = [
        sessions.save(Session(client.id, FIRST + timedelta(weeks=week), attendance=attendance))
        for week, attendance in enumerate(
            (Attendance.ATTENDED, Attendance.ATTENDED, Attendance.ATTENDED, Attendance.NO_SHOW)
        )
    ]
    notes.sign(ProgressNote(made[0].id, "soap", {"subjective": "First meeting."}))
    notes.save_progress_note(ProgressNote(made[1].id, "soap", {"plan": "Call the GP."}))
    category = CategoryRepository(vault).list()[0]
    ObservationRepository(vault).save(Observation(made[1].id, category.kind, category.id))
    notes.sign(ProgressNote(made[2].id, "soap", {"subjective": "Spoke of Lena's wedding."}))
    NoteRepository(vault).save_process_note(ProcessNote(made[2].id, "I felt rushed."))
    # A boundary event on session 3 (voided in some tests) and one outside any session.
    alliance = AllianceRepository(vault)
    alliance.save_boundary_event(
        BoundaryEvent(
            client.id,
            date(2026, 10, 19),
            "gifts",
            BoundaryKind.VIOLATION,
            "Accepted a gift card.",
            session_id=made[2].id,
        )
    )
    alliance.save_boundary_event(
        BoundaryEvent(client.id, date(2026, 10, 1), "time", what_happened="Called at night.")
    )


@pytest.fixture
def window(qtbot, caseload_from):
    main = MainWindow(VaultService(caseload_from(four_sessions)))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.keyClicks(main.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(main.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.workspace)
    choose_client(qtbot, main)
    qtbot.waitUntil(lambda: main.workspace.sessions.rowCount() == 4)
    yield main
    main.service.lock()


def rows(window: MainWindow) -> list[str]:
    model = window.workspace.sessions
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def row_of(window: MainWindow, number: int) -> int:
    """The list's row showing the session with this number (the list is newest first)."""
    return next(i for i, text in enumerate(rows(window)) if text.lstrip().startswith(f"{number}."))


def row_centre(window: MainWindow, row: int) -> QPoint:
    view = window.workspace.session_view
    return view.visualRect(window.workspace.sessions.index(row)).center()


def audit_lines(qtbot, window: MainWindow) -> list[tuple[str, str]]:
    """The audit log as its screen shows it: (action, record), newest first."""
    seen: list[tuple[str, str]] = []

    def read(dialog: AuditDialog) -> None:
        model = dialog.model
        seen.extend(
            (model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())
        )
        dialog.reject()

    answer_dialog(qtbot, read, AuditDialog)
    menu_action(window, "&Audit log…").trigger()
    return seen


def test_a_double_click_corrects_a_session_and_the_counts_follow(qtbot, window):
    workspace = window.workspace
    assert workspace.client_summary.text().endswith("4 sessions · 3 kept · 1 missed or cancelled")
    view = workspace.session_view
    seen: dict[str, object] = {}

    def correct(dialog: SessionDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["date"] = dialog.date.date().toPython()
        seen["attendance"] = dialog.attendance.currentText()
        dialog.attendance.setFocus()
        qtbot.keyClicks(dialog.attendance, "No")  # "No-show"
        dialog.duration.setFocus()
        qtbot.keyClick(dialog.duration, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.duration, "45")
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    answer_dialog(qtbot, correct, SessionDialog)
    at = row_centre(window, row_of(window, 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double-click's
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, row_of(window, 3))
    )

    assert seen == {"title": "Edit session", "date": date(2026, 10, 19), "attendance": "Attended"}
    assert "No-show · Signed" in rows(window)[row_of(window, 3)]
    assert workspace.client_summary.text().endswith("4 sessions · 2 kept · 2 missed or cancelled")
    assert workspace.client_page.timeline.counts.text().startswith("4 sessions: 2 kept, 2 missed")
    assert "No-show" in workspace.editor.title.text()
    assert ("session edited", "RK-01 · session 3") in audit_lines(qtbot, window)


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform, on popups
def test_the_context_menu_deletes_a_draft_after_saying_what_goes(qtbot, window):
    workspace = window.workspace
    view = workspace.session_view
    offered: dict[str, bool] = {}
    question: list[str] = []

    def choose_delete() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose_delete)
            return
        offered.update({a.text(): a.isEnabled() for a in menu.actions()})
        delete = next(a for a in menu.actions() if a.text() == "&Delete session…")
        answer_dialog(qtbot, confirm, QMessageBox)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(delete).center())

    def confirm(box: QMessageBox) -> None:
        question.append(box.text())
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    at = row_centre(window, row_of(window, 2))
    QTimer.singleShot(0, choose_delete)
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)),
    )
    qtbot.waitUntil(lambda: workspace.sessions.rowCount() == 3)

    assert offered == {"Ed&it session…": True, "&Delete session…": True, "&Void session…": False}
    [text] = question
    assert text.startswith("Delete RK-01 · Session 2 · Mon 12 Oct 2026, 09:00?")
    assert "the draft progress note and 1 observation" in text
    # The later sessions move up one; nothing of the draft is left on screen.
    assert [r.split()[0] for r in rows(window)] == ["3.", "2.", "1."]
    assert not any("Call the GP" in r for r in rows(window))
    assert workspace.client_summary.text().endswith("3 sessions · 2 kept · 1 missed or cancelled")
    assert ("session deleted", "RK-01 · session 2") in audit_lines(qtbot, window)


def test_the_session_menu_voids_a_signed_session_with_a_reason(qtbot, window):
    workspace = window.workspace
    view = workspace.session_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, row_of(window, 3))
    )
    qtbot.waitUntil(
        lambda: workspace.editor.session is not None and workspace.editor.session.number == 3
    )
    void, delete = menu_action(window, "&Void session…"), menu_action(window, "&Delete session…")
    assert void.isEnabled() and not delete.isEnabled()
    refused: list[str] = []

    def give_reason(dialog: VoidDialog) -> None:
        void_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert void_button.text() == "&Void session"
        click(qtbot, void_button)  # no reason yet: refused, and the dialog stays
        refused.append(dialog.message.text())
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.reason.lineEdit(), "Entered under the wrong client")
        click(qtbot, void_button)

    answer_dialog(qtbot, give_reason, VoidDialog)
    void.trigger()

    assert refused and "Say why" in refused[0]
    shown = rows(window)
    assert len(shown) == 4  # it stays in the list
    voided_row = next(i for i, text in enumerate(shown) if "Void:" in text)
    assert "Void: Entered under the wrong client" in shown[voided_row]
    assert workspace.sessions.index(voided_row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert [r.split()[0] for r in shown if "Void" not in r] == ["3.", "2.", "1."]
    # It leaves the counts; its signed note is still there to read.
    assert workspace.client_summary.text().endswith("3 sessions · 2 kept · 1 missed or cancelled")
    assert workspace.client_page.timeline.counts.text().startswith("3 sessions: 2 kept, 1 missed")
    assert "Void: Entered under the wrong client" in workspace.editor.title.text()
    assert "Spoke of Lena's wedding." in workspace.editor.section_box("subjective").toPlainText()
    assert not void.isEnabled() and not menu_action(window, "Ed&it session…").isEnabled()
    assert ("session voided", "RK-01 · session 3") in audit_lines(qtbot, window)


def test_a_signed_session_is_never_offered_for_deletion(qtbot, window):
    workspace = window.workspace
    view = workspace.session_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, row_of(window, 1))
    )
    qtbot.waitUntil(
        lambda: workspace.editor.session is not None and workspace.editor.session.number == 1
    )
    assert not menu_action(window, "&Delete session…").isEnabled()
    told: list[str] = []
    answer_dialog(qtbot, lambda box: (told.append(box.text()), box.accept()), QMessageBox)
    workspace.delete_session()  # as a stray shortcut would: it explains, deletes nothing
    assert told and "void it instead" in told[0]
    assert workspace.sessions.rowCount() == 4


def choose_session_3(qtbot, window: MainWindow) -> None:
    """Click session 3 in the list, as a person would, and wait for its note."""
    workspace = window.workspace
    qtbot.mouseClick(
        workspace.session_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=row_centre(window, row_of(window, 3)),
    )
    qtbot.waitUntil(
        lambda: workspace.editor.session is not None and workspace.editor.session.number == 3
    )


def void_session_3(qtbot, window: MainWindow, reason: str = "Entered twice") -> None:
    """Choose session 3 in the list and void it through the Session menu."""
    choose_session_3(qtbot, window)
    workspace = window.workspace

    def give_reason(dialog: VoidDialog) -> None:
        qtbot.keyClicks(dialog.reason.lineEdit(), reason)
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    answer_dialog(qtbot, give_reason, VoidDialog)
    menu_action(window, "&Void session…").trigger()
    qtbot.waitUntil(lambda: workspace.editor.session.void)


def test_a_void_sessions_process_note_is_read_only_and_says_why(qtbot, window):
    void_session_3(qtbot, window)
    editor = window.workspace.editor
    assert editor.process_box.toPlainText() == "I felt rushed."
    editor.process_box.setFocus()
    qtbot.keyClick(editor.process_box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.process_box, " And more.")
    assert editor.process_box.toPlainText() == "I felt rushed."
    assert "read-only: this session is void (Entered twice)" in editor.status.text()
    # Nothing is added to it either: no addendum box, and the menu entry says why not.
    assert editor.addendum_box is None
    editor.addendum_action.trigger()
    assert "this session is void" in editor.status.text()
    # Another session's process note still takes typing.
    choose_session(qtbot, window, row_of(window, 1))
    qtbot.keyClicks(editor.process_box, "Typed.")
    assert editor.process_box.toPlainText().endswith("Typed.")


def test_boundary_events_on_a_void_session_are_shown_void_and_not_counted(qtbot, window):
    section = window.workspace.alliance_sections.boundaries
    shown = lambda: [  # noqa: E731
        section.model.index(r, 0).data() for r in range(section.model.rowCount())
    ]
    assert section.summary.text().startswith("2 recorded, 1 of them violations")
    void_session_3(qtbot, window)
    qtbot.waitUntil(lambda: "void session" in section.summary.text())
    assert section.summary.text() == (
        "1 recorded; 1 not yet taken to supervision; 1 more on a void session, not counted."
    )
    gift = next(r for r, text in enumerate(shown()) if "gift card" in text)
    assert "on a void session, not counted" in shown()[gift]
    assert section.model.index(gift, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    # Like the session, it stays as it was: editing it says why not.
    told: list[str] = []
    answer_dialog(qtbot, lambda box: (told.append(box.text()), box.accept()), QMessageBox)
    section.view.setCurrentIndex(section.model.index(gift, 0))
    section.edit_chosen()
    assert told and "now void" in told[0]


def test_the_void_dialog_keeps_its_reason_over_a_lock(qtbot, window):
    choose_session_3(qtbot, window)
    window.idle.set_timeout_ms(300)

    def half_fill(dialog: VoidDialog) -> None:
        qtbot.keyClicks(dialog.reason.lineEdit(), "A test session for the new")
        window.idle.start()  # then the therapist is called away

    answer_dialog(qtbot, half_fill, VoidDialog)
    menu_action(window, "&Void session…").trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.workspace)
    assert "A test session for the new" not in visible_text(window)

    reopened: list[str] = []

    def finish(dialog: VoidDialog) -> None:
        reopened.append(dialog.reason.currentText())
        qtbot.keyClicks(dialog.reason.lineEdit(), " template")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    answer_dialog(qtbot, finish, VoidDialog)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened == ["A test session for the new"]
    reason = "Void: A test session for the new template"
    qtbot.waitUntil(lambda: any(reason in r for r in rows(window)))
