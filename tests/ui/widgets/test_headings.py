"""A title is a heading to a screen reader, also when one was running before it was built."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.headings import Heading, install_headings


def test_a_title_built_while_a_screen_reader_listens_is_a_heading(qtbot):
    install_headings()
    QAccessible.setActive(True)  # as with Orca running: interfaces are made as widgets are
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    title, plain = Heading("Treatment goals"), QLabel("Two goals agreed.")
    title.setObjectName("sectionHeading")
    layout.addWidget(title)
    layout.addWidget(plain)
    page.show()
    qtbot.waitExposed(page)
    heading = QAccessible.queryAccessibleInterface(title)
    assert heading.role() == QAccessible.Role.Heading
    assert heading.text(QAccessible.Text.Name) == "Treatment goals"
    assert QAccessible.queryAccessibleInterface(plain).role() == QAccessible.Role.StaticText


def test_a_heading_reports_its_level_by_its_kind_or_as_given(qtbot):
    install_headings()
    QAccessible.setActive(True)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    title, section, given = Heading("Maya"), Heading("Goals"), Heading("Ruptures", level=3)
    title.setObjectName("pageTitle")  # named after its interface was made, as the app does
    for each in (title, section, given):
        layout.addWidget(each)
    page.show()
    qtbot.waitExposed(page)

    def level(heading: Heading) -> object:
        attributes = QAccessible.queryAccessibleInterface(heading).attributesInterface()
        assert QAccessible.Attribute.Level in attributes.attributeKeys()
        return attributes.attributeValue(QAccessible.Attribute.Level)

    assert [level(title), level(section), level(given)] == [1, 2, 3]
    assert QAccessible.Attribute.Locale in (
        QAccessible.queryAccessibleInterface(title).attributesInterface().attributeKeys()
    )  # what every widget reports stays
    plain = QAccessible.queryAccessibleInterface(QLabel("plain", page)).attributesInterface()
    assert QAccessible.Attribute.Level not in plain.attributeKeys()
