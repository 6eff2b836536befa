"""The app's own settings file: window layout, theme, auto-lock and backup choices.

Never any client data: that lives in the vault. A backup folder's path is not client data.
The splits of the window (lists beside the note, progress note above the process note, note
beside observations) are kept per vault too, so a demo vault opened on a laptop's small screen
leaves the real vault's layout as it was; the window's own size and place are the screen's.
Backup choices belong to one vault each (a demo vault never offers the real vault's backups),
kept under a key made from the vault file's path: they are needed while the vault is locked
too (to restore, to recognise a passphrase from before a change), so not inside the vault.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from ui.lock.idle_lock import DEFAULT_MINUTES

AUTOLOCK_MINUTES = "security/autolock_minutes"
# Before backup choices were per vault, one set was shared by all: the vault at the default
# place, the one most people have, takes it over on first use.
SHARED_BACKUP_FOLDER = "backup/folder"
SHARED_BACKUP_ON_QUIT = "backup/on_quit"
SHARED_BACKUP_KEEP = "backup/keep"
SPELLING_LANGUAGE = "writing/spelling_language"
THEME = "view/theme"  # follow the system, light or dark (ui/appearance)
DEFAULT_KEEP = 10


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Alliance", "Alliance")


def autolock_minutes() -> int:
    return int(app_settings().value(AUTOLOCK_MINUTES, DEFAULT_MINUTES))


class BackupChoices(NamedTuple):  # not a dataclass: see ui/first_paint.py
    """Where one vault's backups go, whether quitting makes one, how many are kept."""

    folder: Path | None = None
    on_quit: bool = False
    keep: int = DEFAULT_KEEP


def _vault_group(vault_path: Path) -> str:
    import hashlib  # here: OpenSSL's library loads in ~2 ms, and no vault's group is read
    # before the first paint

    digest = hashlib.sha256(str(Path(vault_path).resolve()).encode()).hexdigest()[:16]
    return f"vaults/{digest}"


def _read_choices(settings: QSettings, folder: str, on_quit: str, keep: str) -> BackupChoices:
    value = str(settings.value(folder, "") or "")
    return BackupChoices(
        Path(value) if value else None,
        str(settings.value(on_quit, "false")).lower() == "true",
        int(settings.value(keep, DEFAULT_KEEP)),
    )


def backup_choices(vault_path: Path) -> BackupChoices:
    """The backup choices of the vault at `vault_path` (none made yet: no folder)."""
    from storage.locations import default_vault_path

    settings = app_settings()
    group = _vault_group(vault_path)
    if settings.contains(f"{group}/backup_folder"):
        return _read_choices(
            settings, f"{group}/backup_folder", f"{group}/backup_on_quit", f"{group}/backup_keep"
        )
    if settings.contains(SHARED_BACKUP_FOLDER) and (
        Path(vault_path).resolve() == default_vault_path().resolve()
    ):
        return _read_choices(
            settings, SHARED_BACKUP_FOLDER, SHARED_BACKUP_ON_QUIT, SHARED_BACKUP_KEEP
        )
    return BackupChoices()


def set_backup_choices(vault_path: Path, choices: BackupChoices) -> None:
    settings = app_settings()
    group = _vault_group(vault_path)
    settings.setValue(f"{group}/vault", str(Path(vault_path).resolve()))  # for a person reading
    settings.setValue(f"{group}/backup_folder", str(choices.folder) if choices.folder else "")
    settings.setValue(f"{group}/backup_on_quit", "true" if choices.on_quit else "false")
    settings.setValue(f"{group}/backup_keep", choices.keep)
    settings.sync()


def backup_folder(vault_path: Path) -> Path | None:
    return backup_choices(vault_path).folder


def backup_on_quit(vault_path: Path) -> bool:
    return backup_choices(vault_path).on_quit


def backups_to_keep(vault_path: Path) -> int:
    return backup_choices(vault_path).keep


def _layout_key(vault_path: Path, name: str) -> str:
    return f"{_vault_group(vault_path)}/layout_{name}"


def layout_state(vault_path: Path, name: str) -> QByteArray | None:
    """The saved state of the splitter called `name` for this vault: its own, else the one
    kept for every vault before layouts were per vault, else None."""
    settings = app_settings()
    for key in (_layout_key(vault_path, name), f"window/{name}"):
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            return state
    return None


def set_layout_states(vault_path: Path, states: dict[str, QByteArray]) -> None:
    """Keep the splitters' states, by name, for this vault."""
    settings = app_settings()
    settings.setValue(f"{_vault_group(vault_path)}/vault", str(Path(vault_path).resolve()))
    for name, state in states.items():
        settings.setValue(_layout_key(vault_path, name), state)
    settings.sync()


def spelling_language() -> str:
    """The dictionary chosen in Settings; an unknown one reads as the default."""
    from notes.spelling import DEFAULT_LANGUAGE, LANGUAGES  # not needed before the first paint

    value = str(app_settings().value(SPELLING_LANGUAGE, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
