"""Run by test_no_plaintext in a process of its own: a whole working session in the window.

Create a vault, add a client and a session, type a note (the marker arrives on standard input,
never on the command line), let autosave store it, lock, unlock, back up, quit.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from notes.records import Client, Session
from ui import app_settings as keys
from ui.app import make_app
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def main() -> None:
    vault_path, backup_folder = Path(sys.argv[1]), Path(sys.argv[2])
    passphrase = sys.stdin.readline().rstrip("\n")
    marker = sys.stdin.readline().rstrip("\n")
    app = make_app()
    keys.set_backup_choices(vault_path, keys.BackupChoices(backup_folder, on_quit=True))
    window = MainWindow(VaultService(vault_path))
    window.show()
    service = window.service
    service.create(passphrase)
    client = service.save_client(Client("ZZ-01", f"Client {marker}", date(2026, 1, 5), [marker]))
    service.save_session(Session(client.id, datetime(2026, 11, 20, 10)))
    window.workspace.select_client(client.id)
    window.workspace.step_session(-1)
    editor = window.workspace.editor
    QTest.keyClicks(editor.section_box("subjective"), f"Spoke of {marker} at length.")
    QTest.keyClicks(editor.process_box, f"My reaction to {marker}.")

    def after_autosave() -> None:
        if "Saved at" not in editor.status.text():
            QTimer.singleShot(50, after_autosave)
            return
        window.lock()
        service.unlock(passphrase)
        service.back_up(backup_folder)
        window.close()  # backs up again on quit, then locks
        print("DONE", flush=True)
        app.quit()

    QTimer.singleShot(50, after_autosave)
    app.exec()


if __name__ == "__main__":
    main()
