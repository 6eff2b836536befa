"""The theme: series colours that read on paper and on a dark desktop, surfaces and the style
sheet made from the palette — and one look: each series has the same colour, line and marker on
the client page and in the Word report, asked of the charts themselves, on a dark desktop too."""

from __future__ import annotations

import re
import struct
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

import resources
from notes.alliance import QUESTIONS, AllianceRating, Repair, Rupture, RuptureKind
from notes.alliance_chart import AllianceSeries
from notes.observations import ObservationKind
from notes.records import Attendance, Client, Session
from notes.reports import inputs as report
from ui.client_page.alliance_chart import AllianceChart
from ui.client_page.alliance_drawing import alliance_layout
from ui.client_page.attendance_timeline import mark_style
from ui.reports import charts
from ui.widgets import surfaces, theme

pytestmark = pytest.mark.gui

DARK_BASE = "#1e1e1e"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, DARK_BASE),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3a6ea5"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#efefef"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Text, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


luminance, contrast = theme.luminance, theme.contrast


def every_series_style() -> list[theme.SeriesStyle]:
    categories = [
        theme.category_style(kind, place) for kind in ObservationKind for place in range(12)
    ]
    return [*theme.ALLIANCE.values(), *theme.ATTENDANCE.values(), *categories]


def test_every_series_colour_reads_on_white_paper_and_on_a_dark_window(qapp):
    for style in every_series_style():
        for ground in ("#ffffff", DARK_BASE):
            assert contrast(style.qcolor(), QColor(ground)) >= 3, (style.colour, ground)


def test_series_differ_by_more_than_colour():
    alliance = [(s.line, s.marker, s.hollow) for s in theme.ALLIANCE.values()]
    assert len(set(alliance)) == len(alliance)
    fills = [s.fill for s in theme.ATTENDANCE.values()]
    assert len(set(fills)) == len(fills)


def test_surfaces_come_from_the_palette(qapp):
    dark, light = theme.surface(dark_palette()), theme.surface(light_palette())
    assert dark.background == QColor(DARK_BASE) and light.background == QColor("#ffffff")
    assert luminance(dark.ink) > 0.7 and luminance(light.ink) < 0.05
    for surface in (dark, light):
        assert contrast(surface.muted, surface.background) >= 3
        assert contrast(surface.ink, surface.background) > contrast(
            surface.muted, surface.background
        )
    assert theme.is_dark(dark_palette()) and not theme.is_dark(light_palette())


@pytest.mark.parametrize("make", [light_palette, dark_palette], ids=["light", "dark"])
def test_tinted_backgrounds_keep_the_text_readable(qapp, make):
    palette = make()
    text = palette.color(QPalette.ColorRole.Text)
    colours = surfaces.style_colours(palette)
    for ground in (
        theme.search_match(palette),
        theme.share_tint(0, palette),
        theme.share_tint(1, palette),
        theme.tag_format(ObservationKind.TRANSFERENCE, palette).background().color(),
        theme.tag_format(ObservationKind.COUNTERTRANSFERENCE, palette).background().color(),
        *(QColor(colours[name]) for name in ("aside", "suggestion", "private", "read_only")),
    ):
        assert contrast(text, ground) >= 7, ground.name()


def test_the_style_sheet_has_every_colour_filled_in_for_either_palette(qapp):
    template = resources.text("style.qss")
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", template)  # colours come from the theme
    for palette in (light_palette(), dark_palette()):
        sheet = surfaces.style_sheet(template, palette)
        assert "@" not in sheet
        assert sheet.count("{") == sheet.count("}")
    dark = surfaces.style_colours(dark_palette())
    heading = QColor(dark["heading"])
    assert contrast(heading, dark_palette().color(QPalette.ColorRole.Window)) >= 4.5


# -- one look on screen and in the report ----------------------------------------------------

