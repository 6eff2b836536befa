"""Item models over the domain's dataclasses: the client list and a client's sessions."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from notes.records import Client, ClientStatus, Session

Item = TypeVar("Item")
AnyIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole


class DataclassListModel(QAbstractListModel, Generic[Item]):
    """A flat list of dataclasses; subclasses say how one item is shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[Item]:
        return list(self._items)

    def item(self, row: int) -> Item:
        return self._items[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ItemRole:
            return item
        return self.show(item, role)

    def show(self, item: Item, role: int) -> Any:
        raise NotImplementedError


class ClientListModel(DataclassListModel[Client]):
    def show(self, client: Client, role: int) -> Any:
        closed = client.status is ClientStatus.CLOSED
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            suffix = "  (closed)" if closed else ""
            return f"{client.code}  {client.full_name}{suffix}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return client.presenting_problem or None
        if role == Qt.ItemDataRole.FontRole and closed:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def row_of(self, client_id: int) -> int | None:
        for row, client in enumerate(self._items):
            if client.id == client_id:
                return row
        return None


def session_title(session: Session) -> str:
    when = session.starts_at.strftime("%a %d %b %Y, %H:%M")
    return f"Session {session.number} · {when}"


class SessionListModel(DataclassListModel[Session]):
    """Newest first, since that is the session a therapist is writing up."""

    def set_items(self, items: list[Session]) -> None:
        super().set_items(sorted(items, key=lambda s: (s.starts_at, s.number), reverse=True))

    def show(self, session: Session, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            state = "Signed" if session.note_signed else "Draft"
            due = " · conduct due" if session.conduct_due else ""  # short: rows are one width
            return (
                f"{session.number:>3}.  {session.starts_at:%a %d %b %Y  %H:%M}\n"
                f"       {session.attendance.label} · {state}{due}"
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == Qt.ItemDataRole.FontRole and not session.note_signed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = "Signed: read-only" if session.note_signed else "Draft: still editable"
            if session.conduct_due:
                tip += ". Conduct check due: Session > Check my conduct… (Ctrl+Shift+K)"
            return tip
        return None

    def row_of(self, session_id: int) -> int | None:
        for row, session in enumerate(self._items):
            if session.id == session_id:
                return row
        return None
