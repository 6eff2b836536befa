"""The screen the GUI tests run on: Qt's offscreen platform with one 1920×1080 screen (its own
is 800×800, smaller than any desktop the app is made for)."""

from __future__ import annotations

import tempfile
from pathlib import Path

CONFIG = (
    '{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,'
    ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)


def offscreen_platform() -> str:
    """The QT_QPA_PLATFORM value for that screen (its description written to a temp file)."""
    path = Path(tempfile.gettempdir()) / "alliance-tests-screen-1920x1080.json"
    if not path.exists() or path.read_text() != CONFIG:
        path.write_text(CONFIG)
    return f"offscreen:configfile={path}"
