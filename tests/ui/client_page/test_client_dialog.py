"""The client form's report code (issue 14): suggested at random, warned of when made from the
name."""

from __future__ import annotations

from ui.client_page.client_dialog import ClientDialog


def test_a_random_code_is_suggested_and_a_code_made_from_the_name_is_warned_of(qtbot):
    dialog = ClientDialog({"DOKA-37"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.full_name, "Maya")
    suggested = dialog.code.text()
    qtbot.keyClicks(dialog.full_name, " Lindqvist")
    assert dialog.code.text() == suggested  # one suggestion, not a new one per keystroke
    assert not suggested.startswith("ML") and suggested != "DOKA-37"
    assert not dialog.code_warning.isVisible()

    dialog.code.selectAll()
    qtbot.keyClicks(dialog.code, "MAYA-1")
    assert dialog.code_warning.isVisible()
    assert "contains part of the client's name" in dialog.code_warning.text()
    dialog.code.selectAll()
    qtbot.keyClicks(dialog.code, "JON-1")
    assert not dialog.code_warning.isVisible()
    qtbot.keyClicks(dialog.terms, "Jonas")
    assert dialog.code_warning.isVisible()  # an identifying term counts too
