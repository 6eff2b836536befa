"""Section titles are headings for assistive technology, not plain text.

A title is a `Heading`: a QLabel (the style sheet still finds it by its object name) whose
accessibility interface, made by a factory installed once, has the role Heading, so a screen
reader can list the titles and jump from one to the next. Its name is its text.

The factory knows a title by its class, not by its object name: with a screen reader running,
Qt makes a label's interface while the label is being built, before any name is set, and keeps
it; it makes a new one only for an object of another class.
"""

from __future__ import annotations

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

    class HeadingInterface(QAccessibleWidget):
        def __init__(self, label: Heading) -> None:
            super().__init__(label, QAccessible.Role.Heading)
            self._label = label

        def text(self, kind: QAccessible.Text) -> str:
            if kind == QAccessible.Text.Name:
                return self._label.accessibleName() or self._label.text().replace("&", "")
            return super().text(kind)

    def factory(_key: str, target: QObject) -> QAccessibleInterface | None:
        return HeadingInterface(target) if isinstance(target, Heading) else None

    QAccessible.installFactory(factory)
    _installed = factory
