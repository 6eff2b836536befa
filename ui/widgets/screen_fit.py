"""Every window fits its screen: a dialog opens no larger than the screen's free area (less the
task bar) and inside it, so its buttons never fall below the screen at 200% or on a 1366×768
laptop. What a dialog holds must then fit too: long forms sit in a scroll area of their own.

One application-wide event filter (ui/widgets/app_filters.py) does this for every dialog, so
no dialog has to remember it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from ui.widgets.app_filters import AppFilter

_NO_FOCUS = 0  # Qt::NoFocus


def free_area(widget: QWidget) -> QRect:
    """The part of `widget`'s screen a window may take (without the task bar), in the logical
    pixels that widget sizes are given in."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size `window` to `wanted` (its present size if None), no larger than its screen's free
    area with the window frame around it, and move it wholly onto that area."""
    area = free_area(window)
    frame = window.frameGeometry().size() - window.geometry().size()
    wanted = window.size() if wanted is None else wanted
    room = area.size() - frame
    # Never narrower than what it holds needs: adjustSize() caps a window whose layout has
    # wrapping labels at 2/3 of the screen's width, which at 200% cut off a long check box
    # ("Talking about it from a distance, intellec…" in the rupture dialog).
    least = window.minimumSize().expandedTo(window.minimumSizeHint())
    size = wanted.boundedTo(room).expandedTo(least.boundedTo(room))
    if size != window.size():
        window.resize(size)
    place = window.frameGeometry()
    x = min(max(place.x(), area.left()), max(area.left(), area.right() + 1 - place.width()))
    y = min(max(place.y(), area.top()), max(area.top(), area.bottom() + 1 - place.height()))
    if (x, y) != (place.x(), place.y()):
        window.move(x, y)


def _fitted(window: QObject) -> bool:
    return (
        isinstance(window, (QDialog, QMainWindow))
        and window.isWindow()
        and not window.isFullScreen()
    )


def _fit_now_and_framed(window: QWidget) -> None:
    fit_to_screen(window)
    # Again once the window manager has put its frame around it (its size is known then).
    QTimer.singleShot(0, window, lambda: fit_to_screen(window))


class ScreenFit(AppFilter):
    """Fits each dialog and main window to its screen as it is shown; one for the application,
    started by ui/widgets/app_filters.py `start`."""

    EVENTS = frozenset({QEvent.Type.Show})

    def catch_up(self) -> None:
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and _fitted(window):
                _fit_now_and_framed(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and _fitted(watched):
            _fit_now_and_framed(watched)
        return False


def scrolling(body: QWidget, name: str) -> QScrollArea:
    """`body` in a frameless scroll area that scrolls only when the window is smaller than it:
    a long form on a small screen (1366×768, or 1920×1080 at 200%)."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # A click beside the fields leaves the keyboard in them, not in the area. Set by the
    # property's name: the enum would build Qt's namespace before the first paint
    # (ui/first_paint.py).
    area.setProperty("focusPolicy", _NO_FOCUS)
    # See-through: the window's own ground shows (as without the scroll area), and the page
    # under it is still painted, which the window waits for before building the rest. A viewport
    # of our own: asking the area for its own makes PySide find that widget's class among every
    # QWidget subclass, building their types before the first page could paint (~4 ms).
    viewport = QWidget()
    viewport.setAutoFillBackground(False)
    area.setViewport(viewport)
    area.setWidget(body)
    body.setAutoFillBackground(False)
    return area


def whole_size(area: QScrollArea, window: QWidget) -> QSize:
    """The size `window` would need to show all of `area`'s body without scrolling (a scroll
    area's own size hint stops at about 36 × 24 lines)."""
    body = area.widget()
    extra = window.sizeHint() - area.sizeHint()
    return body.sizeHint() + QSize(max(0, extra.width()), max(0, extra.height()))


class _WholeHeight(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            needed = watched.heightForWidth(watched.width())
            if needed > 0 and needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


def keep_whole(label: QLabel) -> QLabel:
    """Keep every wrapped line of `label` in view: a splitter or a narrow pane (200%) would
    otherwise squeeze it and cut lines off top and bottom. Its minimum height follows its width."""
    label.setWordWrap(True)
    label.installEventFilter(_WholeHeight(label))
    return label
