"""Reliable change after Jacobson and Truax (1991), against hand-computed cases."""

from __future__ import annotations

import math

import pytest

from notes.measures.change import (
    ChangeKind,
    change_between,
    difference_error,
    reliable_change_index,
    reliable_difference,
    standard_error,
)
from notes.measures.instruments import ChangeNorms, instrument


def test_the_formula_by_hand():
    # s = 7.5, r_xx = .80: S_E = 7.5·√0.2 = 3.354; S_diff = √(2·3.354²) = 4.743.
    assert standard_error(7.5, 0.80) == pytest.approx(3.3541, abs=1e-4)
    assert difference_error(7.5, 0.80) == pytest.approx(4.7434, abs=1e-4)
    # 30 → 20: RC = −10 / 4.743 = −2.108, beyond −1.96.
    assert reliable_change_index(30, 20, 7.5, 0.80) == pytest.approx(-2.1082, abs=1e-4)


def test_phq9_reliable_difference_from_its_published_figures():
    # s = 3.52 (general-population norms), α = .89: 1.96 · 3.52 · √(2 · 0.11) = 3.236 points.
    phq = instrument("phq9").change
    assert reliable_difference(phq) == pytest.approx(1.96 * 3.52 * math.sqrt(0.22))
    assert reliable_difference(phq) == pytest.approx(3.236, abs=1e-3)


@pytest.mark.parametrize(
    ("first", "later", "kind", "significant"),
    [
        (18, 15, ChangeKind.NO_RELIABLE_CHANGE, False),  # 3 points: within error
        (18, 14, ChangeKind.IMPROVED, False),  # reliable, but still at or above 10
        (14, 9, ChangeKind.IMPROVED, True),  # reliable and from ≥10 to <10
        (8, 4, ChangeKind.IMPROVED, False),  # reliable, but it never was above the cut-off
        (9, 13, ChangeKind.DETERIORATED, False),
    ],
)
def test_phq9_change_kinds(first, later, kind, significant):
    change = change_between(first, later, instrument("phq9").change)
    assert (change.kind, change.clinically_significant) == (kind, significant)


def test_a_change_is_described_with_its_index():
    norms = ChangeNorms(0.80, 7.5, 0.0, 25, ())
    assert change_between(30, 20, norms).describe() == (
        "30 → 20 (RC -2.11): reliable improvement, clinically significant"
    )
