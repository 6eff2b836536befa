"""Nothing about a client leaves the vault: no plaintext on disk, no network connection."""

from __future__ import annotations

import ast
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import STRONG_PASSPHRASE, choose_client, choose_session, press

REPO = Path(__file__).resolve().parents[2]


def files_containing(root: Path, needles: list[bytes], newer_than: float = 0.0) -> list[Path]:
    found = []
    # os.walk, not rglob: other processes (parallel test workers) remove their temp folders
    # while this walks the shared temp folder, and a vanished folder is simply skipped.
    paths = (Path(folder) / name for folder, _dirs, files in os.walk(root) for name in files)
    for path in paths:
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_mtime < newer_than:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(path)
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="XDG folders and TMPDIR are POSIX")
def test_a_whole_working_session_leaves_no_plaintext_anywhere(tmp_path):
    marker = "plaintext" + secrets.token_hex(8)
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    home = tmp_path / "home"
    temp = tmp_path / "tmp"
    for folder in (home, temp):
        folder.mkdir()
    environment = dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_RUNTIME_DIR=str(temp),
        TMPDIR=str(temp),
    )
    started = time.time()
    vault = home / "vault" / "alliance.vault"
    backups = home / "backups"
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.workflow_child", str(vault), str(backups)],
        cwd=REPO,
        env=environment,
        input=f"{STRONG_PASSPHRASE}\n{marker}\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "DONE" in child.stdout, child.stderr
    assert marker not in child.stdout + child.stderr

    assert vault.exists() and len(list(backups.glob("*.vault"))) == 2
    assert list(home.rglob("*.ini")), "the settings file should exist (layout only)"
    assert files_containing(tmp_path, needles) == []
    # The shared temp folder too, for anything that ignored TMPDIR.
    assert files_containing(Path(tempfile.gettempdir()), needles, newer_than=started) == []


def test_main_workflows_never_open_a_socket(qtbot, open_window, monkeypatch, tmp_path):
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use is not allowed in Alliance")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    qtbot.keyClicks(open_window.workspace.editor.section_box("plan"), "Weekly")
    open_window.workspace.editor.flush()
    open_window.service.back_up(tmp_path / "backups")
    press(qtbot, open_window, "Ctrl+K")
    qtbot.keyClicks(open_window.workspace.search_panel.field, "Weekly")
    qtbot.waitUntil(lambda: open_window.workspace.search_panel.results.rowCount() == 1)
    press(qtbot, open_window, "Ctrl+L")
    qtbot.keyClicks(open_window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(open_window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert open_window.service.is_unlocked
    assert attempts == []


def test_no_module_imports_network_code():
    banned = {"QtNetwork", "socket", "http", "urllib", "requests", "ssl", "ftplib", "smtplib"}
    offenders = []
    sources = [REPO / "main.py", REPO / "cli.py"]
    for folder in ("notes", "storage", "ui", "bench"):
        sources += (REPO / folder).rglob("*.py")
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [
                f"{path.relative_to(REPO)}: {name}"
                for name in names
                if set(name.split(".")) & banned
            ]
    assert offenders == []
