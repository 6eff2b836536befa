"""A row of widgets that wraps onto more lines when its space is narrow, as words do.

Buttons and filters under a client-page section sit in one row while the column is wide; at
200% or in a narrow column they wrap instead of making the whole page scroll sideways (Qt's
own Flow Layout example, trimmed to what the page needs).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    # -- QLayout's item list --

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Put `widget` at `index` in the row (QBoxLayout's call, so callers need not care)."""
        self.addWidget(widget)  # appends a QWidgetItem; move it where it belongs
        self._items.insert(index, self._items.pop())
        self.invalidate()

    # -- geometry --

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """All in one row."""
        width = height = 0
        for item in self._items:
            hint = item.sizeHint()
            width += hint.width() + (self._gap(item, horizontal=True) if width else 0)
            height = max(height, hint.height())
        return self._grown(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest item, one to a line."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return self._grown(size)

    def _grown(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, item: QLayoutItem, horizontal: bool) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        control = QSizePolicy.ControlType.PushButton
        orientation = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
        gap = style.layoutSpacing(control, control, orientation)
        if gap < 0:
            metric = (
                QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                if horizontal
                else QStyle.PixelMetric.PM_LayoutVerticalSpacing
            )
            gap = style.pixelMetric(metric, None, widget)
        return max(gap, 0)

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lay the items out in lines within `rect` (placing them if `place`); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            across = self._gap(item, horizontal=True)
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += line_height + self._gap(item, horizontal=False)
                line_height = 0
            if place:
                width = min(hint.width(), area.width())
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += hint.width() + across
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
