"""Spare start-up PySide's reading of the source of every module.

Once PySide6 is loaded it reads the whole source of every module imported after it, and of every
module imported before it the first time an import statement names it again, to see whether
the text "PySide6" occurs there (PYSIDE-2029). The answer only decides whether a module that
never asks for PySide's optional features (`from __feature__ import snake_case`) is marked "no
features" or "ignore": both leave its features off. Before the unlock page is painted that is
about 110 files read, ~17 ms of every start, each file's text then kept in Python's line cache.
Neither Alliance nor a library it uses asks for a feature, so every module is answered "uses
PySide" (no features) without reading it; a module that does ask still gets what it asks for,
as that request sets its features by itself.

This reaches into PySide's support code (`shibokensupport.feature._mod_uses_pyside`); when a
version has no such function, nothing is changed and start-up only pays the reading again.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(_module: ModuleType) -> bool:
    return True


def answer_without_reading() -> bool:
    """Answer PySide's question for every module from now on without reading its source; True
    when PySide asks it this way (PySide must be loaded first), False when nothing was changed."""
    feature = sys.modules.get("shibokensupport.feature")
    if getattr(feature, "_mod_uses_pyside", None) is None:
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[union-attr]
    return True
