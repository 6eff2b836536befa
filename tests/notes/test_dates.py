"""Month arithmetic: one set of functions for the conduct trend, report periods and charts."""

from __future__ import annotations

from datetime import date

import pytest

from notes.dates import (
    add_months,
    day_text,
    month_start,
    months_before,
    months_from,
    recent_months,
)


def test_month_start_is_the_first_of_the_month():
    assert month_start(date(2026, 2, 28)) == date(2026, 2, 1)
    assert month_start(date(2026, 3, 1)) == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), -3, date(2025, 10, 15)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),  # February has no 31st: its last day
        (date(2024, 5, 31), -3, date(2024, 2, 29)),  # a leap year's last day
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # forward across the year
        (date(2025, 12, 1), 1, date(2026, 1, 1)),
        (date(2026, 1, 1), -1, date(2025, 12, 1)),
        (date(2026, 3, 31), 0, date(2026, 3, 31)),
        (date(2026, 3, 31), -25, date(2024, 2, 29)),  # more than two years back
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_months_before_is_adding_backwards():
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)


def test_months_from_lists_every_month_touched_both_ends_included():
    assert months_from(date(2025, 11, 20), date(2026, 2, 3)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert months_from(date(2026, 4, 30), date(2026, 4, 1)) == [date(2026, 4, 1)]
    assert months_from(date(2026, 5, 1), date(2026, 4, 30)) == []


def test_recent_months_end_with_the_current_one():
    assert recent_months(date(2026, 1, 31), 3) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
    ]
    assert recent_months(date(2026, 1, 31), 1) == [date(2026, 1, 1)]
    assert recent_months(date(2026, 1, 31), 0) == []
    assert len(recent_months(date(2026, 7, 4))) == 6


def test_a_day_is_written_as_strftime_writes_it_in_the_c_locale():
    day = date(2024, 1, 1)
    while day.year == 2024:  # every day of a leap year: each month's name and each day's number
        assert day_text(day) == f"{day:%d %b %Y}"
        assert day_text(day, padded=False) == f"{day.day} {day:%b %Y}"
        day = date.fromordinal(day.toordinal() + 1)
    assert day_text(date(2026, 3, 5)) == "05 Mar 2026"
