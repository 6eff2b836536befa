"""PySide is told that Alliance's own modules use it without reading their source, and still
reads every other module as before (ui/pyside_scans.py)."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (PySide's support code loads with it)

from ui.pyside_scans import answer_for_own_modules


def test_own_modules_are_answered_without_reading_and_others_are_read_as_before():
    feature = sys.modules["shibokensupport.feature"]
    assert answer_for_own_modules()
    assert answer_for_own_modules()  # a second call changes nothing more
    own = ModuleType("notes.not_on_disk")  # no file: reading it could not say "PySide6"
    assert feature._mod_uses_pyside(own)
    other = ModuleType("someone_elses_module")  # no file either: PySide's own answer, False
    assert not feature._mod_uses_pyside(other)
    assert not feature._mod_uses_pyside(ModuleType("uikit"))  # not the `ui` package
