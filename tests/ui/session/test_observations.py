"""Transference and countertransference observations, driven as a therapist would.

Words are selected with the keyboard, tagged with the shortcuts, the form is filled in by
typing and clicking; the highlight must stay on the same words through saving, reopening and
edits elsewhere in the note.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit, QPushButton

from notes.observations import CHART_SESSIONS, Anchor, NoteKind, Observation, ObservationKind
from notes.records import Client, ProcessNote, ProgressNote, Session
from storage.vault import Vault
from tests.ui.helpers import (
    answer_dialog,
    mark_checked_today,
    open_session_numbered,
    press,
    select_words,
    visible_text,
    window_unlocked_on,
)
from ui.client_page.patterns_chart import PatternChart
from ui.client_page.patterns_filter import ObservationFilter
from ui.client_page.patterns_model import ClientObservationModel, ObservationRow, SortRole
from ui.main_window import MainWindow
from ui.session.observation_form import ObservationForm
from ui.session.observation_panel import SessionObservationModel
from ui.vault.category_settings import CategoryListModel, CategorySettings
from ui.vault_service import VaultService

T, CT = ObservationKind.TRANSFERENCE, ObservationKind.COUNTERTRANSFERENCE
FIRST = datetime(2026, 9, 7, 9, 0)
PROCESS = "He said I was just like the mediator. I felt tense and wanted to defend myself."
SIGNED_TEXT = "Arrived late and angry; said therapy is a waste of his money."


@pytest.fixture(scope="module")
def prepared_vault(tmp_path_factory, template_vault, passphrase):
    """One client with three sessions: the first signed, the last with a process note."""
    path = tmp_path_factory.mktemp("observations") / "observations.vault"
    shutil.copyfile(template_vault, path)
    service = VaultService(path)
    service.unlock(passphrase)
    client = service.save_client(Client("TH-01", "Tomás Herrera", date(2026, 9, 7)))
    sessions = [
        service.save_session(Session(client.id, FIRST + timedelta(weeks=week))) for week in range(3)
    ]
    signed = ProgressNote(sessions[0].id, "soap", {"subjective": SIGNED_TEXT})
    service.save_progress_note(signed)
    service.sign(signed, client.id)
    service.save_process_note(ProcessNote(sessions[2].id, PROCESS))
    service.lock()
    vault = Vault.open(path, passphrase)
    mark_checked_today(vault)  # so no test's unlock starts a background damage check
    vault.close()
    return path


@pytest.fixture
def vault_file(tmp_path, prepared_vault):
    """This test's own copy of the prepared vault (a byte copy costs no key derivation)."""
    path = tmp_path / "observations.vault"
    shutil.copyfile(prepared_vault, path)
    return path


@pytest.fixture
def window(qtbot, vault_file, passphrase):
    main = window_unlocked_on(qtbot, vault_file, passphrase)
    yield main
    main.service.lock()


def open_session(qtbot, window: MainWindow, number: int) -> None:
    workspace = window.workspace
    if workspace.current_client() is None:
        view = workspace.client_view
        rect = view.visualRect(workspace.clients.index(0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    open_session_numbered(qtbot, window, number)


def highlighted(box: QPlainTextEdit) -> list[tuple[str, QTextCharFormat.UnderlineStyle]]:
    return [(s.cursor.selectedText(), s.format.underlineStyle()) for s in box.extraSelections()]


def fill_form(qtbot, category: str, intensity: int, felt: str, supervision: bool = False):
    def act(form: ObservationForm) -> None:
        assert isinstance(form, ObservationForm)
        form.category.setCurrentIndex(form.category.findText(category))
        form.intensity.selectAll()
        qtbot.keyClicks(form.intensity, str(intensity))
        qtbot.keyClicks(form.figure, "his father")
        qtbot.keyClicks(form.happened, "I mentioned the time.")
        qtbot.keyClicks(form.felt, felt)
        qtbot.keyClicks(form.responded, "Named it gently.")
        if supervision:
            qtbot.keyClick(form.supervision, Qt.Key.Key_Space)
        save = form.buttons.button(form.buttons.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, act)


def panel_rows(window: MainWindow) -> list[str]:
    model = window.workspace.editor.observations.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_tag_by_shortcut_survives_saving_reopening_and_edits_before_it(qtbot, window):
    open_session(qtbot, window, 3)
    editor = window.workspace.editor
    box = editor.process_box
    select_words(qtbot, box, "I felt tense and wanted to defend myself")
    fill_form(qtbot, "Criticized / mistreated", 4, "On trial.", supervision=True)
    press(qtbot, window, "Ctrl+Shift+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    assert highlighted(box) == [
        ("I felt tense and wanted to defend myself", QTextCharFormat.UnderlineStyle.WaveUnderline)
    ]
    assert panel_rows(window)[0].startswith(
        "Countertransference · Criticized / mistreated · 4 of 5 · for supervision"
    )
    assert "“I felt tense and wanted to defend myself”" in panel_rows(window)[0]

    # Reopen: another session, then back; the tag comes from the vault.
    open_session(qtbot, window, 2)
    assert highlighted(editor.process_box) == []
    open_session(qtbot, window, 3)
    assert highlighted(editor.process_box)[0][0] == "I felt tense and wanted to defend myself"

    # Type before the tag: the highlight stays on the same words, on screen and in the vault.
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "Late start. ")
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " Then we moved on.")
    assert highlighted(box)[0][0] == "I felt tense and wanted to defend myself"
    press(qtbot, window, "Ctrl+S")
    session_id = editor.session.id
    (stored,) = window.service.session_observations(session_id)
    text = window.service.process_note(session_id).text
    assert text.startswith("Late start. He said")
    assert text[stored.anchor.start : stored.anchor.end] == stored.quote
    assert stored.quote == "I felt tense and wanted to defend myself"
    assert (stored.intensity, stored.figure, stored.supervision) == (4, "his father", True)
    assert stored.what_i_felt == "On trial." and stored.kind is CT

    open_session(qtbot, window, 2)
    open_session(qtbot, window, 3)
    assert highlighted(editor.process_box)[0][0] == "I felt tense and wanted to defend myself"


