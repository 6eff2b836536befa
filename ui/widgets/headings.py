"""Section titles are headings for assistive technology, not plain text.

A title is a QLabel whose object name (the style sheet's too) is one of `HEADINGS`. Qt gives
every label the role "static text"; an accessibility factory installed once gives these the role
Heading, so a screen reader can list them and jump from one to the next. Their name is their
text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

HEADINGS = frozenset(
    {"pageTitle", "noteTitle", "paneTitle", "sectionHeading", "subHeading", "groupHeading"}
)

_installed = False


class _Heading(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text().replace("&", "")
        return super().text(kind)


def _factory(_key: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QLabel) and target.objectName() in HEADINGS:
        return _Heading(target)
    return None


def install_headings() -> None:
    """Give the titles the role Heading, from now on (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
