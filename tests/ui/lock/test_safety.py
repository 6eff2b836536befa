"""What the window does unasked: auto-lock, clipboard clearing, and the crash dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import (
    STRONG_PASSPHRASE,
    answer_dialog,
    choose_client,
    choose_session,
    press,
    select_words,
    visible_text,
)


def test_auto_lock_closes_dialogs_saves_text_and_restores_it_in_place(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 1)
    editor = open_window.workspace.editor
    session_id = editor.session.id
    qtbot.keyClicks(editor.section_box("plan"), "Phone GP about sleep")
    open_window.idle.set_timeout_ms(300)
    open_window.idle.start()
    opened = []
    answer_dialog(qtbot, opened.append)  # the dialog stays open: nobody answers it
    press(qtbot, open_window, "Ctrl+E")  # returns once auto-lock has closed the dialog

    assert opened, "the client dialog never opened"
    assert window_is_locked(open_window)
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not open_window]
    assert "Maya" not in visible_text(open_window)

    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_window.workspace.editor.session is not None)
    assert open_window.workspace.editor.session.id == session_id
    assert editor.section_box("plan").toPlainText() == "Phone GP about sleep"


def test_activity_keeps_the_vault_open(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    box = open_window.workspace.editor.section_box("objective")
    open_window.idle.set_timeout_ms(1500)
    open_window.idle.start()
    for _ in range(25):  # 2.5 s of steady typing, longer than the idle time
        qtbot.keyClicks(box, "a")
        qtbot.wait(100)
    assert open_window.service.is_unlocked
    qtbot.waitUntil(lambda: window_is_locked(open_window), timeout=5000)


def window_is_locked(window) -> bool:
    return window.pages.currentWidget() is window.unlock_page and not window.service.is_unlocked


def test_locking_clears_text_copied_from_a_note(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    box = open_window.workspace.editor.section_box("subjective")
    qtbot.keyClicks(box, "Talked about Jonas")
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Talked about Jonas"
    press(qtbot, open_window, "Ctrl+L")
    assert QApplication.clipboard().text() == ""


def test_crash_dialog_hides_note_text_keeps_typing_and_can_lock(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    qtbot.keyClicks(editor.section_box("assessment"), "confidential-marker-7731")
    shown = {}

    def read_and_lock(box: QMessageBox) -> None:
        shown["text"] = box.text()
        shown["details"] = box.detailedText()
        lock = next(b for b in box.buttons() if b.text().replace("&", "") == "Lock now")
        qtbot.mouseClick(lock, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, read_and_lock)
    typed = editor.section_box("assessment").toPlainText()
    try:
        raise ValueError(f"could not parse {typed}")
    except ValueError as error:
        open_window.crash_handler(type(error), error, error.__traceback__)

    assert "unexpected problem" in shown["text"] and "saved" in shown["text"]
    assert "confidential-marker-7731" not in shown["details"]
    assert "ValueError (message withheld)" in shown["details"]
    assert "test_crash_dialog_hides_note_text" in shown["details"]
    assert window_is_locked(open_window)
    open_window.service.unlock(STRONG_PASSPHRASE)
    note = open_window.service.progress_note(open_window.workspace.editor.session.id)
    assert note.sections["assessment"] == "confidential-marker-7731"


def test_auto_lock_keeps_a_half_filled_dialog_and_reopens_it(qtbot, open_window):
    from ui.client_page.client_dialog import ClientDialog

    open_window.idle.set_timeout_ms(400)

    suggested = []

    def half_fill(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.full_name, "Tomas Herrera")
        qtbot.keyClicks(dialog.terms, "Lucia")
        suggested.append(dialog.code.text())  # a random code (issue 14)
        open_window.idle.start()  # then the therapist walks away

    answer_dialog(qtbot, half_fill, ClientDialog)
    press(qtbot, open_window, "Ctrl+Shift+C")
    assert window_is_locked(open_window)
    assert "Tomas" not in visible_text(open_window)

    reopened = []

    def finish(dialog: ClientDialog) -> None:
        reopened.append((dialog.full_name.text(), dialog.code.text(), dialog.terms.toPlainText()))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, finish, ClientDialog)
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(reopened))
    code = suggested[0]
    assert reopened == [("Tomas Herrera", code, "Lucia")]
    qtbot.waitUntil(lambda: f"{code}  Tomas Herrera" in visible_text(open_window.workspace))
    assert open_window.service.pending_dialog() == ""


def test_auto_lock_saves_a_half_filled_observation(qtbot, open_window):
    from ui.session.observation_form import ObservationForm

    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    editor = open_window.workspace.editor
    box = editor.section_box("subjective")
    qtbot.keyClicks(box, "She said I sounded just like her father")
    select_words(qtbot, box, "I sounded just like her father")
    open_window.idle.set_timeout_ms(400)

    def half_fill(form: ObservationForm) -> None:
        qtbot.keyClicks(form.happened, "Pushed back on homework")
        open_window.idle.start()

    answer_dialog(qtbot, half_fill, ObservationForm)
    press(qtbot, open_window, "Ctrl+T")
    qtbot.waitUntil(lambda: window_is_locked(open_window))

    open_window.service.unlock(STRONG_PASSPHRASE)
    saved = open_window.service.session_observations(editor.session.id)
    assert [(o.quote, o.what_happened) for o in saved] == [
        ("I sounded just like her father", "Pushed back on homework")
    ]


def test_locking_clears_the_primary_selection_and_nothing_takes_it_back(qtbot, open_window):
    """On X11 selecting words sets PRIMARY (a middle click pastes it elsewhere). Offscreen has
    no PRIMARY: then the guard looks after the clipboard alone, which the checks below cover."""
    from ui.lock.clipboard_guard import guarded_modes

    clipboard = QApplication.clipboard()
    modes = guarded_modes()
    assert modes[0] is QClipboard.Mode.Clipboard
    assert (QClipboard.Mode.Selection in modes) == clipboard.supportsSelection()
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    box = open_window.workspace.editor.section_box("subjective")
    qtbot.keyClicks(box, "She named Jonas again")
    select_words(qtbot, box, "named Jonas")  # with Shift and the arrow keys, as a person does
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    for mode in modes:
        assert clipboard.text(mode) == "named Jonas"

    press(qtbot, open_window, "Ctrl+L")
    qtbot.wait(50)  # the boxes forget their text; none may own the selection again
    for mode in modes:
        assert clipboard.text(mode) == ""


def test_locking_leaves_what_another_program_put_on_the_clipboard(qtbot, open_window):
    clipboard = QApplication.clipboard()
    # Another program's text: set without Alliance hearing of it (offscreen, one process
    # stands for both), so it is neither Alliance's digest nor owned by Alliance.
    clipboard.blockSignals(True)
    clipboard.setText("a recipe from the browser")
    clipboard.blockSignals(False)
    press(qtbot, open_window, "Ctrl+L")
    assert clipboard.text() == "a recipe from the browser"
    clipboard.clear()
