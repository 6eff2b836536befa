"""The version, the licence and the list of bundled libraries that About and the packages use."""

from __future__ import annotations

import tomllib
from importlib import metadata

from notes.about import bundled_components, declared_version, licence_text, version
from tests.helpers import REPO_ROOT


def test_one_version_string_from_pyproject():
    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert declared_version() == declared
    assert version() == metadata.version("alliance")


def test_the_licence_at_the_root_is_the_one_about_shows():
    root = (REPO_ROOT / "LICENSE").read_text()
    assert root == licence_text("GPL-3.0.txt")
    assert "GNU GENERAL PUBLIC LICENSE" in root and "Version 3, 29 June 2007" in root


def test_every_bundled_library_is_installed_and_has_a_licence_to_ship():
    components = bundled_components()
    names = {component.name for component in components}
    assert {"Qt", "PySide6", "sqlcipher3 (SQLCipher inside)", "python-docx", "zxcvbn"} <= names
    for component in components:
        assert component.licence
        if component.distribution is not None:
            assert component.version, f"{component.distribution} is not installed"
            files = metadata.files(component.distribution) or []
            has_own = any("licen" in str(f).lower() or "copying" in str(f).lower() for f in files)
            assert has_own or component.text, f"no licence text ships for {component.name}"
        if component.text is not None:
            assert licence_text(component.text).strip()


def test_every_runtime_dependency_is_listed_as_bundled():
    components = bundled_components()
    listed = {c.distribution.lower().replace("_", "-") for c in components if c.distribution}
    required = [r.split(";")[0] for r in metadata.requires("alliance") or [] if "extra ==" not in r]
    for requirement in required:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        if name == "pyside6-addons":
            continue  # its modules (QtCharts) are PySide6's, listed as PySide6
        assert name.replace("_", "-") in listed, name
