"""The main window: create or unlock the vault, then the workspace; menus and locking."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui.app_settings import app_settings, autolock_minutes, layout_state, set_layout_states
from ui.appearance.look import look
from ui.crash_dialog import CrashHandler
from ui.first_paint import after_first_paint
from ui.lock.clipboard_guard import ClipboardGuard
from ui.lock.idle_lock import IdleWatcher
from ui.lock.passphrase_pages import CreateVaultPage, UnlockPage
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService
from ui.vault_writes import WriteGuard
from ui.widgets import app_filters
from ui.widgets.headings import install_headings
from ui.widgets.keyboard import KeyboardGuard, give_mnemonics
from ui.widgets.screen_fit import ScreenFit, fit_to_screen
from ui.widgets.status_line import StatusLine

if TYPE_CHECKING:  # imported with the workspace or the vault, after the first paint
    from PySide6.QtGui import QAction, QCloseEvent

    from storage.errors import VaultError
    from ui.workspace import Workspace


# Each feature's menu entries, in the order of its menus (ui/menus.py places them).
_MENU_MODULES = (
    "ui.vault.menus",
    "ui.client_page.menus",
    "ui.search.menus",
    "ui.session.menus",
    "ui.writing.menus",
    "ui.alliance.menus",
    "ui.measures.menus",
    "ui.supervision.menus",
    "ui.reports.menus",
    "ui.appearance.menus",
    "ui.help.menus",
)


# What the workspace and the actions behind it import, a step each, the heaviest (by
# `python -X importtime`) before what imports them: no single import holds the window long.
_WORKSPACE_MODULES = (
    "notes.observations",
    "notes.reports.inputs",
    "ui.session.observation_panel",
    "notes.alliance",
    "notes.alliance_chart",
    "ui.widgets.theme",
    "ui.session.observation_tags",
    "ui.session.note_editor",
    "ui.search.panel",
    "ui.client_page.page",
    "notes.conduct",
    "ui.alliance.actions",
    "ui.client_page.alliance_chart",
    "ui.client_page.alliance_section",
    "ui.client_page.section_order",
    "ui.client_page.patterns",
    "notes.deidentify",
    "ui.client_page.client_dialog",
    "ui.workspace",
    "notes.measures.scoring",
    "ui.measures.actions",
    "notes.measures.timeline",
    "ui.measures.section",
    "ui.vault.actions",
    "ui.lock.dialog_drafts",
)


# What opening the supervision report the first time would import while the therapist waits
# (its builder, sweep and dialog, ~50 ms): imported a module a step once the window is built,
# in the moments after, never as part of an unlock (bench: the report dialog's stall).
_WARM_MODULES = (
    "notes.supervision",
    "notes.reports.model",
    "notes.sweep",
    "notes.date_removal",
    "notes.reports.measures_section",
    "notes.reports.since_supervision",
    "notes.reports.builder",
    "notes.reports.record_report",
    "storage.report_data",
    "ui.reports.export_job",
    "ui.reports.export_dialog",
)


def _import(name: str) -> Step:
    def step() -> None:
        import_module(name)

    return (f"import {name}", step)


class MainWindow(QMainWindow):
    """Paints the create or unlock page first; the workspace, its menus and the actions behind
    them are built right after (or at once, when something asks for `workspace`)."""

    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        install_headings()
        self.setWindowTitle("Alliance")
        self._create_page: CreateVaultPage | None = None  # made when first needed
        self.unlock_page = UnlockPage(str(service.path))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.unlock_page)
        self.setCentralWidget(self.pages)
        self._hold_menu_bar_height()
        self._give_page_mnemonics(self.unlock_page)
        self._workspace: Workspace | None = None
        self._read_only_banner: StatusLine | None = None
        self._vault_actions: list[QAction] = []
        # Greys out whatever would change the vault while it takes none (ui/vault_writes.py).
        self.write_guard = WriteGuard.of(service)
        self.write_guard.said.connect(lambda why: self.statusBar().showMessage(why, 8000))
        self.unlock_page.submitted.connect(self._unlock)
        service.unlocked.connect(self._show_workspace)
        service.locked.connect(self._show_locked)
        self.idle = IdleWatcher(autolock_minutes(), self)
        self.idle.idle.connect(self.auto_lock)
        self.clipboard_guard = ClipboardGuard(self)
        self._app_filters: tuple[app_filters.AppFilter, ...] = ()  # started after the first paint
        self._held_reason: VaultError | None = None  # why unsaved text is held over a lock
        self.crash_handler = CrashHandler(self, self._save_typing, self.lock)
        self._restore_geometry()
        self._tidied = False
        self._menu_entries: list = []  # ui/menus.py MenuEntry, each feature's, as offered
        self._build = StagedBuild(self, self._build_steps())
        self._show_locked()
        # Start-up time is the time to this page: tidy up after a crash and build the rest while
        # the passphrase is typed, a moment after the first paint so the page is on screen first.
        after_first_paint(self.pages, self._after_first_paint)

    @property
    def create_page(self) -> CreateVaultPage:
        """The first start's page, made only when there is no vault yet: behind the unlock
        page it would cost every later start-up its build before the first paint."""
        if self._create_page is None:
            self._create_page = page = CreateVaultPage(str(self.service.path))
            self.pages.insertWidget(0, page)
            self._give_page_mnemonics(page)
            page.submitted.connect(self._create)
        return self._create_page

    def _give_page_mnemonics(self, page: QWidget) -> None:
        from ui.menu_layout import menu_letters

        give_mnemonics(page, menu_letters())  # the menus come later: keep their letters

    def _start_app_filters(self) -> None:
        """The application-wide filters (ui/widgets/app_filters.py), once: after the first
        paint, or before the workspace is wanted whole (unlock, the lock key, the idle lock)."""
        if self._app_filters:
            return
        # Imported here: nothing before the first paint needs them.
        from ui.lock.lock_key import LockKey
        from ui.widgets.wheel_guard import WheelGuard

        self._app_filters = (  # in the order each event is handed on
            self.idle,  # every key and click counts as someone there, whatever takes it after
            LockKey(self.lock, self),  # Ctrl+L over any window of the app
            look(),
            WheelGuard(self),
            KeyboardGuard(self),
            ScreenFit(self),  # every dialog opens within the screen
        )
        app_filters.start(self._app_filters)

    def _after_first_paint(self) -> None:
        # A turn of the event loop each, the page painted (and anything else waiting for that
        # paint, such as the start-up probe of ui/first_paint.py, served first).
        QTimer.singleShot(0, self, self._start_app_filters)
        QTimer.singleShot(0, self, self._tidy)
        self._build.start(30)

    def _tidy(self) -> None:
        """Finish or roll back work a crash cut short (once, before the vault is first opened):
        its storage code loads after the first paint. A restore finished here may turn the create
        page into the unlock page, so the page is chosen again when anything was tidied."""
        if self._tidied:
            return
        self._tidied = True
        tidied = self.service.tidy_interrupted()
        if tidied:
            self._show_locked()
            self.pages.currentWidget().show_message(" ".join(tidied))

    @property
    def workspace(self) -> Workspace:
        self._complete()
        assert self._workspace is not None
        return self._workspace

    def _complete(self) -> None:
        """Build the workspace, the menus and what stands behind them now, whatever of it the
        event loop has not built yet (once)."""
        self._start_app_filters()
        self._build.finish()

    def _build_steps(self) -> list[Step]:
        """The workspace and its menus, in steps of a few milliseconds each: the imports apart
        from the building, so that typing the passphrase never waits long."""
        return [
            ("tidy", self._tidy),  # before any menu entry could restore, take over, open the vault
            ("indicators", lambda: look().draw_indicators()),  # before any check box is made
            _import("ui.writing.aids"),
            ("writing aids", self._install_writing_aids),
            *(_import(name) for name in _WORKSPACE_MODULES),
            ("workspace", self._build_workspace),  # its parts follow, a step each
            ("alliance actions", self._build_alliance_actions),
            ("measure actions", self._build_measure_actions),
            ("measures section", self._build_measures_section),
            ("dialog drafts", self._register_drafts),
            *(_import(name) for name in _MENU_MODULES),
            *((f"menu entries of {name}", self._menu_entries_step(name)) for name in _MENU_MODULES),
            ("menus", self._build_menus),  # a step each
            # After the menus, whose letters they leave alone.
            ("mnemonics", lambda: self._new_workspace.give_mnemonics()),
            ("finish workspace", self._finish_workspace),
        ]

    def _install_writing_aids(self) -> None:
        from ui.writing.aids import install as install_writing_aids

        self.writing_aids = install_writing_aids(self.service, self)  # before any text box

    def _build_workspace(self) -> list[Step]:
        from ui.workspace import Workspace

        # The empty frame joins the window first: each part then joins it once, as it is built.
        self._new_workspace = Workspace(self.service, staged=True)
        self.pages.addWidget(self._new_workspace)
        return self._new_workspace.build_steps()

    def _build_alliance_actions(self) -> None:
        from ui.alliance.actions import AllianceActions

        self.alliance_actions = AllianceActions(self, self.service, self._new_workspace)

    def _build_measure_actions(self) -> None:
        from ui.measures.actions import MeasureActions

        self.measure_actions = MeasureActions(self, self.service, self._new_workspace)

    def _build_measures_section(self) -> None:
        from ui.measures.section import MeasuresSection

        workspace = self._new_workspace
        workspace.measures_section = MeasuresSection(self.service, self.measure_actions)
        workspace.client_page.add_section("Measures and alliance", workspace.measures_section)

    def _register_drafts(self) -> None:
        from ui.lock.dialog_drafts import DialogDrafts
        from ui.vault.actions import VaultActions
        from ui.vault.menus import edit_categories

        service, workspace = self.service, self._new_workspace
        self.vault_actions = VaultActions(service, self)
        self.drafts = DialogDrafts(service.pending_dialog, service.set_pending_dialog)
        for name in ("new_client", "edit_client", "new_session", "edit_session", "void_session"):
            self.drafts.register(name, getattr(workspace, name))
        for name in ("rate_alliance", "record_rupture", "check_conduct"):
            self.drafts.register(name, getattr(self.alliance_actions, name))
        sections = workspace.alliance_sections
        self.drafts.register("add_goal", sections.goals.add_goal)
        self.drafts.register("edit_goal", sections.goals.edit_goal)
        self.drafts.register("add_boundary_event", sections.boundaries.add_event)
        self.drafts.register("edit_boundary_event", sections.boundaries.edit_event)
        self.drafts.register("edit_contract_term", sections.contract.edit_term)
        self.drafts.register("edit_rupture", self.alliance_actions.edit_rupture)
        self.drafts.register("edit_conduct_prompts", self.alliance_actions.edit_conduct_prompts)
        self.drafts.register("settings", self.vault_actions.open_settings)
        self.drafts.register("edit_categories", lambda fields: edit_categories(self, fields))
        # The rest of the window (and the menus' entries) may use the workspace from now on:
        # the actions that stand behind it all exist.
        self._workspace = workspace

    def _finish_workspace(self) -> None:
        self.workspace.editor.saved.connect(
            lambda moment: self.statusBar().showMessage(f"Saved at {moment:%H:%M:%S}", 4000)
        )
        self._restore_splitters()
        self._enable_vault_actions(self.service.is_unlocked)
        self._warm_up = StagedBuild(self, [_import(name) for name in _WARM_MODULES])
        self._warm_up.start(100)

    def show_read_only(self, why: str | None, offer_restore: bool = True) -> None:
        """A plain banner while the vault takes no changes; damage found also offers a restore."""
        if self._read_only_banner is None:
            self._read_only_banner = StatusLine("readOnlyBanner", urgent=True)
            self.statusBar().addPermanentWidget(self._read_only_banner, 1)
        banner = self._read_only_banner
        if why is None:
            banner.clear()
            banner.hide()
            return
        banner.setText(
            f"Read-only: {why}. You can read, search, export and back up; changes can't be "
            "saved, so whatever would change the vault is greyed out."
        )
        banner.show()
        self.write_guard.refresh()  # damage found while open: the menus and buttons follow
        if self._workspace is not None:  # damage found while a note is open: it stops taking text
            self._workspace.editor.writing_stopped()
        from storage.vault import DAMAGE_FOUND

        if why == DAMAGE_FOUND and offer_restore:
            self.vault_actions.offer_restore(f"{self.service.path.name} is damaged.")

    def _save_typing(self) -> bool:
        return self._workspace.editor.flush() if self._workspace is not None else True

    # -- menus -----------------------------------------------------------------------------

    def _menu_entries_step(self, name: str) -> Callable[[], None]:
        """A step: the feature `name` offers its menu entries (its module imported before)."""
        return lambda: self._menu_entries.extend(import_module(name).menu_entries(self))

    def _hold_menu_bar_height(self) -> None:
        """The menu bar exists before the first show, so menus added later get shortcuts, and
        is as tall as it will be with them: the page under it stays where it was first painted
        when the menus come, instead of moving down as the therapist begins to type."""
        from ui.menu_layout import LAYOUT

        bar = self.menuBar()
        probe = bar.addAction(LAYOUT[0][0])  # a menu's title, as the style sheet sets it
        bar.setMinimumHeight(bar.sizeHint().height())
        bar.removeAction(probe)

    def _build_menus(self) -> list[Step]:
        """The menu bar, a menu a step: each feature has offered its entries, ui/menus.py puts
        them in place."""
        from ui.menus import menu_steps

        entries, self._menu_entries = self._menu_entries, []
        self._vault_actions = []
        return menu_steps(self.menuBar(), entries, self, self.write_guard, self._vault_actions)

    def _enable_vault_actions(self, unlocked: bool) -> None:
        """The entries that need the vault follow the lock; the writing ones the vault too."""
        for action in self._vault_actions:
            self.write_guard.set_wanted(action, unlocked)

    # -- lifecycle -------------------------------------------------------------------------

    def _create(self, passphrase: str) -> None:
        from storage.errors import VaultError

        self._tidy()  # already done unless Enter came before the first paint's next turn
        self._start_app_filters()  # the lock key and idle lock watch before the vault opens
        # Not `attempt`: the page says what went wrong beside the passphrase fields, no box.
        try:
            self.service.create(passphrase)
        except VaultError as error:
            self.create_page.show_message(error.message)

    def _unlock(self, passphrase: str) -> None:
        from storage.errors import FormerPassphrase, VaultDamaged, VaultError, WrongPassphrase
        from ui.lock.update_progress import UpdateProgress

        self._complete()  # tidies up first; the messages below may offer a backup
        # Not `attempt`: a wrong passphrase may mean damage, which a backup can tell, and the
        # page shows the message beside the passphrase field rather than in a box.
        updating = UpdateProgress(self)  # shown only if an older vault is being updated
        try:
            try:
                self.service.unlock(passphrase, updating)
            finally:
                updating.close()
        except FormerPassphrase as error:  # proven by its backup: no other explanation
            self.unlock_page.show_message(error.message)
        except WrongPassphrase as error:
            damaged = self.vault_actions.explain_failed_unlock(passphrase)
            self.unlock_page.show_message(damaged or error.message)
        except VaultDamaged as error:
            self.unlock_page.show_message(error.message)
            self.vault_actions.offer_restore(f"{self.service.path.name} is damaged.")
        except VaultError as error:
            self.unlock_page.show_message(error.message)

    def _show_workspace(self) -> None:
        self.show_read_only(self.service.read_only_because)
        if self._create_page is not None:
            self._create_page.clear()
        self.unlock_page.clear()
        self.workspace.load()
        self.vault_actions.check_after_unlock()
        if self.service.cannot_write_because is None:  # else kept for when it takes changes
            self.drafts.bring_back()
        self.pages.setCurrentWidget(self.workspace)
        self._enable_vault_actions(True)
        self.idle.start()
        held = self.service.take_held()
        if held is not None:
            self._put_back(held)
        if not self.service.holds_unsaved:  # still held if sealed under another passphrase
            self._held_reason = None

    def _put_back(self, held: str) -> None:
        """Text held over the lock goes back into its note, saved if the vault takes it now."""
        import json

        where = json.loads(held)
        self.workspace.select_client(where["client_id"])
        self.workspace.select_session(where["session_id"])
        editor = self.workspace.editor
        if editor.put_back(held) and not editor.dirty:
            self.statusBar().showMessage(
                "The text held over the lock is back in the note, and saved.", 8000
            )
        else:  # the editor has said why it could not save; the text stays on screen
            self.statusBar().showMessage("The text held over the lock is back in the note.", 8000)

    def _show_locked(self) -> None:
        self.idle.stop()
        if self._read_only_banner is not None:
            self.show_read_only(None)
        if self._workspace is not None:
            self._workspace.clear()
        # After the widgets forget their text: clearing a selection can make a text box the
        # owner of PRIMARY again, and the guard must have the last word.
        self.clipboard_guard.clear_if_ours()
        self._enable_vault_actions(False)
        page = self.unlock_page if self.service.vault_exists() else self.create_page
        page.clear()
        self.unlock_page.show_held(self._held_reason)
        self.pages.setCurrentWidget(page)
        page.setFocus()

    def lock(self) -> None:
        """Lock now, from wherever the person is (Ctrl+L, the menu, auto-lock, a crash): never
        asks anything and never waits. Every other window closes; a dialog's typing is kept as
        an encrypted draft in the vault and reopened after unlocking; note text that cannot be
        saved is held, encrypted, in memory."""
        if not self.service.is_unlocked:
            return
        if self._workspace is not None and self.vault_actions.busy:
            # A backup or rekey is running behind its progress dialog: lock once it ends.
            self.vault_actions.lock_when_done = True
            return
        from ui.lock.dialog_drafts import SAVE_ON_LOCK

        _close_popups()
        saving = [dialog for dialog in _open_dialogs() if dialog.property(SAVE_ON_LOCK)]
        if saving:
            # Accepted dialogs save their work once their exec() returns, on the next turn of
            # the event loop; the lock follows right after, still without asking anything.
            for dialog in saving:
                dialog.accept()
            QTimer.singleShot(0, self._finish_lock)
            return
        self._finish_lock()

    auto_lock = lock  # the idle watcher's name for it: the same lock

    def _finish_lock(self) -> None:
        if not self.service.is_unlocked:
            return
        _close_popups()
        dialogs = _open_dialogs()
        if self._workspace is not None:
            self.drafts.set_aside(dialogs)
        for dialog in dialogs:
            dialog.reject()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window is not self and not isinstance(window, QDialog):
                window.close()
        self._hold_what_cannot_be_saved()
        self.save_layout()  # a lock may be the last thing before the machine goes down
        self.service.lock()

    def _hold_what_cannot_be_saved(self) -> None:
        if self._workspace is None:
            return
        editor = self._workspace.editor
        failure = editor.save_for_lock()
        if failure is None:
            return
        self.service.hold_unsaved(editor.unsaved_text())
        self._held_reason = failure

    # -- layout memory ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = app_settings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # perhaps from a larger screen, or before a scaling
            fit_to_screen(self)
        else:
            fit_to_screen(self, QSize(1200, 760))

    def _restore_splitters(self) -> None:
        for name, splitter in self._splitters().items():
            state = layout_state(self.service.path, name)
            if state is not None:
                splitter.restoreState(state)

    def _splitters(self) -> dict:
        if self._workspace is None:
            return {}
        return {
            "workspaceSplitter": self._workspace,
            "noteSplitter": self._workspace.editor.splitter,
            "observationSplitter": self._workspace.editor.observation_splitter,
        }

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        states = {name: splitter.saveState() for name, splitter in self._splitters().items()}
        if states:
            set_layout_states(self.service.path, states)

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox  # only when asked: see ui/first_paint.py

        if self._workspace is None:  # closed before anything but the first page was built
            self.save_layout()
            self.service.lock()
            event.accept()
            return
        if self.vault_actions.busy:
            QMessageBox.information(
                self,
                "Alliance",
                "A backup or passphrase change is still running. Quit again "
                "in a moment, once it has finished.",
            )
            event.ignore()
            return
        self.save_layout()
        if self.service.is_unlocked and not self._workspace.editor.flush():
            answer = QMessageBox.question(
                self,
                "Quit without saving?",
                "The last changes could not be saved (see the previous message). "
                "Quit anyway and lose them?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        elif not self.service.is_unlocked and self.service.holds_unsaved:
            answer = QMessageBox.question(
                self,
                "Quit and lose the held text?",
                "Text that could not be saved before the lock is held in memory only. "
                "Quitting now loses it; unlock first to get it back into the note. "
                "Quit anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.vault_actions.back_up_on_quit()
        self.service.lock()
        event.accept()


def _open_dialogs() -> list[QDialog]:
    """Every visible dialog of the app: forms, message boxes, file and progress dialogs."""
    return [
        window
        for window in QApplication.topLevelWidgets()
        if isinstance(window, QDialog) and window.isVisible()
    ]


def _close_popups() -> None:
    """Close open menus (and any other popup) so that nothing of the workspace stays on top."""
    for _ in range(20):  # a popup that refuses to close must not hang the lock
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()
