"""The search panel: one box over every note and client, results updating as the person types.

The panel knows nothing of the window or the vault: it is given a `search` callable (normally
`VaultService.search`) and announces the hit a person opens with `resultChosen`. Typing is
debounced, so a burst of keystrokes costs one search. The search runs on a worker thread (on a
50,000-session vault a common word takes ~100 ms, which would freeze typing), one at a time:
each query gets a generation number, a result for text the person has since changed is dropped,
and the newest text is searched next, so the newest query always wins. Clearing (on lock) drops
whatever is still on its way, so no client data reaches a locked window.

Keys in the search box: Up/Down move through the results, Enter opens the current one (pressed
before the results of the text in the box have arrived, the best of them when they do), Escape
clears everything (and, when there is nothing to clear, emits `dismissed`).

A search makes snippets only for the rows that fit in the panel (storage's SNIPPETS_AT_ONCE,
more when the panel is taller), so the first screenful arrives whole; a row further down is
given its snippet when it is painted, in one batch with the rows in view and the next screenful,
from `snippets` (normally `VaultService.search_snippets`), on the worker thread too.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from notes.search_query import NEWEST, ORDER_LABELS, SNIPPETS_AT_ONCE, SearchHit, SearchOrder
from notes.templates import section_title
from notes.wording import counted
from storage.errors import VaultError
from ui.jobs import run_in_background
from ui.vault_service import SEARCH_LIMIT
from ui.widgets import theme
from ui.widgets.models import DataclassListModel, ItemRole
from ui.widgets.status_line import StatusLine

DEBOUNCE_MS = 150
HINT = (
    "Type to search progress notes, process notes and client names and codes. "
    'Words can come in any order; put "quotes" around an exact phrase.'
)
_PADDING_X, _PADDING_Y, _LINE_GAP = 10, 7, 2
_KEPT_DOCUMENTS = 300  # laid-out rows kept; a result list has at most 50 hits

Search = Callable[[str, SearchOrder], list[SearchHit]]
Snippets = Callable[[str, list[SearchHit]], list[SearchHit]]


def when_text(hit: SearchHit) -> str:
    """The session's date, or "" for a client's code or name."""
    return f"{hit.session_start:%d %b %Y}" if hit.session_start else ""


def where_text(hit: SearchHit) -> str:
    """Where the match is: a progress note's section ("Plan"), "Process note", "Client"."""
    if hit.source == "progress" and hit.section:
        return section_title(hit.section)
    return hit.source_label


def found_count(count: int, order: SearchOrder = NEWEST) -> str:
    """How many the search found; the list holds the newest (or best) `limit` at most."""
    text = counted(count, "match", "matches")
    if count < SEARCH_LIMIT:
        return text
    which = "the newest" if order == NEWEST else "the best"
    return f"{text} ({which}; add a word to narrow the search)"


def searched_with_snippets(
    search: Search, snippets: Snippets | None, text: str, order: SearchOrder, rows: int
) -> list[SearchHit]:
    """The hits for `text`, the first `rows` of them with their snippets (the rows in view,
    when more fit than the search made at once). Runs on the worker thread."""
    hits = search(text, order)
    if snippets is not None and any(hit.snippet_due for hit in hits[:rows]):
        hits = snippets(text, hits[:rows]) + hits[rows:]
    return hits


