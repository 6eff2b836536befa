"""The working alliance on the client page: the chart, the latest check in words, a suggestion
when the client's score dropped, and the ruptures with their repairs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from notes.alliance import (
    AllianceRating,
    Rater,
    Repair,
    Rupture,
    describe_difference,
    rupture_suggestion,
)
from notes.measures.repair_held import repairs_held
from notes.records import Client
from notes.wording import counted
from ui.alliance.actions import rate_alliance, record_rupture
from ui.alliance.menus import RATE_ALLIANCE_KEY
from ui.client_page.alliance_chart import AllianceChart
from ui.client_page.list_section import RecordSection
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService
from ui.widgets.chart_table import ChartWithTable
from ui.widgets.headings import Heading
from ui.widgets.keyboard import reached_by
from ui.widgets.models import DataclassListModel, emphasis


class RuptureModel(DataclassListModel[Rupture]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.numbers: dict[int, int] = {}  # session id → session number
        self.held: dict[int, str] = {}  # rupture id → whether the repair held, in words

    def show(self, rupture: Rupture, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            at = self.numbers.get(rupture.session_id, "?")
            markers = ", ".join(label.lower() for label in rupture.marker_labels())
            head = f"Session {at} · {rupture.kind.label}" + (f": {markers}" if markers else "")
            lines = [head]
            if rupture.what_happened:
                lines.append(f"    {rupture.what_happened}")
            repair = rupture.repair.label
            if rupture.repair is not Repair.NOT_YET and rupture.repair_session_id:
                repair += f" in session {self.numbers.get(rupture.repair_session_id, '?')}"
            if rupture.how_repaired:
                repair += f": {rupture.how_repaired}"
            lines.append(f"    {repair}")
            if rupture.id in self.held:
                lines.append(f"    {self.held[rupture.id]}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and rupture.repair is Repair.NOT_YET:
            return emphasis(bold=True)
        return None


def latest_check_text(ratings: list[AllianceRating], numbers: dict[int, int]) -> str:
    if not ratings:
        return (
            "No alliance checks yet. After a session, ask the client the five short questions "
            "and enter them with “Rate a session…” (Ctrl+Shift+A)."
        )
    latest = ratings[-1]
    client, mine = latest.mean(Rater.CLIENT), latest.mean(Rater.THERAPIST)
    parts = [f"Latest check, session {numbers.get(latest.session_id, '?')}:"]
    parts.append(f"client {float(client):.1f}" if client is not None else "client not asked")
    if mine is not None:
        parts.append(f"· your estimate {float(mine):.1f}")
    difference = latest.mean_difference()
    if difference:  # shown only when the estimate and the client's answers differ
        parts.append(f"({describe_difference(difference)})")
    return " ".join(parts) + f". {counted(len(ratings), 'check')} in all."


class AllianceSection(RecordSection):
    def __init__(
        self, service: VaultService, parent: QWidget | None = None, *, staged: bool = False
    ) -> None:
        """Built whole; or, with `staged=True`, the rest by each of `build_steps()` in order
        (ui/staged_build.py: a turn of the event loop apart, the window never held long)."""
        super().__init__(service, RuptureModel(), "ruptures and repairs", "", parent)
        self._suggested: int | None = None
        if not staged:
            StagedBuild(self, self.build_steps()).finish()

    def build_steps(self) -> list[Step]:
        """Its parts in order: the chart with its table (the first of their kind in the
        process: about 35 ms at start, and 20 more to place), the suggestion to record a
        rupture, and the buttons under the list."""
        return [
            ("alliance chart", self._build_chart),
            ("alliance chart in the section", self._place_chart),
            ("alliance suggestion", self._build_suggestion),
            ("alliance buttons", self._build_buttons),
        ]

    def _build_chart(self) -> None:
        self.chart = AllianceChart()
        self._charted = ChartWithTable(self.chart, "alliance chart")

    def _place_chart(self) -> None:
        self.insert_above_list(self._charted)

    def _build_suggestion(self) -> None:
        self.suggestion = QFrame()
        self.suggestion.setObjectName("suggestion")
        self.suggestion_text = QLabel()
        self.suggestion_text.setWordWrap(True)
        # answers "Record a rupture?"
        suggest_button = self._writes.guard(QPushButton("Yes, record it…"))
        suggest_button.clicked.connect(self._record_suggested)
        row = QHBoxLayout(self.suggestion)
        row.addWidget(self.suggestion_text, 1)
        row.addWidget(suggest_button)
        self.suggestion.hide()
        self.ruptures_heading = Heading("Ruptures and repairs")
        self.ruptures_heading.setObjectName("subHeading")
        self.insert_above_list(self.suggestion)
        self.insert_above_list(self.ruptures_heading)

    def _build_buttons(self) -> None:
        reached_by(self.add_button("Rate a session…", self.rate), RATE_ALLIANCE_KEY)
        self.add_button("Record a rupture…", self.add_rupture)
        self.add_button("Edit rupture…", self.edit_chosen)

    def load(self, client: Client) -> list[Rupture]:
        ratings = self._service.alliance_ratings(client.id)
        ruptures = self._service.ruptures(client.id)
        numbers = {s.id: s.number for s in self.sessions}
        self.model.numbers = numbers
        self.model.held = {
            rupture_id: held.describe()
            for rupture_id, held in repairs_held(ruptures, self.sessions, ratings).items()
            if rupture_id is not None
        }
        self.chart.show_data(self.sessions, ratings, ruptures)
        drop = rupture_suggestion(ratings, ruptures)
        self._suggested = drop.session_id if drop else None
        if drop is not None:
            self.suggestion_text.setText(
                f"Session {numbers.get(drop.session_id, '?')}: {drop.describe()} "
                "That may mark a strain worth naming. Record a rupture?"
            )
        self.suggestion.setVisible(drop is not None)
        self.ruptures_heading.setText(
            "Ruptures and repairs" if ruptures else "Ruptures and repairs: none recorded"
        )
        self._latest = latest_check_text(ratings, numbers)
        return ruptures[::-1]  # newest first

    def summary_text(self, ruptures: list[Rupture]) -> str:
        return self._latest

    def clear(self) -> None:
        super().clear()
        self.chart.clear()
        self.suggestion.hide()

    def rate(self) -> None:
        if self.client is not None:
            rate_alliance(self, self._service, self.client, self.sessions)

    def add_rupture(self) -> None:
        if self.client is not None:
            record_rupture(self, self._service, self.client, self.sessions)

    def _record_suggested(self) -> None:
        if self.client is not None:
            record_rupture(self, self._service, self.client, self.sessions, self._suggested)

    def edit_chosen(self) -> None:
        rupture = self.chosen()
        if rupture is not None and self.client is not None:
            record_rupture(self, self._service, self.client, self.sessions, rupture=rupture)
