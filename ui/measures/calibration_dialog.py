"""My alliance estimates across clients: how my estimate compares with the clients' own ratings,
across the caseload and by month, with a kind note when my estimates run high."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from notes.alliance import AllianceRating
from notes.measures.calibration import calibration, calibration_by_month
from ui.vault_service import VaultService
from ui.widgets.dialog_parts import Standard, dialog_buttons


def dated_ratings(service: VaultService) -> list[tuple[date, AllianceRating]]:
    """Every alliance check in the vault with its session's day, every client included."""
    dated = []
    for client in service.clients(include_closed=True):
        days = {s.id: s.starts_at.date() for s in service.sessions(client.id)}
        dated += [
            (days[r.session_id], r)
            for r in service.alliance_ratings(client.id)
            if r.session_id in days
        ]
    return sorted(dated, key=lambda pair: pair[0])


class CalibrationDialog(QDialog):
    def __init__(self, dated: list[tuple[date, AllianceRating]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("My alliance estimates across clients")
        self.overall = QLabel(calibration(r for _day, r in dated).describe())
        self.overall.setWordWrap(True)
        self.overall.setAccessibleName("across the caseload")
        months = calibration_by_month(dated)
        self.months = QLabel(
            "\n".join(
                f"{month:%b %Y}: {result.describe()}"
                for month, result in months.items()
                if result.checks
            )
        )
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
    dialog = CalibrationDialog(dated_ratings(service), parent)
    dialog.exec()
    dialog.deleteLater()
