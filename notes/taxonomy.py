"""The starting categories for observations, read from resources/taxonomies.json.

The file only seeds a vault: from then on the therapist's own list (renamed, added, retired
categories) lives in the vault, and each category keeps the key it was given here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache

import resources
from notes.observations import Category, ObservationKind

TAXONOMY_FILE = "taxonomies.json"


@cache
def _data() -> dict:
    return resources.data(TAXONOMY_FILE)


def starting_categories() -> list[Category]:
    """Every category the resource file names, transference first, in the file's order."""
    data = _data()
    return [
        Category(kind, entry["key"], entry["label"], entry["description"])
        for kind in ObservationKind
        for entry in data[kind.value]["categories"]
    ]


def kind_description(kind: ObservationKind) -> str:
    """One plain sentence on what observations of this kind are about."""
    return _data()[kind.value]["description"]


def new_key(label: str, taken: Collection[str]) -> str:
    """A stable key for a category the therapist adds: from its first label, never reused."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = "own_" + (re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_") or "category")
    key, number = base, 2
    while key in taken:
        key, number = f"{base}_{number}", number + 1
    return key
