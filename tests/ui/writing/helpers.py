"""Helpers for the writing-aid tests: open a note box and wait for the dictionary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from tests.ui.helpers import choose_client, choose_session


def open_plan_box(qtbot, window, session_row: int = 0) -> QPlainTextEdit:
    """Choose a client and a session; click into the plan, at its end; wait for spelling."""
    choose_client(qtbot, window)
    choose_session(qtbot, window, session_row)
    qtbot.waitUntil(lambda: window.writing_aids.checker is not None, timeout=20_000)
    box = window.workspace.editor.section_box("plan")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    return box


def marked_words(box: QPlainTextEdit) -> list[str]:
    """The words drawn with the spelling underline, as a person sees them."""
    found = []
    block = box.document().begin()
    while block.isValid():
        for each in block.layout().formats():
            if each.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
                found.append(block.text()[each.start : each.start + each.length])
        block = block.next()
    return found


def right_click_word(qtbot, box: QPlainTextEdit, word: str):
    """Right-click in the middle of `word`, as the mouse does; the menu that opens."""
    text = box.toPlainText()
    cursor = box.textCursor()
    cursor.setPosition(text.rindex(word) + len(word) // 2)
    point = box.cursorRect(cursor).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, box.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(box.viewport(), event)
    menu = box.writing_aids.spelling_menu
    qtbot.waitUntil(lambda: menu.isVisible())
    return menu


def action_named(menu, text: str):
    """The menu entry a person would read as `text`."""
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    return None


def texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]
