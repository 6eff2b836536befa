"""Item models over the domain's dataclasses: the list and table bases, the client list and a
client's sessions."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from notes.records import Attendance, Client, ClientStatus, Session
from notes.session_changes import void_label

Item = TypeVar("Item")
AnyIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole


def emphasis(bold: bool = False, italic: bool = False, struck: bool = False) -> QFont:
    """A font for a row's FontRole: bold to stand out, italic to step back, struck through for
    what no longer counts. Only what is asked for is set, so the view's own font fills in the
    rest."""
    font = QFont()
    if bold:
        font.setBold(True)
    if italic:
        font.setItalic(True)
    if struck:
        font.setStrikeOut(True)
    return font


class _DataclassRows(Generic[Item]):
    """The dataclasses behind a list or a table model, one a row; mixed in before the Qt base,
    so that the list and the table keep, count and find their rows the same way."""

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

    def row_of(self, item_id: int | None) -> int | None:
        """The row of the item whose `id` this is, or None when it is not listed."""
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ItemRole:
            return item
        return self._show(item, index.column(), role)

    def _show(self, item: Item, column: int, role: int) -> Any:
        raise NotImplementedError


class DataclassListModel(_DataclassRows[Item], QAbstractListModel):
    """A flat list of dataclasses; subclasses say how one item is shown."""

    def _show(self, item: Item, column: int, role: int) -> Any:
        return self.show(item, role)

    def show(self, item: Item, role: int) -> Any:
        raise NotImplementedError


class DataclassTableModel(_DataclassRows[Item], QAbstractTableModel):
    """Rows of dataclasses under column headings; subclasses say how one cell is shown."""

    headings: tuple[str, ...] = ()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headings)
        ):
            return self.headings[section]
        return None

    def _show(self, item: Item, column: int, role: int) -> Any:
        return self.show(item, column, role)

    def show(self, item: Item, column: int, role: int) -> Any:
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
            return emphasis(italic=True)
        return None


def session_title(session: Session) -> str:
    when = session.starts_at.strftime("%a %d %b %Y, %H:%M")
    if session.void:
        return f"Void session · {when}"
    return f"Session {session.number} · {when}"


class SessionListModel(DataclassListModel[Session]):
    """Newest first, since that is the session a therapist is writing up. A void session stays
    in the list, struck through, without a number and with its reason."""

    def set_items(self, items: list[Session]) -> None:
        super().set_items(sorted(items, key=lambda s: (s.starts_at, s.number), reverse=True))

    @staticmethod
    def _second_line(attendance: Attendance, signed: bool, conduct_due: bool) -> str:
        state = "Signed" if signed else "Draft"
        due = " · conduct due" if conduct_due else ""  # short: rows are one width
        return f"       {attendance.label} · {state}{due}"

    @classmethod
    def widest_line(cls) -> str:
        """The longest second line any row can have: the list is kept at least this wide, so
        no row's marks are cut off ("conduct due" once read "co…")."""
        return max(
            (cls._second_line(kind, signed, True) for kind in Attendance for signed in (0, 1)),
            key=len,
        )

    def show(self, session: Session, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if session.void:
                return f"  —.  {session.starts_at:%a %d %b %Y  %H:%M}\n       {void_label(session)}"
            return (
                f"{session.number:>3}.  {session.starts_at:%a %d %b %Y  %H:%M}\n"
                + self._second_line(session.attendance, session.note_signed, session.conduct_due)
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == Qt.ItemDataRole.FontRole and session.void:
            return emphasis(italic=True, struck=True)
        if role == Qt.ItemDataRole.FontRole and not session.note_signed:
            return emphasis(bold=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            if session.void:
                return f"{void_label(session)}. Not counted; its signed note can still be read."
            tip = "Signed: read-only" if session.note_signed else "Draft: still editable"
            if session.conduct_due:
                tip += ". Conduct check due: Session > Check my conduct… (Ctrl+Shift+K)"
            return tip
        return None
