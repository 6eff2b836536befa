"""Python's garbage collector runs on the GUI thread only.

Left to itself, Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed: a background job (spelling, search, export) as often as the GUI. A cycle
that holds a Qt dialog is then deleted off the GUI thread, which Qt does not survive (a crash
was seen on unlocking after an idle lock in client mode, while the dictionary loaded). So
automatic collection is off, and a timer on the GUI thread collects by the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class GuiThreadCollector(QObject):
    """Owns collection for the app's life: started with the application, never stopped."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(CHECK_MS)

    def collect_if_due(self) -> None:
        """Collect the oldest generation whose count is over its threshold, as Python would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
