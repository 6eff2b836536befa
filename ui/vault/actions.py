"""The Vault menu's work: backups, restore, passphrase change, damage checks, audit, settings.

Long jobs run off the GUI thread (ui/jobs.py) behind a progress dialog; while one runs, locking
waits for it to end, so a backup or a rekey is never cut off halfway.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from notes.signed_history import history_warning
from notes.wording import counted
from storage.vault import DAMAGE_FOUND
from ui import app_settings as keys
from ui.errors import attempt
from ui.jobs import run_in_background, yielding
from ui.lock.dialog_drafts import Fields, draftable
from ui.vault.audit_dialog import AuditDialog
from ui.vault.passphrase_change_dialog import PassphraseChangeDialog
from ui.vault.settings_dialog import SettingsDialog
from ui.vault_service import VaultService
from ui.widgets.file_dialogs import existing_folder, open_file
from ui.widgets.secret_field import ask_passphrase


class VaultActions(QObject):
    def __init__(self, service: VaultService, window: QWidget) -> None:
        super().__init__(window)
        self._service = service
        self._window = window
        self._progress: QProgressDialog | None = None
        self.busy = False
        self.lock_when_done = False
        self._locks = 0  # a damage check that a lock cut short has nothing to report
        service.locked.connect(self._count_lock)

    def _count_lock(self) -> None:
        self._locks += 1

    # -- running a job ---------------------------------------------------------------------

    def _run(self, title: str, work, done, failed=None) -> None:
        """`failed`, if given, is offered a failure first (True: dealt with)."""
        self.busy = True
        self._done = done
        self._failed_first = failed
        progress = QProgressDialog(title, "", 0, 100, self._window)
        progress.setWindowTitle(title)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        self._progress = progress
        # Bound methods, not closures: Qt drops the connection if this object is gone.
        run_in_background(
            self._window,
            work,
            self._finished,
            failed=self._failed,
            progress=self._step,
            title=title,
        )

    def _step(self, text: str, share: float) -> None:
        if self._progress:
            self._progress.setLabelText(text)
            self._progress.setValue(int(share * 100))

    def _finished(self, result) -> None:
        self._end()
        self._done(result)

    def _failed(self, error: Exception) -> bool:
        self._end()
        # Then the default, the message or the crash dialog, for what `failed` did not take.
        return bool(self._failed_first and self._failed_first(error))

    run = _run  # for the other actions of the Vault menu (ui/vault/handoff_actions.py)

    def _end(self) -> None:
        self.busy = False
        if self._progress:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self.lock_when_done:
            self.lock_when_done = False
            self._window.lock()

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._window, title, text)

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._window, title, text)

    # -- backups ---------------------------------------------------------------------------

    def _folder(self, ask: bool) -> Path | None:
        folder = keys.backup_folder(self._service.path)
        if folder is None and ask:
            chosen = existing_folder(self._window, "Where should backups go?")
            if not chosen:
                return None
            folder = Path(chosen)
            path = self._service.path
            keys.set_backup_choices(path, keys.backup_choices(path)._replace(folder=folder))
        return folder

    def back_up_now(self) -> None:
        folder = self._folder(ask=True)
        if folder is None:
            return
        self._run(
            "Back up",
            lambda progress: self._service.back_up(folder, None, progress),
            lambda path: self._inform("Back up", f"Backup written and checked:\n{path}"),
        )

    def back_up_on_quit(self) -> None:
        """Called while quitting: quick and quiet unless something goes wrong."""
        folder = keys.backup_folder(self._service.path)
        if not (keys.backup_on_quit(self._service.path) and folder and self._service.is_unlocked):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            attempt(
                self._window,
                lambda: self._service.back_up(folder, keys.backups_to_keep(self._service.path)),
                "Backup on quit",
            )
        finally:
            QApplication.restoreOverrideCursor()

    def restore_from_backup(self, backup: Path | None = None) -> None:
        if backup is None:
            start = str(keys.backup_folder(self._service.path) or self._service.path.parent)
            chosen = open_file(
                self._window, "Restore from backup", start, "Alliance vaults (*.vault)"
            )
            if not chosen:
                return
            backup = Path(chosen)
        answer = QMessageBox.question(
            self._window,
            "Restore from backup?",
            f"Replace the vault with the backup {backup.name}?\n\nThe current vault file is not "
            "deleted: it is kept beside it, renamed with today's date, in case you need it.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase = ask_passphrase(
            self._window, "Restore from backup", "The passphrase of that backup:"
        )
        if passphrase is None:
            return
        self._window.lock()  # the note is saved first; the copy runs off the GUI thread
        if self._service.is_unlocked:  # a backup or rekey is still running
            self._warn("Restore from backup", "Wait for the running backup to finish first.")
            return
        self._run(
            "Restore from backup",
            lambda progress: self._service.restore_files(backup, passphrase, progress),
            lambda aside: self._restored(backup, passphrase, aside),
        )

    def _restored(self, backup: Path, passphrase: str, aside: Path) -> None:
        title = "Restore from backup"
        if not attempt(
            self._window, lambda: self._service.unlock_restored(backup, passphrase), title
        ):
            return
        self._inform(
            title,
            f"Restored from {backup.name}. The previous vault file was kept as {aside.name}.",
        )

    # -- damage ----------------------------------------------------------------------------

    def check_now(self) -> None:
        check = self._service.integrity_check
        self._run("Check for damage", lambda _p: yielding(check), self._report)

    def check_after_unlock(self) -> None:
        """Once a day, read every page in the background; damage is reported at once."""
        today = date.today()
        if self._service.read_only_because == DAMAGE_FOUND:
            return  # the unlock found it and has said so; the file must not be written
        if self._service.last_integrity_check() == today:
            return
        self._service.set_last_integrity_check(today)
        locks = self._locks
        run_in_background(
            self._window,
            # Hashing every signed note is Python: the GIL is handed back every half
            # millisecond, or each event the window handles meanwhile waits up to 5 ms for it.
            lambda _progress: yielding(self._service.integrity_check),
            self._checked_after_unlock,
            failed=lambda _error: self._check_failed(locks),
            title="Check for damage",
        )

    def _checked_after_unlock(self, report) -> None:
        if not self._service.is_unlocked:
            return
        if not report.ok:
            self._damage_found(report)
        elif report.history:
            self._warn_history(report)

    def _damage_found(self, report) -> None:
        """The banner says the vault is now read-only; the box offers the newest backup."""
        self._window.show_read_only(self._service.read_only_because, offer_restore=False)
        self.offer_restore(self._damage_text(report))

    def _check_failed(self, locks: int) -> bool:
        """Locked under the check (perhaps unlocked again since): nothing to tell. Otherwise
        the next unlock checks again, and the person hears of it the default way."""
        if self._locks != locks or not self._service.is_unlocked:
            return True
        self._service.set_last_integrity_check(None)
        return False

    def _report(self, report) -> None:
        if not report.ok:
            self._damage_found(report)
        elif report.history:
            self._warn_history(report)
        else:
            self._inform(
                "Check for damage",
                "The vault is sound: every page passed its check, and every signed note, "
                "addendum and audit line is as Alliance wrote it.",
            )

    def _warn_history(self, report) -> None:
        """Not damage, so no restore is offered: the file is sound, its history is not."""
        lines = [finding.describe() for finding in report.history]
        self._warn("Signed history was changed", history_warning(lines))

    def _damage_text(self, report) -> str:
        return (
            f"{self._service.path.name} is damaged: "
            f"{counted(len(report.problems), 'problem')} found. "
            "Nothing has been changed in it."
        )

    def offer_restore(self, reason: str) -> None:
        newest = self._service.newest_backup(keys.backup_folder(self._service.path))
        if newest is None:
            self._warn(
                "The vault is damaged",
                f"{reason}\n\nNo backup was found in your backup folder. Keep the file as it is "
                "and copy it somewhere safe; choose Vault → Restore from backup… if you have a "
                "backup elsewhere.",
            )
            return
        answer = QMessageBox.warning(
            self._window,
            "The vault is damaged",
            f"{reason}\n\nYour newest backup is {newest.name}. Restore from it now? The damaged "
            "file is kept beside it, not deleted.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from_backup(newest)

    def explain_failed_unlock(self, passphrase: str) -> str | None:
        """If the passphrase opens the newest backup but not the vault, it is an older one.

        Never a damage diagnosis: a damaged first page is proven by the later pages (and then
        unlocking says so); a passphrase that opens a backup only is one from before a change.
        """
        newest = self._service.newest_backup(keys.backup_folder(self._service.path))
        if newest is None or not self._service.backup_opens_with(newest, passphrase):
            return None
        return (
            f"This passphrase opens your backup {newest.name} but not the vault: the vault's "
            "passphrase was changed after that backup was made. Type the newer passphrase; "
            "nothing is damaged."
        )

    # -- passphrase, audit, settings -------------------------------------------------------

    def change_passphrase(self) -> None:
        dialog = PassphraseChangeDialog(self._window)
        if not dialog.exec():
            return
        current, new = dialog.current.text(), dialog.new.text()
        folder = keys.backup_folder(self._service.path) or self._service.path.parent / "backups"
        self._run(
            "Change passphrase",
            # Checking the new passphrase and recording the old one is Python: the GIL handed
            # back every half millisecond keeps the window answering (issue 21.4).
            lambda progress: yielding(
                self._service.change_passphrase, current, new, folder, progress
            ),
            lambda backup: self._inform(
                "Change passphrase",
                "Your passphrase is changed and the vault opened with it.\n\nA backup from "
                f"before the change, which opens with the OLD passphrase, is at:\n{backup}",
            ),
        )

    def show_audit_log(self) -> None:
        service = self._service
        AuditDialog(service.audit_log(), service.record_names(), self._window).exec()

    def open_settings(self, fields: Fields | None = None) -> None:
        """The settings; `fields` refill them after a lock set them aside."""
        dialog = SettingsDialog(self._service.path, self._window)
        draftable(dialog, "settings", fields)
        if dialog.exec():
            self._window.idle.set_minutes(keys.autolock_minutes())
            self._window.writing_aids.load_language(keys.spelling_language())
