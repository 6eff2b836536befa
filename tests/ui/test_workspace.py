"""The notes workspace, driven as a therapist would: templates, signing, cases, layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    press,
    visible_text,
)
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets.models import SessionListModel


def test_sessions_are_numbered_newest_first_with_attendance_counts(qtbot, open_window):
    choose_client(qtbot, open_window)
    rows = [open_window.workspace.sessions.index(r).data() for r in range(3)]
    assert rows[0].lstrip().startswith("3.") and "Late · Draft" in rows[0]
    assert "No-show" in rows[1]
    assert (
        "3 sessions · 2 kept · 1 missed or cancelled" in open_window.workspace.client_summary.text()
    )


def test_closed_cases_hidden_until_filter_shows_them(qtbot, open_window):
    workspace = open_window.workspace
    assert "SN-01" not in visible_text(workspace)
    qtbot.mouseClick(workspace.show_closed, Qt.MouseButton.LeftButton)
    assert "SN-01  Sam Novak  (closed)" in visible_text(workspace)

    choose_client(qtbot, open_window, 1)
    workspace.toggle_case()  # reopening asks nothing
    qtbot.waitUntil(lambda: "(closed)" not in visible_text(workspace))
    qtbot.mouseClick(workspace.show_closed, Qt.MouseButton.LeftButton)
    assert "SN-01  Sam Novak" in visible_text(workspace)


def test_changing_template_keeps_text_visibly(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    qtbot.keyClicks(editor.section_box("subjective"), "Said the interview went well")
    qtbot.keyClicks(editor.section_box("plan"), "Weekly")
    editor.template_box.setCurrentIndex(editor.template_box.findData("dap"))
    assert editor.section_box("plan").toPlainText() == "Weekly"
    kept = editor.section_box("subjective")
    assert kept.toPlainText() == "Said the interview went well"
    qtbot.waitUntil(lambda: "kept from an earlier template" in visible_text(editor))
    note = open_window.service.progress_note(editor.session.id)
    assert note.template == "dap" and note.sections["subjective"].startswith("Said")


def test_signing_asks_then_locks_the_note_and_allows_addenda(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    qtbot.keyClicks(editor.section_box("assessment"), "Steadier; risk low")

    def cancel(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, cancel)
    press(qtbot, open_window, "Ctrl+Shift+S")
    assert not editor.section_box("assessment").isReadOnly()

    def confirm(box: QMessageBox) -> None:
        assert "can no longer be changed" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, confirm)
    press(qtbot, open_window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: editor.section_box("assessment").isReadOnly())
    assert "Signed" in editor.status.text() and "read-only" in editor.status.text()
    assert "Late · Signed" in open_window.workspace.sessions.index(0).data()
    assert "Draft" in open_window.workspace.sessions.index(1).data()

    # What can still be added is in view at once (not a turn of the event loop later, when
    # the page has grown), and the menu's shortcut puts the cursor in it.
    box = editor.addendum_box
    assert not box.visibleRegion().isEmpty()
    assert box.visibleRegion().boundingRect().height() == box.height()
    editor.section_box("assessment").setFocus()
    press(qtbot, open_window, "Ctrl+Shift+D")
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "Client phoned to confirm next week.")
    add = [
        b
        for b in editor.findChildren(type(editor.sign_button))
        if b.text().replace("&", "") == "Add addendum"
    ]
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):
        def click_it(message: QMessageBox) -> None:
            asked.append(message.text())
            qtbot.mouseClick(message.button(reply), Qt.MouseButton.LeftButton)

        return click_it

    answer_dialog(qtbot, answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(add[0], Qt.MouseButton.LeftButton)
    assert "can't be changed or removed later" in asked[0]
    assert open_window.service.progress_note(editor.session.id).addenda == []  # said no
    answer_dialog(qtbot, answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(add[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Client phoned to confirm next week." in visible_text(editor))
    note = open_window.service.progress_note(editor.session.id)
    assert note.signed and note.sections["assessment"] == "Steadier; risk low"
    assert [a.text for a in note.addenda] == ["Client phoned to confirm next week."]


def test_undo_and_redo_in_the_editor(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    box = open_window.workspace.editor.section_box("objective")
    qtbot.keyClicks(box, "Calm")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == ""
    qtbot.keyClick(
        box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert box.toPlainText() == "Calm"


def test_alt_up_and_down_follow_the_session_list_as_shown(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 1)
    editor, view = open_window.workspace.editor, open_window.workspace.session_view
    assert editor.session.number == 2
    press(qtbot, open_window, "Alt+Up")  # newest first: up is the later session
    qtbot.waitUntil(lambda: editor.session.number == 3)
    assert view.currentIndex().row() == 0
    press(qtbot, open_window, "Alt+Down")
    press(qtbot, open_window, "Alt+Down")
    qtbot.waitUntil(lambda: editor.session.number == 1)
    assert view.currentIndex().row() == 2


def test_menus_show_shortcuts_and_widgets_have_names(open_window):
    shortcuts = {
        action.text(): action.shortcut().toString()
        for menu in open_window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    assert shortcuts["&Lock"] == "Ctrl+L"
    assert shortcuts["&New client…"] == "Ctrl+Shift+C"
    assert shortcuts["&New session…"] == "Ctrl+Shift+N"
    assert shortcuts["&Sign note…"] == "Ctrl+Shift+S"
    assert shortcuts["Session a&bove"] == "Alt+Up"
    workspace = open_window.workspace
    for widget in (workspace.client_view, workspace.session_view, workspace.editor.process_box):
        assert widget.accessibleName()


def test_window_remembers_layout_and_last_client(qtbot, caseload, isolated_settings):
    first = MainWindow(VaultService(caseload))
    qtbot.addWidget(first)
    first.show()
    first.service.unlock(STRONG_PASSPHRASE)
    first.resize(900, 540)
    first.workspace.setSizes([150, 200, 370])
    choose_client(qtbot, first)
    sizes = first.workspace.sizes()
    # The note may widen the window up to the test screen's edge: what it was is kept.
    size = (first.width(), first.height())
    first.close()
    settings_text = "".join(p.read_text() for p in isolated_settings.rglob("*.ini"))
    assert "Maya" not in settings_text and "ML-01" not in settings_text

    second = MainWindow(VaultService(caseload))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size and size[1] == 540
    second.service.unlock(STRONG_PASSPHRASE)
    # The client and session lists keep their widths.
    qtbot.waitUntil(lambda: second.workspace.sizes()[:2] == sizes[:2])
    assert second.workspace.current_client().code == "ML-01"
    second.service.lock()


def test_double_clicking_a_client_opens_their_form(qtbot, open_window):
    from ui.client_page.client_dialog import ClientDialog

    seen: list[str] = []

    def look(dialog: ClientDialog) -> None:
        seen.append(f"{dialog.windowTitle()}: {dialog.full_name.text()}")
        dialog.reject()

    answer_dialog(qtbot, look, ClientDialog)
    view = open_window.workspace.client_view
    rect = view.visualRect(open_window.workspace.clients.index(0))
    # A double click is a press and a release, then the second press (what Qt checks against).
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Edit client: Maya Lindqvist"]


def test_choosing_a_client_opens_their_latest_or_last_opened_session(qtbot, open_window):
    workspace = open_window.workspace
    qtbot.mouseClick(workspace.show_closed, Qt.MouseButton.LeftButton)  # Sam's closed case too
    codes = [workspace.clients.item(r).code for r in range(workspace.clients.rowCount())]
    maya, sam = codes.index("ML-01"), codes.index("SN-01")
    choose_client(qtbot, open_window, maya)
    qtbot.waitUntil(lambda: workspace.editor.session is not None)
    assert workspace.editor.session.number == 3  # the newest, at the list's top
    assert workspace.tabs.currentWidget() is workspace.editor
    assert workspace.session_view.currentIndex().row() == 0
    choose_session(qtbot, open_window, 2)
    choose_client(qtbot, open_window, sam)
    assert workspace.editor.session is None  # Sam has no sessions
    choose_client(qtbot, open_window, maya)
    qtbot.waitUntil(lambda: workspace.editor.session is not None)
    assert workspace.editor.session.number == 1  # the one last opened


def test_the_client_page_opens_at_its_top_with_the_name_in_view(qtbot, open_window):
    open_window.resize(1000, 520)  # a page taller than the window
    workspace = open_window.workspace
    qtbot.mouseClick(workspace.show_closed, Qt.MouseButton.LeftButton)
    codes = [workspace.clients.item(r).code for r in range(workspace.clients.rowCount())]
    choose_client(qtbot, open_window, codes.index("ML-01"))
    workspace.tabs.setCurrentWidget(workspace.client_page)
    page = workspace.client_page
    bar = page.verticalScrollBar()
    bar.setValue(bar.maximum())  # the therapist has read far down Maya's page
    assert bar.value() > 0
    choose_client(qtbot, open_window, codes.index("SN-01"))
    workspace.tabs.setCurrentWidget(workspace.client_page)
    assert bar.value() == 0
    assert page.heading.text().startswith("SN-01")
    assert page.heading.visibleRegion().boundingRect().height() == page.heading.height()


def test_the_window_with_a_note_open_fits_a_1920_screen_at_200_percent(qtbot, open_window):
    # 1920×1080 at 200% leaves 960×540 logical pixels (less a task bar); 1366×768 is roomier.
    choose_client(qtbot, open_window)
    qtbot.waitUntil(lambda: open_window.workspace.editor.session is not None)
    needed = open_window.minimumSizeHint()
    assert needed.width() <= 960 and needed.height() <= 540, needed


def test_no_session_row_is_cut_off_in_the_smallest_window(qtbot, open_window):
    # The longest second line a row can have, in the window at its smallest (as at 200%).
    choose_client(qtbot, open_window)
    qtbot.waitUntil(lambda: open_window.workspace.editor.session is not None)
    open_window.resize(open_window.minimumSizeHint())
    qtbot.wait(20)
    view = open_window.workspace.session_view
    widest = view.fontMetrics().horizontalAdvance(SessionListModel.widest_line())
    assert "Cancelled with notice · Signed · conduct due" in SessionListModel.widest_line()
    assert widest <= view.viewport().width() - 2 * 4  # the items' padding either side
