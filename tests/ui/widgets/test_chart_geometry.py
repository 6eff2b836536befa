"""Every chart's layout, read as rectangles and points, on screen (100% and 200%) and at print
resolution: 200 sessions over more than 84 months, and no two texts overlap; every date on a
time axis carries its year; count axes tick in whole numbers; points lie at their dates (a month
apart is further than a week apart); each value axis has its title and unit."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import cycle, pairwise

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from notes.alliance import QUESTIONS, AllianceRating, Repair, Rupture, RuptureKind
from notes.alliance_chart import AllianceSeries, chart_points
from notes.attendance import attendance_by_month
from notes.chart_axes import overlapping
from notes.measures.timeline import MarkPoint, ScorePoint, Timeline
from notes.records import Attendance, Session
from ui.client_page.alliance_chart import AllianceChart
from ui.client_page.alliance_drawing import Y_TITLE, alliance_layout
from ui.client_page.patterns_drawing import Stack, patterns_layout
from ui.measures.timeline_drawing import timeline_layout
from ui.reports import charts
from ui.widgets import theme
from ui.widgets.chart_axes import Text

pytestmark = pytest.mark.gui

KEYS = [q.key for q in QUESTIONS]
GAPS = (7, 7, 14, 28, 7, 14, 7, 21)  # days between sessions: weeks, fortnights, months
DATED = re.compile(r"^((\d{1,2} )?[A-Z][a-z]{2} )?(\d{4})$")


def many_sessions(count: int = 200) -> list[Session]:
    day, held = datetime(2019, 1, 7, 9), []
    for number, gap in zip(range(1, count + 1), cycle(GAPS), strict=False):
        kind = Attendance.NO_SHOW if number % 17 == 0 else Attendance.ATTENDED
        held.append(Session(1, day, attendance=kind, id=number, number=number))
        day += timedelta(days=gap)
    return held


def months_spanned(held: list[Session]) -> int:
    first, last = held[0].starts_at, held[-1].starts_at
    return (last.year - first.year) * 12 + last.month - first.month + 1


def looks() -> list[tuple[str, QRectF, QFontMetricsF, float]]:
    """(name, area, font metrics, scale): the client page at 100% and 200%, and the report."""
    font = QFont()
    double = QFont(font)
    double.setPointSizeF(font.pointSizeF() * 2)
    page, printed = charts.print_page()
    return [
        ("100%", QRectF(0, 0, 700, 300), QFontMetricsF(font), 1.0),
        ("200%", QRectF(0, 0, 1400, 600), QFontMetricsF(double), 2.0),
        ("report", page, printed, charts.SCALE),
    ]


def assert_readable(texts: list[Text], area: QRectF) -> list[str]:
    """No two texts overlap, all lie inside the chart; returns the time axis's labels."""
    rects = [(t.rect.x(), t.rect.y(), t.rect.width(), t.rect.height()) for t in texts]
    clashes = overlapping(rects)
    assert not clashes, [(texts[i].text, texts[j].text) for i, j in clashes]
    for text in texts:
        assert area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(text.rect), text
    return [t.text for t in texts if DATED.match(t.text)]


def assert_dated(labels: list[str], years: range) -> None:
    assert labels, "the time axis has labels"
    assert all(DATED.match(label).group(3) for label in labels)  # each with its year
    assert {int(DATED.match(label).group(3)) for label in labels} >= set(years)


def alliance_data() -> tuple[list[Session], list[AllianceRating], list[Rupture]]:
    held = many_sessions()
    ratings = [
        AllianceRating(s.id, {KEYS[0]: 3 + s.number % 7}, {KEYS[0]: 5 + s.number % 4})
        for s in held
        if s.attendance.kept
    ]
    ruptures = [
        Rupture(s.id, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=s.id + 2)
        for s in held[5::40]
    ]
    return held, ratings, ruptures


