"""Run an installed Alliance as a person would: a bare environment, from `/`, HOME apart."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_in(
    directory: Path, *command: str, stdin: str = "", extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """A command with a bare environment (as `env -i`): no PYTHONPATH, no venv, no checkout on
    the path, HOME in `directory`; the offscreen platform, as there is no display."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(directory), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command,
        cwd="/",
        env={**env, **(extra or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
