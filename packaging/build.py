"""`make package`: freeze Alliance with PyInstaller and wrap it the way this platform installs.

Linux (built and tested here): `dist/alliance-VERSION-linux-x86_64.tar.gz` and
`dist/alliance_VERSION_amd64.deb` (packaging/deb.py). macOS: `dist/Alliance-VERSION.dmg` holding
`Alliance.app` (hdiutil). Windows: the folder, then `dist/alliance-VERSION-setup.exe` from
packaging/alliance.iss (Inno Setup's `iscc`). The macOS and Windows paths are written for those
systems and not built here.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from the checkout: notes/ is importable

from packaging_paths import DIST, FROZEN, WORK  # noqa: E402

from notes.about import declared_version  # noqa: E402


def freeze(spec: str) -> None:
    """Run PyInstaller on one spec; the result lands in build/frozen/."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(FROZEN),
            "--workpath",
            str(WORK),
            str(ROOT / "packaging" / spec),
        ],
        check=True,
    )


def build_linux(version: str) -> list[Path]:
    from deb import build_deb

    freeze("alliance-linux.spec")
    folder = FROZEN / "alliance"
    for name in ("LICENSE", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, folder / name)
    DIST.mkdir(exist_ok=True)
    machine = platform.machine()
    tarball = DIST / f"alliance-{version}-linux-{machine}.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(folder, arcname=f"alliance-{version}")
    return [tarball, build_deb(folder, version, DIST)]


def build_macos(version: str) -> list[Path]:  # pragma: no cover - not built here
    freeze("alliance-macos.spec")
    DIST.mkdir(exist_ok=True)
    dmg = DIST / f"Alliance-{version}.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        [
            *("hdiutil", "create", "-volname", "Alliance"),
            *("-srcfolder", str(FROZEN / "Alliance.app"), "-ov", "-format", "UDZO", str(dmg)),
        ],
        check=True,
    )
    return [dmg]


def build_windows(version: str) -> list[Path]:  # pragma: no cover - not built here
    freeze("alliance-windows.spec")
    DIST.mkdir(exist_ok=True)
    script = ROOT / "packaging" / "alliance.iss"
    subprocess.run(
        [
            *("iscc", f"/DAppVersion={version}", f"/DSourceDir={FROZEN / 'alliance'}"),
            *(f"/O{DIST}", str(script)),
        ],
        check=True,
    )
    return [DIST / f"alliance-{version}-setup.exe"]


def main() -> int:
    version = declared_version()
    if sys.platform.startswith("linux"):
        made = build_linux(version)
    elif sys.platform == "darwin":
        made = build_macos(version)
    elif sys.platform == "win32":
        made = build_windows(version)
    else:
        print(f"No package is defined for {sys.platform}.", file=sys.stderr)
        return 1
    for path in made:
        print(f"{path}  ({path.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
