"""Start the GUI: the application object, the style sheet and the main window."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

import resources
from notes.collection import resume_collection
from ui.appearance.look import chosen_theme, look
from ui.first_paint import BENCH_EXIT_ON_SHOWN, after_first_paint, quit_on_first_paint
from ui.main_window import MainWindow
from ui.vault_service import VaultService

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    """Alliance's own icon, from the PNG sizes packaging/render_icons.py drew (no SVG module)."""
    from PySide6.QtGui import QIcon  # after the first paint, with the icon

    icon = QIcon()
    with resources.path("icons") as folder:
        for png in sorted(folder.glob("alliance-*.png")):
            icon.addFile(str(png))
    return icon


def once_painted(window: MainWindow, then: Callable[[], object]) -> None:
    """Call `then` a turn after the window's first page is painted, so that whatever waits for
    the paint itself (the start-up probe of ui/first_paint.py) is served first."""
    after_first_paint(window.pages, lambda: QTimer.singleShot(0, window, then))


def icon_once_painted(app: QApplication, window: MainWindow) -> None:
    """Give every window the app's icon once its first page is painted: reading its sizes costs
    ~3 ms of start-up before that, and the window manager shows it as soon as it is set."""
    once_painted(window, lambda: app.setWindowIcon(app_icon()))


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Alliance")
    app.setOrganizationName("Alliance")
    app.setDesktopFileName("alliance")  # Wayland and docks find the desktop entry's icon by it
    look().apply(chosen_theme())  # the style sheet, made again when the palette or font changes
    return app


@contextlib.contextmanager
def explained_platform_failure() -> Iterator[None]:
    """While the application object is made: if Qt cannot load its platform plugin, name the
    missing system packages (ui/platform_check.py) instead of Qt's misleading guess, and exit.

    Qt's own warnings of that moment are held back and printed afterwards if all went well.
    """
    held: list[str] = []

    def handler(kind: QtMsgType, context, text: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append(text)
            return
        from ui import platform_check  # only when Qt cannot start: it asks ldd

        found = platform_check.check()
        # Qt aborts when a fatal handler returns: leave first, with our words or with Qt's.
        sys.stderr.write((found.message() if not found.ok else "\n".join([*held, text])) + "\n")
        sys.stderr.flush()
        os._exit(1)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for text in held:
            print(text, file=sys.stderr)


# Should the first page not be painted soon (the window opened on another desktop), garbage
# collection resumes anyway.
COLLECTION_AT_THE_LATEST_MS = 5000
_collecting = False


def collect_garbage_from_now_on() -> None:
    """Garbage collection on again (main.py holds it off until the first paint), with what
    start-up made set aside for good: nearly all of it lives as long as the app (the few hundred
    objects of garbage among it are kept too, as a sweep now would stall the page). Once: a
    later call would also set aside what the workspace has made since."""
    global _collecting
    if _collecting:
        return
    _collecting = True
    gc.freeze()
    resume_collection()  # after a job's pause, should one have begun


def run_app(vault_path: Path) -> int:
    with explained_platform_failure():
        app = make_app()
    window = MainWindow(VaultService(vault_path))
    window.crash_handler.install()
    icon_once_painted(app, window)
    once_painted(window, collect_garbage_from_now_on)
    QTimer.singleShot(COLLECTION_AT_THE_LATEST_MS, app, collect_garbage_from_now_on)
    if os.environ.get(BENCH_EXIT_ON_SHOWN):  # bench/ only: time to the first page, then quit
        quit_on_first_paint(window.pages.currentWidget())
    window.show()
    return app.exec()
