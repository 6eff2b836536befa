"""Widget helpers shared by the GUI tests: acting as a person would, and reading what they see.

Test modules import these from here, never from one another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from storage.preferences import Preferences
from storage.vault import Vault

STRONG_PASSPHRASE = "lantern orchard velvet 'quiet' harbour"


def mark_checked_today(vault: Vault) -> None:
    """Record today's damage check as done, as the window does after a person's first unlock,
    so that unlocking this vault in a test starts no background integrity check."""
    Preferences(vault).set_last_integrity_check(date.today())


def answer_dialog(qtbot, act: Callable[[QWidget], None], kind: type = QWidget) -> None:
    """Run `act` on the next modal dialog (of `kind`) as soon as it opens, as a person would."""

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, handle)
            return
        act(dialog)

    QTimer.singleShot(0, handle)


def when_dialog(qtbot, kind: type, act) -> None:
    """Like answer_dialog, but for the next modal dialog of this class (others may be closing)."""

    def check(dialog) -> None:
        if isinstance(dialog, kind):
            act(dialog)
        else:
            answer_dialog(qtbot, lambda _d: when_dialog(qtbot, kind, act))

    answer_dialog(qtbot, check)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press(qtbot, window: QWidget, shortcut: str) -> None:
    """Type a keyboard shortcut into the window, as a person would after clicking it."""
    from PySide6.QtGui import QKeySequence

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combo = QKeySequence(shortcut)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def menu_action(window: QWidget, text: str) -> QAction:
    """The window's menu entry whose text, mnemonic marks aside, is `text`."""
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == text.replace("&", ""):
            return action
    raise AssertionError(f"no menu entry {text!r}")


def visible_text(widget: QWidget) -> str:
    """Everything a person could read in the window: labels, fields, list rows."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit

    parts: list[str] = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QLineEdit):
            parts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            parts.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            parts += [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    return "\n".join(parts)


def choose_client(qtbot, window, row: int = 0) -> None:
    view = window.workspace.client_view
    rect = view.visualRect(window.workspace.clients.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_session(qtbot, window, row: int) -> None:
    view = window.workspace.session_view
    rect = view.visualRect(window.workspace.sessions.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.workspace.editor.session is not None)


def open_session_numbered(qtbot, window, number: int) -> None:
    """Click the chosen client's session numbered `number` in the list, and wait for its note."""
    workspace = window.workspace
    row = next(
        r
        for r in range(workspace.sessions.rowCount())
        if workspace.sessions.item(r).number == number
    )
    rect = workspace.session_view.visualRect(workspace.sessions.index(row))
    qtbot.mouseClick(
        workspace.session_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    qtbot.waitUntil(
        lambda: workspace.editor.session is not None and workspace.editor.session.number == number
    )


def select_words(qtbot, box: QPlainTextEdit, words: str) -> None:
    """Click into the box, go to the start, walk to the words and select them with Shift."""
    # A box just laid out is shown by a queued event: a person sees it before clicking it.
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=box.viewport().rect().center())
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(box.toPlainText().index(words)):
        qtbot.keyClick(box, Qt.Key.Key_Right)
    for _ in range(len(words)):
        qtbot.keyClick(box, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert box.textCursor().selectedText() == words


def type_into_every_note_box(qtbot, window) -> dict[str, tuple[str, str]]:
    """Choose the first client's first session and type into each of its note boxes, as a
    person would; per box, its text (before, after)."""
    choose_client(qtbot, window)
    choose_session(qtbot, window, 0)
    editor = window.workspace.editor
    seen: dict[str, tuple[str, str]] = {}
    for box in editor.findChildren(QPlainTextEdit):
        if not box.isVisible():
            continue
        before = box.toPlainText()
        qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(box, " typed here")
        seen[box.accessibleName()] = (before, box.toPlainText())
    return seen


MAIN_DIALOGS = ["client", "session", "supervision", "record"]


def open_main_dialog(qtbot, window, kind: str) -> QWidget:
    """One of the main dialogs (MAIN_DIALOGS), shown over the window as a person opens it."""
    from ui.client_page.client_dialog import ClientDialog
    from ui.reports.export_dialog import RecordExportDialog, SupervisionExportDialog
    from ui.session.session_dialog import SessionDialog

    service = window.service
    dialog = {
        "client": lambda: ClientDialog(set(), parent=window),
        "session": lambda: SessionDialog(client_id=1, parent=window),
        "supervision": lambda: SupervisionExportDialog(service, parent=window),
        "record": lambda: RecordExportDialog(service, parent=window),
    }[kind]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if kind == "supervision":  # its defaults are read on a worker
        qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=20_000)
    return dialog


def window_unlocked_on(
    qtbot, path, passphrase: str, width: int | None = None, height: int | None = None
):
    """The real main window on the vault at `path` (`width` × `height`, or its own size), shown,
    active and unlocked (the caller locks it when done)."""
    from ui.main_window import MainWindow
    from ui.vault_service import VaultService

    main = MainWindow(VaultService(path))
    qtbot.addWidget(main)
    if width is not None and height is not None:
        main.resize(width, height)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.service.unlock(passphrase)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.workspace)
    return main


def wait_until_built(qtbot, window: QWidget) -> None:
    """Wait, as a person does a moment after start, for the window to be built in the steps
    that follow its first paint (ui/staged_build.py): every menu in place, in order."""
    from ui.menus import LAYOUT

    qtbot.waitUntil(lambda: window._build.done)
    assert [action.text() for action in window.menuBar().actions()] == [t for t, _b in LAYOUT]
