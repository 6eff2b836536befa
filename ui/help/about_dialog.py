"""About Alliance: version, licence, where the vault is, and what the program is made of.

The versions are those in use by this very process (SQLCipher and SQLite asked of the linked
library, Qt of the loaded one), so a therapist can copy them into a question for support.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from notes.about import LICENCE, LICENCE_SUMMARY, bundled_components, licence_text, version
from storage.library_versions import library_versions
from ui.app import app_icon

ICON_SIZE = 64
LICENCE_COLUMN = 2


class AboutDialog(QDialog):
    """Three tabs: about (version, vault, libraries in use), the bundled libraries, the licence."""

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Alliance")
        tabs = QTabWidget()
        tabs.addTab(self._summary(vault_path), "&About")
        tabs.addTab(self._components(), "&Libraries")
        tabs.addTab(self._licence(), "Li&cence")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _summary(self, vault_path: Path) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>Alliance {version()}</h2>")
        title.setTextFormat(Qt.TextFormat.RichText)
        libraries = library_versions()
        facts = [
            ("Licence", LICENCE),
            ("Vault", str(vault_path)),
            ("SQLCipher", libraries.sqlcipher),
            ("SQLite", libraries.sqlite),
            ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
            ("Python", platform.python_version()),
        ]
        self.facts = QLabel("\n".join(f"{name}: {value}" for name, value in facts))
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName("Version, licence, vault and libraries in use")
        summary = QLabel(
            "Offline, encrypted session notes for psychotherapists.\n\n" + LICENCE_SUMMARY
        )
        summary.setWordWrap(True)
        text = QVBoxLayout()
        for each in (title, self.facts, summary):
            text.addWidget(each)
        text.addStretch()
        row = QHBoxLayout(page)
        row.addWidget(icon)
        row.addLayout(text, 1)
        return page

    def _components(self) -> QWidget:
        components = bundled_components()
        running = {"Python": platform.python_version(), "Qt": qVersion()}  # no metadata of theirs
        self.libraries = table = QTableWidget(len(components), 4)
        table.setHorizontalHeaderLabels(["Library", "Version", "Licence", "Used for"])
        for row, component in enumerate(components):
            shown = component.version or running.get(component.name, "")
            cells = (component.name, shown, component.licence, component.use)
            for column, value in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(value))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The licence column takes what is left and wraps, so "Used for" is never cut off.
        header.setSectionResizeMode(LICENCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setAccessibleName("Libraries inside Alliance and their licences")
        return table

    def _licence(self) -> QWidget:
        self.licence = browser = QTextBrowser()
        browser.setPlainText(licence_text("GPL-3.0.txt"))
        browser.setAccessibleName("The GNU General Public License, version 3")
        return browser


def show_about(parent: QWidget, vault_path: Path) -> None:
    AboutDialog(vault_path, parent).exec()
