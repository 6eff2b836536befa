"""How a problem reaches the therapist, from an action (attempt) or a background job.

A VaultError shows its message in a box over the widget; a bug reaches the crash dialog;
SystemExit and KeyboardInterrupt are never handed to a callback.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from storage.errors import NotWritable, WrongPassphrase
from storage.vault import Vault
from tests.helpers import REPO_ROOT
from tests.ui.helpers import STRONG_PASSPHRASE, answer_dialog
from ui import app_settings as keys
from ui.errors import attempt
from ui.jobs import run_in_background

pytestmark = pytest.mark.gui


@pytest.fixture
def widget(qtbot) -> QWidget:
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def read_box(qtbot, shown: dict) -> None:
    """Read the next message box as a person would, then close it with its button."""

    def read(box: QMessageBox) -> None:
        shown.update(title=box.windowTitle(), text=box.text(), parent=box.parentWidget())
        shown["details"] = box.detailedText()
        accept = QMessageBox.ButtonRole.AcceptRole  # OK, or the crash dialog's Keep working
        button = next(each for each in box.buttons() if box.buttonRole(each) == accept)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, read, QMessageBox)


# -- actions: attempt -------------------------------------------------------------------------


def test_an_action_the_vault_refuses_is_explained_and_reported_as_failed(qtbot, widget, caseload):
    shown: dict = {}
    read_box(qtbot, shown)

    assert attempt(widget, lambda: Vault.open(caseload, "wrong")) is False
    assert shown == {
        "title": "Alliance",
        "text": WrongPassphrase().message,
        "parent": widget,
        "details": "",
    }


def test_an_action_with_a_bug_is_not_swallowed(qtbot, widget):
    with pytest.raises(KeyError):
        attempt(widget, lambda: {}["missing"])
    assert QApplication.activeModalWidget() is None


def test_an_action_that_works_shows_nothing(qtbot, widget, caseload):
    assert attempt(widget, lambda: Vault.open(caseload, STRONG_PASSPHRASE).close()) is True
    assert QApplication.activeModalWidget() is None


# -- background jobs -------------------------------------------------------------------------


def test_a_vault_error_in_a_job_shows_its_message_over_the_widget(qtbot, widget, caseload):
    shown: dict = {}
    read_box(qtbot, shown)
    run_in_background(widget, lambda _progress: Vault.open(caseload, "wrong"), print, title="Open")
    qtbot.waitUntil(lambda: "text" in shown, timeout=10_000)

    assert shown["text"] == WrongPassphrase().message
    assert shown["title"] == "Open"
    assert shown["parent"] is widget


def test_a_failed_backup_says_why_in_plain_words(qtbot, open_window, tmp_path):
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backup folder should be")
    keys.set_backup_choices(open_window.service.path, keys.BackupChoices(not_a_folder))
    shown: dict = {}
    read_box(qtbot, shown)
    open_window.vault_actions.back_up_now()
    qtbot.waitUntil(lambda: "text" in shown, timeout=10_000)

    assert shown["title"] == "Back up"
    assert shown["text"] == NotWritable(not_a_folder).message
    assert not open_window.vault_actions.busy


def test_a_bug_in_a_job_reaches_the_crash_dialog_after_the_callback(
    qtbot, open_window, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", open_window.crash_handler)
    told: list[Exception] = []
    shown: dict = {}
    read_box(qtbot, shown)

    note_text = "".join(reversed("7731-rekram-lertsek"))  # in no line of source

    def work(_progress):
        return {}[note_text]

    run_in_background(open_window, work, print, failed=told.append)
    qtbot.waitUntil(lambda: "text" in shown, timeout=10_000)

    assert [type(error) for error in told] == [KeyError]  # told first; the default still ran
    assert "unexpected problem" in shown["text"]
    assert "KeyError (message withheld)" in shown["details"]
    assert note_text not in shown["details"]


def test_a_callback_that_deals_with_the_error_is_the_only_one_to_speak(qtbot, widget, caseload):
    told: list[Exception] = []

    def handled(error: Exception) -> bool:
        told.append(error)
        return True

    run_in_background(widget, lambda _p: Vault.open(caseload, "wrong"), print, failed=handled)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    qtbot.wait(50)  # a box, had one been opened, would be up by now

    assert isinstance(told[0], WrongPassphrase)
    assert QApplication.activeModalWidget() is None


def test_keyboard_interrupt_is_raised_again_never_handed_to_a_callback(qtbot, widget, monkeypatch):
    raised: list[type] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _error, _tb: raised.append(kind))
    told: list[object] = []

    def work(_progress):
        raise KeyboardInterrupt

    run_in_background(widget, work, told.append, failed=told.append)
    qtbot.waitUntil(lambda: bool(raised), timeout=10_000)

    assert raised == [KeyboardInterrupt]
    assert told == []


CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget
from ui.jobs import run_in_background

app = QApplication([])
widget = QWidget()

def work(_progress):
    sys.exit(7)

def told(result):
    print("callback called", flush=True)
    return True

run_in_background(widget, work, told, failed=told)
app.exec()
print("the application went on", flush=True)
"""


def test_system_exit_in_a_job_ends_the_program_without_a_callback():
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert child.returncode == 7, child.stderr
    assert "callback called" not in child.stdout
    assert "the application went on" not in child.stdout
