"""Tags on the words of a note: highlights that stay on the same words while the text changes.

The tracker knows the note's text boxes by (note kind, section key). Each tag's span is kept in
the box's own positions (UTF-16 units, as Qt counts) and moved on every change of the text with
`shift_span`; spans go back to code-point offsets (as the vault stores them) on `export`.
A tag whose words were all deleted is reported once, with `wordsDeleted`, after the edit.

The two kinds differ by more than colour: transference has a solid underline, countertransference
a wavy one, and each has its own background (the theme's `tag_format`). For a screen reader the
box's accessible description names the tags where its cursor is, and moving into tagged words
says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip
from shiboken6 import isValid

from notes.observations import Anchor, NoteKind, Observation, locate, shift_span
from ui.widgets.status_line import announce
from ui.widgets.theme import tag_format  # how tagged words look: the theme's

BoxKey = tuple[NoteKind, str]


def qt_position(text: str, index: int) -> int:
    """A code-point offset into `text` as Qt's position (UTF-16 units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def text_index(text: str, position: int) -> int:
    """Qt's position (UTF-16 units) in `text` as a code-point offset."""
    return len(text.encode("utf-16-le")[: position * 2].decode("utf-16-le", errors="ignore"))


@dataclass
class _Span:
    observation: Observation
    box: BoxKey | None  # None: the words could not be found in the note
    start: int = 0
    end: int = 0
    moved: bool = False  # differs from what the vault holds


