"""PHQ-9 and GAD-7 as shipped: exact published wording, sums and bands against hand-computed
cases, and item 9 raised the moment it is answered above 0."""

from __future__ import annotations

import pytest

from notes.measures.flags import flag_message, risk_note_text
from notes.measures.instruments import instrument, instruments
from notes.measures.scoring import MeasureResponse, band_of, describe_score, score_of

PFIZER = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with "
    "an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
    "display or distribute."
)


def test_the_free_instruments_are_shipped_and_the_restricted_ones_are_not():
    assert [i.name for i in instruments()] == ["PHQ-9", "GAD-7"]
    assert all(i.licence == PFIZER for i in instruments())


def test_phq9_has_its_published_items_time_frame_options_and_closing_question():
    phq = instrument("phq9")
    assert phq.instructions == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert [label for _, label in phq.options] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    assert [value for value, _ in phq.options] == [0, 1, 2, 3]
    assert phq.items[0].text == "Little interest or pleasure in doing things"
    assert phq.items[8].text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert len(phq.items) == 9
    assert phq.closing is not None and phq.closing.text.startswith(
        "If you checked off any problems, how difficult have these problems made it for you"
    )
    assert [label for _, label in phq.closing.options] == [
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ]


def test_gad7_has_its_published_items():
    gad = instrument("gad7")
    assert [item.text for item in gad.items] == [
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ]
    # The published form ends with the same difficulty question as the PHQ-9's, unscored.
    assert gad.closing is not None and gad.closing == instrument("phq9").closing


def _answers(key: str, values: list[int]) -> dict[str, int]:
    return {item.key: value for item, value in zip(instrument(key).items, values, strict=True)}


@pytest.mark.parametrize(
    ("values", "score", "band"),
    [
        ([0] * 9, 0, "Minimal"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "Minimal"),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "Mild"),
        ([2, 2, 1, 1, 1, 1, 1, 0, 0], 9, "Mild"),
        ([2, 2, 2, 1, 1, 1, 1, 0, 0], 10, "Moderate"),
        ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "Moderate"),
        ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "Moderately severe"),
        ([3, 3, 3, 2, 2, 2, 2, 1, 1], 19, "Moderately severe"),
        ([3, 3, 3, 3, 2, 2, 2, 1, 1], 20, "Severe"),
        ([3] * 9, 27, "Severe"),
    ],
)
def test_phq9_sums_and_bands_at_every_edge(values, score, band):
    response = MeasureResponse(1, "phq9", _answers("phq9", values))
    assert response.score == score
    assert response.band.label == band


@pytest.mark.parametrize(
    ("values", "score", "band"),
    [
        ([0] * 7, 0, "Minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "Minimal"),
        ([1, 1, 1, 1, 1, 0, 0], 5, "Mild"),
        ([2, 2, 2, 1, 1, 1, 0], 9, "Mild"),
        ([2, 2, 2, 2, 1, 1, 0], 10, "Moderate"),
        ([2, 2, 2, 2, 2, 2, 2], 14, "Moderate"),
        ([3, 2, 2, 2, 2, 2, 2], 15, "Severe"),
        ([3] * 7, 21, "Severe"),
    ],
)
def test_gad7_sums_and_bands_at_every_edge(values, score, band):
    response = MeasureResponse(1, "gad7", _answers("gad7", values))
    assert (response.score, response.band.label) == (score, band)


def test_a_partial_form_has_no_score_and_says_how_far_it_got():
    response = MeasureResponse(1, "gad7", {"nervous": 3, "relaxing": 2})
    assert response.score is None and response.band is None
    assert describe_score(response) == "GAD-7: 2 of 7 items answered"
    assert band_of(instrument("gad7"), None) is None


def test_an_answer_outside_the_options_is_refused():
    with pytest.raises(ValueError):
        score_of(instrument("gad7"), _answers("gad7", [4, 0, 0, 0, 0, 0, 0]))


def test_item_9_above_zero_is_raised_at_once_even_before_the_form_is_complete():
    assert MeasureResponse(1, "phq9", {"thoughts_of_death": 0}).raised_flags() == []
    raised = MeasureResponse(1, "phq9", {"thoughts_of_death": 1}).raised_flags()
    assert [flag.item for flag in raised] == ["thoughts_of_death"]
    assert MeasureResponse(1, "gad7", _answers("gad7", [3] * 7)).raised_flags() == []


def test_the_item_9_message_is_plain_and_never_a_diagnosis():
    phq = instrument("phq9")
    flag = phq.flags[0]
    message = flag_message(phq, flag, 1)
    assert message.startswith("PHQ-9 item 9: the client answered “Several days” to thoughts")
    assert "not a diagnosis" in message
    note = risk_note_text(phq, flag, 2, session_number=7)
    assert note.startswith("Risk note, session 7: on PHQ-9 item 9 the client answered “More than")