def test_signed_note_words_are_tagged_without_changing_the_note(qtbot, window):
    open_session(qtbot, window, 1)
    editor = window.workspace.editor
    box = editor.section_box("subjective")
    assert box.isReadOnly()
    # The greyed template choice says why, to the eye and to a screen reader.
    assert not editor.template_box.isEnabled()
    assert "can't be changed: this note is signed" in editor.template_box.toolTip()
    assert "signed" in editor.template_box.accessibleDescription()
    select_words(qtbot, box, "therapy is a waste of his money")
    fill_form(qtbot, "Angry / entitled", 3, "Dismissed.")
    press(qtbot, window, "Ctrl+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    assert highlighted(box) == [
        ("therapy is a waste of his money", QTextCharFormat.UnderlineStyle.SingleUnderline)
    ]
    note = window.service.progress_note(editor.session.id)
    assert note.signed and note.sections["subjective"] == SIGNED_TEXT
    (stored,) = window.service.session_observations(editor.session.id)
    assert stored.kind is T and stored.anchor.note is NoteKind.PROGRESS
    assert stored.anchor.section == "subjective"


def test_the_two_kinds_differ_by_underline_and_background():
    from ui.session.observation_tags import tag_format

    transference, counter = tag_format(T), tag_format(CT)
    assert transference.underlineStyle() != counter.underlineStyle()
    assert transference.background().color() != counter.background().color()


def test_deleting_the_tagged_words_asks_and_can_keep_the_observation(qtbot, window):
    open_session(qtbot, window, 3)
    editor = window.workspace.editor
    box = editor.process_box
    select_words(qtbot, box, "just like the mediator")
    fill_form(qtbot, "Angry / entitled", 3, "Judged.")
    press(qtbot, window, "Ctrl+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)

    def keep(question: QMessageBox) -> None:
        assert "“just like the mediator”" in question.text()
        button = next(
            b for b in question.buttons() if b.text().replace("&", "") == "Keep, untagged"
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, keep)
    select_words(qtbot, box, "just like the mediator")
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "(untagged)" in panel_rows(window)[0])
    assert highlighted(box) == []
    (stored,) = window.service.session_observations(editor.session.id)
    assert stored.anchor is None and stored.quote == "just like the mediator"


def test_deleting_the_tagged_words_can_delete_the_observation(qtbot, window):
    open_session(qtbot, window, 3)
    box = window.workspace.editor.process_box
    select_words(qtbot, box, "defend myself")
    fill_form(qtbot, "Helpless / inadequate", 2, "Small.")
    press(qtbot, window, "Ctrl+Shift+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)

    def delete(question: QMessageBox) -> None:
        button = next(
            b for b in question.buttons() if b.text().replace("&", "") == "Delete observation"
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, delete)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for _ in range(len("defend myself.")):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: panel_rows(window) == [])
    assert window.service.session_observations(window.workspace.editor.session.id) == []


