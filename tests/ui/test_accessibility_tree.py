"""What a screen reader finds: each main view's accessibility tree, walked as Orca walks it,
holds no control that takes the focus without a name."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from tests.ui.helpers import MAIN_DIALOGS, choose_client, choose_session, open_main_dialog

State = QAccessible.State


def unnamed_focusable(root: QWidget, at_least: int = 5) -> list[str]:
    """Each showing control under `root` that can take the focus and has no name, described by
    its role and class; the walk must meet `at_least` controls that take the focus."""
    QAccessible.setActive(True)
    found: list[str] = []
    focusable = 0
    seen: set[int] = set()

    def walk(interface, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 60:
            return
        state = interface.state()
        if state.invisible or (state.offscreen and not state.focusable):
            return
        target = interface.object()
        key = id(target) if target is not None else id(interface)
        if target is not None and key in seen:
            return
        seen.add(key)
        nonlocal focusable
        focusable += state.focusable and not state.disabled
        if state.focusable and not state.disabled and not interface.text(QAccessible.Text.Name):
            kind = type(target).__name__ if target is not None else "?"
            parent = type(target.parent()).__name__ if target is not None else "?"
            found.append(f"{interface.role().name} {kind} in {parent}")
        for index in range(interface.childCount()):
            walk(interface.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    assert focusable >= at_least, "the walk did not reach the controls"
    return found


def test_the_unlock_page(qtbot, window):
    assert unnamed_focusable(window, at_least=2) == []


def test_the_workspace_with_a_note_open(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    qtbot.waitUntil(lambda: open_window.workspace.editor.section_box("subjective").isVisible())
    assert unnamed_focusable(open_window, at_least=15) == []


def test_the_client_page(qtbot, open_window):
    choose_client(qtbot, open_window)
    workspace = open_window.workspace
    workspace.tabs.setCurrentWidget(workspace.client_page)
    qtbot.waitUntil(workspace.client_page.isVisible)
    assert unnamed_focusable(open_window, at_least=25) == []


@pytest.mark.parametrize("kind", MAIN_DIALOGS)
def test_the_main_dialogs(qtbot, open_window, kind):
    dialog = open_main_dialog(qtbot, open_window, kind)
    assert unnamed_focusable(dialog, at_least=4) == []


def heading_levels(root: QWidget) -> dict[str, int | None]:
    """The headings a screen reader lists, by name, with the level each reports (its "level"
    attribute, as Qt hands it to AT-SPI), None for a heading without one."""
    QAccessible.setActive(True)
    found: dict[str, int | None] = {}

    def walk(interface) -> None:
        if interface is None or not interface.isValid() or interface.state().invisible:
            return
        if interface.role() == QAccessible.Role.Heading:
            attributes = interface.attributesInterface()
            level = None
            if attributes is not None and QAccessible.Attribute.Level in (
                attributes.attributeKeys()
            ):
                level = attributes.attributeValue(QAccessible.Attribute.Level)
            found[interface.text(QAccessible.Text.Name)] = level
        for index in range(interface.childCount()):
            walk(interface.child(index))

    walk(QAccessible.queryAccessibleInterface(root))
    return found


def headings(root: QWidget) -> list[str]:
    """The names of the headings a screen reader lists."""
    return list(heading_levels(root))


def test_section_titles_are_headings(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    workspace = open_window.workspace
    qtbot.waitUntil(lambda: workspace.editor.section_box("subjective").isVisible())
    shown = headings(open_window)
    assert {
        "Clients",
        "Sessions",
        "Progress note",
        "Private process note",
        "Transference and countertransference",
    } <= set(shown)
    workspace.tabs.setCurrentWidget(workspace.client_page)
    qtbot.waitUntil(workspace.client_page.isVisible)
    shown = headings(open_window)
    assert "ML-01 · Maya Lindqvist" in shown  # the page's title
    assert {"Sessions and attendance", "Measures and alliance"} <= set(shown)
    assert "Progress note" not in shown  # the note's tab is hidden behind


def test_headings_say_their_level_page_title_first_then_sections(qtbot, open_window):
    choose_client(qtbot, open_window)
    choose_session(qtbot, open_window, 0)
    workspace = open_window.workspace
    qtbot.waitUntil(lambda: workspace.editor.section_box("subjective").isVisible())
    levels = heading_levels(open_window)
    assert levels[workspace.editor.title.text()] == 1  # the note's title
    assert [levels["Clients"], levels["Sessions"]] == [1, 1]  # each pane's title
    assert {
        name: levels[name]
        for name in (
            "Progress note",
            "Private process note",
            "Transference and countertransference",
        )
    } == {
        "Progress note": 2,
        "Private process note": 2,
        "Transference and countertransference": 2,
    }
    workspace.tabs.setCurrentWidget(workspace.client_page)
    qtbot.waitUntil(workspace.client_page.isVisible)
    levels = heading_levels(open_window)
    assert levels["ML-01 · Maya Lindqvist"] == 1
    assert levels["Sessions and attendance"] == 2
    assert levels["Measures and alliance"] == 2
    ruptures = workspace.alliance_sections.alliance.ruptures_heading.text()
    assert levels[ruptures] == 3  # a part of the alliance section
    assert None not in levels.values()
