"""The timeline chart: the same drawing on the client page and in the report; read by hover
and by the arrow keys."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from notes.measures.timeline import MarkPoint, ScorePoint, Timeline
from notes.records import Client
from notes.reports.inputs import Period, SupervisionInputs
from notes.reports.measures_section import MeasuresInputs
from ui.measures.timeline_chart import TimelineChart
from ui.reports.charts import DPI, render_charts


def _line() -> Timeline:
    line = Timeline()
    line.scores["PHQ-9"] = [
        ScorePoint(date(2025, 12, 1), 1, 18, 27, "Moderately severe", True),
        ScorePoint(date(2026, 2, 2), 6, 9, 27, "Mild", False),
    ]
    line.client_alliance = [
        MarkPoint(date(2025, 12, 1), 1, 6.0),
        MarkPoint(date(2026, 2, 2), 6, 8.0),
    ]
    line.ruptures = [MarkPoint(date(2026, 1, 5), 3, 1.0, "repaired")]
    line.missed = [MarkPoint(date(2026, 1, 12), 4, 0.0, "No-show")]
    return line


def test_the_chart_is_read_by_the_arrow_keys_and_by_hover(qtbot):
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.show_line(_line())
    chart.show()
    qtbot.waitExposed(chart)
    chart.setFocus()
    qtbot.waitUntil(lambda: len(chart.spots) == 6)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    first = chart.accessibleDescription()
    assert first.startswith("01 Dec 2025, session 1: ")
    described = {first}
    for _ in range(5):
        qtbot.keyClick(chart, Qt.Key.Key_Right)
        described.add(chart.accessibleDescription())
    assert (
        "01 Dec 2025, session 1: PHQ-9 18 of 27 · Moderately severe · item 9 above 0" in described
    )
    assert "05 Jan 2026, session 3: rupture, repaired" in described
    assert "12 Jan 2026, session 4: missed (No-show)" in described
    spot, words = chart.spots[-1]
    assert chart.point_words(spot + QPointF(3, 2)) == words
    assert chart.point_words(QPointF(-50, -50)) == ""


def test_the_report_draws_the_same_timeline_on_paper():
    client = Client("ML-01", "Maya Lindqvist", date(2025, 12, 1), id=1)
    inputs = SupervisionInputs(client, Period(date(2025, 12, 1), date(2026, 2, 28)), [])
    inputs.measures = MeasuresInputs(_line())
    png = render_charts(inputs).timeline
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (6 * DPI, int(3.6 * DPI))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 8  # lines, markers, grid and text on the paper


def test_84_months_and_200_ratings_give_dated_labels_that_never_overlap():
    from PySide6.QtGui import QFont, QFontMetricsF

    from ui.measures.timeline_drawing import date_axis_labels

    first, last = date(2019, 1, 1), date(2025, 12, 31)  # 84 months
    line = Timeline()
    span = (last - first).days
    line.client_alliance = [
        MarkPoint(date.fromordinal(first.toordinal() + span * n // 199), n + 1, 5 + n % 5)
        for n in range(200)
    ]
    metrics = QFontMetricsF(QFont())
    width = 6 * DPI

    def x(day: date) -> float:
        return width * (day - first).days / span

    labels = date_axis_labels(first, last, x, metrics.horizontalAdvance, False, gap=4)
    assert len(labels) >= 7  # at least each year
    spans = [
        (centre - metrics.horizontalAdvance(t) / 2, centre + metrics.horizontalAdvance(t) / 2)
        for centre, t in labels
    ]
    for (_, right), (left, _) in pairwise(spans):
        assert right < left
    assert all(text[-4:].isdigit() for _centre, text in labels)  # every label has its year
    assert [centre for centre, _ in labels] == sorted(centre for centre, _ in labels)
    # and the same chart draws at print resolution with all 200 points
    client = Client("ML-01", "Maya Lindqvist", first, id=1)
    inputs = SupervisionInputs(client, Period(first, last), [])
    inputs.measures = MeasuresInputs(line)
    assert QImage.fromData(render_charts(inputs).timeline, "PNG").width() == 6 * DPI


def test_three_months_label_each_month_with_its_year():
    from PySide6.QtGui import QFont, QFontMetricsF

    from ui.measures.timeline_drawing import date_axis_labels

    metrics = QFontMetricsF(QFont())
    first, last = date(2026, 9, 2), date(2026, 12, 2)
    labels = date_axis_labels(
        first, last, lambda d: 500 * (d - first).days / 91, metrics.horizontalAdvance, False, 4
    )
    assert [text for _x, text in labels] == ["Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"]
