"""Measures taken through the real window, in this process, under QT_QPA_PLATFORM=offscreen.

Each one drives the app the way a person does — types the passphrase, clicks a client, types a
search, presses Export, picks Back up now — and turns the event loop until the result is on
screen, with a StallMeter recording the longest time the window could not have answered a key.
Window settings go to a temporary folder (`isolate_settings`), never the user's own.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bench.stall import StallMeter, wait_until
from bench.vaults import PASSPHRASE
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def isolate_settings(folder: Path) -> None:
    """Window layout and backup choices go to `folder` for the rest of this process."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def settle(seconds: float = 0.05) -> None:
    """Turn the event loop for a moment so that nothing from before is still pending."""
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end)


def wait_for_background() -> None:
    wait_until(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    settle()


class _PaintWatch(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False

    def remove(self) -> None:
        self._widget.removeEventFilter(self)


@contextmanager
def answering_dialogs(answer: Callable[[QWidget], None]) -> Iterator[None]:
    """Answer each modal dialog that opens meanwhile, as a person would."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            answer(dialog)

    timer.timeout.connect(poll)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def dismiss(dialog: QWidget) -> None:
    """ "No" / "OK" on a message box: never opens a folder, never restores anything."""
    if isinstance(dialog, QMessageBox):
        dialog.reject() if dialog.escapeButton() else dialog.accept()


@contextmanager
def unlocked_window(path: Path) -> Iterator[MainWindow]:
    """The real main window on `path`, unlocked by typing the passphrase; locked on exit."""
    window = MainWindow(VaultService(path))
    window.resize(1200, 760)
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    wait_until(lambda: window.pages.currentWidget() is window.workspace, 120)
    try:
        yield window
    finally:
        wait_for_background()
        with answering_dialogs(dismiss):
            window.close()  # saves the layout (to the temporary settings) and locks
        window.deleteLater()
        settle()


# -- the client page ---------------------------------------------------------------------------


def _painted(widget: QWidget, act: Callable[[], None]) -> float:
    """Do `act`, then turn the event loop until `widget` has painted and stayed quiet 0.1 s
    (a section that fills itself a moment later, on a timer, counts too); the time
    (perf_counter) its last paint was seen."""
    watch = _PaintWatch(widget)
    act()
    wait_until(lambda: watch.count > 0, 60)
    seen, last = watch.count, time.perf_counter()
    while time.perf_counter() - last < 0.1:
        settle(0.01)
        if watch.count != seen:
            seen, last = watch.count, time.perf_counter()
    watch.remove()
    return last


def open_client(window: MainWindow, client_id: int) -> float:
    """Click the client in the list, then the Client page tab if the click brought their
    newest session's note forward instead; seconds until the client page has been painted
    (its last paint before 0.1 s of quiet).

    The client must not be the one already shown: clicking that changes nothing on screen.
    """
    workspace = window.workspace
    current = workspace.current_client()
    if current is not None and current.id == client_id:
        raise ValueError("that client is already shown")
    workspace.tabs.setCurrentWidget(workspace.client_page)
    index = workspace.clients.index(workspace.clients.row_of(client_id))
    workspace.client_view.scrollTo(index)
    settle()
    started = time.perf_counter()
    click = lambda: QTest.mouseClick(  # noqa: E731
        workspace.client_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=workspace.client_view.visualRect(index).center(),
    )
    shown = _painted(workspace.tabs, click)
    if workspace.tabs.currentWidget() is not workspace.client_page:
        page = workspace.client_page
        shown = _painted(page.widget(), lambda: workspace.tabs.setCurrentWidget(page))
        shown -= 0.1  # the quiet waited for after the note's paint, before the tab's click
    return shown - started


def client_page(window: MainWindow, biggest: int, other: int, repeats: int = 7) -> dict:
    """The first opening of the biggest client after unlock, then `repeats` more."""
    current = window.workspace.current_client()
    if current is None or current.id != other:
        open_client(window, other)  # unlock may have reopened either; start from `other`
    stalls: list[float] = []

    def opened() -> float:
        with StallMeter() as meter:  # the window cannot answer a key while a client opens
            seconds = open_client(window, biggest)
        stalls.append(meter.longest_ms)
        return seconds

    first = opened()
    again = []
    for _ in range(repeats):
        open_client(window, other)
        again.append(opened())
    return {
        "first_ms": first * 1000,
        "median_ms": statistics.median(again) * 1000,
        "samples_ms": [s * 1000 for s in [first, *again]],
        "stall_ms": statistics.median(stalls),
        "stall_samples_ms": stalls,
    }


# -- the event loop during long work -----------------------------------------------------------


def after_unlock_check(window: MainWindow) -> dict:
    """The once-a-day damage check that starts after unlock: the longest stall until it ends."""
    with StallMeter() as meter:
        seconds = wait_until(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    return {"seconds": seconds, "stall_ms": meter.longest_ms}


def search_panel_of(window: MainWindow):
    """The window's own search panel; None while the window has none."""
    try:
        from ui.search.panel import SearchPanel
    except ImportError:
        return None
    return window.findChild(SearchPanel)


def search_stalls(panel, queries: list[str], rounds: int = 3) -> dict:
    """Type each query into the panel, `rounds` times; the longest stall from typing until the
    results show, per query the median of its rounds (one busy moment elsewhere on the machine
    should not decide), and the worst query."""
    resets = [0]
    panel.results.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
    samples: dict[str, list[float]] = {query: [] for query in queries}
    for _ in range(rounds):
        for query in queries:
            panel.clear()
            settle(0.02)
            before = resets[0]
            with StallMeter() as meter:
                panel.focus_search()
                QTest.keyClicks(panel.field, query)
                wait_until(lambda before=before: resets[0] > before, 30)
                settle(0.02)  # the results list painted
            samples[query].append(meter.longest_ms)
    panel.clear()
    each = {query: statistics.median(stalls) for query, stalls in samples.items()}
    worst = max(each, key=each.get)
    return {
        "stall_ms": each[worst],
        "worst_query": worst,
        "median_stall_ms": statistics.median(each.values()),
        "per_query_stall_ms": each,
    }


def export_dialog_stall(window: MainWindow, client_id: int) -> dict:
    """Reports → Supervision report… with the client chosen: the longest stall from the menu
    entry until the dialog shows its defaults and has swept the default period. The dialog's
    module is not imported here first: a person's first opening imports it too."""
    current = window.workspace.current_client()
    if current is None or current.id != client_id:
        open_client(window, client_id)
    wait_for_background()
    action = next(
        each
        for each in window.findChildren(QAction)
        if each.text().replace("&", "") == "Supervision report…"
    )
    ready: list[float] = []

    def answer(dialog: QWidget) -> None:
        if type(dialog).__name__ != "SupervisionExportDialog":
            dismiss(dialog)
        elif not (dialog.is_loading() or dialog.is_sweeping()):
            ready.append(time.perf_counter())
            dialog.reject()

    with answering_dialogs(answer), StallMeter() as meter:
        started = time.perf_counter()
        action.trigger()  # exec(): returns once `answer` closed the dialog, ready
    wait_for_background()
    return {"seconds": ready[0] - started if ready else None, "stall_ms": meter.longest_ms}


def export_stall(window: MainWindow, client_id: int, period: tuple[date, date], target: Path):
    """A supervision report through the export dialog, as a person presses Export."""
    from ui.reports.export_dialog import SupervisionExportDialog

    dialog = SupervisionExportDialog(window.service, client_id, parent=window)
    dialog.show()
    dialog.start.setDate(QDate(period[0]))
    dialog.end.setDate(QDate(period[1]))
    dialog.target.setText(str(target))
    settle()
    with answering_dialogs(dismiss), StallMeter() as meter:
        started = time.perf_counter()
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: dialog.export_button.isEnabled())  # disabled while it runs
        seconds = time.perf_counter() - started
    saved = dialog.saved_path
    dialog.close()
    dialog.deleteLater()
    return {"seconds": seconds, "stall_ms": meter.longest_ms, "saved": saved is not None}


def backup_stall(window: MainWindow, folder: Path) -> dict:
    """Vault → Back up now, with the backup folder already chosen in the settings."""
    from ui import app_settings

    chosen = app_settings.backup_choices(window.service.path)
    app_settings.set_backup_choices(window.service.path, chosen._replace(folder=folder))
    before = set(folder.glob("*")) if folder.exists() else set()
    result = _vault_action_stall(window, window.vault_actions.back_up_now, dismiss)
    written = set(folder.glob("*.vault")) - before
    return {**result, "saved": bool(written)}


def passphrase_stall(window: MainWindow, new: str) -> dict:
    """Vault → Change passphrase…, the dialog filled in as a person would."""
    from ui.vault.passphrase_change_dialog import PassphraseChangeDialog

    def answer(dialog: QWidget) -> None:
        if isinstance(dialog, PassphraseChangeDialog):
            dialog.current.setText(PASSPHRASE)
            dialog.new.setText(new)
            dialog.repeat.setText(new)
            dialog.accept()
        else:
            dismiss(dialog)

    return _vault_action_stall(window, window.vault_actions.change_passphrase, answer)


def _vault_action_stall(
    window: MainWindow, start: Callable[[], None], answer: Callable[[QWidget], None]
) -> dict:
    """Seconds from `start` until the vault action is done, and the longest stall of the window
    meanwhile, with any dialog it opens answered by `answer`."""
    actions = window.vault_actions
    with answering_dialogs(answer), StallMeter() as meter:
        started = time.perf_counter()
        start()
        wait_until(lambda: not actions.busy)
        seconds = time.perf_counter() - started
        settle()
    return {"seconds": seconds, "stall_ms": meter.longest_ms}
