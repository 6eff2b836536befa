"""The data Alliance ships: style sheet, conduct prompts, alliance vocabulary, taxonomies.

A package, so its files travel inside the wheel and a frozen build; read them through
`importlib.resources` (these helpers), never by a path relative to a source file.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any


def text(name: str) -> str:
    """The whole text of one shipped file, such as "style.qss"."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def data(name: str) -> Any:
    """One shipped JSON file, parsed."""
    return json.loads(text(name))


def path(name: str) -> AbstractContextManager[Path]:
    """A shipped file as a real path, for APIs that take a file name (Qt's icons)."""
    return as_file(files(__name__).joinpath(name))
