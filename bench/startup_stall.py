"""The longest GUI stall after the first paint of the unlock page, while the window tidies up and
builds its workspace: the time before a person could have typed a passphrase.

`python -m bench.startup_stall VAULT` starts the app as `python main.py --vault VAULT` does, with
the start-up probe of ui/first_paint.py (ALLIANCE_BENCH_EXIT_ON_SHOWN); where the probe would
quit, a StallMeter (bench/stall.py) runs for WATCH_MS instead. It prints one JSON line: the
longest stall, whether the workspace was built within that time (so the stall covers it), and
the longest of the window's build steps (ui/staged_build.py).
"""

from __future__ import annotations

import json
import os
import runpy
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from bench.stall import StallMeter
from ui import first_paint

WATCH_MS = 1500  # the workspace is built in steps from 30 ms after the first paint


def _watch() -> None:
    meter = StallMeter()
    meter.__enter__()

    def finish() -> None:
        meter.__exit__()
        windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "pages")]
        # Asked of the window's build itself: the create page is made only without a vault,
        # so the count of its pages does not tell.
        built = bool(windows) and windows[0]._build.done
        steps = windows[0]._build.durations_ms if windows else []  # ui/staged_build.py
        found = {
            "stall_ms": meter.longest_ms,
            "workspace_built": built,
            "largest_step_ms": max((ms for _name, ms in steps), default=0.0),
            "largest_step": max(steps, key=lambda step: step[1], default=("", 0.0))[0],
            "steps": len(steps),
        }
        found["each_ms"] = [[name, round(ms, 1)] for name, ms in steps]
        print(json.dumps(found), flush=True)
        QCoreApplication.quit()

    QTimer.singleShot(WATCH_MS, finish)


if __name__ == "__main__":
    os.environ[first_paint.BENCH_EXIT_ON_SHOWN] = "1"  # the probe on, also when run by hand
    first_paint._report_and_quit = _watch  # the probe's moment, without its quitting
    sys.argv = ["main.py", "--vault", sys.argv[1]]
    runpy.run_path("main.py", run_name="__main__")
