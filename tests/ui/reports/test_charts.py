"""Report charts: PNG bytes at print resolution, drawn off-screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtGui import QColor, QImage

from notes.records import Attendance, Client, Session
from notes.reports.inputs import AllianceRatingRow, Period, SessionRecord, SupervisionInputs
from ui.reports.charts import DPI, HEIGHT_INCHES, WIDTH_INCHES, render_charts


def inputs(ratings: list[AllianceRatingRow]) -> SupervisionInputs:
    start = datetime(2026, 9, 7, 9)
    kinds = list(Attendance) * 3
    sessions = [
        SessionRecord(Session(1, start + timedelta(weeks=week), attendance=kind, number=week + 1))
        for week, kind in enumerate(kinds)
    ]
    client = Client("ML-01", "Maya Lindqvist", date(2026, 6, 1), id=1)
    return SupervisionInputs(
        client, Period(date(2026, 9, 1), date(2026, 12, 31)), sessions, alliance=ratings
    )


def image_of(png: bytes) -> QImage:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image


def ink(image: QImage) -> int:
    """How many sampled pixels are not white: the chart drew something."""
    white = QColor("white").rgb()
    return sum(
        image.pixel(x, y) != white
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )


def test_both_charts_at_print_resolution(qapp):
    ratings = [
        AllianceRatingRow(
            date(2026, 9, 7) + timedelta(weeks=n), n + 1, 5 + n % 3, None if n % 4 else 7
        )
        for n in range(10)
    ]
    charts = render_charts(inputs(ratings))
    for png in (charts.attendance, charts.alliance):
        image = image_of(png)
        assert (image.width(), image.height()) == (WIDTH_INCHES * DPI, HEIGHT_INCHES * DPI)
        assert round(image.dotsPerMeterX() * 0.0254) == DPI
        assert ink(image) > 200


def test_no_ratings_no_alliance_chart_and_a_single_rating_still_draws(qapp):
    assert render_charts(inputs([])).alliance is None
    single = render_charts(inputs([AllianceRatingRow(date(2026, 9, 7), 1, 6, 8)]))
    assert ink(image_of(single.alliance)) > 100
