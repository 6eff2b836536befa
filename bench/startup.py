"""Time from process start to the unlock screen, beside a bare PySide6 window; peak memory.

Three start-ups are timed: the app as `make run` starts it (`python main.py`, no arguments: the
vault is found at its default place, which XDG_DATA_HOME points at the benchmark's vault), the
packaged build (`make package`'s folder, when one exists; skipped with a note otherwise), and a
bare PySide6 window as the yardstick.

Both start-up runs are fresh processes timed the same way: the parent notes the wall-clock time
just before spawning, the child prints `shown <unix time>` after its first window's first paint
(ui/first_paint.py) and quits. They alternate, after one unmeasured run of each that warms the
operating system's file cache, as any second launch of an app finds it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ui.first_paint import BENCH_EXIT_ON_SHOWN

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "build" / "frozen" / "alliance" / "alliance"  # what packaging/build.py froze


def _default_place(settings: Path, vault: Path) -> Path:
    """A data folder whose default vault (storage/locations.py) is `vault`, for XDG_DATA_HOME."""
    data = settings / "data"
    default = data / "Alliance" / "alliance.vault"
    default.parent.mkdir(parents=True, exist_ok=True)
    default.unlink(missing_ok=True)
    default.symlink_to(vault.resolve())
    return data


def _env(settings: Path) -> dict[str, str]:
    # XDG_CONFIG_HOME: the children keep their window layout away from the user's own settings.
    # PYTHONDONTWRITEBYTECODE (set on some build machines, never by Alliance) is dropped: a
    # person's second launch finds Python's compiled modules, as the warm-up run leaves them.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(settings),
        BENCH_EXIT_ON_SHOWN: "1",
    }


def _time_to_shown(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{command} showed nothing:\n{done.stderr[-2000:]}")


def startup(vault: Path, settings: Path, repeats: int = 9) -> dict:
    env = {**_env(settings), "XDG_DATA_HOME": str(_default_place(settings, vault))}
    commands = {
        "app": [sys.executable, "main.py"],
        "bare": [sys.executable, "-m", "bench.bare_window"],
    }
    if PACKAGED.is_file():
        commands["packaged"] = [str(PACKAGED)]
    else:
        print(
            f"No packaged build at {PACKAGED.relative_to(ROOT)}: its start-up is skipped "
            "(`make package` builds it).",
            file=sys.stderr,
        )
    for command in commands.values():  # warm-up, unmeasured
        _time_to_shown(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(_time_to_shown(command, env))
    found: dict = {}
    for name, samples in times.items():
        found[f"{name}_ms"] = statistics.median(samples) * 1000
        found[f"{name}_samples_ms"] = [t * 1000 for t in samples]
    found["ratio"] = found["app_ms"] / found["bare_ms"]
    if "packaged_ms" in found:
        found["packaged_ratio"] = found["packaged_ms"] / found["bare_ms"]
    return found


def stall_after_shown(vault: Path, settings: Path, repeats: int = 3) -> dict:
    """The longest GUI stall in the 1.5 s after the unlock page's first paint (tidying up, the
    workspace built): bench/startup_stall.py in fresh processes, the median of `repeats`."""
    stalls, steps = [], []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-m", "bench.startup_stall", str(vault)],
            cwd=ROOT,
            env=_env(settings),
            capture_output=True,
            text=True,
            timeout=120,
        )
        found = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        if not found or not found[0]["workspace_built"]:
            raise RuntimeError(f"no workspace built after the first paint:\n{done.stderr[-2000:]}")
        stalls.append(found[0]["stall_ms"])
        steps.append((found[0]["largest_step_ms"], found[0]["largest_step"]))
    return {
        "stall_ms": statistics.median(stalls),
        "samples_ms": stalls,
        # The longest of the window's build steps in each run (ui/staged_build.py), by name.
        "largest_steps": steps,
    }


def peak_memory(vault: Path, settings: Path, client_id: int, other_id: int) -> dict:
    """Peak resident memory of a fresh app process that unlocks and opens the biggest client."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.memory_probe",
            str(vault),
            str(settings),
            str(client_id),
            str(other_id),
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"the memory probe failed:\n{done.stderr[-2000:]}")
