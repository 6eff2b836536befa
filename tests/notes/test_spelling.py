"""Spelling rules: words, the two Englishes, the clinical list, own words, suggestions."""

from __future__ import annotations

import pytest

from notes.spelling import SpellChecker, clinical_words, words


@pytest.fixture(scope="module")
def british() -> SpellChecker:
    return SpellChecker("en_GB")


@pytest.fixture(scope="module")
def american() -> SpellChecker:
    return SpellChecker("en_US")


def test_words_are_found_with_where_they_start_and_digits_are_not_words():
    found = [(w.start, w.text) for w in words("Client’s PHQ-9 was 14, then 12.")]
    assert found == [(0, "Client’s"), (9, "PHQ"), (15, "was"), (23, "then")]


def test_each_english_has_its_own_spellings(british, american):
    assert british.is_known("behaviour") and not british.is_known("behavior")
    assert american.is_known("behavior") and not american.is_known("behaviour")


def test_clinical_words_and_acronyms_and_possessives_are_known(british):
    for word in ("countertransference", "psychodynamic", "sertraline", "EMDR", "Freud's"):
        assert british.is_known(word), word
    assert "countertransference" in clinical_words()


def test_misspelt_words_are_reported_where_they_stand(british):
    assert [(w.start, w.text) for w in british.misspelt("She felt misunderstod.")] == [
        (9, "misunderstod")
    ]


def test_own_words_are_known_until_replaced():
    checker = SpellChecker("en_GB")
    assert not checker.is_known("Quillbrook")
    checker.add_own("Quillbrook")
    assert checker.is_known("Quillbrook") and checker.is_known("quillbrook")
    checker.set_own([])
    assert not checker.is_known("Quillbrook")


def test_suggestions_put_the_likely_word_first(british):
    assert british.suggestions("sesion")[0] == "session"


def test_an_unknown_language_reads_as_british_english():
    assert SpellChecker("xx_XX").language == "en_GB"


def test_replacing_own_words_forgets_only_what_changed():
    checker = SpellChecker("en_GB")
    checker.set_own(["Quillbrook"])
    assert checker.is_known("Quillbrook's") and checker.is_known("session")
    assert not checker.is_known("Zorblatt")
    checker.set_own(["Zorblatt"])
    assert checker.is_known("Zorblatt") and not checker.is_known("Quillbrook's")
    assert checker.is_known("session")


def test_the_dictionary_keeps_each_distinct_set_of_flags_once(british):
    """Issue 21.5: one shared set per distinct set of flags, not one per stem (40 MB)."""
    from notes.spelling import _dictionary

    stems = _dictionary(british.language).dic.words
    assert len({id(stem.flags) for stem in stems}) == len({stem.flags for stem in stems})
    assert len({id(stem.flags) for stem in stems}) < len(stems) / 10