KEYS = [q.key for q in QUESTIONS]
START = datetime(2026, 9, 7, 9)
KINDS = [Attendance.ATTENDED, Attendance.ATTENDED, Attendance.NO_SHOW, *[Attendance.ATTENDED] * 3]


def sessions() -> list[Session]:
    return [
        Session(1, START + timedelta(weeks=n), attendance=kind, id=n + 1, number=n + 1)
        for n, kind in enumerate(KINDS)
    ]


def screen_chart(qtbot) -> AllianceChart:
    held = sessions()
    ratings = [
        AllianceRating(s.id, {KEYS[0]: 3 + s.number}, {KEYS[0]: 8}) for s in held if s.number != 3
    ]
    ruptures = [Rupture(2, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED, repair_session_id=4)]
    chart = AllianceChart()
    qtbot.addWidget(chart)
    chart.resize(640, 320)
    chart.show_data(held, ratings, ruptures)
    return chart


def report_inputs() -> report.SupervisionInputs:
    held = sessions()
    return report.SupervisionInputs(
        Client("ML-01", "Maya Lindqvist", date(2026, 6, 1), id=1),
        report.Period(date(2026, 9, 1), date(2026, 12, 31)),
        [report.SessionRecord(s) for s in held],
        alliance=[
            report.AllianceRatingRow(s.starts_at.date(), s.number, 8.0, 3.0 + s.number)
            for s in held
            if s.number != 3
        ],
        alliance_events=[
            report.AllianceEvent(date(2026, 9, 14), "Rupture (withdrawal)", session_number=2),
            report.AllianceEvent(date(2026, 9, 28), "Repaired", session_number=4, is_repair=True),
        ],
    )


def colours_in(image: QImage) -> set[str]:
    """Every colour painted anywhere in the image, as '#rrggbb'."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = set(struct.iter_unpack("=I", bytes(image.constBits())))
    return {f"#{rgb & 0xFFFFFF:06x}" for (rgb,) in pixels}


def test_each_alliance_series_is_placed_alike_on_screen_and_in_the_report(qtbot):
    chart = screen_chart(qtbot)
    screen = chart.chart_layout()
    area, metrics = charts.print_page()
    printed = alliance_layout(area, charts.alliance_points(report_inputs()), metrics, charts.SCALE)
    assert [(w, n) for w, n, _ in screen.points] == [(w, n) for w, n, _ in printed.points]
    assert {which for which, _n, _spot in screen.points} == set(AllianceSeries)
    styles = [charts.alliance_style(which) for which in AllianceSeries]
    assert len({style.colour for style in styles}) == len(styles)  # no two series share one


def test_each_attendance_kind_looks_the_same_on_screen_and_in_the_report():
    for kind in Attendance:
        assert mark_style(kind) == charts.attendance_style(kind), kind


def test_both_alliance_charts_draw_in_those_colours(qtbot):
    report_colours = colours_in(QImage.fromData(charts.render_charts(report_inputs()).alliance))
    screen_colours = colours_in(screen_chart(qtbot).grab().toImage())
    for which in AllianceSeries:
        colour = charts.alliance_style(which).colour
        assert colour in report_colours, (which, "report")
        assert colour in screen_colours, (which, "screen")


def test_on_a_dark_desktop_the_plot_darkens_and_the_series_keep_their_look(qtbot):
    chart = screen_chart(qtbot)
    chart.setPalette(dark_palette())
    painted = colours_in(chart.grab().toImage())
    assert DARK_BASE in painted
    assert "#e6e6e6" in painted  # the labels in the palette's light text
    for which in AllianceSeries:
        assert charts.alliance_style(which).colour in painted, which
    # The report stays on paper whatever the desktop.
    image = QImage.fromData(charts.render_charts(report_inputs()).alliance)
    assert QColor(image.pixel(2, 2)) == QColor("white")
    assert chart.palette().color(QPalette.ColorRole.Base) == QColor(DARK_BASE)
