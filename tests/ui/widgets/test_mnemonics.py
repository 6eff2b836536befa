"""Letters are shared out so that as many controls as possible have one of their own."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.widgets.keyboard import give_mnemonics, mnemonic_of, reached_by


def page_of(qtbot, *texts: str) -> tuple[QWidget, list[QPushButton]]:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    return page, buttons


def test_an_earlier_control_moves_to_another_letter_to_free_one(qtbot):
    # In screen order "Edit goal" would take e, then "Edit…" finds e, d, i and t all taken.
    page, buttons = page_of(qtbot, "Edit goal…", "Add…", "Dig", "Tie", "Ivy", "Edit…")
    give_mnemonics(page)
    letters = [mnemonic_of(button.text()) for button in buttons]
    assert None not in letters
    assert len(set(letters)) == len(letters), letters
    assert buttons[1].text() == "&Add…"  # a free first letter is still the one taken


def test_with_more_controls_than_letters_one_is_shared_never_a_reserved_one(qtbot):
    page, buttons = page_of(qtbot, "Ab", "Ba", "Ab")
    give_mnemonics(page, reserved={"x"})
    letters = [mnemonic_of(button.text()) for button in buttons]
    assert sorted(letters) == ["a", "a", "b"] or sorted(letters) == ["a", "b", "b"]


def test_a_button_reached_by_a_shortcut_takes_no_letter_and_names_the_key(qtbot):
    page, buttons = page_of(qtbot, "Rate a session…", "Record")
    reached_by(buttons[0], "Ctrl+Shift+A")
    give_mnemonics(page)
    assert buttons[0].text() == "Rate a session…"
    assert "Ctrl+Shift+A" in buttons[0].toolTip()
    assert buttons[0].accessibleDescription() == "Shortcut Ctrl+Shift+A"
    assert buttons[1].text() == "&Record"
