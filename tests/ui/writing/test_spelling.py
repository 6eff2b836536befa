"""Spell checking in note boxes, as a therapist meets it: marks, suggestions, own words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import STRONG_PASSPHRASE
from tests.ui.writing.helpers import (
    action_named,
    marked_words,
    open_plan_box,
    right_click_word,
    texts,
)
from ui.writing.box_aids import LOOKING

# The offscreen platform warns on every popup (raise, keyboard grab); menus are popups.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_misspelt_word_is_underlined_once_typed_and_clinical_words_are_not(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " Countertransference and sertraline; she felt misunderstod ")
    qtbot.waitUntil(lambda: "misunderstod" in marked_words(box))
    assert "Countertransference" not in marked_words(box)
    assert "sertraline" not in marked_words(box)


def test_the_word_being_typed_is_not_marked_until_it_is_finished(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " she felt misund")
    assert "misund" not in marked_words(box)
    qtbot.keyClicks(box, " ")
    assert "misund" in marked_words(box)


def test_a_suggestion_from_the_context_menu_replaces_the_word(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " She felt misunderstod by her sister.")
    menu = right_click_word(qtbot, box, "misunderstod")
    assert LOOKING in texts(menu) or action_named(menu, "misunderstood")  # filled off the GUI
    qtbot.waitUntil(lambda: action_named(menu, "misunderstood") is not None, timeout=20_000)
    assert LOOKING not in texts(menu)
    action_named(menu, "misunderstood").trigger()
    assert box.toPlainText().endswith("She felt misunderstood by her sister.")
    qtbot.waitUntil(lambda: "misunderstod" not in marked_words(box))


def test_add_to_my_dictionary_keeps_the_word_in_the_vault_over_a_lock(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " Talked about Quillbrook again. ")
    qtbot.waitUntil(lambda: "Quillbrook" in marked_words(box))
    menu = right_click_word(qtbot, box, "Quillbrook")
    action_named(menu, "Add “Quillbrook” to my dictionary").trigger()
    qtbot.waitUntil(lambda: "Quillbrook" not in marked_words(box))
    assert open_window.service.personal_words() == ["Quillbrook"]

    open_window.lock()
    assert not open_window.writing_aids.checker.is_known("Quillbrook")  # dropped from memory
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_window.pages.currentWidget() is open_window.workspace)
    assert open_window.writing_aids.checker.is_known("Quillbrook")


def test_marks_drawn_again_are_not_taken_for_typing(qtbot, open_window):
    """Qt reports a redrawn note as changed text; were that taken for typing, every new word
    in the dictionary would save each open note again, and lock a read-only vault's window
    behind a question about text that could not be saved."""
    box = open_plan_box(qtbot, open_window)
    editor = open_window.workspace.editor
    qtbot.keyClicks(box, " Talked about Quillbrook again. ")
    qtbot.waitUntil(lambda: not editor.dirty and "Saved" in editor.status.text(), timeout=10_000)
    menu = right_click_word(qtbot, box, "Quillbrook")
    action_named(menu, "Add “Quillbrook” to my dictionary").trigger()
    qtbot.waitUntil(lambda: "Quillbrook" not in marked_words(box))
    assert "Editing" not in editor.status.text()
    assert not editor.dirty


def test_a_known_word_gets_the_ordinary_menu_only(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " Sister visited.")
    menu = right_click_word(qtbot, box, "Sister")
    assert not any("dictionary" in text for text in texts(menu))
    assert LOOKING not in texts(menu)
    menu.close()


def test_choosing_us_english_in_settings_changes_what_is_marked(qtbot, open_window):
    from tests.ui.helpers import answer_dialog
    from ui.vault.settings_dialog import SettingsDialog

    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " Her behaviour, his behavior. ")
    qtbot.waitUntil(lambda: marked_words(box) == ["behavior"])

    def choose_us(dialog: SettingsDialog) -> None:
        dialog.spelling.setFocus()
        qtbot.keyClicks(dialog.spelling, "English (US)")
        assert dialog.spelling.currentText() == "English (US)"
        dialog.accept()

    answer_dialog(qtbot, choose_us, SettingsDialog)
    open_window.vault_actions.open_settings()
    qtbot.waitUntil(lambda: open_window.writing_aids.checker.language == "en_US", timeout=20_000)
    qtbot.waitUntil(lambda: marked_words(box) == ["behaviour"])


def test_a_form_box_is_checked_too_and_its_names_list_is_not(qtbot, open_window):
    from ui.client_page.client_dialog import ClientDialog

    qtbot.waitUntil(lambda: open_window.writing_aids.checker is not None, timeout=20_000)
    dialog = ClientDialog(set(), parent=open_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.problem.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.problem, "Low mood and anxeity since the move. ")
    qtbot.keyClicks(dialog.terms, "Zorblatt ")
    qtbot.waitUntil(lambda: marked_words(dialog.problem) == ["anxeity"])
    assert marked_words(dialog.terms) == []
    dialog.reject()


def test_the_menu_key_offers_spellings_for_the_word_at_the_cursor(qtbot, open_window):
    box = open_plan_box(qtbot, open_window)
    qtbot.keyClicks(box, " She felt misunderstod")
    qtbot.keyClick(box, Qt.Key.Key_Left)  # back inside the word, as after spotting it
    # The Menu key reaches a widget as a keyboard context-menu event (the offscreen platform
    # does not turn a simulated key into one, so the event is sent as the desktop sends it).
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    point = box.cursorRect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, point, box.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(box, event)
    menu = box.writing_aids.spelling_menu
    qtbot.waitUntil(lambda: menu is not None and menu.isVisible())
    qtbot.waitUntil(lambda: action_named(menu, "misunderstood") is not None, timeout=20_000)
    action_named(menu, "misunderstood").trigger()
    assert box.toPlainText().endswith("She felt misunderstood")
