"""Outcome measures driven as a therapist and a client would: PHQ-9 entered for a session with
item 9 shown at once and a risk note offered; client mode that no key or click reaches past;
the client page's section with scores, bands, reliable change, flags and the timeline table."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from notes.alliance import AllianceRating, Repair, Rupture, RuptureKind
from notes.measures.scoring import AnsweredBy, MeasureResponse
from notes.records import Attendance, Client, Session
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.measures import MeasureRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    choose_client,
    choose_session,
    click,
    menu_action,
    press,
    when_dialog,
)
from ui.measures.calibration_dialog import CalibrationDialog
from ui.measures.client_mode import ClientMode
from ui.measures.entry_dialog import MeasuresDialog
from ui.measures.flag_notice import RiskNoteDialog

FIRST = datetime(2025, 11, 3, 10, 0)
GAD_START = {
    "nervous": 3,
    "control_worrying": 2,
    "worrying_too_much": 2,
    "relaxing": 2,
    "restless": 1,
    "irritable": 1,
    "afraid": 1,
}  # fmt: skip  (12, moderate)


def lena(vault: Vault) -> None:
    """Lena: three sessions; GAD-7 12 at the first, her own alliance check at the first."""
    client = ClientRepository(vault).save(Client("LB-02", "Lena Brandt", FIRST.date()))
    sessions = SessionRepository(vault)
    saved = [
        sessions.save(Session(client.id, FIRST + timedelta(weeks=w), attendance=a))
        for w, a in enumerate((Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.ATTENDED))
    ]
    MeasureRepository(vault).save(MeasureResponse(saved[0].id, "gad7", GAD_START))
    AllianceRepository(vault).save_rating(AllianceRating(saved[0].id, {"comfortable": 6}, {}))


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(lena)


@pytest.fixture
def window(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)  # session 3, the newest
    return open_window


def answer(qtbot, form, values: dict[str, int]) -> None:
    for key, value in values.items():
        click(qtbot, form.buttons[key][value])


PHQ = {
    "interest": 2,
    "down": 2,
    "sleep": 1,
    "tired": 2,
    "appetite": 1,
    "feeling_bad": 1,
    "concentrating": 1,
    "moving": 0,
}  # fmt: skip  (10 before item 9)


def test_phq9_entered_shows_item_9_at_once_and_offers_a_risk_note(qtbot, window):
    seen = {}

    def offer(box: QMessageBox) -> None:
        seen["offer"] = box.text()
        click(
            qtbot, next(b for b in box.buttons() if b.text().replace("&", "") == "Add a risk note…")
        )

    def note(dialog: RiskNoteDialog) -> None:
        seen["draft"] = dialog.box.toPlainText()
        dialog.box.moveCursor(dialog.box.textCursor().MoveOperation.End)
        qtbot.keyClicks(dialog.box, "Talked it through; no plan or intent.")
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    def enter(dialog: MeasuresDialog) -> None:
        assert dialog.session.currentText().startswith("Session 3")
        phq = dialog.forms[0]
        answer(qtbot, phq, PHQ)
        seen["before"] = dialog.notice.isVisible()
        answer(qtbot, phq, {"thoughts_of_death": 1})
        seen["notice"] = dialog.notice.isVisible() and dialog.notice.text.text()
        click(qtbot, phq.buttons["difficulty"][1])
        seen["scores"] = dialog.scores.text()
        when_dialog(qtbot, QMessageBox, offer)
        when_dialog(qtbot, RiskNoteDialog, note)
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    when_dialog(qtbot, MeasuresDialog, enter)
    press(qtbot, window, "Ctrl+Shift+M")
    qtbot.waitUntil(lambda: "draft" in seen)
    assert seen["before"] is False
    assert seen["notice"].startswith("PHQ-9 item 9: the client answered “Several days” to thoughts")
    assert seen["scores"].startswith("PHQ-9 11 · Moderate")
    assert "not a diagnosis" in seen["offer"]
    assert seen["draft"].startswith("Risk note, session 3: on PHQ-9 item 9")
    service = window.service
    session = window.workspace.editor.session
    qtbot.waitUntil(lambda: "no plan or intent" in service.progress_note(session.id).text())
    [saved] = [m for m in service.session_measures(session.id) if m.instrument_key == "phq9"]
    assert (saved.score, saved.closing, saved.answered_by) == (11, "somewhat", AnsweredBy.THERAPIST)
    section = window.workspace.measures_section
    qtbot.waitUntil(lambda: "PHQ-9: 11 (Moderate) in session 3" in section.summary.text())
    assert "Session 3: PHQ-9 item 9" in section.flags.text()
    rows = section.model.rows
    assert ("03 Nov 2025", "1", "GAD-7", "12 of 21 · Moderate") in rows
    assert ("10 Nov 2025", "2", "Missed session", "No-show") in rows


def _shortcuts(window) -> list[QKeySequence]:
    keys = {a.shortcut().toString(): a.shortcut() for a in window.findChildren(QAction)}
    keys.pop("", None)
    keys.pop("Ctrl+L", None)  # the lock key: it locks the vault, which ends client mode
    return list(keys.values())


def test_client_mode_reaches_nothing_of_the_vault_and_keeps_the_clients_answers(qtbot, window):
    triggered: list[str] = []
    for action in window.findChildren(QAction):
        action.triggered.connect(lambda _c=False, a=action: triggered.append(a.text()))
    seen = {}

    def escape_attempts(page: ClientMode) -> None:
        qtbot.waitUntil(page.isVisible)
        seen["workspace hidden"] = not window.workspace.isVisible()
        seen["fullscreen"] = page.isFullScreen()
        target = QApplication.focusWidget() or page
        for sequence in _shortcuts(window):
            combo = sequence[0]
            qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())
        for key, modifiers in (
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_F10, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier),  # the menus' mnemonics
            (Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier),
        ):
            qtbot.keyClick(target, key, modifiers)
        page.close()
        qtbot.mouseClick(window.menuBar(), Qt.MouseButton.LeftButton)
        seen["still open"] = page.isVisible()
        seen["popup"] = QApplication.activePopupWidget()
        seen["modal"] = QApplication.activeModalWidget() is page
        # Now the client answers, by click and by keyboard.
        click(
            qtbot,
            next(
                b
                for b in page.pages.currentWidget().findChildren(
                    type(page.forms[0].buttons["interest"][0])
                )
                if b.text().replace("&", "") == "Start"
            ),
        )
        answer(qtbot, page.forms[0], {**PHQ, "thoughts_of_death": 0})
        page.next_page()
        answer(qtbot, page.forms[1], {k: 0 for k in GAD_START})
        page.next_page()
        click(qtbot, page.alliance["comfortable"].button(9))
        click(qtbot, page.alliance["on_side"].button(8))
        page.next_page()
        qtbot.keyClicks(page.passphrase, "not it")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        seen["refused"] = page.refusal.text()
        seen["open after wrong passphrase"] = page.isVisible()
        qtbot.keyClicks(page.passphrase, STRONG_PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)

    when_dialog(qtbot, ClientMode, escape_attempts)
    press(qtbot, window, "Ctrl+Shift+H")
    qtbot.waitUntil(lambda: "open after wrong passphrase" in seen)
    assert triggered == ["&Hand to the client…"]  # only the key that opened it
    assert seen == {
        "workspace hidden": True,
        "fullscreen": True,
        "still open": True,
        "popup": None,
        "modal": True,
        "refused": "That is not the passphrase.",
        "open after wrong passphrase": True,
    }
    qtbot.waitUntil(lambda: window.workspace.isVisible())
    service = window.service
    session = window.workspace.editor.session
    by_key = {m.instrument_key: m for m in service.session_measures(session.id)}
    assert by_key["phq9"].answered_by is AnsweredBy.CLIENT and by_key["phq9"].score == 10
    assert by_key["gad7"].score == 0
    assert service.alliance_rating(session.id).client == {"comfortable": 9, "on_side": 8}
    section = window.workspace.measures_section
    qtbot.waitUntil(lambda: "GAD-7: 0 (Minimal) in session 3" in section.summary.text())
    # 12 → 0 with S_diff = 3.41·√(2·0.11) = 1.599: RC −7.50, below the cut-off of 10.
    assert "12 → 0 (RC -7.50): reliable improvement, clinically significant" in (
        section.summary.text()
    )
    assert "answered by the client" in section.summary.text()


def test_idle_lock_ends_client_mode_and_keeps_what_was_answered(qtbot, window):
    seen = {}

    def answer_then_idle(page: ClientMode) -> None:
        qtbot.waitUntil(page.isVisible)
        page.next_page()
        answer(qtbot, page.forms[0], {"interest": 1, "down": 1})
        window.auto_lock()  # what the idle watcher calls
        seen["closed"] = True

    when_dialog(qtbot, ClientMode, answer_then_idle)
    press(qtbot, window, "Ctrl+Shift+H")
    qtbot.waitUntil(lambda: not window.service.is_unlocked)
    assert seen == {"closed": True}
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.workspace.isVisible()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    kept = [m for c in window.service.clients() for m in window.service.measures(c.id)]
    assert [
        (m.instrument_key, m.answers, m.answered_by)
        for m in kept
        if m.answered_by.value == "client"
    ] == [("phq9", {"interest": 1, "down": 1}, AnsweredBy.CLIENT)]


def test_the_rupture_itself_says_whether_the_repair_held(qtbot, window):
    service = window.service
    client = window.workspace.current_client()
    sessions = service.sessions(client.id)
    for session, score in zip(sessions, (6, 6, 8), strict=True):
        service.save_alliance_rating(AllianceRating(session.id, {"comfortable": score}), client.id)
    service.save_rupture(
        Rupture(sessions[1].id, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED), client.id
    )
    model = window.workspace.alliance_sections.alliance.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    text = model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "Client's check before: 6.0; after the repair: 8.0." in text
    assert "Only 1 of 3 sessions after so far. It held: 8.0 after against 6.0 before." in text


def test_my_alliance_estimates_across_clients_by_month(qtbot, window):
    service = window.service
    client = window.workspace.current_client()
    for session in service.sessions(client.id):
        rating = AllianceRating(
            session.id, {"comfortable": 5, "free": 6}, {"comfortable": 8, "free": 8}
        )
        service.save_alliance_rating(rating, client.id)
    seen = {}

    def read(dialog: CalibrationDialog) -> None:
        seen["overall"] = dialog.overall.text()
        seen["months"] = dialog.months.text()
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
        )

    when_dialog(qtbot, CalibrationDialog, read)
    menu_action(window, "My alliance estimates across clients…").trigger()
    qtbot.waitUntil(lambda: "months" in seen)
    # Three checks (all in November), each 2.5 above the client (3 and 2): under the five
    # checks the kind note needs.
    assert seen["overall"].startswith("3 checks: your estimate averages +2.5 against the clients'")
    assert "Your estimates run above" not in seen["overall"]
    assert seen["months"] == (
        "Nov 2025: 3 checks: your estimate averages +2.5 against the clients' own ratings; "
        "100% over by more than 1, 0% under by more than 1."
    )
