"""The supervision report's "Measures and alliance" section, gathered from a real vault: scores
and bands, reliable change from the first score, item 9, the repair that held, calibration,
the timeline as a table, and the statement that the alliance check is Alliance's own."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notes.alliance import AllianceRating, Repair, Rupture, RuptureKind
from notes.measures.instruments import instrument
from notes.measures.scoring import MeasureResponse
from notes.reports.builder import supervision_report, supervision_sweep
from notes.reports.inputs import Period, ReportSection
from notes.reports.measures_section import OWN_CHECK, TITLE
from notes.reports.model import Table
from storage.alliance import AllianceRepository
from storage.measures import MeasureRepository
from storage.report_data import ReportData

START = datetime(2026, 1, 5, 9)


def _phq(values: list[int]) -> dict[str, int]:
    return {i.key: v for i, v in zip(instrument("phq9").items, values, strict=True)}


def test_the_section_holds_scores_change_flags_repairs_and_the_timeline(
    vault, add_client, add_session
):
    client = add_client("Maya Lindqvist", code="ML-01")
    sessions = [add_session(client.id, START + timedelta(weeks=w)) for w in range(8)]
    measures, alliance = MeasureRepository(vault), AllianceRepository(vault)
    measures.save(MeasureResponse(sessions[0].id, "phq9", _phq([2, 2, 2, 2, 2, 2, 2, 1, 1])))
    measures.save(MeasureResponse(sessions[7].id, "phq9", _phq([1, 1, 1, 1, 1, 1, 0, 0, 0])))
    for session, (mine, theirs) in zip(
        sessions, [(8, 6), (8, 6), (8, 7), (7, 3), (8, 6), (8, 7), (8, 7), (9, 8)], strict=True
    ):
        alliance.save_rating(
            AllianceRating(session.id, {"comfortable": theirs}, {"comfortable": mine})
        )
    alliance.save_rupture(
        Rupture(sessions[3].id, RuptureKind.WITHDRAWAL, repair=Repair.REPAIRED,
                repair_session_id=sessions[4].id)
    )  # fmt: skip
    inputs = ReportData(vault).supervision_inputs(
        client.id, Period(date(2026, 1, 1), date(2026, 3, 31))
    )
    report = supervision_report(inputs, {ReportSection.MEASURES}, prepared_on=date(2026, 4, 1))
    texts = report.texts()
    assert TITLE in texts and OWN_CHECK in texts
    # 16 → 6 with S_diff = 3.52·√0.22 = 1.651: RC −6.06, from ≥10 to below it.
    assert any(
        t.startswith("PHQ-9: 6 (Mild) in session 8")
        and "16 → 6 (RC -6.06): reliable improvement, clinically significant" in t
        for t in texts
    )
    # The note on method: the rule with its figures, and the NHS Talking Therapies thresholds.
    assert any(
        t.startswith("PHQ-9: a change of 4 points or more is reliable (Jacobson and Truax 1991")
        and t.endswith("would count a fall of 6 points as reliable improvement and 10 or more as "
                       "caseness.")
        for t in texts
    )  # fmt: skip
    assert any(
        t.startswith("Session 1: PHQ-9 item 9: the client answered “Several days”") for t in texts
    )
    assert any(
        t.startswith("Rupture in session 4: Client's check before: 6.0, 6.0, 7.0") for t in texts
    )
    # Over by 2, 2, 1, 4, 2, 1, 1, 1: the kind note gives the figures and the widest gaps.
    assert any(
        "Your estimates run above what clients tell you: by 1.8 on average, and by more than 1 "
        "in 4 of 8 checks."
        in t
        and t.endswith("The widest: session 4 (+4.0), session 1 (+2.0), session 2 (+2.0).")
        for t in texts
    )
    [table] = [b for b in report.blocks if isinstance(b, Table)]
    # One row per session, one column per kind of point.
    assert table.header[:3] == ("Date", "Session", "PHQ-9")
    assert table.rows[0][:3] == (
        "05 Jan 2026",
        "1",
        "16 of 27 · Moderately severe · item 9 above 0",
    )
    assert any("No permission required to reproduce" in t for t in texts)


def test_no_measures_and_no_alliance_leave_the_section_out(vault, add_client, add_session):
    client = add_client("Sam Novak", code="SN-01")
    add_session(client.id, START)
    inputs = ReportData(vault).supervision_inputs(
        client.id, Period(date(2026, 1, 1), date(2026, 3, 31))
    )
    assert inputs.measures is None
    assert TITLE not in supervision_report(inputs, {ReportSection.MEASURES}).texts()


def test_remove_dates_leaves_only_years_in_the_timeline_table(vault, add_client, add_session):
    client = add_client("Maya Lindqvist", code="ML-01")
    session = add_session(client.id, START)
    MeasureRepository(vault).save(
        MeasureResponse(session.id, "gad7", {i.key: 1 for i in instrument("gad7").items})
    )
    inputs = ReportData(vault).supervision_inputs(
        client.id, Period(date(2026, 1, 1), date(2026, 3, 31))
    )
    report = supervision_report(inputs, {ReportSection.MEASURES}, remove_dates=True)
    [table] = [b for b in report.blocks if isinstance(b, Table)]
    assert "Jan" not in table.rows[0][0] and "05" not in table.rows[0][0]


def test_the_sweep_leaves_alliances_own_wording_and_finds_the_therapists(
    vault, add_client, add_session
):
    client = add_client("Maya Lindqvist", code="ML-01")
    sessions = [add_session(client.id, START + timedelta(weeks=w)) for w in range(2)]
    measures = MeasureRepository(vault)
    measures.save(MeasureResponse(sessions[0].id, "phq9", _phq([2, 2, 2, 2, 2, 2, 2, 1, 0])))
    measures.save(MeasureResponse(sessions[1].id, "phq9", _phq([1, 1, 1, 1, 1, 1, 0, 0, 0])))
    AllianceRepository(vault).save_rupture(
        Rupture(sessions[1].id, RuptureKind.WITHDRAWAL, what_happened="She quoted Truax at work.")
    )
    inputs = ReportData(vault).supervision_inputs(
        client.id, Period(date(2026, 1, 1), date(2026, 3, 31))
    )
    texts = supervision_report(inputs, {ReportSection.MEASURES}).texts()
    assert any("Jacobson and Truax 1991" in t for t in texts)  # the note on method is there
    assert any("Pfizer Inc." in t for t in texts)  # and the licence
    found = {each.text: each for each in supervision_sweep(inputs)}
    # Alliance's fixed text (note on method, licences) raises nothing; the therapist's own
    # words with the same name still do.
    assert not {"Jacobson", "Talking Therapies", "SDs", "Pfizer Inc", "Kurt Kroenke"} & set(found)
    assert found["Truax"].context.endswith("She quoted Truax at work.")
    written = sum(t.count("quoted Truax") for t in supervision_report(inputs).texts())
    assert found["Truax"].count == written  # the note on method's "Truax" is not counted
