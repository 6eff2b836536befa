"""Dates dropped for a report without dates: years kept, other dates "[date]", in the languages
a caseload is written in (issue 14, point 8)."""

from __future__ import annotations

import pytest

from notes.date_removal import calendar_words, without_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seen 3 March 2026, 2026-03-12 and 12/03/2026; again on 5 May; March 4th, 2026.",
            "Seen 2026, 2026 and 2026; again on [date]; 2026.",
        ),
        ("ISO 2026-03-12T10:30 and 1990-7-4", "ISO 2026 and 1990"),
        (
            "numeric 03/25/2026, 25.03.2026, 25-3-2026, 25.03.26 and 25/3",
            "numeric 2026, 2026, 2026, [date] and [date]",
        ),
        ("le 3 mars 2026 et le 4 avril", "le 2026 et le [date]"),
        ("am 12. März 2026, dann 3. Okt. wieder", "am 2026, dann [date]. wieder"),
        ("el 3 de marzo de 2026", "el 2026"),
        ("den 3 maj 2026 och 7 juni", "den 2026 och [date]"),
        ("Seen 21 Sep. Next week.", "Seen [date]. Next week."),
    ],
)
def test_dates_in_any_common_form_keep_only_their_year(text, expected):
    assert without_dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I may come in 3 weeks",
        "in 2019 she moved",
        "mars is a planet; she marched 3 miles",
        "Session 12 · week 31 of therapy",
    ],
)
def test_what_is_not_a_date_stays(text):
    assert without_dates(text) == text


def test_months_and_weekdays_come_from_the_locale_data():
    assert {"march", "märz", "mars", "monday", "montag", "lundi"} <= calendar_words()
