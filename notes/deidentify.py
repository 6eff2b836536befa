"""De-identification: each client's name and identifying terms replaced by that client's code.

Matching sees text as a reader does. Invisible format characters (soft hyphen, zero-width
space and joiners, word joiner, BOM, direction marks: Unicode category Cf) are ignored inside a
word, control characters are removed before matching (so none reach the file), and any normal
form matches. Letters are compared without accents, in any case, and in their ASCII spellings
("Lukasz" finds Łukasz, "Soren" and "Soeren" find Søren, "Mueller" finds Müller): the
`anyascii` library transliterates, and one small rule adds the second conventional spelling of
the few letters that have one (ä ö ü ø → ae oe ue oe, å → aa).

Matching is by whole word, across line breaks inside a multi-word term, before a possessive
("Maya's" becomes "ML-01's") and in a plural ("the Lindqvists"); in scripts written without
spaces (Chinese, Japanese, Thai) inside words, and in Arabic and Hebrew with the prefixes and
suffixes those scripts attach to a word. The names and terms are tried longest first, so
"Lindqvist Design" is replaced as one term rather than leaving "Design" behind.

A name or term that is also an ordinary English word ("Hope", "Will", "Grace": notes/words.py)
is replaced only where it is used as a name: capitalised inside a sentence, with a possessive, or
next to another part of the name. In lower case it is the word; capitalised at the start of a
sentence, or in capitals, it could be either, so it is left and reported (`ambiguous`) for the
therapist to decide.

An e-mail or web address that holds a name or term is replaced whole ("[ML-01 e-mail]",
"[ML-01 web address]"): replacing only the name would leave the rest to tell who it is.

Every client of the caseload is replaced by their own code, so a note that mentions another
client, or a shared category, names nobody. Client codes and the names of the therapist and the
supervisor are never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from notes.records import Client
from notes.words import ordinary_words

# A part shorter than this ("J." or "A") would replace ordinary words; such parts are skipped.
_SHORTEST_PART = 2
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# The second conventional spelling of the letters that have one (German and Scandinavian
# writing without the letter); anyascii gives the first (ü → u, ø → o, å → a).
_SECOND_SPELLING = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
    | {"Ø": "Oe", "Å": "Aa"}
)
# Line breaks a paste can carry (Word's line and page breaks among them). Between words they
# break the line; inside a word ("Ma\x0bya") a reader still reads one word, so matching is done
# a second time with them ignored.
_BREAKS = frozenset("\x0b\x0c\x85\u2028\u2029")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Attached prefixes ("and", "the", "to", "in" …) and suffixes ("her", "our" …, plurals).
_ARABIC_PREFIX = "(?:[وف]?(?:ال|لل|[بكلس])?)"
_ARABIC_SUFFIX = "(?:ها|هم|هن|كم|كن|نا|ات|ون|ين|ه|ك|ي|ة)?"
_HEBREW_PREFIX = "(?:[ושהבכלמ]{0,3})"
_HEBREW_SUFFIX = "(?:ים|ות|יה|יו|נו|כם|הם|ה|ו|י|ך)?"
# Format characters a paste leaves inside an address; matching sees through them.
_FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
EMAIL = re.compile(rf"[\w.+%'{_FORMAT}-]+@[\w{_FORMAT}-]+(?:\.[\w{_FORMAT}-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"”’)]+[^\s<>\"”’).,;:!?]")
_SPACELESS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR")
# After a colon or semicolon a capital is a name's ("Some progress: Hope can now…").
_SENTENCE_END = ".!?…\n"
_OPENERS = " \t\"'“”‘’«»([{*_-–—"


@dataclass(frozen=True)
class Replacement:
    original: str
    replacement: str
    another_client: bool = False  # a name or term of a client other than the report's


@dataclass(frozen=True)
class Ambiguous:
    """A name that is also an ordinary word, left where it may be the word."""

    word: str  # as written: "Hope"
    replacement: str  # what it would become
    sentence: str  # the sentence it is in, as context


def readable(text: str) -> str:
    """The text in one normal form without control characters: removed before matching, so
    "Ma\x1bya" is matched as the reader of the file will see it. Line breaks stay (the writer
    makes each a plain one)."""
    return _CONTROLS.sub("", unicodedata.normalize("NFC", text))


@lru_cache(maxsize=8192)
def _fold_char(ch: str, join_breaks: bool = False) -> str:
    """One character in the form words are compared in ("" for a format character, and for a
    line break when `join_breaks`)."""
    if unicodedata.category(ch) == "Cf" or (join_breaks and ch in _BREAKS):
        return ""
    decomposed = unicodedata.normalize("NFKD", ch)
    plain = "".join(each for each in decomposed if not unicodedata.combining(each))
    folded = plain.casefold().translate(_APOSTROPHES)
    if not folded.isascii() and all(_is_latin(each) for each in folded):
        folded = anyascii(folded).lower()  # ł → l, ø → o, æ → ae, đ → d
    if not unicodedata.category(ch).startswith(("L", "N", "M")) and any(
        each.isalnum() for each in folded
    ):
        # A symbol that merely looks like letters ("🄫" folds to "c") must still end a word,
        # or "Maya🄫" would read as one longer word and the name would survive.
        return " "
    return folded


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _key(text: str) -> str:
    return " ".join(_fold(text).split())


def spellings(text: str) -> list[str]:
    """The forms in which `text` is matched: as written, in ASCII, and with the second
    spelling of ä ö ü ø å, and for an ASCII "ue"/"oe"/"ae" the single letter it may stand for."""
    forms = [_key(text), _key(anyascii(text)), _key(anyascii(text.translate(_SECOND_SPELLING)))]
    singles = {forms[1]}
    for double, single in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("aa", "a")):
        singles |= {form.replace(double, single) for form in singles}
    forms += sorted(singles)
    return list(dict.fromkeys(form for form in forms if len(form) >= _SHORTEST_PART))


# The characters that fold to something other than their ASCII lower case (and, when breaks
# are joined, the two ASCII line breaks, which fold to nothing).
_UNPLAIN = re.compile(r"[^\x00-\x7f]+")
_UNPLAIN_JOINED = re.compile(r"[^\x00-\x0a\x0d-\x7f]+")


def _folded_with_origins(text: str, join_breaks: bool = False) -> tuple[str, list[int] | range]:
    """The folded text, and for each of its characters the index it came from in `text`."""
    unplain = _UNPLAIN_JOINED if join_breaks else _UNPLAIN
    found = None if text.isascii() and not join_breaks else unplain.search(text)
    if found is None:
        # Most notes: every character folds to one (its lower case), so the origins are plain.
        return text.lower(), range(len(text) + 1)
    # Notes with a few accented letters: the plain stretches between them are folded whole
    # (a character folds on its own, whatever stands beside it).
    folded: list[str] = []
    origins: list[int] = []
    done = 0
    while found is not None:
        start, end = found.span()
        folded.append(text[done:start].lower())
        origins.extend(range(done, start))
        for index in range(start, end):
            for each in _fold_char(text[index], join_breaks):
                folded.append(each)
                origins.append(index)
        done = end
        found = unplain.search(text, done)
    folded.append(text[done:].lower())
    origins.extend(range(done, len(text) + 1))
    return "".join(folded), origins


def name_parts(full_name: str) -> list[str]:
    """The full name, each part of it, and each half of a hyphenated part."""
    name = " ".join(full_name.split())
    parts = [name]
    for part in name.split():
        part = part.strip(".,")
        parts.append(part)
        if "-" in part:
            parts += part.split("-")
    return _unique(part for part in parts if len(part) >= _SHORTEST_PART)


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        if _key(item) not in seen:
            seen.add(_key(item))
            result.append(item)
    return result


def _script(key: str) -> str:
    """How a key's words are bounded: "word", "spaceless", "arabic" or "hebrew"."""
    for ch in key:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith(_SPACELESS):
                return "spaceless"
            if name.startswith("ARABIC"):
                return "arabic"
            if name.startswith("HEBREW"):
                return "hebrew"
    return "word"


