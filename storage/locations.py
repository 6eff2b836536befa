"""Where the vault lives by default: the platform's per-user data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "Alliance"


def default_vault_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "alliance.vault"
