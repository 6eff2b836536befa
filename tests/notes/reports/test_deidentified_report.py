"""Issue 14 at the level of the report: every client replaced in any part of the .docx as a
reader sees it, codes and the therapist left alone, dates removed when asked, the sweep."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from notes.records import Client
from notes.reports.builder import supervision_report, supervision_sweep
from notes.reports.docx_writer import report_to_docx
from notes.reports.inputs import ConductLine, ObservationRow
from notes.sweep import FindingKind
from tests.helpers import (
    all_text,
    as_a_reader_sees,
    headings,
    leaks,
    open_docx,
    reader_leaks,
    xml_parts,
)
from tests.notes.reports.test_docx_writer import client, full_inputs, record

DANIEL = Client("DX-02", "Daniel Okafor", date(2025, 3, 1), ["Harbour Bank"], id=2)


def test_other_clients_are_replaced_by_their_own_code_everywhere():
    inputs = full_inputs(
        other_clients=[DANIEL],
        sessions=[record(1, {"subjective": "Saw Daniel Okafor in the waiting room."})],
        observations=[
            ObservationRow("Transference", "Like Daniel with his father", date(2026, 9, 7))
        ],
        conduct=[ConductLine("Empathy", "Named it, as with Daniel", 2, 1)],
    )
    data = report_to_docx(supervision_report(inputs))
    text = all_text(open_docx(data))
    assert "Saw DX-02 in the waiting room." in text
    assert "Like DX-02 with his father" in text and "as with DX-02" in text
    assert leaks(data, ["Daniel", "Okafor", "Maya", "Lindqvist"]) == []


def test_the_therapist_is_named_and_codes_are_never_rewritten():
    inputs = full_inputs(
        client=replace(client(), code="MAYA-B"),
        therapist="Maya Okafor",
        supervisor="Jo Lindqvist",
    )
    data = report_to_docx(supervision_report(inputs))
    document = open_docx(data)
    assert headings(document)[0] == ("Title", "Supervision report: MAYA-B")
    assert document.core_properties.author == "Maya Okafor"
    assert document.core_properties.title == "Supervision report MAYA-B"
    text = all_text(document)
    assert "Therapist: Maya Okafor" in text and "Supervisor: Jo Lindqvist" in text
    assert "MAYA-B-B" not in "".join(xml_parts(data).values())


def test_the_privacy_sentence_says_what_was_done():
    kept = all_text(open_docx(report_to_docx(supervision_report(full_inputs()))))
    assert "dates are kept. This is pseudonymisation, not de-identification" in kept
    removed = all_text(
        open_docx(report_to_docx(supervision_report(full_inputs(), remove_dates=True)))
    )
    assert "dates are removed" in removed and "pseudonymisation" not in removed


def test_removing_dates_counts_weeks_of_therapy_and_keeps_years():
    inputs = full_inputs(
        sessions=[record(1, {"subjective": "Seen 14 Sep 2026; next on 21 September."})]
    )
    document = open_docx(report_to_docx(supervision_report(inputs, remove_dates=True)))
    text = all_text(document)
    session_headings = [t for style, t in headings(document) if style == "Heading 2"]
    weeks = (inputs.sessions[0].session.starts_at.date() - inputs.client.start_date).days // 7
    assert f"Session 11 · week {weeks + 1} of therapy" in session_headings
    assert "Seen 2026; next on [date]." in text
    assert "Sep 2026" not in text and "Period: 2026 – 2026" in text


def test_the_sweep_lists_what_is_not_replaced():
    note = (
        "Okafor rang. She met Mr Brennigan at Storgatan 12, mail maya.l@example.org or "
        "jb@example.net, "
        "call +46 70 123 45 67, see www.example.org/x. Born on 3 May 1990, MRN 884213. "
        "Then Brennigan again."
    )
    inputs = full_inputs(sessions=[record(1, {"subjective": note})], other_clients=[DANIEL])
    found = {(each.kind, each.text): each for each in supervision_sweep(inputs)}
    # A run of capitalised words is one finding, so one click adds the whole.
    assert "Mr Brennigan at" in found[(FindingKind.CAPITALISED, "Mr Brennigan")].context
    assert found[(FindingKind.CAPITALISED, "Brennigan")].context == "Then Brennigan again."
    # An address holding the name is replaced whole; another is listed.
    assert (FindingKind.EMAIL, "maya.l@example.org") not in found
    assert found[(FindingKind.EMAIL, "jb@example.net")].count == 1
    kinds = {kind for kind, _text in found}
    assert {
        FindingKind.EMAIL,
        FindingKind.PHONE,
        FindingKind.URL,
        FindingKind.ADDRESS,
        FindingKind.BIRTH_DATE,
        FindingKind.RECORD_NUMBER,
    } <= kinds
    # Known names, the codes, the therapist and the report's own wording are not findings.
    texts = {text for _kind, text in found}
    assert not texts & {"Okafor", "Daniel", "ML-01", "DX-02", "Ann", "Example", "Jo", "Super"}
    assert not {"Countertransference", "Transference", "Session", "Sep"} & texts


def test_the_sweep_lists_a_common_word_name_where_a_reader_could_not_tell():
    hope = replace(client(), full_name="Hope Berg", identifying_terms=[])
    inputs = full_inputs(
        client=hope, sessions=[record(1, {"subjective": "Hope came late. I hope it helps."})]
    )
    found = [(each.kind, each.text) for each in supervision_sweep(inputs)]
    assert (FindingKind.NAME_OR_WORD, "Hope") in found
    # Each place is listed with its own sentence, to be decided on its own.
    twice = replace(inputs, sessions=[record(1, {"subjective": "Hope came. Hope is gone."})])
    places = [each for each in supervision_sweep(twice) if each.kind is FindingKind.NAME_OR_WORD]
    assert [(each.context, each.count) for each in places] == [
        ("Hope came.", 1),
        ("Hope is gone.", 1),
    ]
    anyway = supervision_sweep(inputs, replace_anyway=["Hope"])
    assert (FindingKind.NAME_OR_WORD, "Hope") not in [(each.kind, each.text) for each in anyway]
    text = all_text(open_docx(report_to_docx(supervision_report(inputs, replace_anyway=["Hope"]))))
    assert "ML-01 came late. I hope it helps." in text


INVISIBLE = ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\u200f", "\x1b", "\x0b", "\x85"]


# Each example writes a whole .docx: few examples, and no shrinking (a failure shows its input).
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(
    data=st.data(),
    filler=st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)
def test_no_spelling_of_a_name_is_readable_anywhere_in_the_docx(data, filler):
    spelled = data.draw(
        st.sampled_from(["Maya", "MAYA", "Lindqvist", "lindqvist", "Jonas", "Uppsala"])
    )
    spelled = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD", "NFKD"])), spelled)
    letters = []
    for ch in spelled:
        letters.append(ch)
        if data.draw(st.booleans()):
            letters.append(data.draw(st.sampled_from(INVISIBLE)))
    text = f"{filler} {''.join(letters)}. {filler}"
    inputs = full_inputs(
        sessions=[record(1, {"subjective": text})], questions=text, conduct_patterns=[text]
    )
    data_ = report_to_docx(supervision_report(inputs))
    found = reader_leaks(data_, ["Maya", "Lindqvist", "Jonas", "Uppsala"])
    # The random filler may spell a name itself; it is never the one put in.
    assert [leak for leak in found if leak[1].casefold() not in filler.casefold()] == []


def test_the_sweep_lists_capitalised_names_that_are_also_common_words():
    """Gap (b): "Grace", "Rose" and "Tom" are words too; capitalised inside a sentence they are
    names. Months and weekdays are not; a run of capitals is one finding."""
    note = "I saw Grace and Rose on Monday in March, and Tom from Harbour Lane Books."
    found = {
        each.text
        for each in supervision_sweep(full_inputs(sessions=[record(1, {"subjective": note})]))
    }
    assert {"Grace", "Rose", "Tom", "Harbour Lane Books"} <= found
    assert not {"Monday", "March", "I"} & found


# Each name and term, in spellings a reader reads as it: as written, in capitals, without the
# letters (both ASCII conventions) and in the other normal form.
SØREN = Client("SX-03", "Søren Müller-Łukasz", date(2025, 1, 6), ["Ærøskøbing"], id=3)
SØREN_SPELLINGS = {
    "Søren": ["Søren", "Soren", "Soeren"],
    "Müller": ["Müller", "Muller", "Mueller"],
    "Łukasz": ["Łukasz", "Lukasz"],
    "Ærøskøbing": ["Ærøskøbing", "Aeroskobing", "Aeroeskoebing"],
}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(
    data=st.data(),
    filler=st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)
def test_no_case_form_or_transliteration_of_a_name_is_readable_in_any_part(data, filler):
    """Point 10: random format and control characters, letter case, normal form and ASCII
    spelling inside a name within random text; nowhere in the .docx can a reader read it
    (format characters dropped, NFC, case-folded, ASCII-folded)."""
    name = data.draw(st.sampled_from(sorted(SØREN_SPELLINGS)))
    spelled = data.draw(st.sampled_from(SØREN_SPELLINGS[name]))
    spelled = "".join(ch.swapcase() if data.draw(st.booleans()) else ch for ch in spelled)
    spelled = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD", "NFKC"])), spelled)
    letters = []
    for ch in spelled:
        letters.append(ch)
        if data.draw(st.booleans()):
            letters.append(data.draw(st.sampled_from(INVISIBLE)))
    assume(as_a_reader_sees(spelled) not in as_a_reader_sees(filler))  # the filler may spell it
    text = f"{filler} {''.join(letters)}, {filler}"
    inputs = full_inputs(
        client=SØREN,
        sessions=[record(1, {"subjective": text}, text)],
        questions=text,
        conduct_patterns=[text],
        observations=[ObservationRow("Transference", text, date(2026, 9, 7))],
    )
    assert reader_leaks(report_to_docx(supervision_report(inputs)), [spelled]) == []
