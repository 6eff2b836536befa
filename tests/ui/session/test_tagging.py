"""The tag actions of the session menu, as a therapist uses them from the keyboard."""

from __future__ import annotations

from tests.ui.helpers import answer_dialog, choose_client, choose_session, press
from ui.session.observation_form import ObservationForm


def test_record_observation_shortcut_opens_the_form_for_countertransference(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    seen: list[str] = []

    def look(form: ObservationForm) -> None:
        seen.append(form.kind.currentText())
        form.reject()

    answer_dialog(qtbot, look, ObservationForm)
    press(qtbot, open_window, "Ctrl+Shift+O")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Countertransference"]
    assert open_window.service.session_observations(open_window.workspace.editor.session.id) == []
