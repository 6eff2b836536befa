"""Settings: when to lock by itself, and where and how often to keep backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from notes.spelling import LANGUAGES
from ui import app_settings as keys
from ui.lock.idle_lock import MINUTES_RANGE
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.file_dialogs import existing_folder


class SettingsDialog(QDialog):
    """The app's settings, and the backup choices of the vault at `vault_path` (each vault has
    its own)."""

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        backups = keys.backup_choices(vault_path)
        self.setWindowTitle("Settings")
        self.autolock = QSpinBox()
        self.autolock.setRange(*MINUTES_RANGE)
        self.autolock.setSuffix(" minutes")
        self.autolock.setValue(keys.autolock_minutes())
        self.autolock.setAccessibleName("lock after idle minutes")
        self.folder = QLineEdit(str(backups.folder) if backups.folder else "")
        self.folder.setAccessibleName("backup folder")
        self.folder.setPlaceholderText("Not chosen yet")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.on_quit = QCheckBox("Back up every time I quit")
        self.on_quit.setChecked(backups.on_quit)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(backups.keep)
        self.keep.setSuffix(" newest backups")
        self.keep.setAccessibleName("backups to keep")
        self.spelling = QComboBox()
        self.spelling.setAccessibleName("spelling dictionary")
        for code, name in LANGUAGES.items():
            self.spelling.addItem(name, code)
        self.spelling.setCurrentIndex(self.spelling.findData(keys.spelling_language()))
        hint = QLabel(
            "Backups are encrypted with your passphrase, like the vault. An external drive or a "
            "folder that is itself backed up is a good place for them. These backup choices "
            f"are for {vault_path.name} only; each vault has its own."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Lock by itself after", self.autolock)
        form.addRow("Backup folder", folder_row)
        form.addRow("", self.on_quit)
        form.addRow("Keep", self.keep)
        form.addRow("", hint)
        form.addRow("Spelling", self.spelling)
        form_dialog_layout(self, form)
        self.resize(520, 260)

    def _choose_folder(self) -> None:
        chosen = existing_folder(self, "Backup folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def accept(self) -> None:
        settings = keys.app_settings()
        settings.setValue(keys.AUTOLOCK_MINUTES, self.autolock.value())
        folder = self.folder.text().strip()
        keys.set_backup_choices(
            self._vault_path,
            keys.BackupChoices(
                Path(folder) if folder else None, self.on_quit.isChecked(), self.keep.value()
            ),
        )
        settings.setValue(keys.SPELLING_LANGUAGE, self.spelling.currentData())
        settings.sync()
        super().accept()
