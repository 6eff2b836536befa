"""A process's own peak resident memory, none of it inherited from the process that started it.

On Linux getrusage's ru_maxrss is not that: the kernel keeps the highest resident size across
exec, so a process the bench starts (vfork, then exec) reports at least the bench's own peak —
hundreds of MB once it has built a vault or recomputed the signed history. The high-water mark
of the process's memory map (`VmHWM` in /proc/self/status) starts afresh at exec. Where there is
no /proc (macOS), ru_maxrss is the answer, true only when started from a small parent.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

STATUS = Path("/proc/self/status")


def own_peak_mb() -> float:
    """This process's peak resident memory, in MB."""
    if STATUS.exists():
        for line in STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return maxrss_mb()


def maxrss_mb() -> float:
    """getrusage's ru_maxrss in MB: on Linux at least the peak of the parent that started us."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes there, KiB here
