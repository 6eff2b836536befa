"""The Supervision page as a therapist uses it: open it from the menu, see what is still to
discuss, record a supervision session with an agreed action, mark the action done, mark a
supervisor's comment from a returned report done."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from notes.alliance import Rupture, RuptureKind
from notes.observations import Observation, ObservationKind
from notes.records import Client, Session
from notes.reports.anchors import Anchor, AnchorKind
from notes.reports.returned import ReturnedComment, ReturnedReport
from storage.alliance import AllianceRepository
from storage.clients import ClientRepository
from storage.observations import CategoryRepository, ObservationRepository
from storage.sessions import SessionRepository
from storage.supervisor_comments import SupervisorComments
from storage.vault import Vault
from tests.ui.helpers import answer_dialog, choose_client, click, press, visible_text
from ui.supervision.page import SupervisionPage
from ui.supervision.record_dialog import SupervisionDialog

FIRST = datetime(2026, 9, 7, 10, 0)
CT = ObservationKind.COUNTERTRANSFERENCE


def maren(vault: Vault) -> None:
    """Maren: one session with a countertransference marked for supervision, a rupture, and a
    supervisor's comment read from a returned report; Tomas: nothing for supervision."""
    clients = ClientRepository(vault)
    client = clients.save(Client("MH-01", "Maren Holt", FIRST.date()))
    clients.save(Client("TK-02", "Tomas Kral", FIRST.date()))
    saved = SessionRepository(vault).save(Session(client.id, FIRST))
    helpless = next(c for c in CategoryRepository(vault).list(CT) if c.key == "helpless_inadequate")
    ObservationRepository(vault).save(
        Observation(saved.id, CT, helpless.id, 4, what_happened="I froze", supervision=True)
    )
    AllianceRepository(vault).save_rupture(
        Rupture(saved.id, RuptureKind.WITHDRAWAL, what_happened="went quiet about the fee")
    )
    on_session = Anchor(AnchorKind.SESSION, str(saved.id))
    SupervisorComments(vault).keep(
        ReturnedReport(
            client.id,
            [
                ReturnedComment(
                    on_session, "Dr Ines Varga", None, "What did the freeze protect?", ""
                )
            ],
        )
    )


def save_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(maren)


def test_the_shortcut_opens_the_page_on_the_chosen_client(qtbot, open_window):
    choose_client(qtbot, open_window)  # MH-01
    seen = {}

    def look(page) -> None:
        seen["title"] = page.windowTitle()
        seen["showing"] = page.client.currentText()
        seen["text"] = visible_text(page)
        page.reject()

    answer_dialog(qtbot, look, SupervisionPage)
    press(qtbot, open_window, "Ctrl+Shift+P")
    assert (seen["title"], seen["showing"]) == ("Supervision", "MH-01")
    assert "Still to discuss (2 items)" in seen["text"]
    assert "MH-01 · Observation · Countertransference: Helpless / inadequate" in seen["text"]
    assert "MH-01 · Rupture · Rupture (withdrawal)" in seen["text"]


