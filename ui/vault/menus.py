"""The Vault menu, and the observation categories entry of the Session menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from ui.lock.dialog_drafts import Fields
from ui.menus import Group, MenuEntry

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def menu_entries(window: MainWindow) -> list[MenuEntry]:
    from ui.vault.handoff_actions import HandoffActions

    actions = window.vault_actions
    handoff = window.handoff_actions = HandoffActions(window)
    return [
        MenuEntry(Group.LOCK, "&Lock", window.lock, "Ctrl+L"),
        MenuEntry(Group.VAULT, "&Back up now", actions.back_up_now, "Ctrl+Shift+B"),
        # Also while locked: a damaged vault cannot be unlocked, only restored.
        MenuEntry(
            Group.VAULT, "&Restore from backup…", actions.restore_from_backup, needs_vault=False
        ),
        MenuEntry(Group.VAULT, "Check for &damage", actions.check_now),
        MenuEntry(Group.VAULT, "Change &passphrase…", actions.change_passphrase, writes=True),
        # Handing off marks this copy as handed off: a read-only vault cannot be.
        MenuEntry(
            Group.VAULT,
            "Mo&ve to another computer…",
            handoff.move_to_another_computer,
            writes=True,
        ),
        # Also while locked: on the second computer there may be no vault to unlock yet.
        MenuEntry(
            Group.VAULT,
            "Open a &handed-off vault…",
            handoff.open_handed_off_vault,
            needs_vault=False,
        ),
        MenuEntry(Group.VAULT, "&Audit log…", actions.show_audit_log),
        MenuEntry(
            Group.VAULT,
            "Se&ttings…",
            actions.open_settings,
            QKeySequence.StandardKey.Preferences,
            needs_vault=False,
        ),
        MenuEntry(
            Group.QUIT, "&Quit", window.close, QKeySequence.StandardKey.Quit, needs_vault=False
        ),
        MenuEntry(
            Group.CATEGORIES,
            "Observation &categories…",
            lambda: edit_categories(window),
            writes=True,
        ),
    ]


def edit_categories(window: MainWindow, fields: Fields | None = None) -> None:
    """Rename, describe, add or retire the categories offered for observations; `fields`
    refill the form after a lock set it aside."""
    from ui.vault.category_settings import CategorySettings

    if window.service.is_unlocked:
        dialog = CategorySettings(window.service, window)
        if fields:
            dialog.restore_draft(fields)
        dialog.exec()
