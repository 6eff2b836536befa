"""Application-wide event filters: one Python filter serves them all, started a moment after the
first paint; each feature then catches up.

Six features watch the application's events: the idle lock, the lock key, the look, the wheel
guard, the keyboard guard and screen fit. Qt calls a Python filter on the application for every
event to every object (some thousand to open a dialog), so they share one (`_AppEvents`): it asks
each event its kind once and hands it only to the features that named that kind (`EVENTS`), in
the order they were started. The first call that hands Python a kind of Qt object it has not met
also makes PySide build that class's type and enums, about 15 ms before the first page could
paint (bench: start to the unlock screen). So the window starts them (`start`) once its first
page is on screen, or at once when the whole window is wanted (unlocking, creating a vault). On
starting, each catches up on what was made and shown before it watched: the dialogs already
open, the controls already polished.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

_NAME = "alliance_app_events"  # the application's one _AppEvents, found by this name


class AppFilter(QObject):
    """One feature's share of the application's events: `eventFilter` is given the events of
    the kinds in `EVENTS` (True stops one there), once `start` has started the feature."""

    EVENTS: frozenset[QEvent.Type] = frozenset()

    def catch_up(self) -> None:
        """Do for the windows and controls made before `start` what the filter would have
        done as they were made and shown; by default nothing (nothing to lock before unlock)."""


class _AppEvents(QObject):
    """The one Python event filter on the application, handing each event on by its kind."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self._by_kind: dict[QEvent.Type, list[AppFilter]] = {}
        app.installEventFilter(self)

    def add_first(self, app_filter: AppFilter) -> None:
        """Hand `app_filter` its kinds of event before those started earlier, as Qt runs the
        filter installed last first (a second window's lock key before the first's)."""
        if any(app_filter in given for given in self._by_kind.values()):
            return  # started already (the application's one Look, by a second window)
        for kind in app_filter.EVENTS:
            self._by_kind.setdefault(kind, []).insert(0, app_filter)
        # A feature ends with its owner (a window closed): it is handed nothing after that.
        app_filter.destroyed.connect(lambda: self.remove(app_filter))

    def remove(self, app_filter: AppFilter) -> None:
        for given in self._by_kind.values():
            if app_filter in given:
                given.remove(app_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        given = self._by_kind.get(event.type())
        if given:
            # A copy: a feature may end while one is handled (the lock key closes windows).
            for app_filter in tuple(given):
                if app_filter.eventFilter(watched, event):
                    return True
        return False


def _app_events() -> _AppEvents:
    app = QApplication.instance()
    found = app.findChild(_AppEvents, _NAME)
    return found if found is not None else _AppEvents(app)


def start(filters: Iterable[AppFilter]) -> None:
    """Hand each of `filters` the application's events of its kinds from now on, in this
    order, then catch each up.

    Every filter is started before any catches up, so a catch-up that fails (a bug, which is
    raised once the others have caught up) never leaves the lock key or the idle lock out.
    """
    events = _app_events()
    started = list(filters)
    for app_filter in reversed(started):  # each put first: so they end in this order
        events.add_first(app_filter)
    failed: Exception | None = None
    for app_filter in started:
        try:
            app_filter.catch_up()
        except Exception as error:  # raised below, once every filter is caught up
            failed = failed or error
    if failed is not None:
        raise failed


def stop(app_filter: AppFilter) -> None:
    """Hand `app_filter` no more events."""
    _app_events().remove(app_filter)
