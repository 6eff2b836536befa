"""The charts' axes as numbers: whole-number ticks for counts, dated labels with their years,
and labels that never touch."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from notes.chart_axes import date_labels, overlapping, place_labels, whole_ticks


@pytest.mark.parametrize("highest", [0, 1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 27, 48, 99, 200, 1234])
def test_count_ticks_are_whole_evenly_spaced_few_and_reach_the_highest(highest):
    ticks = whole_ticks(highest)
    assert all(isinstance(tick, int) for tick in ticks)
    assert ticks[0] == 0 and ticks[-1] >= highest
    assert 2 <= len(ticks) <= 6
    assert len({b - a for a, b in pairwise(ticks)}) == 1
    assert str(ticks[1])[0] in "125"  # a step of 1, 2 or 5 times a power of ten


def test_the_top_tick_is_the_least_that_holds_the_highest():
    assert whole_ticks(4) == [0, 1, 2, 3, 4]
    assert whole_ticks(7) == [0, 2, 4, 6, 8]
    assert whole_ticks(27, most=3) == [0, 10, 20, 30]


def width(text: str) -> float:
    return 7.0 * len(text)  # a plain monospaced measure


def test_84_months_on_600_units_name_every_year_and_no_two_labels_touch():
    first, last = date(2019, 1, 3), date(2025, 12, 29)

    def x(day: date) -> float:
        return 600 * (day - first).days / (last - first).days

    labels = date_labels(first, last, x, width, 6, low=-40, high=640)
    januaries = [label.text for label in labels if label.text.startswith("Jan")]
    assert januaries[-6:] == [f"Jan {year}" for year in range(2020, 2026)]
    assert labels[0].text.endswith("2019")  # the first year is named too
    assert all(label.text[-4:].isdigit() for label in labels)
    for a, b in pairwise(labels):
        assert a.right + 6 <= b.left
    assert all(label.left >= -40 and label.right <= 640 for label in labels)


def test_a_short_span_names_days_with_their_year_and_a_year_axis_names_years():
    first, last = date(2026, 9, 2), date(2026, 10, 20)
    labels = date_labels(first, last, lambda d: 100.0 * (d - first).days, width, 4)
    assert [label.text for label in labels][:3] == ["2 Sep 2026", "7 Sep 2026", "14 Sep 2026"]
    months = date_labels(first, last, lambda d: 100.0 * (d - first).days, width, 4, by="month")
    assert [label.text for label in months] == ["Sep 2026", "Oct 2026"]
    years = date_labels(date(2019, 5, 1), date(2022, 2, 1), lambda d: d.toordinal(), width, 4,
                        by="year")  # fmt: skip
    assert [label.text for label in years] == ["2019", "2020", "2021", "2022"]


def test_labels_are_kept_within_bounds_and_the_preferred_win_a_crowded_place():
    candidates = [(0.0, "AAAA"), (10.0, "BBBB"), (60.0, "CCCC")]
    labels = place_labels(candidates, width, 2, low=0, high=70, rank=lambda i: 0 if i == 1 else 1)
    assert [label.text for label in labels] == ["BBBB", "CCCC"]
    assert labels[-1].right == 70  # pushed back inside rather than hanging over


def test_a_month_begun_before_the_axis_gives_way_to_the_next():
    first, last = date(2026, 7, 27), date(2026, 11, 30)

    def x(day: date) -> float:
        return 400 * (day - first).days / (last - first).days

    labels = [label.text for label in date_labels(first, last, x, width, 6)]
    assert labels[:2] == ["Aug 2026", "Sep 2026"]  # not "Jul 2026" at 27 July, crowding August
    roomy = date_labels(date(2026, 7, 10), last, x, width, 6)
    assert roomy[0].text == "Jul 2026" and roomy[0].left == x(date(2026, 7, 10)) - 28


def test_overlapping_rectangles_are_found():
    assert overlapping([(0, 0, 10, 10), (10, 0, 5, 5), (20, 20, 1, 1)]) == []
    assert overlapping([(0, 0, 10, 10), (9, 9, 5, 5)]) == [(0, 1)]
