"""The timeline chart: the same drawing on the client page and in the report; read by hover
and by the arrow keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from notes.alliance_chart import AllianceSeries
from notes.chart_axes import date_labels
from notes.measures.timeline import MarkPoint, ScorePoint, Timeline
from notes.records import Client
from notes.reports.inputs import Period, SupervisionInputs
from notes.reports.measures_section import MeasuresInputs
from ui.measures.timeline_chart import TimelineChart
from ui.reports.charts import DPI, render_charts
from ui.widgets import theme


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


def test_84_months_and_200_ratings_draw_at_print_resolution():
    # the geometry of this chart (labels apart, dated, points by date) is
    # tests/ui/widgets/test_chart_geometry.py's; here the report draws it with all 200 points
    first, last = date(2019, 1, 1), date(2025, 12, 31)  # 84 months
    line = Timeline()
    span = (last - first).days
    line.client_alliance = [
        MarkPoint(date.fromordinal(first.toordinal() + span * n // 199), n + 1, 5 + n % 5)
        for n in range(200)
    ]
    client = Client("ML-01", "Maya Lindqvist", first, id=1)
    inputs = SupervisionInputs(client, Period(first, last), [])
    inputs.measures = MeasuresInputs(line)
    image = QImage.fromData(render_charts(inputs).timeline, "PNG")
    assert image.width() == 6 * DPI
    blue = QColor(theme.ALLIANCE[AllianceSeries.CLIENT].colour).rgb()
    assert any(image.pixel(x, y) == blue for x in range(0, 1200, 2) for y in range(0, 700, 2))


def test_three_months_label_each_month_with_its_year():
    from PySide6.QtGui import QFont, QFontMetricsF

    metrics = QFontMetricsF(QFont())
    first, last = date(2026, 9, 2), date(2026, 12, 2)
    labels = date_labels(
        first, last, lambda d: 500 * (d - first).days / 91, metrics.horizontalAdvance, 4
    )
    assert [label.text for label in labels] == ["Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"]
