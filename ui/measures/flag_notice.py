"""The plain notice for a flagged item (PHQ-9 item 9 above 0), and the offer that follows it: a
risk note added to the session — to its progress note, or as an addendum once it is signed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFrame, QLabel, QMessageBox, QVBoxLayout, QWidget

from notes.measures.flags import flag_message, risk_note_text, with_risk_note
from notes.measures.scoring import MeasureResponse
from notes.records import Session
from ui.errors import attempt
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.form_fields import text_box


def flag_messages(responses: list[MeasureResponse]) -> list[str]:
    return [
        flag_message(r.instrument, flag, r.answers[flag.item])
        for r in responses
        for flag in r.raised_flags()
    ]


class FlagNotice(QFrame):
    """Shown the moment a flagged item is answered above its threshold; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("item flag")
        QVBoxLayout(self).addWidget(self.text)
        self.hide()

    def show_for(self, responses: list[MeasureResponse]) -> None:
        messages = flag_messages(responses)
        self.text.setText("\n".join(messages))
        self.setVisible(bool(messages))


class RiskNoteDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Risk note")
        self.box = text_box("risk_note", text=text)
        hint = QLabel("Complete it in your own words; it is saved with this session's note.")
        hint.setObjectName("hint")
        form = QVBoxLayout()
        form.addWidget(hint)
        form.addWidget(self.box)
        form_dialog_layout(self, form)
        self.resize(560, 300)


def offer_risk_note(
    parent: QWidget, service: VaultService, session: Session, responses: list[MeasureResponse]
) -> None:
    """After answers with a raised flag are saved: say what was endorsed, and offer the note."""
    raised = [(r, flag) for r in responses for flag in r.raised_flags()]
    if not raised:
        return
    box = QMessageBox(parent)
    box.setWindowTitle("Thoughts of death or self-harm endorsed")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText("\n\n".join(flag_messages(responses)))
    add = box.addButton("Add a risk note…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    chosen = box.clickedButton() is add
    box.deleteLater()  # on the GUI thread, not by a worker's garbage collection
    if not chosen:
        return
    response, flag = raised[0]
    draft = risk_note_text(response.instrument, flag, response.answers[flag.item], session.number)
    dialog = RiskNoteDialog(draft, parent)
    accepted, text = dialog.exec(), dialog.box.toPlainText()
    dialog.deleteLater()
    if accepted:
        save_risk_note(parent, service, session, text)


def save_risk_note(parent: QWidget, service: VaultService, session: Session, text: str) -> None:
    note = service.progress_note(session.id)
    updated = with_risk_note(note, text)
    if updated is None:
        attempt(parent, lambda: service.add_addendum(session.id, text))
    else:
        attempt(parent, lambda: service.save_progress_note(updated))
