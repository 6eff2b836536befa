"""The client page in a narrow column (the window at its smallest, as on a 1920×1080 screen at
200%): it scrolls down, never sideways, and its words wrap instead of running off the edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from storage.demo import write_demo
from tests.ui.helpers import choose_client


@pytest.fixture
def caseload(caseload_from):
    return caseload_from(write_demo)  # every kind of section, filled


def test_every_demo_clients_page_fits_its_column_at_200_percent(qtbot, open_window):
    open_window.resize(960, 540)  # 1920×1080 at 200%, in logical pixels
    workspace = open_window.workspace
    for row in range(workspace.clients.rowCount()):
        choose_client(qtbot, open_window, row)
        workspace.tabs.setCurrentWidget(workspace.client_page)
        page = workspace.client_page
        qtbot.waitUntil(lambda page=page: page.heading.text() != "")
        qtbot.wait(20)
        assert page.horizontalScrollBar().maximum() == 0, page.heading.text()
        body = page.widget()
        # Each line of text on the page ends inside the column.
        right = page.viewport().width()
        for label in body.findChildren(QLabel):
            if label.isVisible() and label.text():
                edge = label.mapTo(body, label.rect().topRight()).x()
                assert edge <= right, (page.heading.text(), label.text()[:40])
