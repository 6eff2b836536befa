"""GUI fixtures: a main window on a fresh vault path, and a way to answer modal dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow
from ui.vault_service import VaultService

STRONG_PASSPHRASE = "lantern orchard velvet 'quiet' harbour"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Window settings go to a temp folder, never the developer's own."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "alliance.vault"


@pytest.fixture
def window(qtbot, vault_path: Path) -> MainWindow:
    main = MainWindow(VaultService(vault_path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    main.service.lock()


def answer_dialog(qtbot, act: Callable[[QWidget], None]) -> None:
    """Run `act` on the next modal dialog as soon as it opens, the way a person would."""

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        act(dialog)

    QTimer.singleShot(0, handle)


def press(qtbot, window: QWidget, shortcut: str) -> None:
    """Type a keyboard shortcut into the window, as a person would after clicking it."""
    from PySide6.QtGui import QKeySequence

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combo = QKeySequence(shortcut)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def visible_text(widget: QWidget) -> str:
    """Everything a person could read in the window: labels, fields, list rows."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit

    parts: list[str] = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QLineEdit):
            parts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            parts.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            parts += [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    return "\n".join(parts)
