"""PySide is answered for every module without its source being read (ui/pyside_scans.py), and
a module that asks for a feature still gets it."""

from __future__ import annotations

import linecache
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (PySide's support code loads with it)

from ui.pyside_scans import answer_without_reading

ROOT = Path(__file__).resolve().parents[2]


def test_modules_are_answered_without_their_source_being_read(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # put back afterwards
    source = tmp_path / "a_module_of_someone_else.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    module = ModuleType("a_module_of_someone_else")
    module.__file__ = str(source)
    assert original(module) is False  # PySide's own answer, from reading the file...
    assert str(source) in linecache.cache  # ...which then stays in the line cache
    linecache.clearcache()

    assert answer_without_reading()
    assert feature._mod_uses_pyside(module) is True  # no features: what PySide gives Qt code
    assert str(source) not in linecache.cache


def test_a_module_that_asks_for_a_feature_still_gets_it(tmp_path):
    """In a process of its own: once a module asks, PySide switches features for the rest of
    that process."""
    (tmp_path / "snake_user.py").write_text(
        "from __feature__ import snake_case\n"
        "from PySide6.QtCore import QObject\n"
        "NAME = QObject().object_name()\n",
        encoding="utf-8",
    )
    probe = (
        "import PySide6.QtCore\n"
        "from ui.pyside_scans import answer_without_reading\n"
        "assert answer_without_reading()\n"
        "import snake_user\n"
        "from PySide6.QtCore import QObject\n"
        "print(repr(snake_user.NAME), QObject().objectName() == '')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split() == ["''", "True"], done.stderr
