"""Regenerate docs/screenshot.png: the main window on a fresh demo vault, drawn offscreen.

Run from the repository root: `.venv/bin/python docs/make_screenshot.py`.
The demo vault and its passphrase live only in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings

from storage.demo import write_demo
from storage.vault import Vault
from ui.app import make_app
from ui.main_window import MainWindow
from ui.vault_service import VaultService

PASSPHRASE = "screenshot only, thrown away"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        path = Path(folder) / "demo.vault"
        vault = Vault.create(path, PASSPHRASE)
        write_demo(vault)
        vault.close()
        app = make_app()
        window = MainWindow(VaultService(path))
        window.resize(1440, 900)
        window.show()
        window.service.unlock(PASSPHRASE)
        workspace = window.workspace
        workspace.select_client(workspace.clients.item(2).id)
        workspace.select_session(workspace.sessions.item(3).id)
        app.processEvents()
        target = Path(__file__).resolve().parent / "screenshot.png"
        window.grab().save(str(target))
        window.service.lock()
        print(target)


if __name__ == "__main__":
    main()
