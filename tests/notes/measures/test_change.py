"""Reliable change after Jacobson and Truax (1991), against hand-computed cases and the figures
cited in the instrument files.

The published worked example within reach is a table that computes the reliable difference from
published reliabilities and SDs: PMC8944273, Table 1 (pmc.ncbi.nlm.nih.gov/articles/PMC8944273/
table/T1; the stored copy holds the table, not the article's title or authors), for three youth
measures (CDRS-R, CGAS, YMRS). Jacobson and Truax's own DAS example, Evans, Margison and Barkham
(1998) and Wise (2004) were found only as abstracts or first pages, so no published RC for one
client and no published cut-off c is checked here; none is made up.
"""

from __future__ import annotations

import math

import pytest

from notes.measures.change import (
    ChangeKind,
    change_between,
    difference_error,
    method_note,
    points_needed,
    reliable_change_index,
    reliable_difference,
    standard_error,
)
from notes.measures.instruments import ChangeNorms, instrument, instruments


@pytest.mark.parametrize(
    ("measure", "alpha", "sd", "sem", "se_diff", "rci"),
    [
        ("CDRS-R", 0.79, 7.30, 3.35, 4.73, 9.27),
        ("CGAS", 0.91, 12.90, 3.87, 5.47, 10.73),
        ("YMRS", 0.73, 7.19, 3.74, 5.28, 10.36),
    ],
)
def test_a_published_table_of_reliable_differences(measure, alpha, sd, sem, se_diff, rci):
    # PMC8944273, Table 1: Cronbach's alpha and SD in, SEM, SEDiff and "RCI" (the smallest
    # reliable change in points, 1.96 · SEDiff) out, each printed to two decimals.
    norms = ChangeNorms(alpha, sd, 0.0, 0, ())
    assert standard_error(sd, alpha) == pytest.approx(sem, abs=0.005), measure
    assert difference_error(sd, alpha) == pytest.approx(se_diff, abs=0.005), measure
    assert reliable_difference(norms) == pytest.approx(rci, abs=0.005), measure


def test_the_formula_by_hand():  # hand-worked figures, not a published example
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
    assert points_needed(phq) == 4


def test_gad7_reliable_difference_from_its_published_figures():
    # s = 3.41 and α = .89, both from the same general-population sample (Löwe et al. 2008):
    # 1.96 · 3.41 · √(2 · 0.11) = 3.135 points, so a change of 4 whole points is reliable.
    gad = instrument("gad7").change
    assert reliable_difference(gad) == pytest.approx(3.135, abs=1e-3)
    assert points_needed(gad) == 4


@pytest.mark.parametrize("key", [i.key for i in instruments()])
def test_criterion_b_from_the_norms_draws_the_published_cut_off(key):
    # Mean + 2 SD of the general population (PHQ-9 9.95, GAD-7 9.77): for whole-number scores
    # "outside the functional range" is exactly "at or above the published cut-off of 10".
    measure = instrument(key)
    norms = measure.change
    for score in range(measure.minimum, measure.maximum + 1):
        assert (score > norms.functional_limit) == (score >= norms.clinical_cutoff), score


def test_the_method_note_gives_the_rule_and_the_nhs_thresholds_beside_it():
    assert method_note(instrument("phq9")) == (
        "PHQ-9: a change of 4 points or more is reliable (Jacobson and Truax 1991, from a "
        "general-population SD of 3.52 and a reliability of 0.89); a reliable improvement is "
        "clinically significant when it starts at 10 or above and ends at 9 or below, inside the "
        "general population's range (its mean 2.91 plus two SDs is 9.95). NHS Talking Therapies "
        "would count a fall of 6 points as reliable improvement and 10 or more as caseness."
    )
    assert method_note(instrument("gad7")).endswith(
        "NHS Talking Therapies would count a fall of 4 points as reliable improvement and 8 or "
        "more as caseness."
    )


def test_nhs_thresholds_are_shown_not_used():
    # A fall of 5 on the PHQ-9 is reliable by Jacobson–Truax (4 points), though not by the NHS
    # Talking Therapies' fixed 6.
    assert instrument("phq9").change.fixed.reliable_change_points == 6
    assert change_between(14, 9, instrument("phq9").change).kind is ChangeKind.IMPROVED


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
    norms = ChangeNorms(0.80, 7.5, 10.0, 25, ())  # the functional range ends at 10 + 2·7.5
    assert change_between(30, 20, norms).describe() == (
        "30 → 20 (RC -2.11): reliable improvement, clinically significant"
    )
