"""Report codes: random, easy to say, never made from the name, unique whatever the case."""

from __future__ import annotations

import random
import re

from notes.codes import client_problem, code_warning, initials, suggest_code


def test_initials():
    assert initials("Maya Lindqvist") == "ML"
    assert initials("maya van der lindqvist") == "ML"  # first and last
    assert initials("Cher") == "C"
    assert initials("Éva Ötvös") == "ÉÖ"
    assert initials("  ") == "CL"
    assert initials("123 456") == "CL"


def test_a_suggested_code_is_random_and_easy_to_say():
    # Issue 14: no longer initials, which are derived from the name (45 CFR 164.514(c)).
    codes = {suggest_code("Maya Lindqvist", set(), random.Random(seed)) for seed in range(50)}
    assert len(codes) > 40
    for code in codes:
        assert re.fullmatch(r"[BDFGKLMNPRSTVZ][AEIOU][BDFGKLMNPRSTVZ][AEIOU]-\d\d", code)
        assert not code.startswith("ML")


def test_a_suggested_code_is_free_whatever_the_case():
    first = suggest_code("Maya Lindqvist", set(), random.Random(1))
    again = suggest_code("Maya Lindqvist", {first.lower()}, random.Random(1))
    assert again != first


def test_a_suggested_code_never_holds_the_name():
    class Spell(random.Random):
        def __init__(self, letters: str) -> None:
            super().__init__(0)
            self.letters = iter(letters)

        def choice(self, seq: str) -> str:  # the letters in order, whatever is asked
            return next(self.letters)

    code = suggest_code("Mona Lisa", set(), Spell("MONA" + "DOKA"))
    assert code.startswith("DOKA-")


def test_a_code_holding_the_name_is_warned_of():
    assert "contains part of the client's name" in code_warning("Maya Lindqvist", "MAYA-B")
    assert code_warning("Maya Lindqvist", "LIND-2") != ""
    assert code_warning("Maya Lindqvist", "ML-01") == ""
    assert code_warning("Maya Lindqvist", "DOKA-37") == ""
    assert code_warning("Maya Lindqvist", "JON-1", ["Jonas"]) != ""
    assert code_warning("Łukasz Nowak", "LUKA-1") != ""  # in its ASCII spelling too


def test_a_client_needs_a_name_and_a_code_no_one_else_has():
    assert client_problem("Maya Lindqvist", "ML-01", {"AB-01"}) == ""
    assert "client's name" in client_problem("  ", "ML-01", set())
    assert "report code" in client_problem("Maya Lindqvist", " ", set())
    taken = client_problem("Maya Lindqvist", " ml-01 ", {"ML-01"})
    assert taken == "Another client already has the code ml-01. Choose a different code."
    assert client_problem("Maya Lindqvist", "ML-01", {"ml-01"}) != ""  # whatever the case
