"""The README's recovery path works with no Alliance code: its script, run as printed, in a
Python that cannot import this repository (isolated mode, another working folder)."""

from __future__ import annotations

import re
import subprocess
import sys

from storage.demo import write_demo
from storage.vault import Vault
from tests.helpers import REPO_ROOT

QUOTED = "it's 'mine' ÄÖ 🦉"  # the quoting the README explains must hold


def recovery_script() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- recovery-script -->\s*```python\n(.*?)```\s*<!-- /recovery-script -->",
        readme,
        re.DOTALL,
    )
    assert found, "the README lost its recovery script"
    return found.group(1)


def test_the_readme_script_reads_a_vault_without_alliance(tmp_path):
    path = tmp_path / "alliance.vault"
    vault = Vault.create(path, QUOTED)
    try:
        write_demo(vault)
        codes = [row[0] for row in vault.read("SELECT code FROM clients")]
    finally:
        vault.close()
    script = tmp_path / "read_vault.py"
    script.write_text(recovery_script(), encoding="utf-8")
    # Run as printed; afterwards, not one of Alliance's packages may have been imported.
    wrapper = (
        "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], "
        "run_name='__main__'); "
        "assert not {'storage', 'notes', 'ui', 'main'} & set(sys.modules), 'Alliance imported'"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", wrapper, str(script), str(path)],
        cwd=tmp_path,
        input=QUOTED + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for code in codes:
        assert code in result.stdout
    assert '"subjective"' in result.stdout or "subjective" in result.stdout
