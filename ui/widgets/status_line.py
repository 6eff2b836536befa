"""A line that tells the person something: read out with its own text, announced when it changes.

A QLabel given an accessible name is read by that name instead of its text, so a screen reader
said "message" where the unlock page said why the passphrase was refused. A status line keeps no
accessible name of its own, and each new text is sent to assistive technology as an
announcement: assertive for a refusal the person must act on, polite for a status.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def announce(widget: QWidget, text: str, urgent: bool = False) -> None:
    """Send `text` to assistive technology now, as said by `widget`: assertive for what the
    person must act on, polite otherwise."""
    # Imported here: QAccessible's classes cost start-up time, and the first announcement
    # comes only after the first paint.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    politeness = QAccessible.AnnouncementPoliteness
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)


class StatusLine(QLabel):
    """A label read out by its text; with `announce`, each new text is also announced."""

    def __init__(
        self,
        object_name: str,
        urgent: bool = False,
        announce: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)  # for the style sheet and tests; never the spoken name
        self.setWordWrap(True)
        self._announces = announce
        self._urgent = urgent

    def setText(self, text: str) -> None:  # type: ignore[override]
        changed = text != super().text()
        super().setText(text)
        if changed and text and self._announces:
            self.announce(text)

    def announce(self, text: str, urgent: bool | None = None) -> None:
        """Send `text` to assistive technology now (politeness as built, unless told)."""
        announce(self, text, self._urgent if urgent is None else urgent)
