"""Section titles are headings for assistive technology, not plain text.

A title is a `Heading`: a QLabel (the style sheet still finds it by its object name) whose
accessibility interface, made by a factory installed once, has the role Heading, so a screen
reader can list the titles and jump from one to the next. Its name is its text.

Each heading also has a level (AT-SPI's "level" attribute, through Qt's
QAccessibleAttributesInterface, Qt 6.8 and later), so a screen reader can say where it sits and
list one level only: a page's or a pane's title is level 1, a section's level 2, a part of a
section (a group of prompts, ruptures under the alliance) level 3. The level follows the
object name the style sheet uses (`level_of`), unless the title is given one.

The factory knows a title by its class, not by its object name: with a screen reader running,
Qt makes a label's interface while the label is being built, before any name is set, and keeps
it; it makes a new one only for an object of another class.

The interfaces are Python objects that Qt keeps in its cache; those still there when Python
ends are let go first (Qt would otherwise delete them after the interpreter is gone).
"""

from __future__ import annotations

import atexit

from PySide6.QtWidgets import QLabel, QWidget

_installed: object = None  # the factory, kept alive for as long as Qt may call it


# A title's level by its object name (the style sheet's name for it); any other is a section's.
LEVELS = {
    "pageTitle": 1,
    "noteTitle": 1,
    "paneTitle": 1,
    "sectionHeading": 2,
    "subHeading": 3,
    "groupHeading": 3,
}
SECTION_LEVEL = 2


class Heading(QLabel):
    """A title: a page's, a pane's, a section's or a group's."""

    def __init__(self, text: str = "", parent: QWidget | None = None, level: int | None = None):
        super().__init__(text, parent)
        self._level = level

    def level(self) -> int:
        """Its level as a heading: given, else by its object name (`LEVELS`)."""
        if self._level is not None:
            return self._level
        return LEVELS.get(self.objectName(), SECTION_LEVEL)


def install_headings() -> None:
    """Give titles the role Heading, from now on (once per process)."""
    global _installed
    if _installed is not None:
        return
    # Imported here: the accessibility classes are not needed before the window is built.
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessible, QAccessibleAttributesInterface, QAccessibleInterface
    from PySide6.QtWidgets import QAccessibleWidget
    from shiboken6 import VoidPtr, isValid

    class HeadingAttributes(QAccessibleAttributesInterface):
        """The heading's level, read when asked (its object name may be set after it is
        made), and its locale, as any widget's interface reports."""

        def __init__(self, label: Heading) -> None:
            super().__init__()
            self._label = label

        def attributeKeys(self) -> list[QAccessible.Attribute]:
            return [QAccessible.Attribute.Level, QAccessible.Attribute.Locale]

        def attributeValue(self, key: QAccessible.Attribute) -> object:
            if not isValid(self._label):
                return None
            if key == QAccessible.Attribute.Level:
                return self._label.level()
            if key == QAccessible.Attribute.Locale:
                return self._label.locale()
            return None

    class HeadingInterface(QAccessibleWidget):
        def __init__(self, label: Heading) -> None:
            super().__init__(label, QAccessible.Role.Heading)
            self._label = label
            self._attributes = HeadingAttributes(label)

        def text(self, kind: QAccessible.Text) -> str:
            if kind == QAccessible.Text.Name:
                return self._label.accessibleName() or self._label.text().replace("&", "")
            return super().text(kind)

        def interface_cast(self, kind: QAccessible.InterfaceType) -> object:
            # Qt asks for the attributes through this cast; the answer must be the C++ object
            # (a VoidPtr of it: a plain int is taken for something else and crashes).
            if kind == QAccessible.InterfaceType.AttributesInterface:
                return VoidPtr(self._attributes)
            return super().interface_cast(kind)

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
