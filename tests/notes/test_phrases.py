"""Phrase rules: which code stands before the cursor, what it expands to, what may be kept."""

from __future__ import annotations

from notes.phrases import Phrase, code_before, expansion, matching, phrase_problem, starter_phrases

PHRASES = [Phrase("mse", "Mental state: calm."), Phrase("risk0", "No risk reported today.")]


def test_the_code_is_the_word_just_before_the_cursor():
    assert code_before("Seen today. mse") == "mse"
    assert code_before("(risk0") == "risk0"
    assert code_before("Seen today. ") is None
    assert code_before("") is None


def test_codes_expand_regardless_of_capitals_and_unknown_codes_do_not():
    assert expansion(PHRASES, "MSE") == PHRASES[0]
    assert expansion(PHRASES, "tomorrow") is None
    assert expansion(PHRASES, None) is None


def test_matching_puts_codes_first_then_text():
    assert matching(PHRASES, "r") == [PHRASES[1]]
    assert matching(PHRASES, "calm") == [PHRASES[0]]


def test_a_phrase_needs_a_one_word_code_text_and_a_free_code():
    assert phrase_problem(Phrase("two words", "x"), []) is not None
    assert phrase_problem(Phrase("ok", "  "), []) is not None
    assert "taken" in phrase_problem(Phrase("MSE", "other"), PHRASES)
    assert phrase_problem(Phrase("new1", "Fine."), PHRASES) is None


def test_the_starter_set_is_valid_and_its_codes_are_distinct():
    starters = starter_phrases()
    assert len(starters) >= 5
    for number, phrase in enumerate(starters):
        assert phrase_problem(phrase, starters[:number]) is None
