"""My alliance estimates across clients: how my estimate compares with the clients' own ratings,
across the caseload and by month, with a kind note when my estimates run high."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from notes.alliance import AllianceRating
from notes.measures.calibration import SessionName, caseload_texts
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import Standard, dialog_buttons


def dated_ratings(service: VaultService) -> tuple[list[tuple[date, AllianceRating]], SessionName]:
    """Every alliance check in the vault with its session's day, every client included, and
    how to name a check's session in the note ("DO-01, session 4, 07 Sep 2026")."""
    dated = []
    names: dict[int, str] = {}
    for client in service.clients(include_closed=True):
        sessions = service.sessions(client.id)
        days = {s.id: s.starts_at.date() for s in sessions}
        names |= {
            s.id: f"{client.code}, session {s.number}, {s.starts_at:%d %b %Y}" for s in sessions
        }
        dated += [
            (days[r.session_id], r)
            for r in service.alliance_ratings(client.id)
            if r.session_id in days
        ]
    return sorted(dated, key=lambda pair: pair[0]), lambda session_id: names.get(session_id, "?")


class CalibrationDialog(QDialog):
    def __init__(
        self,
        dated: list[tuple[date, AllianceRating]],
        name: SessionName | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("My alliance estimates across clients")
        overall, months = caseload_texts(dated, name)
        self.overall = QLabel(overall)
        self.overall.setWordWrap(True)
        self.overall.setAccessibleName("across the caseload")
        self.months = QLabel("\n".join(months))
        self.months.setWordWrap(True)
        self.months.setAccessibleName("by month")
        layout = QVBoxLayout(self)
        for widget in (
            QLabel("Across the caseload"),
            self.overall,
            QLabel("By month"),
            self.months,
        ):
            layout.addWidget(widget)
        layout.addWidget(dialog_buttons(self, Standard.Close))
        self.resize(640, 420)


def show_calibration(parent: QWidget, service: VaultService) -> None:
    dated, name = dated_ratings(service)
    dialog = CalibrationDialog(dated, name, parent)
    dialog.exec()
    dialog.deleteLater()
