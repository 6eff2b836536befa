"""Run by test_autosave_survives_sigkill in its own process: type a note, wait for autosave.

Prints SAVED once the editor says so, then keeps the event loop running until it is killed.
The passphrase arrives on standard input, as the rules require.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest

from ui.app import make_app
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def main() -> None:
    vault_path, settings_dir, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = make_app()
    window = MainWindow(VaultService(vault_path))
    window.show()
    window.service.unlock(sys.stdin.readline().rstrip("\n"))
    workspace = window.workspace
    workspace.select_client(workspace.clients.item(0).id)
    workspace.select_session(workspace.sessions.item(0).id)
    editor = workspace.editor
    QTest.keyClicks(editor.section_box("subjective"), text)
    QTest.keyClicks(editor.process_box, "private " + text)

    def report_when_saved() -> None:
        if "Saved at" in editor.status.text():
            print("SAVED", flush=True)
        else:
            QTimer.singleShot(50, report_when_saved)

    QTimer.singleShot(50, report_when_saved)
    app.exec()


if __name__ == "__main__":
    main()