def _alternatives(keys: Iterable[str]) -> str:
    """A regex for `keys` (single-spaced, any whitespace between words in the text) that is
    tried as an alternation of them longest first is, but with the keys' shared beginnings
    nested (see `_trie`): a caseload's 200 keys cost the regex engine a step or two at each
    position of a note, not 200 tries."""
    return _trie(sorted(set(keys)))


_WORD_START = r"(?<![^\W_])"
_WORD_END = r"(?![^\W_])"
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")


class Deidentifier:
    """Replaces one client's name and identifying terms with their report code, and the other
    clients' (`others`) with theirs; `keep` (the therapist's and supervisor's names) and every
    code are never changed. `replace_anyway` holds what the therapist chose to replace even
    where it may be the word: an ordinary-word name (everywhere), or a (name, sentence) pair
    for that one place, the sentence as `ambiguous` gave it."""

    def __init__(
        self,
        code: str,
        full_name: str,
        identifying_terms: Iterable[str],
        *,
        others: Iterable[Client] = (),
        keep: Iterable[str] = (),
        replace_anyway: Iterable[str | tuple[str, str]] = (),
    ) -> None:
        self.code = code
        self._full_name = full_name
        self._replacements = _replacements_for(code, full_name, identifying_terms, set())
        taken = {_key(item.original) for item in self._replacements}
        theirs: list[Replacement] = []
        others = [other for other in others if other.code != code]
        for other in others:
            found = _replacements_for(
                other.code, other.full_name, other.identifying_terms, taken, another_client=True
            )
            theirs += found
            taken |= {_key(item.original) for item in found}
        self._others = theirs
        self._by_key: dict[str, str] = {}
        self._ordinary: set[str] = set()
        words = ordinary_words(item.original for item in self._replacements + theirs)
        for item in self._replacements + theirs:
            for form in spellings(item.original):
                self._by_key.setdefault(form, item.replacement)
            if item.original.strip() in words:
                self._ordinary |= set(spellings(item.original))
        self._anyway: set[str] = set()
        self._anyway_in: set[tuple[str, str]] = set()  # (form, sentence)
        for chosen in replace_anyway:
            if isinstance(chosen, str):
                self._anyway |= set(spellings(chosen))
            else:
                word, sentence = chosen
                self._anyway_in |= {(form, sentence) for form in spellings(word)}
        kept = [code, *(other.code for other in others), *keep]
        kept_keys = {_key(" ".join(each.split())) for each in kept if each.strip()}
        self._pattern: re.Pattern[str] | None = None
        self._led = False
        if self._by_key:
            self._pattern, self._led = self._compile(kept_keys)

    def _compile(self, kept: set[str]) -> tuple[re.Pattern[str], bool]:
        """The pattern, and whether it is `led` (see `_found`)."""
        by_script: dict[str, list[str]] = {}
        for key in self._by_key:
            by_script.setdefault(_script(key), []).append(key)
        # The alternatives that start at a word, in the order they are tried. Kept strings
        # first: at any position the first alternative that matches wins, so a code ("MAYA-B")
        # or the therapist's name is passed over whole and never rewritten. (An empty one
        # could only ever match nothing, and is left out.)
        kept = {each for each in kept if each}
        worded = [rf"(?P<keep>{_alternatives(kept)}){_WORD_END}"] if kept else []
        if "word" in by_script:
            # Whole words only (a plural "s" aside: "the Lindqvists" names them too). An
            # underscore may touch a match: "_Maya_" is emphasis.
            worded.append(rf"(?P<word>{_alternatives(by_script['word'])})s?{_WORD_END}")
        attached = [
            rf"{prefix}(?P<{script}>{_alternatives(by_script[script])}){suffix}{_WORD_END}"
            for script, prefix, suffix in (
                ("arabic", _ARABIC_PREFIX, _ARABIC_SUFFIX),
                ("hebrew", _HEBREW_PREFIX, _HEBREW_SUFFIX),
            )
            if script in by_script
        ]
        if "spaceless" not in by_script:
            # Every match starts at a word, so the pattern starts with the character before
            # it: the regex engine then passes over the letters inside words in one quick
            # loop, where a look behind would be a whole try at each of them.
            return re.compile(rf"[\W_](?:{'|'.join(worded + attached)})"), True
        pieces = [rf"{_WORD_START}(?:{'|'.join(worded)})"] if worded else []
        pieces.append(rf"(?P<spaceless>{_alternatives(by_script['spaceless'])})")
        pieces += [rf"{_WORD_START}{each}" for each in attached]
        return re.compile("|".join(pieces)), False

    def replacements(self) -> list[Replacement]:
        """Every replacement of this client's names and terms, the name first, for the
        therapist to check."""
        return list(self._replacements)

    def every_replacement(self) -> list[Replacement]:
        """This client's replacements, then the other clients' (marked `another_client`)."""
        return self._replacements + self._others

    def other_clients_replaced(self) -> int:
        """How many names and terms of other clients are replaced too."""
        return len(self._others)

    def apply(self, text: str) -> str:
        """The text, readable (see `readable`), with every name and term replaced."""
        if not text:
            return text
        text = readable(text)
        if self._pattern is None:
            return text
        if "@" in text:
            text = EMAIL.sub(lambda match: self._address(match, "e-mail"), text)
        if "www." in text or "://" in text:
            text = URL.sub(lambda match: self._address(match, "web address"), text)
        text = self._replace(text)
        if any(mark in text for mark in _BREAKS):  # a substring search each: no set of the text
            text = self._replace(text, join_breaks=True)  # "Ma\x0bya" is read as one word
        return text

    def _address(self, match: re.Match[str], kind: str) -> str:
        """An e-mail or web address, whole, or "[code e-mail]" when any part of it is a name
        or term (an ordinary-word name too: "hope.b@…" is the name in an address)."""
        for _start, _end, replacement in self._matches(match[0], anywhere=True):
            if replacement is not None:
                return f"[{replacement.strip('[]').split()[0]} {kind}]"
        return match[0]

    def _replace(self, text: str, join_breaks: bool = False) -> str:
        pieces: list[str] = []
        done = 0
        for start, end, replacement in self._matches(text, join_breaks=join_breaks):
            if replacement is not None:
                pieces.append(text[done:start])
                pieces.append(replacement)
                done = end
        pieces.append(text[done:])
        return "".join(pieces)

    def ambiguous(self, text: str) -> list[Ambiguous]:
        """The ordinary-word names `apply` leaves in `text` because they may be the word."""
        if not text or self._pattern is None or not self._ordinary:
            return []
        text = readable(text)
        found = []
        for start, end, replacement in self._matches(text, report_ambiguous=True):
            if replacement is not None and replacement.startswith("\0"):
                found.append(
                    Ambiguous(text[start:end], replacement[1:], sentence_around(text, start, end))
                )
        return found

    def _matches(
        self,
        text: str,
        report_ambiguous: bool = False,
        join_breaks: bool = False,
        anywhere: bool = False,
    ) -> Iterator[tuple[int, int, str | None]]:
        """(start, end, replacement) for each match in `text`; None where nothing is to be
        replaced, and with `report_ambiguous` a replacement starting "\\0" for an ambiguous one.
        With `anywhere`, an ordinary-word name counts wherever it stands."""
        assert self._pattern is not None
        folded, origins = _folded_with_origins(text, join_breaks)
        lead = 1 if self._led else 0  # the space `_found` puts before the text
        for match in self._found(folded):
            group = match.lastgroup
            if group == "keep" or group is None:
                continue
            key = " ".join(match.group(group).split())
            replacement = self._by_key.get(key, self.code)
            # A plural "s" goes with the name it follows: "the ML-01" for "the Lindqvists".
            last = match.end() if group == "word" else match.end(group)
            start, end = origins[match.start(group) - lead], origins[last - lead]
            if key in self._ordinary and not anywhere:
                verdict = _used_as_name(text, start, end)
                if verdict is None and self._next_to_a_part(text, start, end):
                    verdict = True  # "Grace Joy came.": two parts of a name are the name
                if verdict is None and (
                    key in self._anyway
                    or (
                        self._anyway_in
                        and (key, sentence_around(text, start, end)) in self._anyway_in
                    )
                ):
                    verdict = True  # the therapist said: the name, there or wherever it may be
                if verdict is None:
                    yield start, end, ("\0" + replacement) if report_ambiguous else None
                    continue
                if not verdict:
                    continue
            if not report_ambiguous:
                yield start, end, replacement

    def _found(self, folded: str) -> Iterator[re.Match[str]]:
        """The matches `finditer` finds of the pattern led by a look behind for the start of a
        word. A led pattern starts with the character before the word instead: it is searched
        for in `folded` after one space (a word at the very start has one too), and the
        character before the next match may be the last of this one ("… Inc." then ".net")."""
        assert self._pattern is not None
        if not self._led:
            yield from self._pattern.finditer(folded)
            return
        search = self._pattern.search
        led = " " + folded
        match = search(led)
        while match is not None:
            yield match
            match = search(led, match.end() - 1)

    def _next_to_a_part(self, text: str, start: int, end: int) -> bool:
        """Whether a capitalised name or term of the caseload stands right before or after."""
        after = _NEXT_WORD.match(text, end)
        before = _PREVIOUS_WORD.search(text[max(0, start - 60) : start])
        return any(
            each is not None and each[1][0].isupper() and _key(each[1]) in self._by_key
            for each in (after, before)
        )

    def code_reveals_identity(self) -> bool:
        """Whether the report code itself holds the name or a term (then it hides nothing)."""
        return code_holds_name(self.code, [item.original for item in self._replacements])


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words` (sorted, non-empty; a space in one matches any run of
    whitespace), with common prefixes shared.

    It is tried as the alternation of `words` longest first is: where one word continues
    another, the longer is tried first (the optional ending is greedy), and words that part
    at some character can never both match at one place (two letters, or a letter and
    whitespace, differ), so the order among them does not matter."""
    by_first: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    branches = [
        (r"\s+" if first == " " else re.escape(first)) + _trie(rests)
        for first, rests in by_first.items()
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def code_holds_name(code: str, names: Iterable[str]) -> bool:
    """Whether a code holds part of a name or term ("MAYA-B", "LIND-2" for Maya Lindqvist):
    a run of three or more letters of the code inside one of their spellings, or the other way
    round. Initials ("ML") are too short to tell anyone the name."""
    runs = [run for run in re.findall(r"[^\W\d_]+", _fold(code)) if len(run) >= 3]
    words = {
        word
        for name in names
        for form in spellings(name)
        for word in form.split()
        if len(word) >= 3
    }
    return any(run in word or word in run for run in runs for word in words)


def _replacements_for(
    code: str,
    full_name: str,
    identifying_terms: Iterable[str],
    taken: set[str],
    another_client: bool = False,
) -> list[Replacement]:
    names = [name for name in name_parts(full_name) if _key(name) not in taken]
    own = taken | {_key(name) for name in name_parts(full_name)}
    terms = [
        term
        for term in _unique(" ".join(term.split()) for term in identifying_terms)
        if len(term) >= _SHORTEST_PART and _key(term) not in own
    ]
    return [Replacement(name, code, another_client) for name in names] + [
        Replacement(term, f"[{code} T{number}]", another_client)
        for number, term in enumerate(terms, 1)
    ]


def _used_as_name(text: str, start: int, end: int) -> bool | None:
    """Whether an ordinary word that is also a name is used as the name here: True, False (the
    word), or None when a reader could not tell."""
    word = text[start:end]
    letters = [ch for ch in word if ch.isalpha()]
    if not letters or not letters[0].isupper():
        return False  # "I hope she will": the words
    if text[end : end + 2] in ("'s", "’s"):
        return True  # "Hope's mother"
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return None  # "HOPE" in capitals
    before = text[:start].rstrip(_OPENERS)
    if not before or before[-1] in _SENTENCE_END:
        return None  # "Hope is hard to hold on to." or "Hope came late."
    return True


def sentence_around(text: str, start: int, end: int, width: int = 60) -> str:
    """The sentence holding text[start:end], at most about `width` characters each side."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    right_marks = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    right = min(right_marks) + 1 if right_marks else len(text)
    left = max(left + 1, start - width)
    right = min(right, end + width)
    sentence = " ".join(text[left:right].split())
    prefix = "…" if left > 0 and text[left - 1] not in ".!?\n " else ""
    suffix = "…" if right < len(text) and text[right - 1] not in ".!?\n" else ""
    return prefix + sentence + suffix