class SearchResultModel(DataclassListModel[SearchHit]):
    """The hits of the last search, in the order asked for."""

    def fill(self, made: list[SearchHit]) -> list[int]:
        """Put in the snippets made for rows still due; returns the rows changed."""
        by_row = {(hit.source, hit.index_row): hit for hit in made if not hit.snippet_due}
        changed = []
        for row, hit in enumerate(self._items):
            if hit.snippet_due and (hit.source, hit.index_row) in by_row:
                self._items[row] = by_row[hit.source, hit.index_row]
                changed.append(row)
        for row in changed:
            self.dataChanged.emit(self.index(row), self.index(row))
        return changed

    def show(self, hit: SearchHit, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            heading = "  ·  ".join(part for part in (hit.client_code, when_text(hit)) if part)
            return f"{heading}  ·  {where_text(hit)}\n{hit.plain_snippet()}"
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines per hit: who and when, then the snippet with each match in bold.

    Laying out rich text is the costly part of a row, and Qt asks for each row's size and then
    paints it (again on every hover, selection change and scroll), so each laid-out row is kept
    until the results change (`forget`). A row whose snippet is still due keeps a blank line
    for it and says so with `snippetWanted` (its row) when it is painted.
    """

    snippetWanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple, QTextDocument] = {}

    def forget(self) -> None:
        """Drop every laid-out row (new results, or a lock: no note text is kept)."""
        self._documents.clear()

    def _document(self, option: QStyleOptionViewItem, hit: SearchHit, width: int) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        muted = (
            palette.color(QPalette.ColorRole.HighlightedText) if selected else theme.muted(palette)
        ).name()
        marker = theme.search_match(palette).name()  # a soft marker-pen yellow behind each match
        key = (hit, width, selected, muted, marker, option.font.key())
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= _KEPT_DOCUMENTS:
                self._documents.clear()
            document = self._documents[key] = self._laid_out(
                option, hit, width, selected, muted, marker
            )
        return document

    @staticmethod
    def _laid_out(
        option: QStyleOptionViewItem,
        hit: SearchHit,
        width: int,
        selected: bool,
        muted: str,
        marker: str,
    ) -> QTextDocument:
        pieces = []
        for text, marked in hit.parts():
            text = html.escape(text)
            if marked and selected:
                pieces.append(f"<b>{text}</b>")
            elif marked:
                pieces.append(f'<b style="background-color:{marker}">{text}</b>')
            else:
                pieces.append(text)
        gap = "&nbsp;&nbsp;&nbsp;"
        when = f"{html.escape(when_text(hit))}{gap}" if hit.session_start else ""
        heading = (
            f"<b>{html.escape(hit.client_code)}</b>{gap}{when}"
            f'<span style="color:{muted}">{html.escape(where_text(hit))}</span>'
        )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        text = "".join(pieces) or "&nbsp;"  # a due snippet's line, kept for it
        document.setHtml(
            f'<div style="margin-bottom:{_LINE_GAP}px">{heading}</div><div>{text}</div>'
        )
        document.setTextWidth(max(width, 40))
        return document

    @staticmethod
    def _text_width(option: QStyleOptionViewItem) -> int:
        view = option.widget
        full = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        return (full or option.rect.width() or 320) - 2 * _PADDING_X

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hit = index.data(ItemRole)
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        width = self._text_width(option)
        height = self._document(option, hit, width).size().height()
        return QSize(width + 2 * _PADDING_X, int(height) + 2 * _PADDING_Y + 1)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit = index.data(ItemRole)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        if hit.snippet_due:
            self.snippetWanted.emit(index.row())
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, widget)
        rect = QRect(option.rect).adjusted(_PADDING_X, _PADDING_Y, -_PADDING_X, -_PADDING_Y)
        document = self._document(option, hit, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(theme.surface(option.palette).grid)  # the rule between hits
        bottom = option.rect.bottom()
        painter.drawLine(option.rect.left() + _PADDING_X, bottom, option.rect.right(), bottom)
        painter.restore()


class SearchPanel(QWidget):
    resultChosen = Signal(object)  # the SearchHit a person opened
    dismissed = Signal()  # Escape in an empty search box

    def __init__(
        self,
        search: Search,
        parent: QWidget | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        snippets: Snippets | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._snippets = snippets
        self.field = QLineEdit()
        self.field.setObjectName("search")
        self.field.setAccessibleName("search")
        self.field.setPlaceholderText("Search notes and clients")
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(
            'Words in any order; "quotes" for an exact phrase; the last word may be unfinished.'
        )
        self.order = QComboBox()
        self.order.setObjectName("search_order")
        self.order.setAccessibleName("order of the results")
        for key, label in ORDER_LABELS.items():
            self.order.addItem(label, key)
        self.order.setToolTip(
            "Newest first lists the most recent notes that match; best match ranks them by how"
            " well they match, which takes longer in a long career."
        )
        self.message = StatusLine("hint")  # "No notes match …": read out by its text
        self.message.setContentsMargins(4, 6, 4, 6)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.found = StatusLine("hint")  # "3 matches": read out when the results change
        self.found.setContentsMargins(4, 2, 4, 2)
        self.found.hide()
        self.results = SearchResultModel(self)
        self.view = QListView()
        self.view.setObjectName("search_results")
        self.view.setAccessibleName("search results")
        self.view.setModel(self.results)
        self._delegate = SearchResultDelegate(self.view)
        self.view.setItemDelegate(self._delegate)
        self.results.modelAboutToBeReset.connect(self._delegate.forget)
        self.results.modelReset.connect(self._new_rows)
        self._delegate.snippetWanted.connect(self._want_snippet)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.order)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.found)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # holds the message at the top while the list is hidden

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._run)
        self._searched: str | None = None  # the text last searched for (maybe still running)
        self._searched_order: SearchOrder = NEWEST  # and the order it was asked in
        self._generation = 0  # one more for each query and each clear
        self._shown_generation = 0  # the generation whose results (or message) are on screen
        self._running: int | None = None  # the generation searching on the worker thread
        self._queued = False  # newer text waits for the running search to end
        self._open_first = False  # Enter came before the results: open the best one on arrival
        self._stale = False  # a note changed while the panel was hidden: search on showing
        # Snippets of rows painted further down: asked for once a row, one batch at a time,
        # and kept only if the same results are still listed when they come (`_listing`).
        self._listing = 0  # one more each time the list is given new results
        self._wanted: set[int] = set()  # rows painted with their snippet due
        self._asked: set[int] = set()  # rows whose snippet was asked for
        self._snipping: int | None = None  # the listing whose snippets are being made
        self._snip_timer = QTimer(self)
        self._snip_timer.setSingleShot(True)
        self._snip_timer.setInterval(0)  # after the paint: every row it painted, in one batch
        self._snip_timer.timeout.connect(self._make_snippets)
        self.field.textChanged.connect(self._typed)
        self.order.currentIndexChanged.connect(self._reordered)
        self.field.installEventFilter(self)
        self.view.activated.connect(self._choose)
        self._show_results(False)

    # -- what the window calls -------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected, ready to type over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_query(self, text: str) -> None:
        """Search for `text` at once, as if it had been typed (the results follow shortly)."""
        self.field.setText(text)
        self.search_now()

    def search_now(self) -> None:
        """Start the pending search without waiting for the pause in typing."""
        if self._timer.isActive() or self._searched != self.field.text():
            self._run()

    def is_searching(self) -> bool:
        """True while typed text waits for its pause or a search runs."""
        return self._timer.isActive() or self._running is not None

    def refresh(self) -> None:
        """Search again for the same text, e.g. after a note was saved. Autosave calls this
        every few seconds while the person writes elsewhere: a hidden panel only notes that its
        results are stale and searches when it is shown again."""
        if not self.field.text().strip():
            return
        if self.isVisible():
            self._run()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def clear(self) -> None:
        """Forget the query and every result (used on lock: no client data stays on screen).

        A search still running is left to end on its own; its result is dropped on arrival.
        """
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.setText("")  # unlike clear(), setText also drops the undo history
        self.field.blockSignals(False)
        self._generation += 1
        self._shown_generation = self._generation
        self._queued = self._open_first = False
        self.results.set_items([])
        self._delegate.forget()
        self._show_results(False)
        self._searched = None

    def hits(self) -> list[SearchHit]:
        return self.results.items()

    def current_hit(self) -> SearchHit | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def search_order(self) -> SearchOrder:
        return self.order.currentData()

    # -- searching -------------------------------------------------------------------------

    def _reordered(self) -> None:
        if self.field.text().strip():
            self._run()  # the same text, in the order now chosen

    def _typed(self) -> None:
        self._open_first = False  # an Enter pressed before this was for other text
        if not self.field.text().strip():
            self._run()  # an emptied box clears at once
        else:
            self._timer.start()

    def _run(self) -> None:
        self._timer.stop()
        text = self.field.text()
        self._searched = text
        self._searched_order = self.search_order()
        self._generation += 1
        if not text.strip():
            self._queued = self._open_first = False
            self._shown_generation = self._generation
            self.results.set_items([])
            self._show_results(False)
            return
        if self._running is not None:
            self._queued = True  # one search at a time: this text goes next
            return
        self._start(text)

    def _start(self, text: str) -> None:
        self._running = self._generation
        search, snippets, order = self._search, self._snippets, self._searched_order
        rows = self._rows_fitting()
        # Bound methods of this panel: if it is gone when the search ends, Qt drops the call.
        run_in_background(
            self,
            lambda _progress: searched_with_snippets(search, snippets, text, order, rows),
            self._arrived,
            failed=self._failed,
        )

    def _rows_fitting(self) -> int:
        """At most how many results the panel shows at once (each is two lines at least)."""
        smallest = 2 * self.view.fontMetrics().lineSpacing() + _LINE_GAP + 2 * _PADDING_Y + 1
        return max(self.height() // smallest + 1, SNIPPETS_AT_ONCE)

    # -- snippets of the rows further down ------------------------------------------------

    def _new_rows(self) -> None:
        self._listing += 1
        self._wanted.clear()
        self._asked.clear()

    def _want_snippet(self, row: int) -> None:
        if row not in self._asked:
            self._wanted.add(row)
            self._snip_timer.start()

    def _make_snippets(self) -> None:
        """Snippets for the rows painted without one and the next screenful, in one batch."""
        if self._snipping is not None or not self._wanted or self._snippets is None:
            return
        first, last = min(self._wanted), max(self._wanted) + SNIPPETS_AT_ONCE
        self._wanted.clear()
        hits = self.results.items()
        rows = [
            row
            for row in range(first, min(last + 1, len(hits)))
            if hits[row].snippet_due and row not in self._asked
        ]
        if not rows:
            return
        self._asked.update(rows)
        self._snipping = self._listing
        snippets, text, due = self._snippets, self._searched or "", [hits[row] for row in rows]
        run_in_background(
            self,
            lambda _progress: snippets(text, due),
            self._snippets_made,
            failed=self._snippets_failed,
        )

    def _snippets_made(self, made: list[SearchHit]) -> None:
        listing, self._snipping = self._snipping, None
        if listing == self._listing:  # else other results came meanwhile: these are not theirs
            for row in self.results.fill(made):
                self._delegate.sizeHintChanged.emit(self.results.index(row))  # lays out again
        if self._wanted:
            self._snip_timer.start()

    def _snippets_failed(self, error: Exception) -> bool:
        self._snipping = None
        # A lock or a vault problem meanwhile: the search box says it at the next search.
        return isinstance(error, VaultError)

    def _landed(self) -> bool:
        """A search ended: True if it was for the text still in the box, else start the newest."""
        current = self._running == self._generation
        if current:
            self._shown_generation = self._generation
        self._running = None
        if self._queued:
            self._queued = False
            self._start(self._searched or "")
        return current

    def _arrived(self, hits: list[SearchHit]) -> None:
        if not self._landed():
            return
        open_first, self._open_first = self._open_first, False
        self.results.set_items(hits)
        if hits:
            self._show_results(True)
            self.view.setCurrentIndex(self.results.index(0))
            self.view.scrollToTop()
            if open_first:
                self._choose(self.results.index(0))
        else:
            text = (self._searched or "").strip()
            shown = text if len(text) <= 40 else text[:39] + "…"
            self._show_results(False, f"No notes match \u201c{shown}\u201d.")

    def _failed(self, error: Exception) -> bool:
        if not self._landed():
            return True  # the text changed or the vault was locked meanwhile: nothing to say
        self._open_first = False
        self.results.set_items([])
        if isinstance(error, VaultError):
            # Said in the panel, where the results would be: no box pops up while typing.
            self._show_results(False, error.message)
            return True
        self._show_results(False, "The search did not finish. Please try again.")
        return False  # a bug: the default takes it to the crash dialog

    def _showing_current(self) -> bool:
        """The results on screen are for the text in the box."""
        return (
            not self._timer.isActive()
            and self._searched == self.field.text()
            and self._shown_generation == self._generation
        )

    def _show_results(self, found: bool, message: str = "") -> None:
        """The list when there are hits; otherwise a line saying why not, or how to search."""
        self.view.setVisible(found)
        self.found.setVisible(found)
        if found:
            self.found.setText(found_count(self.results.rowCount(), self._searched_order))
        self.message.setText(message or HINT)
        self.message.setVisible(not found)

    # -- keys and choosing -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self._showing_current():
                    step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5}
                    self._move(step.get(key, -5))
                else:
                    self.search_now()  # the new results arrive with the best one current
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._showing_current():
                    if self.results.rowCount():
                        row = max(self.view.currentIndex().row(), 0)
                        self._choose(self.results.index(row))
                else:
                    self._open_first = True  # the best hit for this text, once it arrives
                    self.search_now()
                return True
            if key == Qt.Key.Key_Escape:
                if self.field.text() or self.results.rowCount():
                    self.clear()
                else:
                    self.dismissed.emit()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.results.rowCount()
        if not count:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else min(max(row + step, 0), count - 1)
        index = self.results.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(ItemRole) if index.isValid() else None
        if isinstance(hit, SearchHit):
            self.resultChosen.emit(hit)


def reveal_match(box: QPlainTextEdit, match_text: str) -> bool:
    """Select the first occurrence of `match_text` in `box` and scroll it into view.

    Also scrolls any QScrollArea holding the box (the progress note's sections sit in one).
    Case is ignored; a match spanning lines falls back to its first word.
    """
    words = match_text.split()
    for needle in dict.fromkeys([match_text.strip(), *(words[:1])]):
        if not needle:
            continue
        cursor = box.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        box.setTextCursor(cursor)
        if box.find(needle):
            box.ensureCursorVisible()
            parent = box.parentWidget()
            while parent is not None:
                if isinstance(parent, QScrollArea) and parent.widget() is not None:
                    spot = box.viewport().mapTo(parent.widget(), box.cursorRect().center())
                    parent.ensureVisible(spot.x(), spot.y(), 40, box.cursorRect().height() * 3)
                    break
                parent = parent.parentWidget()
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
    return False
