"""The Supervision page's lists: items still to discuss, agreed actions, the supervisor's
comments from returned reports, supervision sessions.

Each row is a plain dataclass with the client's code beside the record; the wording of a line
comes from notes/supervision.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from notes.supervision import (
    Action,
    AgendaItem,
    CarriedAction,
    Supervision,
    action_line,
    item_line,
    supervision_line,
)
from notes.supervisor_comments import SupervisorComment
from ui.widgets.models import DataclassListModel, emphasis

_SHOWN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


@dataclass(frozen=True)
class ItemRow:
    code: str
    item: AgendaItem


@dataclass(frozen=True)
class ActionRow:
    code: str
    carried: CarriedAction
    action: Action


@dataclass(frozen=True)
class CommentRow:
    comment: SupervisorComment
    line: str  # notes.supervisor_comments.comment_line

    @property
    def id(self) -> int | None:
        return self.comment.id


@dataclass(frozen=True)
class SupervisionRow:
    supervision: Supervision
    line: str

    @property
    def id(self) -> int | None:
        return self.supervision.id


class ItemModel(DataclassListModel[ItemRow]):
    def show(self, row: ItemRow, role: int) -> Any:
        if role in _SHOWN:
            return f"{row.code} · {row.item.item.kind.label} · {item_line(row.item)}"
        return None


class ActionModel(DataclassListModel[ActionRow]):
    def show(self, row: ActionRow, role: int) -> Any:
        if role in _SHOWN:
            done = "Done: " if not row.action.is_open else ""
            return f"{row.code} · {done}{action_line(row.carried, row.action.done_on)}"
        if role == Qt.ItemDataRole.FontRole and not row.action.is_open:
            return emphasis(italic=True)
        return None


class CommentModel(DataclassListModel[CommentRow]):
    def show(self, row: CommentRow, role: int) -> Any:
        if role in _SHOWN:
            return row.line
        if role == Qt.ItemDataRole.FontRole and not row.comment.is_open:
            return emphasis(italic=True)
        return None


class SupervisionModel(DataclassListModel[SupervisionRow]):
    """Newest first: the last supervision is the one a therapist looks back at."""

    def show(self, row: SupervisionRow, role: int) -> Any:
        if role in _SHOWN:
            return row.line


def supervision_rows(supervisions: list[Supervision], codes: dict[int, str]) -> list:
    return [
        SupervisionRow(s, supervision_line(s, codes))
        for s in sorted(supervisions, key=lambda s: (s.held_on, s.id or 0), reverse=True)
    ]
