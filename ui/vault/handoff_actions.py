"""Using Alliance on two computers: hand the vault off, take a hand-off over, and the warnings
that go with it (a handed-off copy is read-only here; a vault in a synced folder).

The work runs off the GUI thread with the vault locked (storage/handoff.py and
storage/taking_over.py open the file themselves); the Vault menu's job runner
(VaultActions.run) shows its progress.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QSizePolicy, QToolBar

from notes.lineage import read_only_text, taken_over_text
from notes.sync_folders import warning_text
from storage.handoff import SUFFIX
from storage.locations import default_vault_path
from storage.sync_folders import look_around
from storage.taking_over import CopiesForked, TakeOver
from ui import app_settings as keys
from ui.errors import attempt
from ui.widgets.file_dialogs import existing_folder, open_file
from ui.widgets.secret_field import ask_passphrase
from ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MOVE_TITLE = "Move to another computer"
TAKE_TITLE = "Open a handed-off vault"
SYNC_TITLE = "Your vault is in a synced folder"
GREYED_OUT = "Whatever would change it is greyed out."
_HANDOFF_FOLDER = "handoff/folder"
_WARNED = "sync/warned"  # vault paths already warned about (a path is not client data)


class HandoffActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._service = window.service
        self._banner: StatusLine | None = None
        self._bar: QToolBar | None = None
        self._service.unlocked.connect(self._after_unlock)
        self._service.locked.connect(self._hide_banner)

    # -- handing off -------------------------------------------------------------------------

    def move_to_another_computer(self) -> None:
        window = self._window
        answer = QMessageBox.question(
            window,
            MOVE_TITLE,
            "Alliance saves your work, locks the vault and writes a checked, encrypted "
            "hand-off file into a folder you choose: a USB stick, or a folder that Dropbox, "
            "OneDrive or a similar tool carries to the other computer.\n\nFrom then on this "
            "copy opens read-only here, so that only one computer writes to your notes. On the "
            "other computer, choose Vault → Open a handed-off vault… and pick the file.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        settings = keys.app_settings()
        chosen = existing_folder(
            window, "Where should the hand-off file go?", str(settings.value(_HANDOFF_FOLDER, ""))
        )
        if not chosen:
            return
        folder = Path(chosen)
        passphrase = ask_passphrase(window, MOVE_TITLE, "Your passphrase, to write the file:")
        if passphrase is None:
            return
        settings.setValue(_HANDOFF_FOLDER, str(folder))
        settings.sync()
        window.lock()
        if self._service.is_unlocked:  # a backup or rekey is still running
            QMessageBox.warning(window, MOVE_TITLE, "Wait for the running job to finish first.")
            return
        window.vault_actions.run(
            MOVE_TITLE,
            lambda progress: self._service.hand_off(passphrase, folder, progress),
            self._handed_off,
        )

    def _handed_off(self, file: Path) -> None:
        QMessageBox.information(
            self._window,
            MOVE_TITLE,
            f"The vault is handed off, checked, to:\n{file}\n\nOn the other computer choose "
            "Vault → Open a handed-off vault… and pick this file. This copy opens read-only "
            "here from now on.",
        )

    # -- taking over -------------------------------------------------------------------------

    def open_handed_off_vault(self) -> None:
        window = self._window
        start = str(keys.app_settings().value(_HANDOFF_FOLDER, ""))
        chosen = open_file(
            window, TAKE_TITLE, start, f"Alliance hand-off files (*{SUFFIX});;All files (*)"
        )
        if not chosen:
            return
        file = Path(chosen)
        passphrase = self._passphrase_then_lock(TAKE_TITLE, "The passphrase of that vault:")
        if passphrase is None:
            return
        window.vault_actions.run(
            TAKE_TITLE,
            lambda progress: self._service.take_over(file, passphrase, progress),
            lambda done: self._taken_over(done, passphrase),
            failed=lambda error: self._refused(error, file, passphrase),
        )

    def _passphrase_then_lock(self, title: str, prompt: str) -> str | None:
        """The passphrase asked for, with the vault locked so the file can be replaced; None
        when the person cancels, or a running job keeps the vault open (they are told)."""
        passphrase = ask_passphrase(self._window, title, prompt)
        if passphrase is None:
            return None
        self._window.lock()
        if self._service.is_unlocked:
            QMessageBox.warning(self._window, title, "Wait for the running job to finish first.")
            return None
        return passphrase

    def _taken_over(self, done: TakeOver, passphrase: str) -> None:
        if not attempt(self._window, lambda: self._service.unlock(passphrase), TAKE_TITLE):
            return
        aside = done.set_aside.name if done.set_aside else None
        text = taken_over_text(
            str(done.vault_path), done.lineage.handoffs, done.lineage.from_host, aside
        )
        QMessageBox.information(self._window, TAKE_TITLE, text)

    def _refused(self, error: Exception, file: Path, passphrase: str) -> bool:
        """Both copies were changed: say so, keep both, offer a read-only copy of the file."""
        if not isinstance(error, CopiesForked):
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, "Two copies were changed", error.message)
        box.setParent(self._window, box.windowFlags())
        keep = box.addButton(
            "&Keep a read-only copy beside the vault", QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is keep:
            self._keep_beside(file, passphrase)
        return True

    def _keep_beside(self, file: Path, passphrase: str) -> None:
        kept: list[Path] = []
        if attempt(self._window, lambda: kept.append(self._service.keep_beside(file, passphrase))):
            QMessageBox.information(
                self._window,
                "Two copies were changed",
                f"The hand-off file is kept, read-only, as:\n{kept[0]}\n\nOpen it with "
                f'alliance --vault "{kept[0]}" to read it and copy across the text you need; '
                "your vault here is unchanged.",
            )

    # -- after each unlock -------------------------------------------------------------------

    def _read_only_banner(self) -> StatusLine:
        """A line across the top of the window, shown while a read-only copy is open."""
        if self._banner is None:
            self._banner = StatusLine("read_only_banner", urgent=True)
            self._banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar = QToolBar("Read-only", self._window)
            bar.setObjectName("read_only_bar")
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.toggleViewAction().setVisible(False)  # not one to hide by right-clicking
            bar.addWidget(self._banner)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
            self._bar = bar
        return self._banner

    def _hide_banner(self) -> None:
        self._window.setWindowTitle("Alliance")
        if self._bar is not None:
            self._bar.hide()

    def _after_unlock(self) -> None:
        moved = self._service.moved
        if moved is not None:
            self._window.setWindowTitle("Alliance — read-only")
            self._read_only_banner().setText(f"{read_only_text(moved)} {GREYED_OUT}")
            self._bar.show()
        else:
            self._hide_banner()
        # After every view has answered the unlock: the warning may lock again to move the vault.
        QTimer.singleShot(0, self._warn_about_sync_once)

    def _warn_about_sync_once(self) -> None:
        if not self._service.is_unlocked:  # locked again meanwhile
            return
        settings = keys.app_settings()
        warned = [str(each) for each in (settings.value(_WARNED, []) or [])]
        if str(self._service.path) in warned:
            return
        found = self._service.surroundings()
        if not found.worrying:
            return
        settings.setValue(_WARNED, [*warned, str(self._service.path)])
        settings.sync()
        names = [path.name for path in found.conflicts]
        text = warning_text(found.sync, self._service.path.name, names)
        box = QMessageBox(QMessageBox.Icon.Warning, SYNC_TITLE, text)
        box.setParent(self._window, box.windowFlags())
        move = None
        target = self._place_outside() if found.sync is not None else None
        if target is not None:
            box.setInformativeText(f"Alliance can move it for you, to {target}.")
            move = box.addButton("&Move the vault out", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if move is not None and box.clickedButton() is move:
            self._move_out(target, Path(found.sync.root))

    def _place_outside(self) -> Path | None:
        """Alliance's usual vault place, when it is free and not itself in a synced folder."""
        usual = default_vault_path()
        if usual.exists() or usual == self._service.path or look_around(usual).sync:
            return None
        return usual

    def _move_out(self, target: Path, through: Path) -> None:
        window = self._window
        title = "Move the vault out"
        passphrase = self._passphrase_then_lock(title, "Your passphrase, to move the vault:")
        if passphrase is None:
            return
        window.vault_actions.run(
            title,
            lambda progress: self._service.move_out(passphrase, target, through, progress),
            lambda done: self._moved_out(done, passphrase, through),
        )

    def _moved_out(self, done: TakeOver, passphrase: str, through: Path) -> None:
        left = self._service.path
        self._service.relocate(done.vault_path)
        self._window.unlock_page.where.setText(str(done.vault_path))
        if not attempt(self._window, lambda: self._service.unlock(passphrase), SYNC_TITLE):
            return
        QMessageBox.information(
            self._window,
            "Move the vault out",
            f"Your vault is now at {done.vault_path}, outside the synced folder. The copy left "
            f"at {left} is read-only. Started without --vault, Alliance opens the vault from its "
            "new place. To carry it to another computer, choose Vault → Move to another "
            f"computer… and pick {through}.",
        )
