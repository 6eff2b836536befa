"""The data Alliance ships: style sheet, conduct prompts, alliance vocabulary, taxonomies.

A package, so its files travel inside the wheel and a frozen build; read them through these
helpers, never by a path relative to a source file elsewhere. When the package is a folder (a
checkout, an installed wheel, a frozen build) a file is read from beside this module, which is
what `importlib.resources` would find there too; only a package inside a zip goes through
`importlib.resources`, whose import costs about 3 ms of every start-up before the first paint.
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

_FOLDER = Path(__file__).parent


def _beside(name: str) -> Path | None:
    found = _FOLDER / name
    return found if found.exists() else None


def text(name: str) -> str:
    """The whole text of one shipped file, such as "style.qss"."""
    found = _beside(name)
    if found is not None:
        return found.read_text(encoding="utf-8")
    from importlib.resources import files

    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def data(name: str) -> Any:
    """One shipped JSON file, parsed."""
    import json

    return json.loads(text(name))


def path(name: str) -> AbstractContextManager[Path]:
    """A shipped file as a real path, for APIs that take a file name (Qt's icons)."""
    found = _beside(name)
    if found is not None:
        return contextlib.nullcontext(found)
    from importlib.resources import as_file, files

    return as_file(files(__name__).joinpath(name))
