"""Section titles are headings for assistive technology, not plain text.

A title is a `Heading`: a QLabel (the style sheet still finds it by its object name) whose
accessibility interface, made by a factory installed once, has the role Heading, so a screen
reader can list the titles and jump from one to the next. Its name is its text.

The factory knows a title by its class, not by its object name: with a screen reader running,
Qt makes a label's interface while the label is being built, before any name is set, and keeps
it; it makes a new one only for an object of another class.

The interfaces are Python objects that Qt keeps in its cache; those still there when Python
ends are let go first (Qt would otherwise delete them after the interpreter is gone).
"""

from __future__ import annotations

import atexit

from PySide6.QtWidgets import QLabel

_installed: object = None  # the factory, kept alive for as long as Qt may call it


class Heading(QLabel):
    """A title: a page's, a pane's, a section's or a group's."""


def install_headings() -> None:
    """Give titles the role Heading, from now on (once per process)."""
    global _installed
    if _installed is not None:
        return
    # Imported here: the accessibility classes are not needed before the window is built.
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessible, QAccessibleInterface
    from PySide6.QtWidgets import QAccessibleWidget
    from shiboken6 import isValid

    class HeadingInterface(QAccessibleWidget):
        def __init__(self, label: Heading) -> None:
            super().__init__(label, QAccessible.Role.Heading)
            self._label = label

        def text(self, kind: QAccessible.Text) -> str:
            if kind == QAccessible.Text.Name:
                return self._label.accessibleName() or self._label.text().replace("&", "")
            return super().text(kind)

    made: list[HeadingInterface] = []

    def alive(interface: HeadingInterface) -> bool:
        return isValid(interface) and interface.isValid()

    def factory(_key: str, target: QObject) -> QAccessibleInterface | None:
        if not isinstance(target, Heading):
            return None
        made[:] = [each for each in made if alive(each)]  # Qt deleted those of gone titles
        made.append(HeadingInterface(target))
        return made[-1]

    def let_go() -> None:
        for each in made:
            if alive(each):
                QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(each))
        made.clear()

    QAccessible.installFactory(factory)
    atexit.register(let_go)
    _installed = factory
