"""Listen to the accessibility events Qt sends, as a screen reader's bridge receives them.

PySide6 does not wrap QAccessible::installUpdateHandler, so the handler is installed through
ctypes on the Qt library PySide6 ships; each event is read back through shiboken. With the
handler in place Qt hands every event to it instead of the platform bridge, so nothing is lost
from what Orca would be sent.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleTextInsertEvent,
    QAccessibleTextRemoveEvent,
    QAccessibleTextUpdateEvent,
    QAccessibleValueChangeEvent,
)

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"
Event = QAccessible.Event


def _texts(address: int, kind: Event) -> list[str]:
    """The texts an event of this kind carries to assistive technology."""
    if kind == Event.TextInserted:
        return [shiboken6.wrapInstance(address, QAccessibleTextInsertEvent).textInserted()]
    if kind == Event.TextRemoved:
        return [shiboken6.wrapInstance(address, QAccessibleTextRemoveEvent).textRemoved()]
    if kind == Event.TextUpdated:
        event = shiboken6.wrapInstance(address, QAccessibleTextUpdateEvent)
        return [event.textInserted(), event.textRemoved()]
    if kind == Event.Announcement:
        event = shiboken6.wrapInstance(address, QAccessibleAnnouncementEvent)
        return [event.message(), event.politeness().name]
    if kind == Event.ValueChanged:
        return [str(shiboken6.wrapInstance(address, QAccessibleValueChangeEvent).value())]
    return []


@contextmanager
def accessibility_events() -> Iterator[list[tuple[Event, list[str]]]]:
    """Each event sent meanwhile, as (kind, the texts it carries); an announcement carries its
    message and its politeness."""
    library = ctypes.CDLL(str(Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"))
    install = getattr(library, _INSTALL)
    install.restype = ctypes.c_void_p
    install.argtypes = [ctypes.c_void_p]
    received: list[tuple[Event, list[str]]] = []

    def handle(address: int) -> None:
        event = shiboken6.wrapInstance(address, QAccessibleEvent)
        kind = event.type()
        shiboken6.invalidate(event)  # so the address can be read again as its own kind
        received.append((kind, _texts(address, kind)))

    handler = _HANDLER(handle)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    previous = install(ctypes.cast(handler, ctypes.c_void_p))
    try:
        yield received
    finally:
        install(previous)
        QAccessible.setActive(was_active)
