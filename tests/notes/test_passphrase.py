"""Passphrase strength: weak ones refused, strong ones accepted, long ones harmless."""

from __future__ import annotations

import pytest

from notes.passphrase import MINIMUM_SCORE, MISMATCH, assess, new_passphrase_problem


@pytest.mark.parametrize("weak", ["", "password", "12345678", "maya1990", "qwertyuiop"])
def test_weak_passphrases_are_refused_with_advice(weak):
    strength = assess(weak)
    assert not strength.acceptable
    assert strength.score < MINIMUM_SCORE
    assert strength.advice()  # the person is told what to do


@pytest.mark.parametrize(
    "strong", ["lantern orchard velvet harbour", "Tr0mbone-gravel-Quince-7-moss"]
)
def test_strong_passphrases_are_accepted(strong):
    strength = assess(strong)
    assert strength.acceptable
    assert strength.label in ("Strong", "Very strong")


def test_a_passphrase_longer_than_zxcvbn_takes_does_not_crash():
    strength = assess("correct horse battery staple " * 10)  # 290 characters
    assert 0 <= strength.score <= 4
    assert assess("x" * 73).score == assess("x" * 72).score


def test_strength_is_judged_before_the_repeat_and_a_mismatch_is_its_own_problem():
    strong = "lantern orchard velvet harbour"
    assert new_passphrase_problem(strong, strong) == ""
    assert new_passphrase_problem(strong, strong + "x") == MISMATCH
    weak = new_passphrase_problem("password", "different")
    assert weak.startswith("This passphrase is too easy to guess.") and weak != MISMATCH
