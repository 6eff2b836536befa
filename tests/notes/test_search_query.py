"""What a person types becomes a safe FTS5 MATCH expression; snippets split into marked parts."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notes.search_query import (
    MARK_END,
    MARK_START,
    MAX_TERMS,
    SearchHit,
    client_snippet,
    first_match,
    hit_line,
    match_expression,
    observation_snippet,
    search_terms,
    section_holding,
    snippet_parts,
    tidy_snippet,
)

# Everything a safe expression may hold: "strings" without inner quotes, spaces, one final *.
SAFE = re.compile(r'^"[^"]+"( "[^"]+")*\*?$')


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("anx", '"anx"*'),
        ("anxious ", '"anxious"'),
        ("panic work", '"panic" "work"*'),
        ('"panic attack"', '"panic attack"'),
        ('"panic att', '"panic att"*'),
        ('mother "panic attack" wo', '"mother" "panic attack" "wo"*'),
        ("ML-01", '"ML-01"*'),
        ("don't", '"don\'t"'),  # the last word, "t", is too short to be a prefix
        ("a", '"a"'),  # one letter is too short to stand for every word it begins
        ("AND OR NOT NEAR", '"AND" "OR" "NOT" "NEAR"*'),
        ("body:panic", '"body:panic"*'),
        ("-panic (work)", '"-panic" "(work)"'),
        ("Café", '"Café"*'),
    ],
)
def test_typed_text_becomes_quoted_terms(typed, expected):
    assert match_expression(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "\n\t",
        '"',
        '""',
        '" "',
        "*",
        "()",
        "-",
        ":",
        "^",
        "😀",
        "🦉 ✨",
        "…",
        "\x00",
        "\ud800",
    ],
)
def test_nothing_to_search_for(typed):
    assert match_expression(typed) is None


def test_emoji_and_punctuation_beside_words_are_harmless():
    assert match_expression("😀 panic ✨") == '"panic"'
    assert match_expression('panic* "" NEAR(a b)') == '"panic*" "NEAR(a" "b)"'


def test_long_text_is_cut_to_a_few_terms():
    expression = match_expression("word " * 2000 + "end")
    assert expression is not None
    assert expression.count('"') == 2 * MAX_TERMS
    assert not expression.endswith("*")  # the word being typed was cut off


def test_control_characters_and_lone_surrogates_never_reach_sqlite():
    expression = match_expression("pa\x00nic \ud83d wo\x1brk")
    assert expression is not None
    assert "\x00" not in expression and "\ud83d" not in expression and "\x1b" not in expression
    expression.encode("utf-8")  # would raise on a lone surrogate


def test_non_strings_are_nothing_to_search_for():
    assert match_expression(None) is None  # type: ignore[arg-type]


@given(st.text())
def test_any_text_gives_a_safe_expression_or_none(typed):
    expression = match_expression(typed)
    assert expression is None or SAFE.match(expression)
    if expression is not None:
        expression.encode("utf-8")


@given(st.text(alphabet=st.sampled_from("\"*():^-+ aNDORT\\'{}[]😀\n")))
def test_fts_syntax_characters_give_a_safe_expression(typed):
    expression = match_expression(typed)
    assert expression is None or SAFE.match(expression)


def test_search_terms_keep_phrases_together():
    assert search_terms('one "two three" four') == [
        ("one", False),
        ("two three", True),
        ("four", False),
    ]


# -- snippets --------------------------------------------------------------------------------


def marked(word: str) -> str:
    return f"{MARK_START}{word}{MARK_END}"


def test_snippet_parts_and_first_match():
    snippet = f"…she felt {marked('Anxious')} before {marked('work')}…"
    assert snippet_parts(snippet) == [
        ("…she felt ", False),
        ("Anxious", True),
        (" before ", False),
        ("work", True),
        ("…", False),
    ]
    assert first_match(snippet) == "Anxious"
    assert first_match("no marks here") == ""


def test_stray_markers_do_not_break_parts():
    assert snippet_parts(f"a{MARK_END}b{MARK_START}") == [("a", False), ("b", False)]


def test_tidy_snippet_makes_one_line():
    assert tidy_snippet("  one\n\ntwo\tthree  ") == "one two three"


def test_a_client_hit_joins_code_and_name_on_one_line():
    snippet = client_snippet(marked("ML") + "-01", "Maya\nLind")
    assert snippet == f"{marked('ML')}-01 · Maya Lind"
    assert first_match(snippet) == "ML"


def test_an_observation_hit_quotes_the_words_that_matched():
    category = "countertransference Helpless / inadequate"
    words, feeling = f"keeping {marked('score')}", "tired…"
    assert observation_snippet(category, words, feeling) == (
        f"Countertransference Helpless / inadequate — “keeping {marked('score')}”"
    )
    # The match is in the therapist's own lines: those are shown, not the words.
    assert observation_snippet(category, "keeping score", f"a {marked('tiredness')}") == (
        f"Countertransference Helpless / inadequate — a {marked('tiredness')}"
    )
    # Nothing written but the words: they are shown, matched or not.
    assert observation_snippet(category, "keeping score", " ") == (
        "Countertransference Helpless / inadequate — “keeping score”"
    )
    # A match on the category alone, with neither words nor lines: the category only.
    assert observation_snippet(f"transference {marked('Angry')}", None, None) == (
        f"Transference {marked('Angry')}"
    )


def test_the_section_holding_a_match_is_the_first_in_the_editor_s_order():
    sections = {"plan": "Panic at work again", "subjective": "She spoke of panic", "x": "odd"}
    assert section_holding("panic", "soap", sections) == "subjective"  # exact case first
    assert section_holding("Panic", "soap", sections) == "plan"
    assert section_holding("PANIC", "soap", sections) == "subjective"  # then any case
    assert section_holding("odd", "soap", sections) == "x"  # a section the template lacks
    assert section_holding("missing", "soap", sections) is None
    assert section_holding("", "soap", sections) is None


def test_hit_line_for_a_terminal():
    hit = SearchHit(
        client_id=1,
        client_code="ML-01",
        session_id=5,
        session_start=datetime(2024, 3, 4, 9),
        source="progress",
        snippet=f"felt {marked('anxious')} \x1b[31mtoday",
        match_text="anxious",
    )
    assert hit_line(hit, 6) == "ML-01   2024-03-04  felt [anxious] [31mtoday"
    process = SearchHit(1, "ML-01", 5, datetime(2024, 3, 4), "process", marked("x"), "x")
    assert hit_line(process) == "ML-01  2024-03-04  (process note) [x]"
    client = SearchHit(1, "ML-01", None, None, "client", f"{marked('ML-01')} · Maya", "ML-01")
    assert hit_line(client) == "ML-01  client      [ML-01] · Maya"
    assert client.plain_snippet() == "ML-01 · Maya"


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "\n", MARK_START, MARK_END]), max_size=40))
def test_snippet_parts_keep_every_character_and_mark_what_follows_a_start(snippet):
    parts = snippet_parts(snippet)
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    assert "".join(text for text, _ in parts) == plain
    assert all(text for text, _ in parts)
    # Each piece is marked exactly when the nearest marker before it is a start.
    position = 0
    for text, marked in parts:
        position = snippet.index(text, position)
        before = snippet[:position].rstrip("a é\n")
        assert marked == (before.endswith(MARK_START))
        position += len(text)
