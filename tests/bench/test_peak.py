"""The memory probe reports its own peak, not the peak of the bench process that started it.

On Linux getrusage's ru_maxrss carries the parent's peak across exec: the bench once reported
462 MB "with the career vault open" that were its own, after recomputing the signed history.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.peak import own_peak_mb

ROOT = Path(__file__).resolve().parents[2]
ASK_CHILD = "from bench.peak import own_peak_mb, maxrss_mb; print(own_peak_mb(), maxrss_mb())"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's /proc only")
def test_a_child_started_after_a_big_peak_reports_its_own_small_one():
    ballast = bytearray(300 * 2**20)
    ballast[::4096] = b"\x01" * len(ballast[::4096])  # touched, so resident
    parent_peak = own_peak_mb()
    del ballast
    done = subprocess.run(
        [sys.executable, "-c", ASK_CHILD],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    own, inherited = (float(word) for word in done.stdout.split())
    assert parent_peak >= 300
    assert inherited >= parent_peak - 1  # the trap: ru_maxrss is the parent's
    assert own < 100  # a bare interpreter, whatever its parent held
