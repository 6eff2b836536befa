"""Whatever would change the vault is greyed out while the vault takes no changes.

One rule for menu entries, their shortcuts and the buttons of the client page and the dialogs
alike: a target marked as writing is enabled only when its owner wants it enabled (the vault
unlocked, a client chosen, a session that can be corrected) and `VaultService.cannot_write_because`
is None — a vault opened read-only (damage found, read-only media or permissions) or a handed-off
copy. While it is greyed out for that reason, its tooltip and status tip say why; it comes back
with the owner's own tips when the vault takes changes again (a restore, a take-over).

Owners never call `setEnabled` on a writing target: they give their own condition to
`WriteGuard.set_wanted`, and the guard adds the vault's. Handlers that a greyed-out target cannot
stop (a double-click on a list, a draft reopened after a lock) ask `refused()` first.
"""

from __future__ import annotations

from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from ui.vault_service import VaultService

_WRITES = "writesVault"  # set on a QAction or QWidget that changes the vault
_WANTED = "writesWanted"  # what its owner wants, the vault aside
_TOOL_TIP = "writesToolTip"  # its own tips, given back once the vault takes changes again
_STATUS_TIP = "writesStatusTip"
_REFUSING = "writesRefusing"  # showing why the vault takes no changes, in place of its own tips

Target = TypeVar("Target", bound=QObject)


def unwritable_tip(why: str) -> str:
    """The tip on whatever is greyed out because the vault takes no changes."""
    return f"Read-only: {why}, so this can't be done now."


class WriteGuard(QObject):
    """The one guard of a service's vault; get it with `WriteGuard.of(service)`."""

    said = Signal(str)  # why something was refused, for the window's status bar

    def __init__(self, service: VaultService) -> None:
        super().__init__(service)
        self._service = service
        self._targets: list[QObject] = []
        service.unlocked.connect(self.refresh)
        service.locked.connect(self.refresh)

    @classmethod
    def of(cls, service: VaultService) -> WriteGuard:
        found = service.findChild(cls)
        return found if found is not None else cls(service)

    @property
    def why(self) -> str | None:
        """Why the vault takes no changes now; None when it does (or is locked)."""
        return self._service.cannot_write_because

    def guard(self, target: Target, wanted: bool = True) -> Target:
        """Mark `target` (an action or a widget) as one that changes the vault, wanted enabled
        or not by its owner. Marking it again changes nothing: the first owner keeps it."""
        if target.property(_WRITES):
            return target
        target.setProperty(_WRITES, True)
        self._targets.append(target)
        self.set_wanted(target, wanted)
        return target

    def set_wanted(self, target: QObject, wanted: bool) -> None:
        """Enable `target` as its owner wants; a writing one only while the vault takes
        changes. For a target not marked as writing this is plain `setEnabled`."""
        if not target.property(_WRITES):
            target.setEnabled(wanted)
            return
        target.setProperty(_WANTED, wanted)
        self._apply(target, self.why)

    def refresh(self) -> None:
        """The vault's state changed (unlock, lock, damage found): every target follows."""
        why = self.why
        self._targets = [each for each in self._targets if shiboken6.isValid(each)]
        for target in self._targets:
            self._apply(target, why)

    def refused(self) -> bool:
        """True, once `said` has told why, when the vault takes no changes now."""
        why = self.why
        if why is None:
            return False
        self.said.emit(unwritable_tip(why))
        return True

    @staticmethod
    def _apply(target: QObject, why: str | None) -> None:
        target.setEnabled(bool(target.property(_WANTED)) and why is None)
        refusing = bool(target.property(_REFUSING))
        if why is None:
            if refusing:  # its own tips back, as they were when the refusal came
                target.setToolTip(target.property(_TOOL_TIP) or "")
                target.setStatusTip(target.property(_STATUS_TIP) or "")
                target.setProperty(_REFUSING, False)
            return
        if not refusing:  # its own tips as they are now (an owner may have set one since)
            target.setProperty(_TOOL_TIP, _own_tool_tip(target))
            target.setProperty(_STATUS_TIP, target.statusTip())
            target.setProperty(_REFUSING, True)
        target.setToolTip(unwritable_tip(why))
        target.setStatusTip(unwritable_tip(why))


def _own_tool_tip(target: QObject) -> str:
    """The tooltip `target` was given; an action's made from its text counts as none."""
    tip = target.toolTip()
    if isinstance(target, QAction) and tip == target.text().replace("...", "").replace("&", ""):
        return ""
    return tip


def writes(service: VaultService, target: Target, wanted: bool = True) -> Target:
    """`target` marked as changing the vault, under `service`'s guard."""
    return WriteGuard.of(service).guard(target, wanted)


def set_wanted(service: VaultService, target: QObject, wanted: bool) -> None:
    WriteGuard.of(service).set_wanted(target, wanted)


def refused(service: VaultService) -> bool:
    """True (and said why) when nothing can be written to `service`'s vault now."""
    return WriteGuard.of(service).refused()