@pytest.mark.parametrize("look", range(3), ids=["100%", "200%", "report"])
def test_the_alliance_chart_reads_with_200_ratings_over_84_months(qapp, look):
    name, area, metrics, scale = looks()[look]
    held, ratings, ruptures = alliance_data()
    assert months_spanned(held) >= 84 and len(ratings) >= 180
    drawn = chart_points(held, ratings, ruptures)
    layout = alliance_layout(area, drawn, metrics, scale)
    assert_dated(assert_readable(layout.texts, area), range(2019, 2026))
    assert Y_TITLE in [t.text for t in layout.texts] and "0–10" in Y_TITLE
    for text in layout.texts:  # values, title, dates and legend stand beside the plot
        assert not text.rect.intersects(layout.plot.adjusted(1, 1, -1, -1)), (name, text)
    for which in AllianceSeries:  # every series is drawn, ruptures and repairs among them
        assert layout.of(which), which
    assert len(layout.of(AllianceSeries.CLIENT)) == len(ratings)
    # x follows the date: equal days, equal distance; a month apart is further than a week
    at = {number: spot.x() for which, number, spot in layout.points if which.value == "client"}
    day = {s.number: s.starts_at.date() for s in held}
    per_day = {round((at[b] - at[a]) / (day[b] - day[a]).days, 6) for a, b in pairwise(sorted(at))}
    assert max(per_day) - min(per_day) < 1e-3
    week = next((a, b) for a, b in pairwise(sorted(at)) if (day[b] - day[a]).days == 7)
    month = next((a, b) for a, b in pairwise(sorted(at)) if (day[b] - day[a]).days == 28)
    assert at[month[1]] - at[month[0]] > 3 * (at[week[1]] - at[week[0]]) > 0


def test_a_few_weeks_name_their_days_with_the_year(qapp):
    _name, area, metrics, scale = looks()[0]
    held = many_sessions(5)
    drawn = chart_points(held, [AllianceRating(s.id, {KEYS[0]: 6}) for s in held], [])
    labels = assert_readable(alliance_layout(area, drawn, metrics, scale).texts, area)
    assert labels[0] == "7 Jan 2019" and all(label.endswith("2019") for label in labels)


@pytest.mark.parametrize("look", range(3), ids=["100%", "200%", "report"])
def test_the_attendance_chart_counts_in_whole_sessions_by_dated_month(qapp, look):
    _name, area, metrics, scale = looks()[look]
    held = many_sessions()
    counts = attendance_by_month(held, held[0].starts_at.date(), held[-1].starts_at.date())
    assert len(counts) >= 84
    layout = charts.attendance_layout(area, counts, metrics, scale)
    assert_dated(assert_readable(layout.texts, area), range(2019, 2026))
    assert charts.ATTENDANCE_TITLE in [t.text for t in layout.texts]
    assert all(isinstance(tick, int) for tick in layout.ticks)
    values = [t.text for t in layout.texts if t.text.isdigit() and not DATED.match(t.text)]
    assert values == [str(tick) for tick in layout.ticks]
    bars = list(layout.bars.values())
    assert all(a.right() <= b.left() for a, b in pairwise(bars))


@pytest.mark.parametrize("look", range(3), ids=["100%", "200%", "report"])
def test_the_observations_chart_counts_in_whole_numbers_at_the_sessions_dates(qapp, look):
    _name, area, metrics, scale = looks()[look]
    held = many_sessions()[-16:]
    days = [s.starts_at.date() for s in held]
    styles = [theme.category_style(kind, n) for kind in theme.ObservationKind for n in range(4)]
    stacks = [
        Stack(f"Category number {n}", style, tuple((s.number + n) % 4 for s in held))
        for n, style in enumerate(styles)
    ]
    layout = patterns_layout(area, days, stacks, metrics, scale, "Observations per session")
    assert_dated(assert_readable(layout.texts, area), range(days[0].year, days[-1].year + 1))
    assert all(isinstance(tick, int) for tick in layout.ticks)
    assert "Observations (count)" in [t.text for t in layout.texts]
    centres = [bar.center().x() for bar in layout.bars]
    gaps = [b - a for a, b in pairwise(centres)]
    day_gaps = [(b - a).days for a, b in pairwise(days)]
    assert max(g for g, d in zip(gaps, day_gaps, strict=True) if d == 7) < min(
        g for g, d in zip(gaps, day_gaps, strict=True) if d >= 21
    )
    assert all(a.right() < b.left() for a, b in pairwise(layout.bars))


