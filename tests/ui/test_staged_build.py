"""The workspace is built in steps after the first paint (ui/staged_build.py): a passphrase
typed before those steps are done still unlocks, into the whole window, menus built once; the
typing stays in the passphrase field while the steps run; a step that fails stops the build
rather than leave a half-built window to be used as if whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import STRONG_PASSPHRASE, menu_action, wait_until_built
from ui.first_paint import after_first_paint
from ui.main_window import MainWindow
from ui.menus import LAYOUT
from ui.staged_build import BuildFailed, StagedBuild
from ui.vault_service import VaultService
from ui.workspace import Workspace


def test_a_passphrase_typed_at_once_unlocks_into_the_whole_window(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    assert not window._build.done  # typed before the staged build could finish
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    qtbot.wait(300)  # the build's timers still pending fire now, and must add nothing
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for title, _blocks in LAYOUT]  # each menu once, in order
    assert menu_action(window, "&Lock").isEnabled()
    assert window.workspace.client_view.model().rowCount() > 0
    tabs = window.workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Session note",
        "Client page",
        "Search",
    ]


def test_typing_stays_in_the_passphrase_field_while_the_steps_run(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    field = window.unlock_page.passphrase
    qtbot.waitUntil(field.hasFocus)
    typed = ""
    while not window._build.done:  # a letter between each two steps, as a person types
        qtbot.keyClicks(QApplication.focusWidget(), "x")
        typed += "x"
        qtbot.wait(1)
    assert len(typed) > 5  # the build did take several turns, with typing between them
    assert field.hasFocus()
    assert field.text() == typed


def test_a_failing_step_stops_the_build_and_says_so_when_asked_again(qtbot):
    owner = QObject()
    ran: list[str] = []

    def boom() -> None:
        raise ValueError("broken")

    build = StagedBuild(
        owner,
        [("a", lambda: ran.append("a")), ("boom", boom), ("c", lambda: ran.append("c"))],
    )
    with qtbot.captureExceptions() as errors:  # the crash handler's place, from a timer
        build.start()
        qtbot.waitUntil(lambda: build.failed == "boom")
        qtbot.wait(50)
    assert [type(error) for _kind, error, _tb in errors] == [ValueError]
    assert ran == ["a"]  # nothing after the failed step runs on a half-built result
    with pytest.raises(BuildFailed):
        build.finish()
    assert ran == ["a"] and not build.done


@pytest.mark.parametrize("how", ["timers", "at once"])
def test_steps_a_step_returns_run_next_each_once(qtbot, how):
    owner = QObject()
    ran: list[str] = []
    build: StagedBuild

    def parent() -> list:
        ran.append("parent")
        return [("child 1", child), ("child 2", lambda: ran.append("child 2"))]

    def child() -> None:
        ran.append("child 1")
        build.finish()  # a step that asks for the whole result does not re-enter the chain

    build = StagedBuild(owner, [("parent", parent), ("last", lambda: ran.append("last"))])
    if how == "timers":
        build.start()
        qtbot.waitUntil(lambda: build.done)
    else:
        build.finish()
        assert build.done
    qtbot.wait(50)  # timers still pending add nothing
    assert ran == ["parent", "child 1", "child 2", "last"]
    assert [name for name, _ms in build.durations_ms] == ran


def test_a_window_whose_build_failed_stays_locked_and_says_so(qtbot, caseload, monkeypatch):
    def broken(_self) -> None:
        raise ValueError("broken")

    monkeypatch.setattr(Workspace, "_build_search", broken)
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    with qtbot.captureExceptions() as errors:
        qtbot.waitUntil(lambda: window._build.failed is not None)
        qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    # Each failure reaches sys.excepthook (the crash handler's "Something went wrong").
    assert [type(error) for _kind, error, _tb in errors] == [ValueError, BuildFailed]
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.service.is_unlocked


def test_a_timer_due_during_a_step_fires_before_the_next_step(qtbot):
    """Between two steps the event loop takes a whole turn: a timer that fell due while one
    step ran (the stand-in for a key press, a paint, the cursor's blink) is served before the
    next step starts, so steps never run back to back."""
    owner = QObject()
    served: list[bool] = []
    fired: list[int] = []
    timers: list[QTimer] = []

    def step(number: int) -> None:
        served.append(len(fired) == number)  # the timer started by the step before has fired
        timer = QTimer(owner)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(lambda: fired.append(number))
        timer.start()
        timers.append(timer)

    build = StagedBuild(owner, [(f"step {n}", lambda n=n: step(n)) for n in range(8)])
    build.start()
    qtbot.waitUntil(lambda: build.done and len(fired) == 8)
    assert served == [True] * 8


def test_the_page_stays_where_it_was_first_painted_when_the_menus_come(qtbot, caseload):
    window = MainWindow(VaultService(caseload))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.menuBar().actions() == []  # the menus are not built yet
    first = window.unlock_page.mapTo(window, QPoint(0, 0))
    wait_until_built(qtbot, window)
    assert window.menuBar().actions() != []
    assert window.unlock_page.mapTo(window, QPoint(0, 0)) == first


def test_what_waits_for_the_first_paint_runs_once_then_stops_listening(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    after_first_paint(widget, lambda: calls.append(1))
    assert widget.children() != []  # its listener
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: calls == [1])
    widget.repaint()
    qtbot.wait(20)
    assert calls == [1]
    qtbot.waitUntil(lambda: widget.children() == [])  # no longer hears the widget's events
