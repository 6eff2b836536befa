"""The packages `make package` built, checked as a therapist gets them (`make package-test`).

The tarball is unpacked once into a temporary folder and run with a bare environment from `/`:
no Python, no venv, no checkout. The .deb is read with dpkg-deb. Nothing here builds: the
Makefile builds once (or reuses an up-to-date build) before these run.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from notes.about import declared_version
from tests.helpers import PASSPHRASE, REPO_ROOT
from tests.package.bare import run_in
from ui.first_paint import BENCH_EXIT_ON_SHOWN

pytestmark = pytest.mark.package

VERSION = declared_version()
DIST = REPO_ROOT / "dist"
TARBALL = DIST / f"alliance-{VERSION}-linux-x86_64.tar.gz"
DEB = DIST / f"alliance_{VERSION}_amd64.deb"


def _built(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(f"{path.name} is missing: run `make package` first (make package-test does)")
    return path


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tarball's folder, unpacked where no Python of ours is near."""
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(_built(TARBALL)) as archive:
        archive.extractall(where, filter="tar")
    return where / f"alliance-{VERSION}"


@pytest.fixture(scope="module")
def demo_vault(unpacked: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    vault = home / "demo.vault"
    made = run_in(
        home,
        str(unpacked / "alliance"),
        *("--vault", str(vault), "demo", "--passphrase-stdin"),
        stdin=PASSPHRASE,
    )
    assert made.returncode == 0, made.stderr
    assert "Demo vault with" in made.stdout
    return vault


def test_the_folder_carries_its_data_and_licences(unpacked):
    inside = unpacked / "_internal"
    assert (unpacked / "alliance").stat().st_mode & 0o111
    assert (unpacked / "LICENSE").read_text().startswith(" " * 20 + "GNU GENERAL PUBLIC LICENSE")
    assert (inside / "docx" / "templates" / "default.docx").is_file()  # python-docx's template
    assert list((inside / "wordfreq" / "data").glob("*_en.msgpack.gz"))
    assert not list((inside / "wordfreq" / "data").glob("*_de.msgpack.gz"))  # English only
    for shipped in ("style.qss", "bundled.json", "icons/alliance-16.png", "licenses/LGPL-3.0.txt"):
        assert (inside / "resources" / shipped).is_file(), shipped
    for licence in ("python_docx-*/licenses/LICENSE", "sqlcipher3-*/licenses/LICENSE"):
        assert list(inside.glob(licence)), licence


def test_the_system_libraries_are_left_to_the_system(unpacked):
    bundled = {path.name for path in (unpacked / "_internal").iterdir()}
    assert not [name for name in bundled if name.startswith(("libxcb", "libX11", "libfontconfig"))]
    assert "libpython3.11.so.1.0" in bundled  # while Python itself is inside


def test_version_and_help_run_without_python(unpacked, tmp_path):
    version = run_in(tmp_path, str(unpacked / "alliance"), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"Alliance {VERSION} (GPL-3.0-or-later)"
    helped = run_in(tmp_path, str(unpacked / "alliance"), "--help")
    assert helped.returncode == 0, helped.stderr
    for verb in ("demo", "verify", "backup", "search", "export", "check-system"):
        assert verb in helped.stdout


def test_verify_search_and_export_on_a_demo_vault(unpacked, demo_vault, tmp_path):
    alliance = str(unpacked / "alliance")
    vault = ("--vault", str(demo_vault))
    checked = run_in(tmp_path, alliance, *vault, "verify", "--passphrase-stdin", stdin=PASSPHRASE)
    assert checked.returncode == 0, checked.stderr
    assert "sound" in checked.stdout
    found = run_in(
        tmp_path, alliance, *vault, "search", "--passphrase-stdin", "mother", stdin=PASSPHRASE
    )
    assert found.returncode == 0, found.stderr
    assert "[mother]" in found.stdout  # the hit, marked as on a terminal without colour
    report = tmp_path / "report.docx"
    exported = run_in(
        tmp_path,
        alliance,
        *vault,
        *("export", "--passphrase-stdin", "--client", "TH-01", "--out", str(report)),
        stdin=PASSPHRASE,
    )
    assert exported.returncode == 0, exported.stderr
    assert "De-identified supervision report for TH-01" in exported.stdout
    assert report.stat().st_size > 10_000
    undated = run_in(  # month names come from Babel's data, ordinary words from word lists
        tmp_path,
        alliance,
        *vault,
        *("export", "--passphrase-stdin", "--client", "TH-01", "--remove-dates"),
        *("--out", str(tmp_path / "undated.docx")),
        stdin=PASSPHRASE,
    )
    assert undated.returncode == 0, undated.stderr
    assert (tmp_path / "undated.docx").stat().st_size > 10_000
    wrong = run_in(tmp_path, alliance, *vault, "verify", "--passphrase-stdin", stdin="not it")
    assert wrong.returncode == 2


def test_the_window_paints_its_first_page(unpacked, tmp_path):
    shown = run_in(
        tmp_path,
        str(unpacked / "alliance"),
        *("--vault", str(tmp_path / "new.vault")),
        extra={BENCH_EXIT_ON_SHOWN: "1"},
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("shown ")


def test_the_system_check_finds_the_bundled_window_plugin(unpacked, tmp_path):
    checked = run_in(tmp_path, str(unpacked / "alliance"), "check-system")
    said = checked.stdout + checked.stderr
    assert "no X11 window plugin" not in said
    if checked.returncode == 0:
        assert "Every system library the window needs is installed." in said
    else:  # this machine lacks some: the apt line names them
        assert "sudo apt install lib" in said


def _deb(option: str, *fields: str) -> str:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    return subprocess.run(
        ["dpkg-deb", option, str(_built(DEB)), *fields], check=True, capture_output=True, text=True
    ).stdout


def test_the_deb_installs_under_opt_with_a_launcher_desktop_entry_and_icons():
    files = {line.split()[-1].removeprefix(".") for line in _deb("--contents").splitlines()}
    for path in (
        "/opt/alliance/alliance",
        "/usr/bin/alliance",
        "/usr/share/applications/alliance.desktop",
        "/usr/share/icons/hicolor/scalable/apps/alliance.svg",
        "/usr/share/icons/hicolor/16x16/apps/alliance.png",
        "/usr/share/icons/hicolor/256x256/apps/alliance.png",
        "/usr/share/doc/alliance/copyright",
    ):
        assert path in files, path


def test_the_deb_depends_on_what_the_window_plugin_loads():
    assert _deb("--field").count("\n") > 3
    depends = _deb("--field", "Depends").replace(",", " ").split()
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert package in depends
    assert _deb("--field", "Version").strip() == VERSION


def test_apt_can_install_the_deb_with_what_it_depends_on():
    """apt's own dry run on this system: every Depends: name resolves to a real package (on a
    minimal Debian 12 it adds exactly the libraries Qt's xcb plugin lacks). Changes nothing."""
    if shutil.which("apt-get") is None:
        pytest.skip("not a Debian-like system")
    done = subprocess.run(
        ["apt-get", "install", "--simulate", str(_built(DEB))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Inst alliance (" in done.stdout


def test_without_the_xcb_libraries_the_window_names_their_packages(unpacked, tmp_path):
    """Where this machine lacks some of them (a minimal Debian 12, as the issue found)."""
    alliance = str(unpacked / "alliance")
    if run_in(tmp_path, alliance, "check-system").returncode == 0:
        pytest.skip("this machine has every library the xcb plugin needs")
    started = run_in(
        tmp_path, alliance, "--vault", str(tmp_path / "a.vault"), extra={"QT_QPA_PLATFORM": "xcb"}
    )
    assert started.returncode == 1
    assert "sudo apt install lib" in started.stderr
    assert "xcb-cursor0 or libxcb-cursor0 is needed" not in started.stderr
    assert not (tmp_path / "a.vault").exists()