def test_recording_a_supervision_with_an_action_then_marking_it_done(qtbot, open_window):
    service = open_window.service
    page = SupervisionPage(service)
    qtbot.addWidget(page)
    page.show()
    assert page.client.currentText() == "Whole caseload"
    assert "Agreed actions (0 open)" in visible_text(page)

    def record(dialog: SupervisionDialog) -> None:
        clients = dialog.client_list
        maren_row = clients.findItems("MH-01", Qt.MatchFlag.MatchStartsWith)[0]
        maren_row.setCheckState(Qt.CheckState.Checked)  # as a click on its box does
        observation = dialog.item_list.findItems(
            "MH-01 · Observation", Qt.MatchFlag.MatchStartsWith
        )[0]
        observation.setCheckState(Qt.CheckState.Checked)
        assert dialog.said_tabs.tabText(0) == "MH-01"
        said = dialog.said_tabs.widget(0)
        said.setFocus()
        qtbot.keyClicks(said, "The freeze may answer her father's silences.")
        dialog.supervisor.clear()
        qtbot.keyClicks(dialog.supervisor, "Dr Ines Varga")
        about = dialog.action_about.findText(
            "Observation · Countertransference: Helpless / inadequate"
        )
        dialog.action_about.setCurrentIndex(about)
        qtbot.keyClicks(dialog.action_text, "Name the freeze aloud next time")
        click(qtbot, dialog.add_action)
        assert [dialog.action_list.item(0).text()] == [
            "MH-01 · Name the freeze aloud next time (about: Countertransference: Helpless"
            " / inadequate)"
        ]
        click(qtbot, save_button(dialog))

    answer_dialog(qtbot, record, SupervisionDialog)
    click(qtbot, page.record)

    shown = visible_text(page)
    assert "Still to discuss (1 item)" in shown  # the observation was discussed
    assert "MH-01 · Observation" not in shown
    assert "MH-01 · Rupture · Rupture (withdrawal)" in shown
    assert "Agreed actions (1 open)" in shown
    assert "MH-01 · Name the freeze aloud next time (agreed " in shown
    assert "Dr Ines Varga · MH-01 · 1 action, 1 open" in shown
    assert service.report_supervisor() == "Dr Ines Varga"  # offered next time

    page.action_view.setCurrentIndex(page.actions.index(0))
    assert page.mark_done.isEnabled() and not page.reopen.isEnabled()
    click(qtbot, page.mark_done)
    shown = visible_text(page)
    assert "Agreed actions (0 open)" in shown
    assert "Name the freeze aloud" not in shown  # done actions are left out unless asked
    assert "1 action, 0 open" in shown

    page.show_done.setChecked(True)
    assert "MH-01 · Done: Name the freeze aloud next time" in visible_text(page)
    [supervision] = service.supervisions()  # and in the vault
    assert supervision.actions[0].done_on is not None


def test_a_supervision_without_a_client_is_not_saved(qtbot, open_window):
    page = SupervisionPage(open_window.service)
    qtbot.addWidget(page)
    page.show()
    seen = {}

    def save_empty(dialog: SupervisionDialog) -> None:
        click(qtbot, save_button(dialog))
        seen["problem"] = dialog.problem.text() if dialog.problem.isVisible() else ""
        dialog.reject()

    answer_dialog(qtbot, save_empty, SupervisionDialog)
    click(qtbot, page.record)
    assert seen["problem"] == "Choose at least one client who was discussed."
    assert "Supervision sessions (0 sessions)" in visible_text(page)


def test_the_page_forgets_its_clients_on_lock(qtbot, open_window):
    page = SupervisionPage(open_window.service)
    qtbot.addWidget(page)
    page.show()
    open_window.lock()
    qtbot.waitUntil(lambda: not page.isVisible())


def test_a_supervisors_comment_is_listed_until_marked_handled(qtbot, open_window):
    page = SupervisionPage(open_window.service)
    qtbot.addWidget(page)
    page.show()
    line = "MH-01 · session 1 (7 Sep 2026) · Dr Ines Varga: What did the freeze protect?"
    shown = visible_text(page)
    assert "Supervisor's comments (1 open)" in shown and line in shown
    assert not page.comment_done.isEnabled() and not page.comment_reopen.isEnabled()
    page.client.setCurrentIndex(page.client.findText("TK-02"))
    assert "Supervisor's comments (0 open)" in visible_text(page)  # per client
    page.client.setCurrentIndex(page.client.findText("MH-01"))
    assert line in visible_text(page)

    page.comment_view.setCurrentIndex(page.comments.index(0))
    assert page.comment_done.isEnabled() and not page.comment_reopen.isEnabled()
    click(qtbot, page.comment_done)
    shown = visible_text(page)
    assert "Supervisor's comments (0 open)" in shown
    assert "What did the freeze protect?" not in shown  # done ones are left out unless asked

    page.show_done_comments.setChecked(True)
    assert "MH-01 · Done " in visible_text(page)
    page.comment_view.setCurrentIndex(page.comments.index(0))
    assert page.comment_reopen.isEnabled() and not page.comment_done.isEnabled()
    click(qtbot, page.comment_reopen)
    assert "Supervisor's comments (1 open)" in visible_text(page)
    [comment] = open_window.service.supervisor_comments_of([page.client.currentData()])
    assert comment.is_open  # and in the vault


