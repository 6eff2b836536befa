"""The app's one set of writing aids: the spell checker of the chosen language and the
therapist's phrases, with what they need from the vault.

The dictionary loads off the GUI thread (a second or two) after the window is built and again
when Settings change the language; until then no word is marked. The therapist's own words and
phrases are read at unlock and dropped at lock, because they can name a client.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from notes.phrases import Phrase
from notes.progress import Progress
from notes.spelling import SpellChecker
from ui import app_settings as keys
from ui.errors import attempt
from ui.jobs import run_in_background, yielding
from ui.vault_service import VaultService


class WritingAids(QObject):
    spellingChanged = Signal()  # the checker arrived or its words changed: marks are redrawn

    def __init__(self, service: VaultService, window: QWidget) -> None:
        super().__init__(window)
        self._service = service
        self._window = window
        self.checker: SpellChecker | None = None
        self.phrases: list[Phrase] = []
        self._own_words: list[str] = []
        service.unlocked.connect(self._read_vault)
        service.locked.connect(self._forget_vault)
        service.phrasesChanged.connect(self._read_phrases)
        service.personalWordsChanged.connect(self._read_words)
        if service.is_unlocked:
            self._read_vault()
        self.load_language(keys.spelling_language())

    # -- the dictionary --------------------------------------------------------------------

    def load_language(self, language: str) -> None:
        """Load `language`'s dictionary on a worker thread; marks follow when it is ready."""
        if self.checker is not None and self.checker.language == language:
            return
        run_in_background(
            self._window,
            lambda _progress: yielding(SpellChecker, language),
            self._loaded,
            title="The spelling dictionary could not be loaded",
        )

    def _loaded(self, checker: SpellChecker) -> None:
        checker.set_own(self._own_words)
        self.checker = checker
        self.spellingChanged.emit()

    def suggest(self, word: str, done) -> None:
        """Find spellings for `word` off the GUI thread; `done(list)` receives them."""
        checker = self.checker
        if checker is None:
            done([])
            return
        run_in_background(self._window, _suggestions(checker, word), done)

    def add_word(self, word: str) -> bool:
        """Put `word` into the personal dictionary in the vault. False if that failed."""
        return attempt(self._window, lambda: self._service.add_personal_word(word))

    # -- what the vault holds --------------------------------------------------------------

    def _read_vault(self) -> None:
        self._read_words()
        self._read_phrases()

    def _read_words(self) -> None:
        self._own_words = self._service.personal_words()
        if self.checker is not None:
            self.checker.set_own(self._own_words)
            self.spellingChanged.emit()

    def _read_phrases(self) -> None:
        self.phrases = self._service.phrases()

    def _forget_vault(self) -> None:
        self._own_words = []
        self.phrases = []
        if self.checker is not None:
            self.checker.set_own([])


def _suggestions(checker: SpellChecker, word: str):
    def work(_progress: Progress) -> list[str]:
        return yielding(checker.suggestions, word)

    return work


_current: WritingAids | None = None


def install(service: VaultService, window: QWidget) -> WritingAids:
    """Make the writing aids for this window; boxes built from now on use them."""
    global _current
    _current = WritingAids(service, window)
    return _current


def current() -> WritingAids | None:
    """The writing aids in use, or None before a window made them (a box then has none)."""
    return _current if _current is not None and isValid(_current) else None
