"""Which words are ordinary English words, judged from well-kept lists rather than our own.

Two lists together: `wordfreq` says how common a word is (its Zipf scale: 5 is once per 100,000
words) but not in which case it is written, so "Daniel" (4.6) looks as common as "grace" (4.6);
the lower-case entries of Webster's Second dictionary (public domain, in the `english-words`
package) say whether the word is a word at all, not only a name. A word is ordinary when it is
both common and in the dictionary in lower case: "Grace", "Joy", "Hope", "Will" are; "Daniel",
"Okafor" and "Monday" are not.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# Common enough that a reader takes it for the word first: "lily" 3.95, "grace" 4.56, "hope"
# 5.4. Below it a dictionary word that is also a name ("maya" 3.87) is rarely the word in a
# note, so the name is replaced wherever it stands, which errs on the side of privacy.
ORDINARY_ZIPF = 3.9
# Rarer than once in a million English words: surely not an ordinary word ("Okafor" 2.6,
# "Lindqvist" 1.7), where "Dec" (4.3) and "Confidential" (3.9) are.
RARE_ZIPF = 3.0


def zipf(word: str) -> float:
    """How common `word` is in English, on wordfreq's Zipf scale (case is not told apart)."""
    # wordfreq takes ~130 ms to import: loaded when a word is first judged, not at start-up.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


# Each word's verdict, kept; the dictionary itself (27 MB in memory) is loaded only to judge
# words not yet judged, and let go again.
_verdicts: dict[str, bool] = {}


class _Frames:
    """A pickle handed to the unpickler one frame (64 KB) at a time, through Python."""

    def __init__(self, data: bytes) -> None:
        self._file = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._file.read(size)

    def readinto(self, buffer: bytearray) -> int:
        return self._file.readinto(buffer)

    def readline(self) -> bytes:
        return self._file.readline()


def _dictionary() -> set[str]:
    """Webster's Second as written: a lower-case entry is a word, a capitalised one a name.

    The set `english_words.get_english_words_set(["web2"], alpha=True)` gives, read from the
    same file. That function unpickles its 236,000 words in one call, holding the GIL for
    40 ms; fed a frame at a time through Python, the unpickler lets another thread (the
    window's) run between frames, so loading it on a worker no longer stalls the window."""
    from english_words.constants import ALPHA, PROCESSED_DATA_DIR
    from english_words.util import get_data_file_name

    name = get_data_file_name("web2", [ALPHA])
    data = resources.files("english_words").joinpath(PROCESSED_DATA_DIR, name).read_bytes()
    return pickle.Unpickler(_Frames(data)).load()


def ordinary_words(words: Iterable[str]) -> set[str]:
    """Those of `words` that are, in lower case, common English words ("Hope", "Grace"), as
    opposed to names only ever written capitalised ("Daniel"). One look in the dictionary (about
    0.2 s) for all the words not judged before."""
    words = {word.strip() for word in words}
    unjudged = [word for word in words if word not in _verdicts]
    if unjudged:
        entries = _dictionary()
        for word in unjudged:
            common = bool(word) and " " not in word and zipf(word) >= ORDINARY_ZIPF
            _verdicts[word] = common and word.casefold() in entries
    return {word for word in words if _verdicts[word]}


def is_ordinary_word(word: str) -> bool:
    """Whether `word` is, in lower case, a common English word (see `ordinary_words`)."""
    return bool(ordinary_words([word]))


@lru_cache(maxsize=65536)
def is_rare(word: str) -> bool:
    """Whether `word` is rare in English: not an ordinary word in any case."""
    return zipf(word) < RARE_ZIPF
