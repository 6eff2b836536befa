"""The report's "Since last supervision": the open action and an undiscussed item, in the Word
file a supervisor opens; left out when nothing is open."""

from __future__ import annotations

from datetime import date

from notes.records import Client
from notes.reports.builder import supervision_report
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import Period, SupervisionInputs
from notes.reports.since_supervision import HEADING
from notes.supervision import AgendaItem, CarriedAction, CarryOver, ItemKind, ItemRef
from tests.helpers import all_text, headings, open_docx

CLIENT = Client("MH-01", "Maren Holt", date(2026, 1, 5), ["Jonas"], id=1)
RUPTURE = AgendaItem(
    1,
    ItemRef(ItemKind.RUPTURE, "4"),
    date(2026, 9, 22),
    "Rupture (withdrawal), not repaired yet",
    "Maren went quiet when Jonas came up",
)


def inputs(carry: CarryOver | None) -> SupervisionInputs:
    period = Period(date(2026, 9, 1), date(2026, 11, 30))
    return SupervisionInputs(CLIENT, period, [], since_supervision=carry)


def test_the_open_action_and_the_undiscussed_item_are_listed_de_identified():
    carry = CarryOver(
        date(2026, 10, 8),
        (CarriedAction(date(2026, 10, 8), "Ask Maren how the fee change landed", "Question"),),
        (RUPTURE,),
    )
    report = supervision_report(inputs(carry), prepared_on=date(2026, 11, 30))
    document = open_docx(report_to_docx(report))
    shown = headings(document)
    assert ("Heading 1", HEADING) in shown
    assert ("Heading 2", "Agreed actions still open") in shown
    assert ("Heading 2", "Brought to supervision, not yet discussed") in shown
    text = all_text(document)
    assert "The last supervision session about this client was on 8 Oct 2026." in text
    assert "Ask MH-01 how the fee change landed (agreed 8 Oct 2026; about: Question)" in text
    assert (
        "Rupture (withdrawal), not repaired yet (22 Sep 2026): MH-01 went quiet when [MH-01 T1]"
        " came up" in text
    )
    assert "Maren" not in text and "Jonas" not in text


def test_nothing_open_leaves_the_section_out():
    for carry in (None, CarryOver(date(2026, 10, 8))):
        report = supervision_report(inputs(carry), prepared_on=date(2026, 11, 30))
        assert HEADING not in {block.text for block in report.blocks if hasattr(block, "text")}


def test_open_questions_lead_the_report_and_are_not_listed_again_here():
    question = AgendaItem(
        1, ItemRef(ItemKind.QUESTION, "7"), date(2026, 11, 2), "Question", "Am I?"
    )
    alone = CarryOver(date(2026, 10, 8), (), (question,))
    report = supervision_report(inputs(alone), prepared_on=date(2026, 11, 30))
    assert HEADING not in {block.text for block in report.blocks if hasattr(block, "text")}

    with_rupture = CarryOver(date(2026, 10, 8), (), (question, RUPTURE))
    text = all_text(open_docx(report_to_docx(supervision_report(inputs(with_rupture)))))
    assert "Rupture (withdrawal), not repaired yet" in text and "Am I?" not in text
