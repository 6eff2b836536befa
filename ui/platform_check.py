"""Which system packages Qt's window needs and lacks, named from the plugin's own libraries.

When Qt cannot load its xcb platform plugin it says "xcb-cursor0 or libxcb-cursor0 is needed",
whatever is actually missing. This module asks `ldd` which libraries of libqxcb.so are not
found and maps them to Debian and Ubuntu packages (resources/system_libraries.json), so the
message names the real gap and gives the apt line. It imports no Qt at all: the command line
(`alliance check-system`) and the window's start-up both use it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import resources

PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")


@dataclass(frozen=True)
class PlatformCheck:
    """What ldd said about the plugin: the libraries not found and the packages that ship them."""

    plugin: Path | None  # None: not a Linux build with the xcb plugin, nothing to check
    missing_libraries: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()  # Debian 12 names, in the order found
    unknown: tuple[str, ...] = ()  # missing libraries no package of the table ships

    @property
    def ok(self) -> bool:
        return not self.missing_libraries

    def message(self) -> str:
        """In plain words, what is missing and how to install it."""
        if self.plugin is None:
            return "This build has no X11 window plugin to check."
        if self.ok:
            return "Every system library the window needs is installed."
        lines = [
            "Alliance cannot open its window: the system lacks libraries that Qt needs to draw",
            f"on the screen ({', '.join(self.missing_libraries)}).",
        ]
        if self.packages:
            lines += [
                "Install them (Debian 12, Ubuntu 22.04 and later), then start Alliance again:",
                f"    sudo apt install {' '.join(self.packages)}",
            ]
        if self.unknown:
            lines.append(f"No package is known for {', '.join(self.unknown)}: search for it.")
        lines.append("Your vault is untouched.")
        return "\n".join(lines)


def plugin_path() -> Path | None:
    """libqxcb.so of the PySide6 this program runs with, frozen or not; None if there is none."""
    if not sys.platform.startswith("linux"):
        return None
    if getattr(sys, "frozen", False):
        roots = [Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "PySide6"]
    else:
        spec = find_spec("PySide6")
        roots = [Path(place) for place in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        if (root / PLUGIN).is_file():
            return root / PLUGIN
    return None


def not_found(ldd_output: str) -> list[str]:
    """The libraries ldd reported as "not found", each once, in its order."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in found:
            found.append(name)
    return found


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages shipping these libraries, libraries no known package ships)."""
    table = system_libraries()
    packages: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        package = table.get(library)
        if package is None:
            unknown.append(library)
            continue
        first = package.split("|")[0].strip()  # the Debian 12 name; apt resolves it on Ubuntu
        if first not in packages:
            packages.append(first)
    return packages, unknown


def system_libraries() -> dict[str, str]:
    """Library file name (soname) to the package dependency that ships it."""
    return resources.data("system_libraries.json")["libraries"]


def check() -> PlatformCheck:
    """Run ldd on the plugin (a few milliseconds); only when asked, never on an ordinary start."""
    plugin = plugin_path()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return PlatformCheck(plugin=None)
    done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
    missing = not_found(done.stdout)
    packages, unknown = packages_for(missing)
    return PlatformCheck(plugin, tuple(missing), tuple(packages), tuple(unknown))
