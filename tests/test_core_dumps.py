"""A crash writes no core file: the command line waits for its passphrase, gets SIGSEGV, and
leaves nothing behind, although the shell allowed core dumps (`ulimit -c unlimited`)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def allow_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def core_limit(pid: int) -> str:
    limits = Path(f"/proc/{pid}/limits").read_text()
    return next(line for line in limits.splitlines() if line.startswith("Max core file size"))


def crash_while_waiting(command: list[str], folder: Path, ready) -> int:
    """Start `command` in `folder` with core dumps allowed, wait until `ready(pid)`, SIGSEGV."""
    child = subprocess.Popen(
        command,
        cwd=folder,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=allow_core_dumps,
    )
    try:
        deadline = time.monotonic() + 30
        while not ready(child.pid):
            assert child.poll() is None, "it ended before waiting for a passphrase"
            assert time.monotonic() < deadline, "it never reached the passphrase prompt"
            time.sleep(0.05)
        time.sleep(0.3)  # parsing the arguments is all that is left before the read
        child.send_signal(signal.SIGSEGV)
        return child.wait(timeout=30)
    finally:
        child.kill()
        child.stdin.close()


def cores(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.startswith("core")]


def test_a_crash_while_waiting_for_the_passphrase_writes_no_core(tmp_path):
    control = tmp_path / "control"
    control.mkdir()
    code = crash_while_waiting(
        [sys.executable, "-c", "import sys; sys.stdin.readline()"], control, lambda _pid: True
    )
    assert code == -signal.SIGSEGV
    if not cores(control):
        pytest.skip("this machine writes no core files into the working folder (core_pattern)")

    folder = tmp_path / "alliance"
    folder.mkdir()
    vault = tmp_path / "alliance.vault"
    command = [sys.executable, str(REPO_ROOT / "main.py"), "--vault", str(vault), "verify"]
    guarded = lambda pid: core_limit(pid).split()[-3] == "0"  # noqa: E731
    code = crash_while_waiting([*command, "--passphrase-stdin"], folder, guarded)
    assert code == -signal.SIGSEGV
    assert cores(folder) == []
    assert not vault.exists()