def test_record_without_words_then_edit_choose_and_delete_from_the_panel(qtbot, window):
    open_session(qtbot, window, 3)
    editor = window.workspace.editor
    panel = editor.observations
    fill_form(qtbot, "Parental / protective", 2, "Wanted to shield him.")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    assert "Recorded without words from the note" in panel_rows(window)[0]

    select_words(qtbot, editor.process_box, "mediator")
    fill_form(qtbot, "Anxious / preoccupied", 5, "Watched.")
    press(qtbot, window, "Ctrl+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 2)

    # Choosing the tagged one in the panel selects its words in the note.
    editor.process_box.moveCursor(editor.process_box.textCursor().MoveOperation.Start)
    rect = panel.view.visualRect(panel.model.index(1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.process_box.textCursor().selectedText() == "mediator"

    def raise_intensity(form: ObservationForm) -> None:
        form.intensity.selectAll()
        qtbot.keyClicks(form.intensity, "3")
        qtbot.mouseClick(
            form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    answer_dialog(qtbot, raise_intensity)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Anxious / preoccupied · 3 of 5" in panel_rows(window)[1])
    assert highlighted(editor.process_box)[0][0] == "mediator"  # editing kept the tag

    def confirm(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, confirm)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    assert highlighted(editor.process_box) == []
    assert editor.process_box.toPlainText() == PROCESS  # deleting a tag never edits the note


def test_context_menu_offers_both_tags_and_the_menu_shows_shortcuts(qtbot, window):
    shortcuts = {
        action.text(): action.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    assert shortcuts["Tag as &transference…"] == "Ctrl+T"
    assert shortcuts["Tag as &countertransference…"] == "Ctrl+Shift+T"
    assert shortcuts["&Record observation…"] == "Ctrl+Shift+O"
    taken = [s for s in shortcuts.values() if s]
    assert len(taken) == len(set(taken)), "two menu entries share a shortcut"
    editor = window.workspace.editor
    box = editor.process_box
    assert box.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert set(editor.observation_actions()) <= set(editor.actions())


def test_category_settings_rename_add_and_retire(qtbot, window):
    open_session(qtbot, window, 3)

    def edit(dialog: CategorySettings) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findText("Countertransference"))
        row = [c.label for c in dialog.model.items()].index("Disengaged")
        dialog.view.setCurrentIndex(dialog.model.index(row))
        dialog.label.selectAll()
        qtbot.keyClicks(dialog.label, "Drifting away")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "Saved “Drifting away”" in dialog.message.text()

        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.label, "Rescuing")
        qtbot.keyClicks(dialog.description, "Wanting to fix everything for them.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

        row = [c.label for c in dialog.model.items()].index("Sexualized")
        dialog.view.setCurrentIndex(dialog.model.index(row))
        qtbot.mouseClick(dialog.retired, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "Sexualized (retired)" in visible_text(dialog)
        dialog.reject()

    answer_dialog(qtbot, edit)
    action = next(
        a
        for m in window.menuBar().findChildren(QMenu)
        for a in m.actions()
        if a.text() == "Observation &categories…"
    )
    action.trigger()

    offered: list[str] = []

    def look(form: ObservationForm) -> None:
        offered.extend(form.category.itemText(i) for i in range(form.category.count()))
        form.reject()

    answer_dialog(qtbot, look)
    qtbot.mouseClick(window.workspace.editor.observations.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered))
    assert "Drifting away" in offered and "Rescuing" in offered
    assert "Disengaged" not in offered and not any("Sexualized" in o for o in offered)


def add_observations(service: VaultService, client_id: int, weeks: int) -> list[Session]:
    """`weeks` more sessions, each with a 'Helpless / inadequate' observation, some flagged."""
    categories = {c.key: c for c in service.observation_categories(CT)}
    sessions = []
    for week in range(weeks):
        session = service.save_session(Session(client_id, FIRST + timedelta(weeks=3 + week)))
        service.save_process_note(ProcessNote(session.id, "I felt useless today."))
        service.save_observation(
            Observation(
                session.id,
                CT,
                categories["helpless_inadequate"].id,
                intensity=2 + week,
                supervision=week == 0,
                quote="useless",
                anchor=Anchor(NoteKind.PROCESS, "text", 7, 14),
            ),
            client_id,
        )
        sessions.append(session)
    return sessions


def test_client_page_lists_filters_charts_and_points_out_a_pattern(qtbot, window):
    open_session(qtbot, window, 3)
    workspace = window.workspace
    client = workspace.current_client()
    add_observations(window.service, client.id, 3)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    patterns = workspace.client_page.findChild(
        type(workspace.client_page.widget()), "clientPatterns"
    )
    qtbot.waitUntil(lambda: patterns.model.rowCount() == 3)
    assert patterns.pattern.isVisible()
    assert "“Helpless / inadequate” (countertransference): 3 of 3 — sessions 4, 5 and 6" in (
        patterns.pattern.text()
    )
    assert "supervision" in patterns.pattern.text()
    assert patterns.chart.series_labels == ["CT · Helpless / inadequate"]
    assert patterns.count.text() == "3 of 3 observations"

    qtbot.mouseClick(patterns.supervision, Qt.MouseButton.LeftButton)
    assert patterns.count.text() == "1 of 3 observations"
    qtbot.mouseClick(patterns.supervision, Qt.MouseButton.LeftButton)
    patterns.intensity.setCurrentIndex(patterns.intensity.findData(3))
    assert patterns.count.text() == "2 of 3 observations"
    patterns.kind.setCurrentIndex(patterns.kind.findText("Transference"))
    assert patterns.count.text() == "0 of 3 observations"
    assert patterns.chart.series_labels == []
    patterns.kind.setCurrentIndex(0)
    patterns.category.setCurrentIndex(patterns.category.findText("CT · Helpless / inadequate"))
    assert patterns.count.text() == "2 of 3 observations"
    first = patterns.filtered.index(0, 0)
    assert first.data().startswith("6 · ") and patterns.filtered.index(0, 5).data() == "“useless”"


def test_client_page_has_no_pattern_below_three_sessions(qtbot, window):
    open_session(qtbot, window, 3)
    workspace = window.workspace
    add_observations(window.service, workspace.current_client().id, 2)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    patterns = workspace.client_page.findChild(
        type(workspace.client_page.widget()), "clientPatterns"
    )
    qtbot.waitUntil(lambda: patterns.model.rowCount() == 2)
    assert not patterns.pattern.isVisible()


def test_models_pass_the_model_tester(qtmodeltester, window):
    service = window.service
    client = service.clients()[0]
    add_observations(service, client.id, 2)
    observations = service.client_observations(client.id)
    categories = {c.id: c for c in service.observation_categories()}

    session_model = SessionObservationModel()
    session_model.categories = categories
    session_model.set_items(observations)
    qtmodeltester.check(session_model)

    table = ClientObservationModel()
    table.set_items(
        [
            ObservationRow(o, n, FIRST, categories[o.category_id])
            for n, o in enumerate(observations, 1)
        ]
    )
    qtmodeltester.check(table)
    filtered = ObservationFilter()
    filtered.setSourceModel(table)
    filtered.set_filter(least_intensity=3)
    filtered.setSortRole(SortRole)
    filtered.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(filtered)
    assert filtered.rowCount() == 1

    category_model = CategoryListModel()
    category_model.set_items(list(categories.values()))
    qtmodeltester.check(category_model)


def test_buttons_and_lists_have_names(window):
    editor = window.workspace.editor
    assert editor.observations.view.accessibleName()
    for button in editor.observations.findChildren(QPushButton):
        assert button.text()


def test_a_question_closed_without_an_answer_never_deletes(qtbot, window):
    open_session(qtbot, window, 3)
    editor = window.workspace.editor
    box = editor.process_box
    select_words(qtbot, box, "mediator")
    fill_form(qtbot, "Angry / entitled", 3, "Judged.")
    press(qtbot, window, "Ctrl+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    answer_dialog(qtbot, lambda question: question.reject())  # as auto-lock closes dialogs
    select_words(qtbot, box, "mediator")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: "(untagged)" in panel_rows(window)[0])
    (stored,) = window.service.session_observations(editor.session.id)
    assert stored.quote == "mediator" and not stored.tagged


def test_reveal_observation_chooses_it_and_selects_its_words(qtbot, window):
    open_session(qtbot, window, 3)
    editor = window.workspace.editor
    select_words(qtbot, editor.process_box, "wanted to defend")
    fill_form(qtbot, "Criticized / mistreated", 2, "Cornered.")
    press(qtbot, window, "Ctrl+Shift+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    editor.process_box.moveCursor(editor.process_box.textCursor().MoveOperation.End)
    assert editor.reveal_observation("cornered")
    assert editor.process_box.textCursor().selectedText() == "wanted to defend"
    assert editor.observations.current().what_i_felt == "Cornered."
    assert not editor.reveal_observation("nothing like this")


def test_the_chart_shows_only_the_latest_sessions_it_can_label(qtbot, window):
    categories = window.service.observation_categories(CT)
    rows = [
        ObservationRow(
            Observation(1, CT, categories[n % 3].id),
            n,
            FIRST + timedelta(weeks=n),
            categories[n % 3],
        )
        for n in range(1, CHART_SESSIONS + 10)
    ]
    chart = PatternChart()
    qtbot.addWidget(chart)
    chart.show_rows(rows, categories)
    assert chart.numbers == list(range(10, CHART_SESSIONS + 10))
    assert chart.days == [(FIRST + timedelta(weeks=n)).date() for n in chart.numbers]
    assert f"the last {CHART_SESSIONS} sessions" in chart.title
    assert chart.title in [text.text for text in chart.chart_layout().texts]
    assert chart.series_labels == [f"CT · {c.label}" for c in categories[:3]]


def test_a_tag_whose_text_moved_is_found_again_by_its_words(qtbot, window):
    service = window.service
    client = service.clients()[0]
    session = service.sessions(client.id)[2]
    angry = next(c for c in service.observation_categories(T) if c.key == "angry_entitled")
    # Stored offsets that no longer fit (the text changed since): the quote still finds it.
    service.save_observation(
        Observation(
            session.id,
            T,
            angry.id,
            quote="the mediator",
            anchor=Anchor(NoteKind.PROCESS, "text", 0, 12),
        ),
        client.id,
    )
    open_session(qtbot, window, 2)  # choosing the client opened 3 before the tag was saved
    open_session(qtbot, window, 3)
    box = window.workspace.editor.process_box
    assert highlighted(box)[0][0] == "the mediator"
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " Later.")
    press(qtbot, window, "Ctrl+S")
    (stored,) = service.session_observations(session.id)
    assert PROCESS[stored.anchor.start : stored.anchor.end] == "the mediator"


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform, on popups
def test_the_context_menu_offers_the_tags(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    open_session(qtbot, window, 3)
    box = window.workspace.editor.process_box
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read_menu)
            return
        seen.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_menu)
    box.customContextMenuRequested.emit(box.viewport().rect().center())
    assert "Tag as &transference…" in seen and "Tag as &countertransference…" in seen
    assert "&Record observation…" in seen and any("Copy" in text for text in seen)


def test_the_words_at_the_cursor_tell_a_screen_reader_their_tag(qtbot, window):
    from tests.ui.accessibility_events import accessibility_events

    open_session(qtbot, window, 3)
    box = window.workspace.editor.process_box
    select_words(qtbot, box, "I felt tense")
    fill_form(qtbot, "Criticized / mistreated", 4, "On trial.")
    press(qtbot, window, "Ctrl+Shift+T")
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert box.accessibleDescription() == ""
    with accessibility_events() as events:
        for _ in range(PROCESS.index("I felt tense") + 2):  # into the tagged words
            qtbot.keyClick(box, Qt.Key.Key_Right)
        tag = "Tagged: Countertransference · Criticized / mistreated · 4 of 5"
        assert box.accessibleDescription() == tag
        qtbot.keyClick(box, Qt.Key.Key_End)  # and out of them again
        assert box.accessibleDescription() == ""
    said = [texts[0] for kind, texts in events if kind == kind.Announcement]
    assert said == [tag, "Not tagged"]


def test_the_observation_chart_as_a_table_and_a_sentence(qtbot, window):
    open_session(qtbot, window, 3)
    workspace = window.workspace
    add_observations(window.service, workspace.current_client().id, 3)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    patterns = workspace.client_page.findChild(
        type(workspace.client_page.widget()), "clientPatterns"
    )
    qtbot.waitUntil(lambda: patterns.model.rowCount() == 3)
    holder = patterns.chart.parentWidget()
    assert "3 observations over 3 sessions" in patterns.chart.accessibleDescription()
    assert "Most often: CT · Helpless / inadequate (3)" in patterns.chart.accessibleDescription()
    assert not holder.table.isVisible()
    holder.toggle.setFocus()
    qtbot.keyClick(holder.toggle, Qt.Key.Key_Space)
    assert holder.table.isVisible() and not patterns.chart.isVisible()
    model = holder.table.model()
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert rows == [["4", "1", "1"], ["5", "1", "1"], ["6", "1", "1"]]
    assert "3 observations over 3 sessions" in holder.summary.text()
    qtbot.keyClick(holder.toggle, Qt.Key.Key_Space)
    assert patterns.chart.isVisible() and not holder.table.isVisible()
