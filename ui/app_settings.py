"""The app's own settings file: window layout, theme, auto-lock and backup choices.

Never any client data: that lives in the vault. A backup folder's path is not client data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from notes.spelling import DEFAULT_LANGUAGE, LANGUAGES
from ui.lock.idle_lock import DEFAULT_MINUTES

AUTOLOCK_MINUTES = "security/autolock_minutes"
BACKUP_FOLDER = "backup/folder"
BACKUP_ON_QUIT = "backup/on_quit"
BACKUP_KEEP = "backup/keep"
SPELLING_LANGUAGE = "writing/spelling_language"
THEME = "view/theme"  # follow the system, light or dark (ui/appearance)
DEFAULT_KEEP = 10


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Alliance", "Alliance")


def autolock_minutes() -> int:
    return int(app_settings().value(AUTOLOCK_MINUTES, DEFAULT_MINUTES))


def backup_folder() -> Path | None:
    value = app_settings().value(BACKUP_FOLDER, "")
    return Path(value) if value else None


def backup_on_quit() -> bool:
    return str(app_settings().value(BACKUP_ON_QUIT, "false")).lower() == "true"


def backups_to_keep() -> int:
    return int(app_settings().value(BACKUP_KEEP, DEFAULT_KEEP))


def spelling_language() -> str:
    """The dictionary chosen in Settings; an unknown one reads as the default."""
    value = str(app_settings().value(SPELLING_LANGUAGE, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
