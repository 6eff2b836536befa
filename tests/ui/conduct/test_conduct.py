"""The conduct check, driven as a therapist would: offered after signing, put off with "later"
and seen as due in the session list, answered from the menu, the prompts reworded and retired,
and the patterns and trend on the client page."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton

from notes.conduct import Answer, ConductAnswer, conduct_trend, default_prompt_set
from notes.dates import recent_months
from notes.records import Attendance, Client, ProgressNote, Session
from storage.clients import ClientRepository
from storage.conduct import ConductRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import (
    answer_dialog,
    choose_client,
    choose_session,
    click,
    press,
    visible_text,
    when_dialog,
)
from ui.client_page.conduct_section import PatternModel
from ui.conduct.check_dialog import ConductDialog
from ui.conduct.offer import ConductOffer
from ui.conduct.prompts_dialog import PromptForm, PromptListModel, PromptSetDialog
from ui.conduct.trend import ConductTrendDialog, TrendModel

# Recent, so the trend across clients (the last six months from today) includes them.
FIRST = datetime.combine(date.today() - timedelta(weeks=7), time(9, 0))
WEEKS = 6


def six_weeks(vault: Vault) -> None:
    """One client, six weekly sessions; the first five signed, four of them with a conduct
    check in which "was my attention theirs" was answered "no" twice."""
    client = ClientRepository(vault).save(Client("ML-01", "Maya Lindqvist", FIRST.date()))
    sessions, notes, conduct = (
        SessionRepository(vault),
        NoteRepository(vault),
        ConductRepository(vault),
    )
    prompts = default_prompt_set()
    for week in range(WEEKS):
        session = sessions.save(Session(client.id, FIRST + timedelta(weeks=week)))
        if week < WEEKS - 1:
            notes.sign(ProgressNote(session.id, "soap", {"plan": "Weekly."}))
        if 0 < week < WEEKS - 1:
            answers = [
                ConductAnswer(p.key, p.group, p.text, Answer.YES)
                for p in prompts.for_session(first_session=False)
            ]
            if week in (2, 4):
                answers[0].answer, answers[0].comment = Answer.NO, "phone buzzed"
            conduct.save_answers(session.id, answers)


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(six_weeks)


@pytest.fixture
def open_window(qtbot, open_window):
    """The unlocked window of tests/ui/conftest.py, on this caseload, with the client chosen."""
    choose_client(qtbot, open_window)
    return open_window


def sign_current_note(qtbot, window) -> None:
    def confirm(box: QMessageBox) -> None:
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    answer_dialog(qtbot, confirm)
    press(qtbot, window, "Ctrl+Shift+S")


def test_signing_marks_the_check_due_and_offers_it_without_blocking(qtbot, open_window):
    workspace, actions = open_window.workspace, open_window.alliance_actions
    choose_session(qtbot, open_window, 0)  # the newest session, still a draft
    qtbot.keyClicks(workspace.editor.section_box("assessment"), "Steadier.")
    sign_current_note(qtbot, open_window)
    qtbot.waitUntil(lambda: actions.offer is not None and actions.offer.isVisible())
    offer = actions.offer
    assert not offer.isModal()
    assert "look back at your own part in session 6 with ML-01" in visible_text(offer)
    # Due at once: ignoring the offer, or choosing "Later", loses nothing.
    assert "Signed · conduct due" in workspace.sessions.index(0).data()
    assert "conduct due" not in workspace.sessions.index(1).data()
    qtbot.keyClicks(workspace.editor.addendum_box, "Still writing while it waits.")
    click(qtbot, offer.later)
    qtbot.waitUntil(lambda: actions.offer is None)
    assert "conduct due" in workspace.sessions.index(0).data()
    workspace.tabs.setCurrentWidget(workspace.client_page)
    assert "1 check is still due" in visible_text(workspace.alliance_sections.conduct)


def test_signing_the_note_of_a_missed_session_offers_nothing(qtbot, open_window):
    workspace, actions = open_window.workspace, open_window.alliance_actions
    client = workspace.current_client()
    missed = Session(client.id, FIRST + timedelta(weeks=WEEKS), attendance=Attendance.NO_SHOW)
    open_window.service.save_session(missed)
    choose_session(qtbot, open_window, 0)
    assert workspace.editor.session.attendance is Attendance.NO_SHOW
    sign_current_note(qtbot, open_window)
    qtbot.waitUntil(lambda: "No-show · Signed" in workspace.sessions.index(0).data())
    assert actions.offer is None
    assert "conduct due" not in workspace.sessions.index(0).data()


def test_answer_now_from_the_offer(qtbot, open_window):
    workspace, actions = open_window.workspace, open_window.alliance_actions
    choose_session(qtbot, open_window, 0)
    sign_current_note(qtbot, open_window)
    qtbot.waitUntil(lambda: actions.offer is not None and actions.offer.isVisible())

    def answer(dialog: ConductDialog) -> None:
        click(qtbot, dialog.row("trust.noticed").buttons[Answer.YES])
        click(qtbot, dialog.save_button)

    when_dialog(qtbot, ConductDialog, answer)
    click(qtbot, actions.offer.now)
    qtbot.waitUntil(lambda: "conduct due" not in workspace.sessions.index(0).data())
    answers = open_window.service.conduct_check(workspace.editor.session.id).answers
    assert [(a.prompt_key, a.answer) for a in answers] == [("trust.noticed", Answer.YES)]


def test_locking_closes_the_offer(qtbot, open_window):
    actions = open_window.alliance_actions
    choose_session(qtbot, open_window, 0)
    sign_current_note(qtbot, open_window)
    qtbot.waitUntil(lambda: actions.offer is not None and actions.offer.isVisible())
    press(qtbot, open_window, "Ctrl+L")
    qtbot.waitUntil(lambda: actions.offer is None)
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not any(isinstance(w, ConductOffer) for w in visible)
    assert "ML-01" not in visible_text(open_window)


def test_answering_from_the_menu_clears_the_mark_and_keeps_the_wording(qtbot, open_window):
    workspace, service = open_window.workspace, open_window.service
    choose_session(qtbot, open_window, 0)
    session = workspace.editor.session
    service.mark_conduct_due(session)
    qtbot.waitUntil(lambda: "conduct due" in workspace.sessions.index(0).data())

    def answer(dialog: ConductDialog) -> None:
        assert not dialog.save_button.isEnabled()  # nothing answered yet
        row = dialog.row("interest.presence")
        click(qtbot, row.buttons[Answer.PARTLY])
        qtbot.keyClicks(row.comment, "glanced at the clock")
        click(qtbot, dialog.row("empathy.remarks").buttons[Answer.YES])
        assert "2 of" in dialog.counter.text()
        click(qtbot, dialog.save_button)

    when_dialog(qtbot, ConductDialog, answer)
    press(qtbot, open_window, "Ctrl+Shift+K")
    qtbot.waitUntil(lambda: "conduct due" not in workspace.sessions.index(0).data())
    check = service.conduct_check(session.id)
    assert [(a.prompt_key, a.answer, a.comment) for a in check.answers] == [
        ("interest.presence", Answer.PARTLY, "glanced at the clock"),
        ("empathy.remarks", Answer.YES, ""),
    ]
    assert check.answers[0].prompt_text.startswith("Was I present with them")


def test_a_first_session_is_asked_the_stronger_understanding_prompts(qtbot, open_window):
    choose_session(qtbot, open_window, WEEKS - 1)  # the oldest: session 1
    shown = []

    def look(dialog: ConductDialog) -> None:
        shown.append(visible_text(dialog))
        click(qtbot, dialog.later_button)

    when_dialog(qtbot, ConductDialog, look)
    press(qtbot, open_window, "Ctrl+Shift+K")
    qtbot.waitUntil(lambda: bool(shown))
    assert "Even at this first meeting" in shown[0]
    assert "First sessions have their own questions" in shown[0]
    # "Later" from the menu is remembered too.
    qtbot.waitUntil(lambda: "conduct due" in open_window.workspace.sessions.index(WEEKS - 1).data())


def test_rewording_and_retiring_prompts_leaves_past_answers_alone(qtbot, open_window):
    service = open_window.service
    section = open_window.workspace.alliance_sections.conduct
    open_window.workspace.tabs.setCurrentWidget(open_window.workspace.client_page)
    edit = next(
        b
        for b in section.findChildren(QPushButton)
        if b.text().replace("&", "") == "Adjust prompts…"
    )

    def reword(form: PromptForm) -> None:
        form.text.selectAll()
        qtbot.keyClicks(form.text, "Did I keep my eyes on them, not the clock?")
        click(qtbot, form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))

    def edit_set(dialog: PromptSetDialog) -> None:
        rows = dialog.model.items()
        presence = next(i for i, p in enumerate(rows) if p.key == "interest.presence")
        undistracted = next(i for i, p in enumerate(rows) if p.key == "interest.undistracted")
        for row, then in ((presence, dialog.edit_button), (undistracted, dialog.retire_button)):
            rect = dialog.view.visualRect(dialog.model.index(row))
            qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            if then is dialog.edit_button:
                when_dialog(qtbot, PromptForm, reword)
            click(qtbot, then)
        assert dialog.retire_button.text().replace("&", "") == "Bring back"
        assert "retired" in dialog.model.index(undistracted).data()
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    when_dialog(qtbot, PromptSetDialog, edit_set)
    click(qtbot, edit)

    prompts = service.conduct_prompts()
    assert prompts.prompt("interest.presence").text == "Did I keep my eyes on them, not the clock?"
    assert prompts.prompt("interest.undistracted").retired
    earlier = service.conduct_checks(open_window.workspace.current_client().id)[0]
    assert earlier.answer_for("interest.presence").prompt_text.startswith("Was I present")
    # The retired prompt no longer makes a pattern, though it was answered "no" twice.
    assert "Nothing came up more than once" in section.summary.text()


def test_patterns_and_the_trend_across_clients(qtbot, open_window):
    section = open_window.workspace.alliance_sections.conduct
    open_window.workspace.tabs.setCurrentWidget(open_window.workspace.client_page)
    text = visible_text(section)
    assert "In your last 4 checks with ML-01, these came up more than once" in text
    assert "Interest and attention" in text
    assert "“no” or “partly” in 2 of your last 4 checks" in text
    assert "phone out of reach" in text  # the group's kind suggestion

    trend = next(
        b
        for b in section.findChildren(QPushButton)
        if "across clients" in b.text().replace("&", "")
    )
    seen = []

    def look(dialog: ConductTrendDialog) -> None:
        model = dialog.model
        headers = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
        seen.append(
            {
                header: [model.index(row, c).data() for c in range(model.columnCount())]
                for row, header in enumerate(headers)
            }
        )
        seen.append(dialog.basis.text())
        dialog.reject()

    when_dialog(qtbot, ConductTrendDialog, look)
    click(qtbot, trend)
    cells, basis = seen
    assert basis.startswith("Based on 4 answered checks")
    assert set(cells) >= {"Interest and attention", "Empathy", "Trust"}
    assert any(cell.endswith("%") and cell != "100%" for cell in cells["Interest and attention"])
    assert "100%" in cells["Empathy"] and "–" in cells["Empathy"]  # a month without sessions


def test_the_models_pass_the_model_tester(qtmodeltester, open_window):
    prompts = open_window.service.conduct_prompts()
    model = PromptListModel(prompts)
    model.set_items(prompts.prompts)
    qtmodeltester.check(model)
    patterns = PatternModel()
    patterns.set_items(open_window.workspace.alliance_sections.conduct.model.items())
    qtmodeltester.check(patterns)
    trend = TrendModel()
    months = recent_months(date.today(), 3)
    checks = open_window.service.conduct_checks_since(datetime.combine(months[0], time()))
    trend.set_trend(conduct_trend(checks, prompts, months), months)
    qtmodeltester.check(trend)
    first_row = [trend.index(0, column).data() for column in range(3)]
    assert any(cell.endswith("%") for cell in first_row)
    assert QApplication.activeModalWidget() is None
