"""Application-wide event filters, started a moment after the first paint, then catching up.

Six features watch every event of the application: the wheel guard, the keyboard guard, screen
fit, the look, the lock key and the idle watch. Qt calls a Python filter on the application for
every event to every object, and the first call that hands it a kind of Qt object PySide has not
met yet makes PySide build that class's Python type and enums: about 15 ms of start-up, before
the first page could paint (bench: start to the unlock screen). So each is an AppFilter, made
with its feature and installed by `start` once the first page is on screen, or at once when the
whole window is wanted (unlocking). On starting, each catches up on what was made and shown
before it watched: the dialogs already open, the controls already polished.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class AppFilter(QObject):
    """An event filter for the whole application, installed by `start`."""

    def catch_up(self) -> None:
        """Do for the windows and controls made before `start` what the filter would have
        done as they were made and shown; by default nothing (nothing to lock before unlock)."""


def start(filters: Iterable[AppFilter]) -> None:
    """Filter the application's events with each of `filters` from now on, then catch each up.

    Every filter is installed before any catches up, so a catch-up that fails (a bug, which
    is raised once the others have caught up) never leaves the lock key or the idle lock out.
    """
    app = QApplication.instance()
    started = list(filters)
    for app_filter in started:
        # Qt keeps one entry per filter: installing one again only moves it to the front.
        app.installEventFilter(app_filter)
    failed: Exception | None = None
    for app_filter in started:
        try:
            app_filter.catch_up()
        except Exception as error:  # raised below, once every filter is caught up
            failed = failed or error
    if failed is not None:
        raise failed
