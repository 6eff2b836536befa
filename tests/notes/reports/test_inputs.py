"""What a report is made from: its period, the default one and why it is the default."""

from __future__ import annotations

from datetime import date

from notes.reports.inputs import DEFAULT_MONTHS, Period, default_period, default_period_reason

TODAY = date(2026, 5, 31)


def test_a_period_that_ends_before_it_starts_is_backwards():
    assert Period(date(2026, 5, 2), date(2026, 5, 1)).backwards
    assert not Period(date(2026, 5, 1), date(2026, 5, 1)).backwards  # one day is a period
    assert not Period(date(2026, 1, 1), TODAY).backwards


def test_the_reason_names_the_last_report_when_the_period_starts_there():
    last = date(2026, 4, 2)
    period = default_period(TODAY, last)
    assert default_period_reason(period, last) == (
        "Since the last supervision report, made on 2 Apr 2026."
    )


def test_without_a_usable_last_report_the_reason_is_the_default_months():
    assert DEFAULT_MONTHS == 3  # the reason below says "three"
    first = default_period(TODAY, None)
    assert first.start == date(2026, 2, 28)
    expected = "The last three months (no earlier supervision report for this client)."
    assert default_period_reason(first, None) == expected
    future = date(2026, 6, 3)  # a report dated after today is not a start
    assert default_period_reason(default_period(TODAY, future), future) == expected
