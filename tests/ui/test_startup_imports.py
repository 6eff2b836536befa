"""The first page paints before the workspace loads: what a fresh `python main.py` has imported
when its unlock (or create) page is first painted, and that the page works at once.

The child is started as bench/startup.py starts it (ALLIANCE_BENCH_EXIT_ON_SHOWN, offscreen) and
lists its modules at the moment the probe in ui/first_paint.py would report the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import main
from tests.ui.helpers import STRONG_PASSPHRASE
from ui.first_paint import BENCH_EXIT_ON_SHOWN
from ui.main_window import MainWindow
from ui.vault_service import VaultService

ROOT = Path(main.__file__).resolve().parent

# What only the open vault's workspace needs: none of it may load before the first paint.
NOT_BEFORE_FIRST_PAINT = (
    "ui.workspace",
    "ui.client_page",
    "ui.session",
    "ui.reports",
    "ui.measures",
    "ui.search",
    "ui.alliance",
    "ui.supervision",
    "ui.writing",
    "ui.vault.actions",
    "cli",  # the command line's verbs and their parser
    "ui.menus",  # what builds the menus (their titles and letters are ui.menu_layout)
    "dataclasses",  # ~3 ms to load: the first paint's value types are NamedTuples
    "docx",
    "zxcvbn",
    "platformdirs",  # given --vault, as here; the default place is found with it
    "sqlcipher3",
    "notes.reports",
    "notes.alliance_chart",
    "storage.vault",
    "storage.interrupted",
    "storage.clients",
    "storage.sessions",
    "storage.note_store",
    "storage.search",
    "storage.alliance",
    "storage.measures",
    "storage.supervision",
    "storage.report_data",
)

# Reports the page on screen and every module loaded, where the start-up probe would quit.
_CHILD = """
import gc, json, linecache, runpy, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from ui import first_paint

def report():
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "pages"))
    shown = type(window.pages.currentWidget()).__name__
    # vars(), not getattr: asking the module for `Qt` would build the namespace there and then.
    qt_built = "Qt" in vars(sys.modules["PySide6.QtCore"])
    found = {
        "page": shown,
        "modules": sorted(sys.modules),
        "qt_namespace_built": qt_built,
        "collecting_garbage": gc.isenabled(),
        "sources_read": sorted(
            str(Path(f).resolve().relative_to(Path.cwd()))
            for f in linecache.cache
            if f.endswith(".py") and Path(f).resolve().is_relative_to(Path.cwd())
            and ".venv" not in Path(f).parts
        ),
    }
    print("found " + json.dumps(found), flush=True)
    QCoreApplication.quit()

first_paint._report_and_quit = report
sys.argv = ["main.py", "--vault", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""

# The same, once the window is built, its warm-up (ui/main_window.py _WARM_MODULES) is done and
# garbage is collected (a worker's job, such as loading the spelling dictionary, may pause that
# while it runs: notes/collection.py).
_WARMED_CHILD = _CHILD.replace(
    "first_paint._report_and_quit = report",
    """from PySide6.QtCore import QTimer

def when_warm(turns=500):  # 10 s at most: then what has loaded is reported anyway
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "_build"))
    warm = getattr(window, "_warm_up", None)
    if (window._build.done and warm is not None and warm.done and gc.isenabled()) or turns == 0:
        report()
    else:
        QTimer.singleShot(20, lambda: when_warm(turns - 1))

first_paint._report_and_quit = when_warm""",
)


def _run_child(child: str, vault: Path, settings: Path) -> subprocess.CompletedProcess:
    """`child` started as bench/startup.py starts the app: offscreen, with the probe on."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(settings),
        "PYTHONPATH": str(ROOT),
        BENCH_EXIT_ON_SHOWN: "1",
    }
    return subprocess.run(
        [sys.executable, "-c", child, str(vault)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _loaded_at_first_paint(vault: Path, settings: Path, child: str = _CHILD) -> dict:
    done = _run_child(child, vault, settings)
    for line in done.stdout.splitlines():
        if line.startswith("found "):
            return json.loads(line.removeprefix("found "))
    raise AssertionError(f"the window showed nothing:\n{done.stderr[-2000:]}")


def _too_early(modules: list[str]) -> list[str]:
    return [
        m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_BEFORE_FIRST_PAINT)
    ]


@pytest.mark.parametrize(("exists", "page"), [(True, "UnlockPage"), (False, "CreateVaultPage")])
def test_the_first_page_paints_before_the_workspace_and_the_vault_layer_load(
    caseload: Path, tmp_path: Path, exists: bool, page: str
):
    vault = caseload if exists else tmp_path / "new.vault"
    found = _loaded_at_first_paint(vault, tmp_path / "settings")
    assert found["page"] == page
    assert _too_early(found["modules"]) == []
    # Building Qt's `Qt` namespace (93 enums) costs a seventh of a bare window's start.
    assert not found["qt_namespace_built"]
    # PySide reads every module's source after it loads, unless told (ui/pyside_scans.py):
    # at most the two that load before it is told are read.
    assert set(found["sources_read"]) <= {"ui/__init__.py", "ui/pyside_scans.py"}


def test_enter_on_the_unlock_page_before_the_workspace_is_built_opens_the_vault(
    qtbot, caseload: Path
):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.unlock_page
    assert window.menuBar().actions() == []  # the menus come with the workspace, not yet built
    field = window.unlock_page.passphrase
    qtbot.keyClicks(field, STRONG_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.service.is_unlocked
    assert window.pages.currentWidget() is window.workspace
    assert window.menuBar().actions() != []
    window.service.lock()


def test_the_supervision_reports_modules_load_in_steps_once_the_window_is_built(
    caseload: Path, tmp_path: Path
):
    found = _loaded_at_first_paint(caseload, tmp_path / "settings", _WARMED_CHILD)
    assert found["page"] == "UnlockPage"  # still locked: warming up opens nothing
    assert {"notes.reports.builder", "ui.reports.export_dialog"} <= set(found["modules"])
    # Held off until the first paint (main.py), and on again since (ui/app.py): without that,
    # the child waits its 10 s for it and reports it off.
    assert found["collecting_garbage"]


# The window is made but its first page is never painted (as on another desktop).
_NEVER_PAINTED_CHILD = """
import gc, runpy, sys
from PySide6.QtCore import QCoreApplication, QTimer
import ui.app as app_module
from ui import first_paint

first_paint._report_and_quit = lambda: None  # the probe stays quiet: this child reports itself
app_module.COLLECTION_AT_THE_LATEST_MS = 200
app_module.once_painted = lambda window, then: None  # no first paint comes

def report(turns=200):  # 10 s at most: a job started meanwhile (the dictionary) may pause it
    if gc.isenabled() or turns == 0:
        print("collecting", gc.isenabled(), flush=True)
        QCoreApplication.quit()
    else:
        QTimer.singleShot(50, lambda: report(turns - 1))

app_module.icon_once_painted = lambda app, window: QTimer.singleShot(300, report)
sys.argv = ["main.py", "--vault", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""


def test_garbage_collection_resumes_even_if_the_first_page_is_never_painted(
    caseload: Path, tmp_path: Path
):
    done = _run_child(_NEVER_PAINTED_CHILD, caseload, tmp_path / "settings")
    assert "collecting True" in done.stdout, done.stderr[-2000:]
