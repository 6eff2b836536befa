"""What a text box gains from the writing aids, attached with one call: `attach(box)`.

- words the dictionary does not know are underlined (ui/writing/spell_marks.py);
- right-click on such a word: spellings (found off the GUI thread, filled in while the menu is
  open) and "Add to my dictionary", above the box's usual menu;
- a phrase code followed by Tab becomes its phrase (Tab still leaves the box otherwise);
- Ctrl+Space lists the phrases (those matching the word before the cursor first) to pick from.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from shiboken6 import isValid

from notes.phrases import Phrase, code_before, expansion, matching
from notes.spelling import Word, words
from ui.writing.aids import current
from ui.writing.spell_marks import SpellMarks

LOOKING = "Looking for spellings…"
NO_SPELLINGS = "No spellings found"
NO_PHRASES = "No phrases yet: add them with Session ▸ Phrases…"
_PREVIEW = 50  # characters of a phrase shown in the Ctrl+Space list


def attach(box: QPlainTextEdit) -> None:
    """Give `box` spelling marks, spelling suggestions and phrases."""
    box.spell_marks = SpellMarks(box)  # kept on the box: the highlighter lives as long as it
    box.writing_aids = filter_ = _BoxAids(box)
    box.installEventFilter(filter_)
    box.viewport().installEventFilter(filter_)


def phrase_menu_of(box: QPlainTextEdit) -> QMenu | None:
    """The phrase list open over `box`, if any (for tests and assistive checks)."""
    return box.writing_aids.phrase_menu


def spelling_menu_of(box: QPlainTextEdit) -> QMenu | None:
    """The context menu last opened over `box`, if still open."""
    return box.writing_aids.spelling_menu


class _BoxAids(QObject):
    def __init__(self, box: QPlainTextEdit) -> None:
        super().__init__(box)
        self._box = box
        self.phrase_menu: QMenu | None = None
        self.spelling_menu: QMenu | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and watched in (self._box, self._box.viewport()):
            self._context_menu(event)
            return True
        if kind == QEvent.Type.KeyPress and watched is self._box:
            return self._key(event)
        return False

    # -- phrases ---------------------------------------------------------------------------

    def _key(self, event: QKeyEvent) -> bool:
        aids = current()
        if aids is None or self._box.isReadOnly():
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            phrase = expansion(aids.phrases, self._code())
            if phrase is None:
                return False  # Tab leaves the box, as before
            self._insert(phrase)
            return True
        if event.key() == Qt.Key.Key_Space and modifiers == Qt.KeyboardModifier.ControlModifier:
            self._show_phrases(aids.phrases)
            return True
        return False

    def _code(self) -> str | None:
        cursor = self._box.textCursor()
        if cursor.hasSelection():
            return None
        return code_before(cursor.block().text()[: cursor.positionInBlock()])

    def _insert(self, phrase: Phrase) -> None:
        """Put the phrase where the cursor is, in place of its code if that was typed."""
        cursor = self._box.textCursor()
        code = self._code()
        if code and phrase.code.casefold().startswith(code.casefold()):
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(code)
            )
        cursor.insertText(phrase.text)
        self._box.setTextCursor(cursor)

    def _show_phrases(self, phrases: list[Phrase]) -> None:
        menu = QMenu(self._box)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setAccessibleName("phrases")
        shown = matching(phrases, self._code() or "")
        for phrase in shown or phrases:
            text = phrase.text if len(phrase.text) <= _PREVIEW else phrase.text[:_PREVIEW] + "…"
            action = menu.addAction(f"{phrase.code} — {text}".replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=phrase: self._insert(p))
        if not phrases:
            menu.addAction(NO_PHRASES).setEnabled(False)
        if menu.actions():
            menu.setActiveAction(menu.actions()[0])
        self.phrase_menu = menu
        menu.popup(self._box.viewport().mapToGlobal(self._box.cursorRect().bottomLeft()))

    # -- spelling --------------------------------------------------------------------------

    def _context_menu(self, event: QContextMenuEvent) -> None:
        box = self._box
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the menu key: at the cursor
            cursor = box.textCursor()
            where = box.cursorRect(cursor).center()
        else:
            where = box.viewport().mapFromGlobal(event.globalPos())
            cursor = box.cursorForPosition(where)
        menu = box.createStandardContextMenu(where)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        aids = current()
        word = _word_at(cursor)
        checker = aids.checker if aids is not None else None
        if checker and word and not box.isReadOnly() and not checker.is_known(word.text):
            self._offer_spellings(menu, cursor, word)
        self.spelling_menu = menu
        menu.popup(box.viewport().mapToGlobal(where))

    def _offer_spellings(self, menu: QMenu, cursor: QTextCursor, word: Word) -> None:
        aids = current()
        first = menu.actions()[0] if menu.actions() else None
        looking = QAction(LOOKING, menu)
        looking.setEnabled(False)
        add = QAction(f"Add “{word.text}” to my dictionary", menu)
        add.triggered.connect(lambda: aids.add_word(word.text))
        menu.insertActions(first, [looking, add])
        menu.insertSeparator(first)
        start = cursor.block().position() + word.start
        replace = QTextCursor(cursor.document())
        replace.setPosition(start)
        replace.setPosition(start + word.length, QTextCursor.MoveMode.KeepAnchor)

        def found(spellings: list[str]) -> None:
            if not isValid(menu) or not isValid(looking):
                return  # the menu closed before the spellings came
            if not spellings:
                looking.setText(NO_SPELLINGS)
                return
            for spelling in spellings:
                action = QAction(spelling, menu)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(lambda _=False, s=spelling: self._replace(replace, s))
                menu.insertAction(looking, action)
            menu.removeAction(looking)

        aids.suggest(word.text, found)

    def _replace(self, cursor: QTextCursor, spelling: str) -> None:
        if self._box.isReadOnly():
            return
        cursor.insertText(spelling)  # one undo step, and the note is marked changed


def _word_at(cursor: QTextCursor) -> Word | None:
    column = cursor.positionInBlock()
    for word in words(cursor.block().text()):
        if word.start <= column <= word.start + word.length:
            return word
    return None
