"""The working alliance on the client page, driven as a therapist would: an alliance check typed
in beside their own estimate, a drop that suggests a rupture, the rupture and its repair, the
contract terms, goals and boundary events."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QSpinBox

from notes.alliance import (
    AllianceRating,
    BoundaryEvent,
    BoundaryKind,
    Goal,
    Repair,
    Rupture,
    RuptureKind,
)
from notes.records import Attendance, Client, Session
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    choose_client,
    choose_session,
    click,
    press,
    visible_text,
    when_dialog,
)
from ui.alliance.check_dialog import AllianceDialog
from ui.alliance.rupture_dialog import RuptureDialog
from ui.client_page.alliance_section import RuptureModel
from ui.client_page.boundary_section import BoundaryDialog, BoundaryModel
from ui.client_page.contract_section import ContractModel, ContractTermDialog
from ui.client_page.goals_section import GoalDialog, GoalModel

FIRST = datetime(2026, 9, 7, 17, 0)


def daniel(vault: Vault) -> None:
    """Daniel: four sessions (the third a no-show); the first two rated high by him."""
    client = ClientRepository(vault).save(Client("DO-01", "Daniel Okafor", FIRST.date()))
    sessions = SessionRepository(vault)
    saved = [
        sessions.save(Session(client.id, FIRST + timedelta(weeks=week), attendance=attendance))
        for week, attendance in enumerate(
            (Attendance.ATTENDED, Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.ATTENDED)
        )
    ]
    alliance = AllianceRepository(vault)
    for session in saved[:2]:
        alliance.save_rating(AllianceRating(session.id, {"comfortable": 8, "free": 8}, {}))


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(daniel)


@pytest.fixture
def window(qtbot, open_window):
    """The unlocked window of tests/ui/conftest.py, on this caseload, with Daniel chosen."""
    choose_client(qtbot, open_window)
    return open_window


def sections(window):
    window.workspace.tabs.setCurrentWidget(window.workspace.client_page)
    return window.workspace.alliance_sections


def button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text)


def type_score(qtbot, box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, str(value))


def save(qtbot, dialog) -> None:
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def test_an_alliance_check_beside_my_estimate_and_the_difference(qtbot, window):
    choose_session(qtbot, window, 0)  # session 4, not rated yet
    seen = {}

    def rate(dialog: AllianceDialog) -> None:
        assert dialog.session.currentText().startswith("Session 4")
        type_score(qtbot, dialog.client_boxes["comfortable"], 7)
        type_score(qtbot, dialog.therapist_boxes["comfortable"], 9)
        type_score(qtbot, dialog.client_boxes["on_side"], 8)
        seen["difference"] = dialog.differences["comfortable"].text()
        seen["unpaired"] = dialog.differences["on_side"].text()
        seen["means"] = (dialog.client_mean.text(), dialog.therapist_mean.text())
        save(qtbot, dialog)

    when_dialog(qtbot, AllianceDialog, rate)
    press(qtbot, window, "Ctrl+Shift+A")
    assert seen == {"difference": "you 2 higher", "unpaired": "", "means": ("7.5", "9.0")}
    alliance = sections(window).alliance
    qtbot.waitUntil(lambda: "Latest check, session 4: client 7.5" in alliance.summary.text())
    assert "your estimate 9.0 (you 2 higher)" in alliance.summary.text()
    assert alliance.chart.points.client == [(1, 8.0), (2, 8.0), (4, 7.5)]
    assert alliance.chart.points.therapist == [(4, 9.0)]
    assert alliance.chart.points.missed == [(3, 0.0)]
    stored = window.service.alliance_rating(window.workspace.editor.session.id)
    assert stored.client == {"comfortable": 7, "on_side": 8} and stored.therapist == {
        "comfortable": 9
    }


def test_a_drop_suggests_a_rupture_which_is_recorded_and_repaired(qtbot, window):
    page = sections(window)
    alliance = page.alliance

    def rate_low(dialog: AllianceDialog) -> None:
        type_score(qtbot, dialog.client_boxes["comfortable"], 5)
        type_score(qtbot, dialog.client_boxes["free"], 6)
        when_dialog(qtbot, QMessageBox, suggest)
        save(qtbot, dialog)

    def suggest(box: QMessageBox) -> None:
        assert "31% below the mean of their earlier checks (8.0)" in box.text()
        when_dialog(qtbot, RuptureDialog, record)
        click(qtbot, button(box, "Record a rupture…"))

    def record(dialog: RuptureDialog) -> None:
        assert dialog.session.currentText().startswith("Session 4")
        click(qtbot, dialog.kinds[RuptureKind.CONFRONTATION])
        assert not dialog.markers["appeasing"].isVisible()
        click(qtbot, dialog.markers["complaint_activities"])
        qtbot.keyClicks(dialog.what, "Asked what the point of talking was.")
        save(qtbot, dialog)

    when_dialog(qtbot, AllianceDialog, rate_low)
    click(qtbot, button(alliance, "Rate a session…"))
    qtbot.waitUntil(lambda: alliance.model.rowCount() == 1)
    row = alliance.model.index(0).data()
    assert row.startswith("Session 4 · Confrontation: complaints about what we do in sessions")
    assert "Not repaired yet" in row
    assert not alliance.suggestion.isVisibleTo(alliance)  # recorded, so no longer suggested
    assert alliance.chart.points.ruptures == [(4, 5.5)]

    def repair(dialog: RuptureDialog) -> None:
        dialog.repair.setCurrentIndex(dialog.repair.findData(Repair.REPAIRED))
        qtbot.keyClicks(dialog.how, "We named it and agreed on practical time.")
        save(qtbot, dialog)

    rect = alliance.view.visualRect(alliance.model.index(0))
    qtbot.mouseClick(alliance.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    when_dialog(qtbot, RuptureDialog, repair)
    click(qtbot, button(alliance, "Edit rupture…"))
    qtbot.waitUntil(lambda: "Repaired in session 4" in alliance.model.index(0).data())
    assert alliance.chart.points.repairs == [(4, 5.5)]


def test_the_suggestion_shows_on_the_page_for_a_drop_without_a_rupture(qtbot, window):
    client = window.workspace.current_client()
    latest = window.workspace.sessions.item(0)
    window.service.save_alliance_rating(AllianceRating(latest.id, {"comfortable": 4}), client.id)
    alliance = sections(window).alliance
    qtbot.waitUntil(lambda: alliance.suggestion.isVisible())
    assert "Session 4: The client's score (4.0) is 50% below" in alliance.suggestion_text.text()


def test_the_contract_shows_what_is_not_yet_explained(qtbot, window):
    contract = sections(window).contract
    assert contract.summary.text().startswith("0 of 7 terms explained. Not yet explained: ")
    fee = next(r for r, item in enumerate(contract.model.items()) if item.term == "fee")
    rect = contract.view.visualRect(contract.model.index(fee))

    def explain(dialog: ContractTermDialog) -> None:
        click(qtbot, dialog.explained.check)
        click(qtbot, dialog._choices[True])
        qtbot.keyClicks(dialog.notes, "Sliding scale agreed.")
        save(qtbot, dialog)

    qtbot.mouseClick(contract.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    when_dialog(qtbot, ContractTermDialog, explain)
    click(qtbot, button(contract, "Mark explained or agreed…"))
    qtbot.waitUntil(lambda: contract.summary.text().startswith("1 of 7 terms explained."))
    assert "fee" not in contract.summary.text().split("Not yet explained:")[1]
    assert "Fee — explained" in visible_text(contract) and "Sliding scale agreed." in visible_text(
        contract
    )


def test_goals_and_boundary_events_are_added_from_the_page(qtbot, window):
    page = sections(window)

    def goal(dialog: GoalDialog) -> None:
        qtbot.keyClicks(dialog.text, "Grieve without shutting everyone out")
        click(qtbot, dialog.agreed.check)
        save(qtbot, dialog)

    when_dialog(qtbot, GoalDialog, goal)
    click(qtbot, button(page.goals, "Add goal…"))
    qtbot.waitUntil(lambda: page.goals.model.rowCount() == 1)
    assert "Grieve without shutting everyone out\n    Working on it · agreed" in (
        page.goals.model.index(0).data()
    )

    def boundary(dialog: BoundaryDialog) -> None:
        dialog.session.setCurrentIndex(
            dialog.session.findData(window.workspace.sessions.item(0).id)
        )
        dialog.dimension.setCurrentIndex(dialog.dimension.findData("time"))
        assert "worth thinking about" in dialog.kind_hint.text()
        dialog.kind.setCurrentIndex(dialog.kind.findData(BoundaryKind.VIOLATION))
        assert "supervision" in dialog.kind_hint.text()
        qtbot.keyClicks(dialog.what, "Ran twenty minutes over.")
        save(qtbot, dialog)

    when_dialog(qtbot, BoundaryDialog, boundary)
    click(qtbot, button(page.boundaries, "Record event…"))
    qtbot.waitUntil(lambda: page.boundaries.model.rowCount() == 1)
    assert "Time · violation · not yet in supervision" in page.boundaries.model.index(0).data()
    assert page.boundaries.summary.text() == (
        "1 recorded, 1 of them violations; 1 not yet taken to supervision."
    )
    event = window.service.boundary_events(window.workspace.current_client().id)[0]
    assert event.occurred_on == (FIRST + timedelta(weeks=3)).date()


def test_locking_clears_the_alliance_sections(qtbot, window):
    page = sections(window)
    assert page.contract.model.rowCount() == 7
    window.lock()
    assert page.contract.model.rowCount() == 0 and page.alliance.chart.points.client == []
    assert page.alliance.summary.text() == ""


def test_the_models_pass_the_model_tester(qtmodeltester, window):
    client = window.workspace.current_client()
    service = window.service
    session = window.workspace.sessions.item(0)
    service.save_goal(Goal(client.id, "Fewer outbursts at work"))
    service.save_boundary_event(BoundaryEvent(client.id, FIRST.date(), "gifts"))
    service.save_rupture(Rupture(session.id, RuptureKind.WITHDRAWAL, ["appeasing"]), client.id)
    for model, items in (
        (ContractModel(), service.contract(client.id)),
        (GoalModel(), service.goals(client.id)),
        (BoundaryModel(), service.boundary_events(client.id)),
        (RuptureModel(), service.ruptures(client.id)),
    ):
        model.set_items(items)
        assert model.rowCount() >= 1
        qtmodeltester.check(model)


def test_auto_lock_keeps_a_half_entered_alliance_check(qtbot, window):
    choose_session(qtbot, window, 0)
    session_id = window.workspace.editor.session.id
    window.idle.set_timeout_ms(400)

    def half_enter(dialog: AllianceDialog) -> None:
        type_score(qtbot, dialog.client_boxes["comfortable"], 8)  # no drop: no rupture question
        type_score(qtbot, dialog.therapist_boxes["comfortable"], 9)
        window.idle.start()  # then the therapist is called away

    when_dialog(qtbot, AllianceDialog, half_enter)
    press(qtbot, window, "Ctrl+Shift+A")
    qtbot.waitUntil(lambda: not window.service.is_unlocked)
    window.idle.set_timeout_ms(60_000)  # back from the break: no second auto-lock now

    reopened = {}

    def finish(dialog: AllianceDialog) -> None:
        reopened["scores"] = (
            dialog.client_boxes["comfortable"].value(),
            dialog.therapist_boxes["comfortable"].value(),
        )
        save(qtbot, dialog)

    when_dialog(qtbot, AllianceDialog, finish)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened["scores"] == (8, 9)
    stored = window.service.alliance_rating(session_id)
    assert stored.client == {"comfortable": 8} and stored.therapist == {"comfortable": 9}


def test_auto_lock_keeps_a_half_written_goal(qtbot, window):
    page = sections(window)
    window.idle.set_timeout_ms(400)

    def half_write(dialog: GoalDialog) -> None:
        qtbot.keyClicks(dialog.text, "Sleep through most nights")
        window.idle.start()

    when_dialog(qtbot, GoalDialog, half_write)
    click(qtbot, button(page.goals, "Add goal…"))
    qtbot.waitUntil(lambda: not window.service.is_unlocked)
    window.idle.set_timeout_ms(60_000)
    assert page.goals.model.rowCount() == 0

    reopened = []

    def finish(dialog: GoalDialog) -> None:
        reopened.append(dialog.text.toPlainText())
        save(qtbot, dialog)

    when_dialog(qtbot, GoalDialog, finish)
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened == ["Sleep through most nights"]
    qtbot.waitUntil(lambda: sections(window).goals.model.rowCount() == 1)
