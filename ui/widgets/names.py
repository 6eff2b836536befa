"""A widget's name: kept apart from ui/widgets/form_fields.py, whose widget classes the unlock
page does not need before its first paint."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

Widget = TypeVar("Widget", bound=QWidget)


def named(widget: Widget, name: str) -> Widget:
    """The widget with `name` as its object name, by which drafts and tests find it, and as
    what a screen reader calls it (underscores read as spaces)."""
    widget.setObjectName(name)
    widget.setAccessibleName(name.replace("_", " "))
    return widget
