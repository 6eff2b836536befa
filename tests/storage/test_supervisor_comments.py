"""The round trip in a real vault: a report exported, commented by the supervisor (python-docx's
comments API, as Word would), read back and kept beside the right session, once."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn

from notes.reports.builder import supervision_report
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import Period
from notes.reports.returned import read_returned
from storage.report_data import ReportData
from storage.supervisor_comments import NotThisVaultsReport, SupervisorComments

PERIOD = Period(date(2026, 9, 1), date(2026, 9, 30))


def exported(vault, client_id: int) -> bytes:
    inputs = ReportData(vault).supervision_inputs(client_id, PERIOD)
    inputs.questions = "Am I going too fast?"
    return report_to_docx(supervision_report(inputs, prepared_on=date(2026, 10, 1)))


def with_comments(
    content: bytes, notes: list[tuple[str, str]], renamed: dict[str, str] | None = None
) -> bytes:
    """`content` commented by the supervisor; `renamed` changes bookmark names first, as a
    report from another vault, or tampered with, would have them."""
    document = Document(io.BytesIO(content))
    for mark in document.element.body.iter(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name"))
        mark.set(qn("w:name"), (renamed or {}).get(name, name))
    for text, comment in notes:
        paragraph = next(p for p in document.paragraphs if text in p.text)
        document.add_comment(paragraph.runs, text=comment, author="Jo Super", initials="JS")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_comments_are_kept_beside_their_session_and_only_once(vault, add_client, add_session):
    client = add_client("Maya Lindqvist", "ML-01")
    first = add_session(client.id, datetime(2026, 9, 7, 9))
    second = add_session(client.id, datetime(2026, 9, 14, 9))
    returned = with_comments(
        exported(vault, client.id),
        [
            ("Session 2 · Mon 14 Sep 2026", "What made you stop here?"),
            ("Am I going too fast?", "Not too fast; let's talk about pace."),
        ],
    )
    comments = SupervisorComments(vault)
    read = comments.keep(read_returned(returned))
    assert (read.added, read.on_sessions, read.elsewhere) == (2, 1, 1)
    assert "2 comments kept as supervision feedback" in read.sentence()
    [on_second] = comments.for_session(second.id)
    assert on_second.text == "What made you stop here?"
    assert on_second.author == "Jo Super"
    assert on_second.heading().startswith("Jo Super, ") and "On this session" in on_second.heading()
    assert comments.for_session(first.id) == []
    on_report = [c for c in comments.for_client(client.id) if c.session_id is None]
    assert on_report[0].describe_place() == "On the section Questions for supervision"
    again = comments.keep(read_returned(returned))
    assert (again.added, again.already_kept) == (0, 2)
    assert len(comments.for_client(client.id)) == 2
    assert vault.read_one(
        "SELECT count(*) FROM audit_log WHERE action = 'supervisor comments read'"
    ) == (1,)


def test_a_session_of_another_client_is_not_trusted(vault, add_client, add_session):
    maya = add_client("Maya Lindqvist", "ML-01")
    other = add_client("Daniel Okafor", "DO-01")
    add_session(maya.id, datetime(2026, 9, 7, 9))
    theirs = add_session(other.id, datetime(2026, 9, 8, 9))
    [mine] = ReportData(vault).supervision_inputs(maya.id, PERIOD).sessions
    returned = with_comments(
        exported(vault, maya.id),
        [("Session 1 ·", "A comment.")],
        {f"alliance_session_{mine.session.id}": f"alliance_session_{theirs.id}"},
    )
    read = SupervisorComments(vault).keep(read_returned(returned))
    assert read.on_sessions == 0
    assert SupervisorComments(vault).for_session(theirs.id) == []


def test_a_report_from_elsewhere_is_refused_in_plain_words(vault, add_client, add_session):
    client = add_client("Maya Lindqvist", "ML-01")
    add_session(client.id, datetime(2026, 9, 7, 9))
    returned = with_comments(
        exported(vault, client.id),
        [("Session 1", "x")],
        {f"alliance_client_{client.id}": "alliance_client_999"},
    )
    with pytest.raises(NotThisVaultsReport, match="not exported from this vault"):
        SupervisorComments(vault).keep(read_returned(returned))


def test_the_demo_has_supervisor_comments_beside_sessions(vault):
    from notes.demo.supervisor_comments import COMMENTS
    from storage.demo import write_demo

    write_demo(vault)
    client_id = ReportData(vault).client_id_for_code("TH-01")
    kept = SupervisorComments(vault).for_client(client_id)
    assert len(kept) == sum(comment.code == "TH-01" for comment in COMMENTS)
    assert all(comment.session_id is not None for comment in kept)
    assert all(comment.author == "Dr Ruth Okonkwo" for comment in kept)


def kept_on_session(vault, client_id: int, session_id: int, *texts: str) -> list:
    from notes.reports.anchors import Anchor, AnchorKind
    from notes.reports.returned import ReturnedComment, ReturnedReport

    anchor = Anchor(AnchorKind.SESSION, str(session_id))
    comments = SupervisorComments(vault)
    returned = [ReturnedComment(anchor, "Jo Super", None, text, "") for text in texts]
    comments.keep(ReturnedReport(client_id, returned))
    return comments.for_client(client_id)


def test_a_comment_is_marked_done_and_opened_again_with_an_audit_line_each(
    vault, add_client, add_session
):
    client = add_client("Maya Lindqvist", "ML-01")
    held = add_session(client.id, datetime(2026, 9, 7, 9))
    first, second = kept_on_session(vault, client.id, held.id, "Slow down.", "Ask about pace.")
    assert first.is_open and second.is_open
    comments = SupervisorComments(vault)
    assert comments.set_done(first.id, date(2026, 10, 2)) == client.id
    done, still = comments.for_client(client.id)
    assert (done.done_on, done.is_open, still.is_open) == (date(2026, 10, 2), False, True)
    assert comments.for_session(held.id)[0].done_on == date(2026, 10, 2)
    assert comments.set_done(first.id, None) == client.id
    assert all(c.is_open for c in comments.for_client(client.id))
    lines = vault.read(
        "SELECT action, record FROM audit_log WHERE action LIKE 'supervisor comment %' ORDER BY id"
    )
    assert lines == [
        ("supervisor comment done", f"client {client.id}, supervisor comment {first.id}"),
        ("supervisor comment reopened", f"client {client.id}, supervisor comment {first.id}"),
    ]
    assert comments.set_done(9999, date(2026, 10, 2)) is None  # no such comment: nothing written
    assert len(vault.read("SELECT 1 FROM audit_log WHERE action LIKE 'supervisor comment %'")) == 2


def test_the_done_column_is_added_once_whatever_the_step_number(vault):
    from storage import schema

    connection = vault._require_open()
    # migration 15's step again, on a vault that has the column: nothing changes, nothing fails
    schema._add_column(connection, "supervisor_comments", "done_on TEXT")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(supervisor_comments)")]
    assert columns.count("done_on") == 1
