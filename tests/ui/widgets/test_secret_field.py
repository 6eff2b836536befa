"""The passphrase field: editing works as people expect, and nothing Qt can hand to a screen
reader (the accessible text, the text interface, the text behind every text event) holds a
typed character."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QContextMenuEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from tests.ui.accessibility_events import Event, accessibility_events
from ui.widgets.secret_field import BULLET, SecretField

TYPED = "Tür 'zu' ßok"
PASTED = "Tür 'zu' 🦉 ok"


@pytest.fixture
def field(qtbot):
    widget = SecretField()
    widget.setAccessibleName("passphrase")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(field: SecretField, text: str) -> None:
    """Key presses carrying each character, as a keyboard layout delivers them (QTest's own
    keyClicks knows only ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(field, event)


def what_qt_holds(field: SecretField) -> list[str]:
    """Every text Qt itself has of the field; the text events are made from the first one."""
    interface = QAccessible.queryAccessibleInterface(field)
    text_interface = interface.textInterface()
    return [
        QLineEdit.text(field),
        QLineEdit.displayText(field),
        QLineEdit.selectedText(field),
        interface.text(QAccessible.Text.Value),
        text_interface.text(0, text_interface.characterCount()),
    ]


def assert_no_typed_character(field: SecretField) -> None:
    for text in what_qt_holds(field):
        assert set(text) <= {BULLET}, text
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface.text(QAccessible.Text.Name) == "passphrase"


def test_typed_characters_reach_the_field_and_only_bullets_reach_qt(qtbot, field):
    emitted: list[str] = []
    field.textChanged.connect(emitted.append)
    type_text(field, TYPED)
    assert field.text() == TYPED
    assert QLineEdit.text(field) == BULLET * len(TYPED)
    assert_no_typed_character(field)
    assert emitted and all(set(text) <= {BULLET} for text in emitted)
    assert field.echoMode() == QLineEdit.EchoMode.Password  # announced as a password field


def test_editing_keys_edit_the_passphrase(qtbot, field):
    qtbot.keyClicks(field, "abcdef")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # abcde
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # bcde
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClicks(field, "X")  # bXcde
    assert field.text() == "bXcde"
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert field.selectedText() == "de"
    qtbot.keyClicks(field, "Y")  # the selection is replaced
    assert field.text() == "bXcY"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # no undo
    assert field.text() == "bXcY" and QLineEdit.text(field) == BULLET * 4
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "" and QLineEdit.text(field) == ""


def test_paste_takes_the_first_line_and_middle_click_pastes_nothing(qtbot, field):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(PASTED + "\nsecond line")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == PASTED
    assert_no_typed_character(field)
    clipboard.setText("selected elsewhere", clipboard.Mode.Selection)
    qtbot.mouseClick(field, Qt.MouseButton.MiddleButton, pos=QPoint(5, 5))
    assert field.text() == PASTED
    clipboard.clear()


def test_a_right_click_or_the_menu_key_opens_no_menu(qtbot, field):
    """Its Copy, Cut and Undo would work on the bullets: the field shows no menu at all, and
    the window behind it none either."""
    type_text(field, TYPED)
    menus_seen: list[str] = []

    def close_any_menu() -> None:  # what QLineEdit's own menu would be, were it shown
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                menus_seen.append(widget.objectName() or "menu")
                widget.close()

    QTimer.singleShot(200, close_any_menu)
    for reason, where in (
        (QContextMenuEvent.Reason.Mouse, QPoint(5, 5)),
        (QContextMenuEvent.Reason.Keyboard, field.rect().center()),
    ):
        event = QContextMenuEvent(reason, where, field.mapToGlobal(where))
        QApplication.sendEvent(field, event)
        assert event.isAccepted()
    qtbot.wait(250)
    assert menus_seen == []
    assert field.text() == TYPED


def test_input_methods_are_told_the_text_is_hidden_and_sensitive(field):
    hints = field.inputMethodHints()
    for hint in (
        Qt.InputMethodHint.ImhHiddenText,
        Qt.InputMethodHint.ImhSensitiveData,
        Qt.InputMethodHint.ImhNoPredictiveText,
    ):
        assert hints & hint


def test_clearing_and_setting_keep_qt_on_bullets(field):
    field.setText(PASTED)
    assert field.text() == PASTED
    assert_no_typed_character(field)
    field.clear()
    assert field.text() == "" and QLineEdit.text(field) == ""


def text_events(received) -> list[str]:
    kinds = (Event.TextInserted, Event.TextRemoved, Event.TextUpdated, Event.ValueChanged)
    return [text for kind, texts in received if kind in kinds for text in texts]


def test_a_plain_password_field_would_send_each_typed_character(qtbot):
    """What the issue found, seen by the same listener: the check below can fail."""
    plain = QLineEdit()
    plain.setEchoMode(QLineEdit.EchoMode.Password)
    qtbot.addWidget(plain)
    plain.show()
    with accessibility_events() as received:
        qtbot.keyClicks(plain, "owl")
    assert text_events(received)[:3] == ["o", "w", "l"]


def test_the_events_a_screen_reader_receives_carry_only_bullets(qtbot, field):
    with accessibility_events() as received:
        type_text(field, TYPED)
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        qtbot.keyClick(field, Qt.Key.Key_Left)
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        QGuiApplication.clipboard().setText(PASTED)
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        field.setText(TYPED)
        field.clear()
    texts = text_events(received)
    assert texts, "the field sent no text events at all"
    for text in texts:
        assert set(text) <= {BULLET}, text


def test_the_passphrase_pages_use_it(qtbot):
    from ui.lock.passphrase_pages import CreateVaultPage, UnlockPage

    for page in (UnlockPage("alliance.vault"), CreateVaultPage("alliance.vault")):
        qtbot.addWidget(page)
        assert isinstance(page.passphrase, SecretField)
