"""The charts as text: their values in rows, and a sentence with the trend."""

from __future__ import annotations

from datetime import date

from notes.alliance_chart import points
from notes.chart_text import alliance_text, pattern_text, trend


def test_trend_needs_half_a_point_to_move():
    assert [trend(5, 5.4), trend(5, 5.5), trend(6, 5.4)] == ["steady", "rising", "falling"]


def test_the_alliance_as_rows_and_a_sentence():
    days = {1: date(2026, 9, 7), 2: date(2026, 9, 14), 3: date(2026, 10, 12)}
    text = alliance_text(points({1: 5.0, 2: 6.5, 4: 8.0}, {2: 6.0}, [2], [4], [3], dates=days))
    assert text.headings == ("Session", "Date", "Client's check", "Your estimate", "Marks")
    assert text.rows == (
        ("1", "7 Sep 2026", "5.0", "", ""),
        ("2", "14 Sep 2026", "6.5", "6.0", "rupture"),
        ("3", "12 Oct 2026", "", "", "missed"),
        ("4", "", "8.0", "", "repair"),  # a session without a date leaves it empty
    )
    assert text.description == (
        "Client's check: rising, from 5.0 in session 1 to 8.0 in session 4 (3 checks). "
        "Your estimate: 6.0 in session 2. "
        "1 rupture (session 2); 1 repair (session 4); 1 missed appointment (session 3)."
    )


def test_an_empty_alliance_says_so():
    text = alliance_text(points({}, {}, [], [], []))
    assert text.rows == ()
    assert text.description == "Client's check: none yet. Your estimate: none yet."


def test_the_observations_as_rows_and_a_sentence():
    text = pattern_text([3, 4, 5, 6], {"CT · Helpless": [1, 0, 2, 2], "T · Angry": [0, 1, 0, 1]})
    assert text.headings == ("Session", "All", "CT · Helpless", "T · Angry")
    assert text.rows[0] == ("3", "1", "1", "0") and text.rows[3] == ("6", "3", "2", "1")
    assert text.description == (
        "7 observations over 4 sessions. Most often: CT · Helpless (5). "
        "Observations per session: rising (1.0 in the earlier sessions, 2.5 in the later)."
    )
    assert pattern_text([], {}).description == "No observations to chart."
