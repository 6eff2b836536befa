"""Start the GUI: the application object, the style sheet and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

import resources
from ui.first_paint import BENCH_EXIT_ON_SHOWN, quit_on_first_paint
from ui.main_window import MainWindow
from ui.vault_service import VaultService
from ui.widgets import theme

STYLE_SHEET = "style.qss"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Alliance")
    app.setOrganizationName("Alliance")
    app.setStyleSheet(theme.style_sheet(resources.text(STYLE_SHEET), app.palette()))
    return app


def run_app(vault_path: Path) -> int:
    app = make_app()
    window = MainWindow(VaultService(vault_path))
    window.crash_handler.install()
    if os.environ.get(BENCH_EXIT_ON_SHOWN):  # bench/ only: time to the first page, then quit
        quit_on_first_paint(window.pages.currentWidget())
    window.show()
    return app.exec()
