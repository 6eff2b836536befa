"""Spare start-up PySide's reading of Alliance's own source files.

Once PySide6 is loaded it reads the whole source of every module imported after it, to see
whether the text "PySide6" occurs in it: a module that uses PySide may ask for its optional
features with `from __feature__ import snake_case` (PYSIDE-2029). For the 68 modules the unlock
page needs that is about 11 ms of every start before the first paint, and it leaves each file's
text in Python's line cache. Alliance never asks for a feature, so for its own modules the answer
is given without reading: "uses PySide", the answer PySide gives any Qt module, which keeps its
features off. Every other module is still read as PySide reads it.

This reaches into PySide's support code (`shibokensupport.feature._mod_uses_pyside`); when a
version has no such function, nothing is changed and start-up only pays the reading again.
"""

from __future__ import annotations

import sys
from types import ModuleType

# The top-level packages and modules of this repository (pyproject.toml's packages).
OWN = frozenset({"main", "cli", "ui", "notes", "storage", "resources", "bench"})


def answer_for_own_modules() -> bool:
    """Answer PySide's question for Alliance's own modules without reading them; True when
    PySide asks it this way (PySide must be loaded first), False when nothing was changed."""
    feature = sys.modules.get("shibokensupport.feature")
    ask = getattr(feature, "_mod_uses_pyside", None)
    if ask is None or getattr(ask, "answers_for_own", False):
        return ask is not None
    read_and_ask = ask

    def uses_pyside(module: ModuleType) -> bool:
        if str(getattr(module, "__name__", "")).partition(".")[0] in OWN:
            return True
        return read_and_ask(module)

    uses_pyside.answers_for_own = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
