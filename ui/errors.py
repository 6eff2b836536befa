"""How a problem reaches the person: one path for widget actions and background jobs alike.

A `VaultError` (storage/errors.py) is something the therapist can act on: its plain message is
shown in a message box over the widget that asked. Anything else is a bug and goes to
`sys.excepthook`, which the running window sets to the crash dialog (ui/crash_dialog.py), a
dialog that shows no client data.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import VaultError

TITLE = "Alliance"


def show_failure(parent: QWidget, error: Exception, title: str = TITLE) -> None:
    """Tell the person about `error`: its message if they can act on it, else the crash dialog."""
    if isinstance(error, VaultError):
        QMessageBox.warning(parent, title, error.message)
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def attempt(parent: QWidget, action: Callable[[], object], title: str = TITLE) -> bool:
    """Run an action the person asked for; False, once they have been told, if it failed.

    A bug is not caught here: raised out of the slot that called this, it reaches the crash
    dialog all the same, and nothing after the failed step runs.
    """
    try:
        action()
    except VaultError as error:
        show_failure(parent, error, title)
        return False
    return True


def unreadable(what: str) -> str:
    """Said in place of `what` when it lies on a damaged page of a vault opened read-only
    (the banner and the offer of a backup have said the rest): the other parts still read."""
    return (
        f"{what} cannot be read: it is on a damaged part of the vault. Nothing has been "
        "changed in it."
    )
