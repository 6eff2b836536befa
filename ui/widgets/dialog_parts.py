"""The button row every form dialog ends with, wired to the dialog, and the plain layout most of
them use: the form, then any notes under it, then the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout, QWidget

Standard = QDialogButtonBox.StandardButton
SAVE_CANCEL = Standard.Save | Standard.Cancel


def dialog_buttons(dialog: QDialog, standard: Standard = SAVE_CANCEL) -> QDialogButtonBox:
    """Standard buttons (Save and Cancel unless told) that accept or reject `dialog`."""
    buttons = QDialogButtonBox(standard)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def form_dialog_layout(
    dialog: QDialog, form: QLayout, *below: QWidget, standard: Standard = SAVE_CANCEL
) -> QDialogButtonBox:
    """Lay `dialog` out as `form`, the widgets `below` it, then its buttons; return the buttons."""
    buttons = dialog_buttons(dialog, standard)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(buttons)
    return buttons
