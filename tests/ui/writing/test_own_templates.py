"""Own templates, as a therapist makes, uses, renames and retires one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import answer_dialog, choose_client, choose_session, press
from ui.writing.templates_dialog import TemplatesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen popups


def _type_lines(qtbot, box, lines: list[str]) -> None:
    """Click into the box, select all it holds and type `lines` over it."""
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


def _open_templates(qtbot, window, act) -> None:
    done: list[bool] = []

    def run(dialog: TemplatesDialog) -> None:
        act(dialog)
        done.append(True)
        dialog.accept()

    answer_dialog(qtbot, run, TemplatesDialog)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == "My t&emplates…":
                action.trigger()
    assert done


def _headings(editor) -> list[str]:
    return [
        label.text().replace("&", "")
        for label in editor.findChildren(QLabel)
        if label.objectName() in ("sectionTitle", "keptHeading") and label.isVisible()
    ]


def _choose_template(qtbot, editor, name: str) -> None:
    combo = editor.template_box
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # focus, as a click does
    combo.hidePopup()
    combo.setCurrentIndex(combo.findText(name))


def test_make_use_rename_and_retire_a_template_and_the_note_still_reads(qtbot, open_window):
    def make(dialog: TemplatesDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.name, "Psychodynamic")
        _type_lines(
            qtbot, dialog.sections, ["Themes: what came up", "Relationship: us", "Plan: next"]
        )
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.names.currentItem().text() == "Psychodynamic"

    _open_templates(qtbot, open_window, make)
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    _choose_template(qtbot, editor, "Psychodynamic")
    qtbot.waitUntil(lambda: _headings(editor) == ["Themes", "Relationship", "Plan"])
    box = editor.section_box("themes")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "Her father's absence.")
    press(qtbot, open_window, "Ctrl+S")

    def rename_and_retire(dialog: TemplatesDialog) -> None:
        dialog.names.setCurrentRow(0)
        _type_lines(qtbot, dialog.sections, ["Main themes: what came up", "Plan: next"])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
        assert dialog.names.currentItem().text() == "Psychodynamic (retired)"

    _open_templates(qtbot, open_window, rename_and_retire)
    choose_session(qtbot, open_window, 1)
    assert editor.template_box.findText("Psychodynamic") == -1  # retired: not offered
    assert editor.template_box.findText("Psychodynamic (retired)") == -1
    choose_session(qtbot, open_window, 0)
    assert editor.template_box.currentText() == "Psychodynamic (retired)"
    # renamed; the section left out had no text, so nothing is kept
    qtbot.waitUntil(lambda: _headings(editor) == ["Main themes", "Plan"])
    assert editor.section_box("themes").toPlainText() == "Her father's absence."


def test_a_template_without_a_name_is_refused_and_what_was_typed_stays(qtbot, open_window):
    def make(dialog: TemplatesDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        _type_lines(qtbot, dialog.sections, ["Themes: what came up"])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == "Give the template a name."
        assert dialog.sections.toPlainText() == "Themes: what came up"

    _open_templates(qtbot, open_window, make)
    assert open_window.service.own_templates() == []
