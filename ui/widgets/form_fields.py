"""Small input widgets shared by the forms: a named widget, a date, an optional date, a session
chooser, a multi-line text box, and a list view that grows with its rows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QDate, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ui.widgets.names import named as named  # the forms take it from here

if TYPE_CHECKING:
    from notes.records import Session


def date_edit(day: date | None = None, display: str = "d MMM yyyy") -> QDateEdit:
    """A date typed or picked from a calendar, shown as "5 Oct 2026" unless told otherwise."""
    edit = QDateEdit(QDate(day)) if day is not None else QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display)
    return edit


class OptionalDate(QWidget):
    """A date that may not have happened yet: a tick box ("Explained") and the date beside it."""

    def __init__(self, text: str, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.date = date_edit()
        self.date.setAccessibleName(f"{text} date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date)
        layout.addStretch(1)
        self.check.toggled.connect(self.date.setEnabled)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.date.setEnabled(value is not None)
        self.date.setDate(QDate(value) if value else QDate.currentDate())

    def value(self) -> date | None:
        return self.date.date().toPython() if self.check.isChecked() else None


class SessionChooser(QComboBox):
    """One of the client's sessions, newest first; optionally "none"."""

    def __init__(
        self,
        sessions: list[Session],
        chosen: int | None = None,
        none_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from ui.widgets.models import session_title

        super().__init__(parent)
        if none_text is not None:
            self.addItem(none_text, None)
        for session in sorted(sessions, key=lambda s: s.starts_at, reverse=True):
            self.addItem(session_title(session), session.id)
        self.choose(chosen)

    def choose(self, session_id: int | None) -> None:
        index = self.findData(session_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def session_id(self) -> int | None:
        return self.currentData()


def text_box(
    name: str,
    placeholder: str = "",
    text: str = "",
    *,
    height: int = 72,
    grows: bool = False,
    keyed: bool = False,
) -> QPlainTextEdit:
    """A multi-line box that Tab leaves rather than types into, `height` pixels tall (at least
    that, if it `grows`). A screen reader calls it `name`, underscores read as spaces; a `keyed`
    box also carries `name` as its object name, as `named` gives it."""
    # The writing aids come with the first text box, not with the unlock page's passphrase field.
    from ui.writing.box_aids import attach as attach_writing_aids

    box = QPlainTextEdit(text)
    if keyed:
        box.setObjectName(name)
    box.setAccessibleName(name.replace("_", " "))
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    if grows:
        box.setMinimumHeight(height)
    else:
        box.setFixedHeight(height)
    attach_writing_aids(box)  # spelling, phrases (ui/writing/)
    return box


_MODEL_CHANGES = ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged", "layoutChanged")


class FittedListView(QListView):
    """A list as tall as its rows, wrapped to its width, so a page of sections reads without a
    scroll bar inside a scroll bar."""

    _PADDING = 10  # the style sheet's item padding, top and bottom, plus a little air

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self._heights: dict[tuple[int, str], int] = {}  # (width, font) → height, until a change

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in _MODEL_CHANGES:
                getattr(old, signal).disconnect(self._forget_heights)
        super().setModel(model)
        if model is not None:
            for signal in _MODEL_CHANGES:
                getattr(model, signal).connect(self._forget_heights)
        self._forget_heights()

    def _forget_heights(self, *_args) -> None:
        self._heights.clear()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Every row measured, wrapped to `width`: costly for a long list, and a layout asks
        again and again for the same width, so each width's answer is kept until the rows
        change."""
        key = (width, self.font().key())
        if key not in self._heights:
            self._heights[key] = self._measured(width)
        return self._heights[key]

    def _measured(self, width: int) -> int:
        model = self.model()
        metrics = self.fontMetrics()
        text_width = max(50, width - 2 * self.frameWidth() - 16)
        height = 0
        for row in range(model.rowCount() if model is not None else 0):
            text = str(model.index(row, 0).data() or "")
            bounds = metrics.boundingRect(
                QRect(0, 0, text_width, 100_000), int(Qt.TextFlag.TextWordWrap), text
            )
            height += bounds.height() + self._PADDING
        return max(height, 24) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 100 else 480
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 24)

    def refit(self) -> None:
        self.updateGeometry()
