"""The installed package starts: a wheel built from this tree, in a fresh venv, run from `/`.

Slow (it installs PySide6 into a new venv), so it carries the `package` marker: `make test`
leaves it out and `make wheel-test` (run by `.ci/run`) runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, REPO_ROOT
from tests.package.bare import run_in

pytestmark = pytest.mark.package


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin/` folder of a fresh venv with only the built wheel (and its dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("alliance-*.whl")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, env=os.environ.copy())
    return bin_dir


def test_the_wheel_carries_the_resources_and_runs_from_root(installed, tmp_path):
    where = run_in(
        tmp_path, str(installed / "python"), "-c", "import resources, ui; print(ui.__file__)"
    )
    assert where.returncode == 0, where.stderr
    assert "site-packages" in where.stdout and str(REPO_ROOT) not in where.stdout

    alliance = str(installed / "alliance")
    vault = str(tmp_path / "demo.vault")
    made = run_in(
        tmp_path, alliance, "--vault", vault, "demo", "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert made.returncode == 0, made.stderr
    assert "Demo vault with" in made.stdout

    checked = run_in(
        tmp_path, alliance, "--vault", vault, "verify", "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert checked.returncode == 0, checked.stderr
    assert "sound" in checked.stdout

    report = tmp_path / "report.docx"
    exported = run_in(
        tmp_path,
        alliance,
        *("--vault", vault, "export", "--passphrase-stdin", "--client", "TH-01"),
        *("--out", str(report)),
        stdin=PASSPHRASE,
    )
    assert exported.returncode == 0, exported.stderr
    assert report.stat().st_size > 10_000
    assert "De-identified supervision report for TH-01" in exported.stdout


def test_the_console_script_has_the_same_verbs_as_main_py(installed, tmp_path):
    helped = run_in(tmp_path, str(installed / "alliance"), "--help")
    assert helped.returncode == 0, helped.stderr
    for verb in ("demo", "verify", "backup", "search", "export"):
        assert verb in helped.stdout
