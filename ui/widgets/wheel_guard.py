"""The mouse wheel scrolls the page: over a combo box, spin box or slider inside a scrolling
page it changes the value only when that control has the focus.

One application-wide event filter (ui/widgets/app_filters.py) does this for every page, so no
form has to remember it.
Qt gives these controls the focus on a wheel turn (their WheelFocus policy) before any filter
sees the event, so the filter also makes them take the focus by Tab and click only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from ui.widgets.app_filters import AppFilter

_VALUE_CONTROLS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _guarded(watched: QObject) -> bool:
    # A scroll bar is how a page scrolls: the wheel over it always scrolls.
    return isinstance(watched, _VALUE_CONTROLS) and not isinstance(watched, QScrollBar)


def _page_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling page holding `widget` (a combo's own list does not count)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, _VALUE_CONTROLS):
            return parent
        parent = parent.parentWidget()
    return None


def _no_wheel_focus(control: QWidget) -> None:
    if control.focusPolicy() & Qt.FocusPolicy.WheelFocus == Qt.FocusPolicy.WheelFocus:
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(AppFilter):
    """One for the application, started by ui/widgets/app_filters.py `start`."""

    EVENTS = frozenset({QEvent.Type.Polish, QEvent.Type.Wheel})

    def catch_up(self) -> None:
        for widget in QApplication.allWidgets():
            if _guarded(widget):
                _no_wheel_focus(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not _guarded(watched):
            return False
        if event.type() == QEvent.Type.Polish:
            _no_wheel_focus(watched)
        elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            page = _page_around(watched)
            if page is not None:
                # The page's own scroll bar takes the turn, as if the wheel were over the page.
                QApplication.sendEvent(page.verticalScrollBar(), event)
                return True
        return False