def long_timeline() -> Timeline:
    held = many_sessions()
    line = Timeline()
    line.scores["PHQ-9"] = [
        ScorePoint(s.starts_at.date(), s.number, 4 + s.number % 20, 27, "", False)
        for s in held[::4]
    ]
    line.client_alliance = [MarkPoint(s.starts_at.date(), s.number, 4 + s.number % 6) for s in held]
    line.ruptures = [MarkPoint(s.starts_at.date(), s.number, 1.0, "repaired") for s in held[9::50]]
    line.missed = [
        MarkPoint(s.starts_at.date(), s.number, 0.0, "No-show")
        for s in held
        if not s.attendance.kept
    ]
    return line


@pytest.mark.parametrize("look", range(3), ids=["100%", "200%", "report"])
def test_the_timeline_reads_with_200_points_over_84_months(qapp, look):
    _name, area, metrics, scale = looks()[look]
    if look == 2:
        area = QRectF(0, 0, area.width(), charts.TIMELINE_HEIGHT_INCHES * charts.DPI)
    layout = timeline_layout(area, long_timeline(), metrics, scale)
    assert_dated(assert_readable(layout.texts, area), range(2019, 2026))
    texts = [t.text for t in layout.texts]
    assert "Score (PHQ-9 0–27)" in texts and "Alliance (0–10)" in texts
    assert all(isinstance(tick, int) for tick in layout.symptom_ticks)
    week = layout.x(date(2020, 3, 9)) - layout.x(date(2020, 3, 2))
    month = layout.x(date(2020, 4, 2)) - layout.x(date(2020, 3, 2))
    assert month > 4 * week > 0


def test_the_page_chart_names_the_session_and_date_of_the_point_under_the_mouse(qtbot):
    held, ratings, ruptures = alliance_data()
    chart = AllianceChart()
    qtbot.addWidget(chart)
    chart.resize(900, 320)
    chart.show_data(held[:12], ratings[:11], ruptures[:1])
    chart.show()
    qtbot.waitExposed(chart)
    layout = chart.chart_layout()
    (spot,) = [s for which, n, s in layout.points if which is AllianceSeries.RUPTURE]
    assert chart.point_words(spot + QPointF(2, 1)) == "Session 6, 11 Mar 2019: Rupture"
    first = layout.of(AllianceSeries.CLIENT)[0]
    assert chart.point_words(first) == "Session 1, 07 Jan 2019: Client's check 4.0"
    assert chart.point_words(QPointF(2, 2)) == ""


@pytest.mark.parametrize("look", range(2), ids=["100%", "200%"])
def test_the_timeline_legend_wraps_in_a_narrow_column(qapp, look):
    # The client page squeezed beside a wide note: the legend's longest entry is wider than
    # the column, so it wraps under its swatch instead of running past the chart's edge.
    _name, area, metrics, scale = looks()[look]
    narrow = QRectF(0, 0, 170 * scale, area.height() * 1.5)
    layout = timeline_layout(narrow, long_timeline(), metrics, scale)
    legend = [t for t in layout.texts if t.text.startswith(("Rupture", "Missed", "Your", "Client"))]
    assert {t.text for t in legend} >= {"Your estimate", "Rupture (hollow = repaired)"}
    wrapped = next(t for t in legend if t.text.startswith("Rupture"))
    assert wrapped.rect.height() > 1.5 * metrics.height()  # on more than one line
    assert metrics.horizontalAdvance(wrapped.text) > wrapped.rect.width()
    for text in legend:
        assert narrow.contains(text.rect), text
    rects = [(t.rect.x(), t.rect.y(), t.rect.width(), t.rect.height()) for t in legend]
    assert not overlapping(rects)


def test_a_report_names_the_therapist_where_the_page_says_you(qapp):
    _name, area, metrics, scale = looks()[0]
    page = {t.text for t in timeline_layout(area, long_timeline(), metrics, scale).texts}
    report = timeline_layout(area, long_timeline(), metrics, scale, charts.REPORT_NAMES)
    assert "Your estimate" in page and "Therapist's estimate" not in page
    assert "Therapist's estimate" in {t.text for t in report.texts}
