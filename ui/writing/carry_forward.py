"""Session ▸ Start plan from last session: fills the open note's plan from the one before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from notes.carry_forward import PLAN, carried, earlier_plan

if TYPE_CHECKING:
    from ui.main_window import MainWindow

NO_PLAN_SECTION = "This note's template has no Plan section to carry forward into."
NOTHING_EARLIER = "No earlier session of this client has a plan to carry forward."
SIGNED = "This note is signed; add to it with an addendum instead."


def carry_plan_forward(window: MainWindow) -> None:
    editor = window.workspace.editor
    session = editor.session
    if session is None:
        return
    try:
        box = editor.section_box(PLAN)
    except KeyError:
        editor.status.setText(NO_PLAN_SECTION)
        return
    if box.isReadOnly():
        editor.status.setText(SIGNED)
        return
    service = window.service
    plan = earlier_plan(
        service.sessions(session.client_id),
        session,
        lambda session_id: service.progress_note(session_id).sections.get(PLAN, ""),
    )
    if plan is None:
        editor.status.setText(NOTHING_EARLIER)
        return
    cursor = QTextCursor(box.document())
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(carried(plan, box.toPlainText()))  # one undo step; autosave follows
    editor.show_box(box)