def test_a_supervision_session_is_deleted_after_asking_and_its_items_open_again(qtbot, open_window):
    from PySide6.QtWidgets import QMessageBox

    from notes.supervision import DiscussedItem, Supervision

    service = open_window.service
    maren_id = service.clients()[0].id
    [observation] = [
        i for i in service.supervision_candidates([maren_id]) if i.item.kind.value == "observation"
    ]
    service.save_supervision(
        Supervision(
            FIRST.date(), "Dr Ines Varga", items=[DiscussedItem(maren_id, observation.item)]
        )
    )
    page = SupervisionPage(service)
    qtbot.addWidget(page)
    page.show()
    assert "Still to discuss (1 item)" in visible_text(page)
    assert not page.delete.isEnabled()  # nothing chosen yet
    page.session_view.setCurrentIndex(page.sessions.index(0))

    asked: list[str] = []

    def answer_with(button):
        def answer(box: QMessageBox) -> None:
            asked.append(box.text())
            click(qtbot, box.button(button))

        return answer

    answer_dialog(qtbot, answer_with(QMessageBox.StandardButton.Cancel), QMessageBox)
    click(qtbot, page.delete)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "Supervision sessions (1 session)" in visible_text(page)  # Cancel keeps it

    answer_dialog(qtbot, answer_with(QMessageBox.StandardButton.Yes), QMessageBox)
    click(qtbot, page.delete)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked[1].startswith("Delete the supervision session of 7 Sep 2026?")
    shown = visible_text(page)
    assert "Supervision sessions (0 sessions)" in shown
    assert "Still to discuss (2 items)" in shown  # the observation is open again
    assert service.supervisions() == []
    assert service.search("Varga") == []  # nor found by search
    [line] = service.audit_log().read(action="supervision deleted")
    assert line.record == "supervision of 7 Sep 2026"


def test_ctrl_l_while_recording_a_supervision_brings_the_page_and_the_record_back(
    qtbot, open_window
):
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import STRONG_PASSPHRASE, when_dialog

    def start_recording(page: SupervisionPage) -> None:
        when_dialog(qtbot, SupervisionDialog, type_then_lock)
        click(qtbot, page.record)

    def type_then_lock(dialog: SupervisionDialog) -> None:
        dialog.client_list.findItems("MH-01", Qt.MatchFlag.MatchStartsWith)[0].setCheckState(
            Qt.CheckState.Checked
        )
        dialog.item_list.findItems("MH-01 · Rupture", Qt.MatchFlag.MatchStartsWith)[
            0
        ].setCheckState(Qt.CheckState.Checked)
        said = dialog.said_tabs.widget(0)
        said.setFocus()
        qtbot.keyClicks(said, "Her silences about money")
        qtbot.keyClicks(dialog.action_text, "Raise the fee early")
        click(qtbot, dialog.add_action)
        dialog.supervisor.clear()
        qtbot.keyClicks(dialog.supervisor, "Dr Ines Varga")
        qtbot.keyClick(dialog.supervisor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    when_dialog(qtbot, SupervisionPage, start_recording)
    press(qtbot, open_window, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: not open_window.service.is_unlocked)
    qtbot.waitUntil(
        lambda: (
            not [
                w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not open_window
            ]
        )
    )

    seen = {}

    def look(dialog: SupervisionDialog) -> None:
        seen["page"] = type(dialog.parentWidget()).__name__
        seen["clients"] = dialog.checked_clients()
        seen["said"] = dialog.said_tabs.widget(0).toPlainText()
        seen["supervisor"] = dialog.supervisor.text()
        seen["actions"] = [
            dialog.action_list.item(r).text() for r in range(dialog.action_list.count())
        ]
        seen["items"] = [
            dialog.item_list.item(r).text()
            for r in range(dialog.item_list.count())
            if dialog.item_list.item(r).checkState() == Qt.CheckState.Checked
        ]
        click(qtbot, save_button(dialog))
        when_dialog(qtbot, SupervisionPage, lambda page: page.reject())

    when_dialog(qtbot, SupervisionDialog, look)
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    maren_id = open_window.service.clients()[0].id
    assert seen["page"] == "SupervisionPage"
    assert seen["clients"] == [maren_id]
    assert seen["said"] == "Her silences about money"
    assert seen["supervisor"] == "Dr Ines Varga"
    assert seen["actions"] == ["MH-01 · Raise the fee early"]
    assert [text.split(" · ")[1] for text in seen["items"]] == ["Rupture"]
    qtbot.waitUntil(lambda: len(open_window.service.supervisions()) == 1)
    [kept] = open_window.service.supervisions()
    assert kept.supervisor == "Dr Ines Varga" and kept.actions[0].text == "Raise the fee early"
