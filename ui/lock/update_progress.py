"""What the window shows while an unlock updates a vault an older version of Alliance wrote (a
long migration, such as migration 13 rebuilding the search indexes of a long career), or checks
every page of a long one (after a crash, or a copy put in its place), so that it never looks
frozen.

The update runs inside the unlock, on the GUI thread (the vault cannot be read before it is
done): SQLite calls back every few milliseconds (storage.schema.migrate), and each call paints
the dialog. Typed keys and clicks wait until the vault is open (ExcludeUserInputEvents), so
nothing can reach the vault halfway; the dialog has no Cancel, as the update is one transaction
that would only start again at the next unlock.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

_PAINT_EVERY_S = 0.03  # the window repaints about 30 times a second, no more


class UpdateProgress:
    """A notes.progress.Progress callback; the dialog appears at the first report only, so an
    unlock with nothing to update shows nothing."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        self._painted = 0.0

    def __call__(self, text: str, _share: float) -> None:
        now = time.monotonic()
        if self._dialog is not None and now - self._painted < _PAINT_EVERY_S:
            return
        if self._dialog is None:
            # A busy bar, not a share: one long step (migration 13) is most of any update, so
            # the share of steps done would read 0 % for a minute, then jump.
            dialog = QProgressDialog(text, "", 0, 0, self._parent)
            dialog.setWindowTitle("Opening the vault")
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAccessibleName("Opening the vault")
            dialog.show()
            self._dialog = dialog
        self._dialog.setLabelText(text)
        self._painted = now
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    @property
    def shown_text(self) -> str | None:
        """The dialog's line while it is shown; None if it never appeared."""
        return self._dialog.labelText() if self._dialog is not None else None

    def close(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
