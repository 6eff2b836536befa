"""De-identification: the name, its parts and each identifying term become the client code."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from notes.deidentify import Deidentifier, Replacement, name_parts

MAYA = Deidentifier("ML-01", "Maya Lindqvist", ["Jonas", "Lindqvist Design", "Uppsala"])


def test_preview_lists_every_replacement_name_first():
    assert MAYA.replacements() == [
        Replacement("Maya Lindqvist", "ML-01"),
        Replacement("Maya", "ML-01"),
        Replacement("Lindqvist", "ML-01"),
        Replacement("Jonas", "[ML-01 T1]"),
        Replacement("Lindqvist Design", "[ML-01 T2]"),
        Replacement("Uppsala", "[ML-01 T3]"),
    ]


def test_whole_names_parts_any_case_and_possessives():
    text = "Maya Lindqvist came. MAYA's week; maya’s sister; the Lindqvists' flat; _lindqvist_."
    assert MAYA.apply(text) == (
        "ML-01 came. ML-01's week; ML-01’s sister; the ML-01' flat; _ML-01_."
    )


def test_terms_inside_quotes_and_across_line_breaks_longest_first():
    text = "Said: 'Jonas says Lindqvist\nDesign in UPPSALA let me go.'"
    assert MAYA.apply(text) == "Said: '[ML-01 T1] says [ML-01 T2] in [ML-01 T3] let me go.'"


def test_only_whole_words_are_replaced():
    text = "Mayan ruins, Jonasson, Uppsalaborna, MayaX, 2Maya"
    assert MAYA.apply(text) == text


def test_accents_match_either_way():
    recorded_with_accent = Deidentifier("TH-01", "Tomás Herrera", ["Lucía"])
    assert recorded_with_accent.apply("Tomas, TOMÁS and Lucia") == ("TH-01, TH-01 and [TH-01 T1]")
    recorded_without = Deidentifier("TH-01", "Tomas Herrera", [])
    decomposed = "Toma\u0301s"  # "Tomás" typed with a combining accent
    assert recorded_without.apply(f"Tomás and {decomposed}.") == "TH-01 and TH-01."


def test_hyphenated_and_apostrophe_names():
    client = Deidentifier("AO-01", "Anne-Marie O'Brien", [])
    assert "Anne" in name_parts("Anne-Marie O'Brien")
    assert client.apply("Anne-Marie and O’Brien's dog; Marie alone") == (
        "AO-01 and AO-01's dog; AO-01 alone"
    )


def test_single_letters_and_blank_terms_are_left_alone():
    client = Deidentifier("JS-01", "J. Smith", ["", "  ", "a"])
    assert [r.original for r in client.replacements()] == ["J. Smith", "Smith"]
    assert client.apply("a J note about Smith") == "a J note about JS-01"


def test_a_code_that_holds_the_name_is_noticed():
    assert Deidentifier("MAYA-1", "Maya Lindqvist", []).code_reveals_identity()
    assert not MAYA.code_reveals_identity()


def test_nothing_to_replace_leaves_text_alone():
    assert Deidentifier("X-01", "", []).apply("Anything at all") == "Anything at all"


@given(
    before=st.text(alphabet=st.characters(blacklist_categories=("L", "N", "Cs")), max_size=5),
    after=st.text(alphabet=st.characters(blacklist_categories=("L", "N", "Cs")), max_size=5),
    name=st.sampled_from(["Maya", "maya", "MAYA", "Lindqvist", "jonas", "UPPSALA"]),
)
@example(before="", after="🄫", name="Maya")  # a symbol that folds to a letter ("c")
def test_a_name_between_non_letters_never_survives(before, after, name):
    assert name.casefold() not in MAYA.apply(f"{before}{name}{after}").casefold()
