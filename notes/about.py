"""What Alliance says about itself: its version, its licence, what it bundles under which licence.

The one version string is `version` in pyproject.toml; it reaches the running program through
the installed package's metadata (importlib.metadata). A frozen build carries that metadata
(packaging/spec_common.py copies it); a bare checkout that was never installed reads
pyproject.toml itself.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import resources

DISTRIBUTION = "alliance"
LICENCE = "GPL-3.0-or-later"
LICENCE_SUMMARY = (
    "Alliance is free software: you can redistribute it and/or modify it under the terms of the "
    "GNU General Public License, version 3 or (at your option) any later version. Every copy "
    "stays open to inspection, which is what a program holding health records owes the people "
    "who use it. It comes with no warranty."
)
UNKNOWN_VERSION = "unknown"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    """Alliance's version, as pyproject.toml states it."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return declared_version()  # a checkout that was never installed: the file says it


def declared_version() -> str:
    """The version pyproject.toml declares (what a build of this checkout is named by)."""
    try:
        with _PYPROJECT.open("rb") as file:
            return tomllib.load(file)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN_VERSION


def is_frozen() -> bool:
    """Whether this is a packaged build (PyInstaller) rather than Python running the source."""
    return bool(getattr(sys, "frozen", False))


@dataclass(frozen=True)
class Component:
    """One library a package of Alliance carries."""

    name: str
    licence: str
    use: str
    version: str  # "" when the running program cannot tell
    distribution: str | None  # its Python distribution, whose licence files ship beside it
    text: str | None  # a licence text in resources/licenses/, for those that carry none


def bundled_components() -> list[Component]:
    """The libraries inside a package, from resources/bundled.json, with the versions in use."""
    found = []
    for entry in resources.data("bundled.json")["components"]:
        distribution = entry["distribution"]
        found.append(
            Component(
                name=entry["name"],
                licence=entry["licence"],
                use=entry["use"],
                version=_distribution_version(distribution),
                distribution=distribution,
                text=entry["text"],
            )
        )
    return found


def _distribution_version(distribution: str | None) -> str:
    if distribution is None:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""  # a frozen build carries Alliance's metadata, not every library's


def licence_text(name: str) -> str:
    """One licence text shipped in resources/licenses/."""
    return resources.text(f"licenses/{name}")