class TagTracker(QObject):
    wordsDeleted = Signal(list)  # observations whose tagged words were all deleted

    def __init__(
        self, describe: Callable[[Observation], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._boxes: dict[BoxKey, QPlainTextEdit] = {}
        self._spans: dict[int, _Span] = {}  # by observation id, in the order they were added
        self._deleted: list[Observation] = []
        self._connections: list[tuple[QPlainTextEdit, Callable]] = []
        self._cursor_slots: list[tuple[QPlainTextEdit, Callable]] = []

    # -- what is tracked -------------------------------------------------------------------

    def bind(self, boxes: dict[BoxKey, QPlainTextEdit]) -> None:
        """Follow these text boxes (they already hold the note's text) instead of earlier ones."""
        kept = self.observations()
        for box, slot in self._connections:
            if isValid(box):  # boxes of an earlier template may already be gone
                box.document().contentsChange.disconnect(slot)
                box.viewport().removeEventFilter(self)
                box.removeEventFilter(self)
        for box, moved in self._cursor_slots:
            if isValid(box):
                box.cursorPositionChanged.disconnect(moved)
                box.setAccessibleDescription("")
        self._connections = []
        self._cursor_slots = []
        self._boxes = dict(boxes)
        for key, box in self._boxes.items():

            def slot(position: int, removed: int, added: int, key: BoxKey = key) -> None:
                self._changed(key, position, removed, added)

            def moved(key: BoxKey = key) -> None:
                self._describe_cursor(key)

            box.document().contentsChange.connect(slot)
            box.cursorPositionChanged.connect(moved)
            box.viewport().installEventFilter(self)
            box.installEventFilter(self)  # a new palette (View → Theme) repaints the tags
            self._connections.append((box, slot))
            self._cursor_slots.append((box, moved))
        self.set_observations(kept, keep_moved=True)

    def set_observations(self, observations: list[Observation], keep_moved: bool = False) -> None:
        """Show these observations; tagged ones are found in the text by their anchor and quote."""
        moved = {id_ for id_, span in self._spans.items() if span.moved} if keep_moved else set()
        self._spans = {}
        for observation in observations:
            assert observation.id is not None
            self._spans[observation.id] = self._place(observation)
            self._spans[observation.id].moved |= observation.id in moved
        self._paint_all()

    def clear(self) -> None:
        self.bind({})
        self._spans = {}
        self._deleted = []

    def add(self, observation: Observation) -> None:
        assert observation.id is not None
        self._spans[observation.id] = self._place(observation)
        self._paint_all()

    def update(self, observation: Observation) -> None:
        """New content for a tracked observation; its words stay where they are now."""
        span = self._spans.get(observation.id)
        if span is None:
            self.add(observation)
            return
        if observation.anchor is None:  # no longer tied to words
            span.observation, span.box = observation, None
        else:
            previous = span.observation
            span.observation = replace(observation, anchor=previous.anchor, quote=previous.quote)
        self._paint_all()

    def remove(self, observation_id: int) -> None:
        self._spans.pop(observation_id, None)
        self._paint_all()

    def observations(self) -> list[Observation]:
        """Every tracked observation, with its anchor and quote as the text now stands."""
        return [self._current(span) for span in self._spans.values()]

    def moved(self) -> list[Observation]:
        """Observations whose words moved or changed since the vault last saw them."""
        return [self._current(span) for span in self._spans.values() if span.moved]

    def mark_saved(self) -> None:
        for span in self._spans.values():
            span.moved = False
            span.observation = self._current(span)

    def is_placed(self, observation: Observation) -> bool:
        span = self._spans.get(observation.id)
        return span is not None and span.box is not None and span.box in self._boxes

    def box_of(self, observation: Observation) -> QPlainTextEdit | None:
        span = self._spans.get(observation.id)
        return self._boxes.get(span.box) if span and span.box else None

    def select(self, observation: Observation) -> bool:
        """Select the observation's words in their box; False if they are not in the note."""
        box = self.box_of(observation)
        if box is None:
            return False
        span = self._spans[observation.id]
        cursor = QTextCursor(box.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        box.setTextCursor(cursor)
        box.ensureCursorVisible()
        return True

    # -- placing and following the words ---------------------------------------------------

    def _place(self, observation: Observation) -> _Span:
        anchor = observation.anchor
        box = self._boxes.get((anchor.note, anchor.section)) if anchor else None
        if anchor is None or box is None:
            return _Span(observation, None)
        text = box.toPlainText()
        found = locate(text, anchor.start, anchor.end, observation.quote)
        if found is None:
            return _Span(observation, None)
        start, end = found
        return _Span(
            observation,
            (anchor.note, anchor.section),
            qt_position(text, start),
            qt_position(text, end),
            moved=found != (anchor.start, anchor.end),
        )

    def _current(self, span: _Span) -> Observation:
        observation = span.observation
        box = self._boxes.get(span.box) if span.box else None
        if box is None or observation.anchor is None:
            return observation
        text = box.toPlainText()
        start, end = text_index(text, span.start), text_index(text, span.end)
        return replace(
            observation,
            anchor=Anchor(observation.anchor.note, observation.anchor.section, start, end),
            quote=text[start:end],
        )

    def _changed(self, key: BoxKey, position: int, removed: int, added: int) -> None:
        box = self._boxes.get(key)
        if box is None:
            return
        touched = False
        for span in list(self._spans.values()):
            if span.box != key:
                continue
            touched = True
            old = (span.start, span.end)
            shifted = shift_span(*old, position, removed, added)
            if shifted is None:
                # The words are gone: remember them as they were, and ask once the edit is over.
                span.box = None
                self._deleted.append(span.observation)
                QTimer.singleShot(0, self._report_deleted)
                continue
            inside = position < old[1] and position + removed > old[0]
            if shifted != old or inside:
                span.start, span.end = shifted
                span.moved = True
            if inside:  # the words themselves changed: keep the quote as it now reads
                span.observation = self._current(span)
        if touched:
            self._paint(key)

    def _report_deleted(self) -> None:
        if self._deleted:
            deleted, self._deleted = self._deleted, []
            self.wordsDeleted.emit(deleted)

    # -- showing ---------------------------------------------------------------------------

    def _paint_all(self) -> None:
        for key in self._boxes:
            self._paint(key)
            self._describe_cursor(key, speak=False)

    def tags_at_cursor(self, key: BoxKey) -> str:
        """What the words at the box's cursor are tagged with, as a screen reader is told."""
        box = self._boxes[key]
        found = self.spans_at(key, box.textCursor().position())
        return "; ".join(f"Tagged: {self._describe(o)}" for o in found)

    def _describe_cursor(self, key: BoxKey, speak: bool = True) -> None:
        """The box's accessible description says the tags where its cursor is; moving into
        tagged words (or out of them) is said at once, politely."""
        box = self._boxes.get(key)
        if box is None or not isValid(box):
            return
        text = self.tags_at_cursor(key)
        if text == box.accessibleDescription():
            return
        box.setAccessibleDescription(text)  # Qt tells assistive technology it changed
        if speak and box.isVisible():
            announce(box, text or "Not tagged")

    def _paint(self, key: BoxKey) -> None:
        box = self._boxes[key]
        selections = []
        for span in self._spans.values():
            if span.box != key:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(box.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = tag_format(span.observation.kind, box.palette())
            selections.append(selection)
        box.setExtraSelections(selections)

    def spans_at(self, key: BoxKey, position: int) -> list[Observation]:
        return [
            span.observation
            for span in self._spans.values()
            if span.box == key and span.start <= position < span.end
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A tooltip over tagged words names their observations, for eyes and screen readers;
        a box's new palette repaints its tags in the new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange:
            for key, box in self._boxes.items():
                if box is watched:
                    self._paint(key)
        elif event.type() == QEvent.Type.ToolTip:
            for key, box in self._boxes.items():
                if box.viewport() is watched:
                    position = box.cursorForPosition(event.pos()).position()
                    found = self.spans_at(key, position)
                    if found:
                        text = "\n".join(self._describe(o) for o in found)
                        QToolTip.showText(event.globalPos(), text, box)
                    else:
                        QToolTip.hideText()
                    return True
        return super().eventFilter(watched, event)
