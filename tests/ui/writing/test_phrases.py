"""Phrases, as a therapist uses them: a code and Tab, Ctrl+Space, and the Phrases dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from notes.phrases import Phrase
from tests.ui.helpers import answer_dialog
from tests.ui.writing.helpers import open_plan_box
from ui.writing.box_aids import phrase_menu_of
from ui.writing.phrases_dialog import PhrasesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen popups


def test_a_code_and_tab_becomes_the_phrase(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    before = box.toPlainText()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "nxt")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == before + "\nNext session: pick up where we left off and " + (
        "review how the week went."
    )
    assert box.hasFocus()
    qtbot.waitUntil(lambda: not open_window.workspace.editor.dirty, timeout=5000)  # autosaved
    session = open_window.workspace.editor.session
    assert (
        "pick up where we left off"
        in open_window.service.progress_note(session.id).sections["plan"]
    )


def test_tab_after_an_ordinary_word_still_leaves_the_box(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " tomorrow")
    text = box.toPlainText()
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == text
    assert not box.hasFocus()


def test_ctrl_space_lists_the_phrases_and_enter_picks_one(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " ri")
    qtbot.keyClick(box, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    menu = phrase_menu_of(box)
    qtbot.waitUntil(menu.isVisible)
    assert menu.actions()[0].text().startswith("risk0 — ")  # the code typed so far comes first
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert box.toPlainText().endswith(
        " Asked about thoughts of harming self or others: none "
        "reported today. Protective factors as before."
    )


def test_a_phrase_made_in_the_dialog_expands_in_a_note(qtbot, open_window):
    def make(dialog: PhrasesDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.code, "fam")
        qtbot.mouseClick(dialog.text.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.text, "Family session planned; both parents invited.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.codes.currentItem().text() == "fam"
        dialog.accept()

    box = open_plan_box(qtbot, open_window)
    answer_dialog(qtbot, make, PhrasesDialog)
    action = next(a for a in _session_menu(open_window).actions() if a.text() == "P&hrases…")
    action.trigger()
    assert Phrase("fam", "Family session planned; both parents invited.") in (
        open_window.service.phrases()
    )
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " fam")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText().endswith(" Family session planned; both parents invited.")


def test_the_dialog_refuses_a_code_with_a_space_and_keeps_what_was_typed(qtbot, open_window):
    dialog = PhrasesDialog(open_window.service, open_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code, "two words")
    qtbot.mouseClick(dialog.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.text, "Some text")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "one short word" in dialog.message.text()
    assert dialog.code.text() == "two words" and dialog.text.toPlainText() == "Some text"
    assert all(p.code != "two words" for p in open_window.service.phrases())


def _session_menu(window):
    for action in window.menuBar().actions():
        if action.text() == "&Session":
            return action.menu()
    raise AssertionError("no Session menu")


def test_a_lock_keeps_a_half_made_phrase_and_unlocking_brings_it_back(qtbot, open_window):
    from tests.ui.helpers import STRONG_PASSPHRASE, when_dialog
    from ui.writing.menus import edit_phrases

    def half_make(dialog: PhrasesDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.code, "sch")
        qtbot.mouseClick(dialog.text.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.text, "School meeting planned")
        qtbot.keyClick(dialog.text, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    when_dialog(qtbot, PhrasesDialog, half_make)
    edit_phrases(open_window)
    assert not open_window.service.is_unlocked
    reopened: list[tuple[str, str]] = []

    def look(dialog: PhrasesDialog) -> None:
        reopened.append((dialog.code.text(), dialog.text.toPlainText()))
        dialog.reject()

    when_dialog(qtbot, PhrasesDialog, look)
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened == [("sch", "School meeting planned")]
    assert all(p.code != "sch" for p in open_window.service.phrases())  # not saved unasked
