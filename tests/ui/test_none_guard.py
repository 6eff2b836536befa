"""Long sessions do not crash: ui/ guards against shiboken6 6.12's lost references to None.

Every void Qt method called from Python (shiboken6 6.12.0, Python 3.11) takes one reference
from None without giving it back; without the guard in ui/__init__.py, Python aborts after some
thousands of calls. The child process makes far more calls than None has references.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT

CHILD = """
import ui
from PySide6.QtCore import QObject

thing = QObject()
for _ in range(100_000):
    thing.setObjectName("a")  # a void method: returns None
print("still running")
"""


def test_a_hundred_thousand_void_calls_do_not_abort_python():
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert "deallocating None" not in done.stderr
    assert done.returncode == 0
    assert done.stdout.strip() == "still running"
