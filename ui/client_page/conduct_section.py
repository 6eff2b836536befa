"""Conduct patterns on the client page: prompts answered "no" or "partly" more than once in the
last few checks with this client, each with a short, kind suggestion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from notes.conduct import (
    GroupPatterns,
    by_group,
    conduct_patterns,
    session_to_check,
)
from notes.records import Client
from notes.wording import counted
from ui.alliance.actions import check_conduct, edit_conduct_prompts, show_conduct_trend
from ui.client_page.list_section import RecordSection
from ui.vault_service import VaultService
from ui.widgets.models import DataclassListModel


class PatternModel(DataclassListModel[GroupPatterns]):
    def show(self, found: GroupPatterns, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [found.group.label]
            lines += [f"• {p.text} — {p.summary}." for p in found.patterns]
            if found.group.suggestion:
                lines.append(found.group.suggestion)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return found.group.suggestion or None
        return None


class ConductSection(RecordSection):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(service, PatternModel(), "conduct patterns", "", parent)
        self.view.setSelectionMode(self.view.SelectionMode.NoSelection)
        self.add_button("Check my conduct…", self.check_latest)
        self.add_button(
            "My conduct across clients…", lambda: show_conduct_trend(self, service), writes=False
        )
        self.add_button("Adjust prompts…", lambda: edit_conduct_prompts(self, service))
        service.conductChanged.connect(self._changed)
        service.conductPromptsChanged.connect(self.reload)
        self._text = ""

    def load(self, client: Client) -> list[GroupPatterns]:
        glance = self._service.conduct_glance(client.id)  # the latest checks, not every one
        counts = glance.counts
        patterns = conduct_patterns(glance.latest, self._service.conduct_prompts())
        due, looked_at = counts.due, counts.looked_at
        text = f"{due} {'check is' if due == 1 else 'checks are'} still due. " if due else ""
        if not counts.answered:
            text += (
                "No answered conduct checks with this client yet. They are offered when you "
                "sign a note, and any time with Ctrl+Shift+K."
            )
        elif patterns:
            text += (
                f"In your last {counted(looked_at, 'check')} with {client.code}, "
                "these came up more than once:"
            )
        else:
            text += (
                f"Nothing came up more than once in your last {counted(looked_at, 'check')} with "
                f"{client.code}."
            )
        self._text = text
        return by_group(patterns)

    def summary_text(self, patterns: list[GroupPatterns]) -> str:
        return self._text

    def check_latest(self) -> None:
        """The newest session whose check is due, or else the newest session the client came to."""
        session = session_to_check(self.sessions)
        if self.client is not None and session is not None:
            check_conduct(self, self._service, self.client, session)
