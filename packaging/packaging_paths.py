"""Where a build puts its work, its frozen folder and its packages (the tests read them too)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "pyinstaller"
FROZEN = ROOT / "build" / "frozen"  # PyInstaller's onedir result: build/frozen/alliance/
DIST = ROOT / "dist"  # what is handed to people: the tarball and the .deb
