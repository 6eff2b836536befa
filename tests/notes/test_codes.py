"""Report codes: initials and the lowest free number, unique whatever the case."""

from __future__ import annotations

from notes.codes import client_problem, initials, suggest_code


def test_initials():
    assert initials("Maya Lindqvist") == "ML"
    assert initials("maya van der lindqvist") == "ML"  # first and last
    assert initials("Cher") == "C"
    assert initials("Éva Ötvös") == "ÉÖ"
    assert initials("  ") == "CL"
    assert initials("123 456") == "CL"


def test_the_first_code_is_number_one():
    assert suggest_code("Maya Lindqvist", set()) == "ML-01"


def test_the_lowest_free_number_is_suggested():
    assert suggest_code("Maya Lindqvist", {"ML-01", "ML-02"}) == "ML-03"
    assert suggest_code("Mark Lane", {"ML-01", "ML-03"}) == "ML-02"  # a gap is reused
    assert suggest_code("Maya Lindqvist", {"DO-01", "PR-01"}) == "ML-01"


def test_taken_codes_count_whatever_their_case():
    assert suggest_code("Maya Lindqvist", {"ml-01", "Ml-02"}) == "ML-03"


def test_a_client_needs_a_name_and_a_code_no_one_else_has():
    assert client_problem("Maya Lindqvist", "ML-01", {"AB-01"}) == ""
    assert "client's name" in client_problem("  ", "ML-01", set())
    assert "report code" in client_problem("Maya Lindqvist", " ", set())
    taken = client_problem("Maya Lindqvist", " ml-01 ", {"ML-01"})
    assert taken == "Another client already has the code ml-01. Choose a different code."
    assert client_problem("Maya Lindqvist", "ML-01", {"ml-01"}) != ""  # whatever the case
