"""Change the passphrase: the current one, then the new one twice with its strength."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QWidget

from notes.passphrase import new_passphrase_problem
from ui.lock.passphrase_pages import StrengthMeter, message_label, passphrase_field
from ui.widgets.dialog_parts import Standard, form_dialog_layout


class PassphraseChangeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.current = passphrase_field("current_passphrase")
        self.new = passphrase_field("new_passphrase")
        self.repeat = passphrase_field("repeat_passphrase")
        self.meter = StrengthMeter()
        self.message = message_label()
        form = QFormLayout()
        form.addRow("Current passphrase", self.current)
        form.addRow("New passphrase", self.new)
        form.addRow("New, again", self.repeat)
        form.addRow("", self.meter)
        buttons = form_dialog_layout(
            self, form, self.message, standard=Standard.Ok | Standard.Cancel
        )
        self.ok_button = buttons.button(Standard.Ok)
        self.ok_button.setText("Change passphrase")
        self.new.secretChanged.connect(self.meter.show_for)

    def accept(self) -> None:
        if not self.current.text():
            self.message.setText("Type your current passphrase first.")
            self.current.setFocus()
            return
        problem = new_passphrase_problem(self.new.text(), self.repeat.text())
        if problem:
            self.message.setText(problem)
            return
        super().accept()
