"""The Debian package: the frozen folder under /opt/alliance, built with dpkg-deb.

/usr/bin/alliance starts it, a desktop entry and the icon (SVG and PNG sizes, hicolor theme)
put it in the applications menu, and `Depends:` names the system libraries Qt's window plugin
loads (resources/system_libraries.json, which the build leaves out of the folder), so apt
installs what the window needs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
LAUNCHER = '#!/bin/sh\nexec /opt/alliance/alliance "$@"\n'


def depends() -> str:
    """The Depends: field, each package once, in the table's order."""
    table = json.loads((ROOT / "resources" / "system_libraries.json").read_text())
    packages: list[str] = []
    for package in table["libraries"].values():
        if package not in packages:
            packages.append(package)
    return ", ".join(packages)


def _control(version: str, installed_kib: int) -> str:
    return (
        "Package: alliance\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        "Maintainer: Alliance developers <alliance@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends()}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Homepage: https://example.invalid/alliance\n"
        "Description: offline, encrypted session notes for psychotherapists\n"
        " Alliance keeps a therapist's session notes on their own computer, in an\n"
        " encrypted SQLCipher vault, with process notes, the working alliance and\n"
        " de-identified supervision reports in Word.\n"
    )


def _size_kib(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) // 1024


def build_deb(frozen: Path, version: str, dist: Path) -> Path:
    """Stage the file tree beside `dist` and build `alliance_VERSION_amd64.deb` from it."""
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(frozen, stage / "opt" / "alliance", symlinks=True)
    launcher = stage / "usr" / "bin" / "alliance"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER)
    launcher.chmod(0o755)
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "alliance.desktop", applications / "alliance.desktop")
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "alliance.svg", hicolor / "scalable" / "apps" / "alliance.svg")
    for png in ICONS.glob("alliance-*.png"):  # the sizes packaging/render_icons.py drew
        size = png.stem.removeprefix("alliance-")
        apps = hicolor / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        shutil.copy2(png, apps / "alliance.png")
    doc = stage / "usr" / "share" / "doc" / "alliance"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "LICENSE", doc / "copyright")
    shutil.copy2(ROOT / "CHANGELOG.md", doc / "CHANGELOG.md")
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(_control(version, _size_kib(stage)))
    package = dist / f"alliance_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(stage), str(package)],
        check=True,
        capture_output=True,
    )
    return package
