"""The supervision report's "Measures and alliance" section: scores and bands, reliable change
from the first score, item-9 flags, whether each repair held, the timeline as a chart and a
table, and the plain statement that the client alliance check is Alliance's own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from notes.alliance import AllianceRating, Rupture
from notes.measures.calibration import calibration
from notes.measures.change import method_note
from notes.measures.flags import flag_message
from notes.measures.repair_held import repair_held
from notes.measures.scoring import MeasureResponse
from notes.measures.timeline import (
    ALLIANCE_KINDS,
    Timeline,
    measure_summaries,
    timeline,
    timeline_by_session,
)
from notes.observations import Observation
from notes.records import Session
from notes.reports.model import Block, BulletList, Heading, Image, Paragraph, Table

TITLE = "Measures and alliance"
OWN_CHECK = (
    "The client alliance check is Alliance's own short set of five questions (0–10 each), "
    "asked in the therapist's words; it is not a validated instrument, and its scores are not "
    "comparable with the Working Alliance Inventory or any other published measure."
)


@dataclass
class MeasuresInputs:
    timeline: Timeline
    summaries: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    calibration: str = ""
    licences: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)  # how change is judged, per instrument


def measures_inputs(
    sessions: list[Session],
    period_end: date,
    in_period: set[int],
    responses: list[MeasureResponse],
    ratings: list[AllianceRating],
    ruptures: list[Rupture],
    observations: list[Observation],
) -> MeasuresInputs | None:
    """From all the client's sessions (reliable change counts from the very first score) up to
    the period's end; the timeline, flags and repairs are those of the period."""
    upto = [s for s in sessions if s.starts_at.date() <= period_end]
    known = {s.id for s in upto}
    numbers = {s.id: s.number for s in upto}
    responses = [r for r in responses if r.session_id in known]
    in_range = [s for s in upto if s.id in in_period]
    line = timeline(in_range, responses, ratings, ruptures, observations)
    if not line.scores and not line.client_alliance and not line.therapist_alliance:
        return None  # missed sessions alone are the attendance chart's
    flags = [
        f"Session {numbers[r.session_id]}: {flag_message(r.instrument, flag, r.answers[flag.item])}"
        for r in responses
        if r.session_id in in_period
        for flag in r.raised_flags()
    ]
    repairs = []
    for rupture in ruptures:
        if rupture.session_id in in_period:
            held = repair_held(rupture, upto, ratings)
            if held is not None:
                repairs.append(
                    f"Rupture in session {numbers[rupture.session_id]}: {held.describe()}"
                )
    shown = {r.instrument_key: r.instrument for r in responses}
    return MeasuresInputs(
        line,
        measure_summaries(responses, numbers),
        flags,
        repairs,
        calibration([r for r in ratings if r.session_id in in_period]).describe(
            lambda session_id: f"session {numbers.get(session_id, '?')}"
        ),
        [f"{m.name}: {m.licence}" for m in shown.values()],
        [method_note(m) for m in shown.values()],
    )


def own_wording(measures: MeasuresInputs | None) -> set[str]:
    """The section's paragraphs that are Alliance's own fixed text (the note on method, the
    licences, the statement on the alliance check): no identifier can be in them, so the sweep
    before export leaves them out instead of asking about "Truax" or "Pfizer"."""
    if measures is None:
        return set()
    return {OWN_CHECK, *measures.methods, *measures.licences}


def measures_blocks(
    measures: MeasuresInputs | None, chart: bytes | None, alliance_table: bool = False
) -> list[Block]:
    """The section; with `alliance_table` (the report has the alliance ratings table) the
    timeline table leaves the ratings out instead of repeating them."""
    if measures is None:
        return []
    blocks: list[Block] = [Heading(TITLE)]
    if measures.summaries:
        blocks += [
            Heading("Scores, bands and reliable change", 2),
            BulletList(tuple(measures.summaries)),
            *(Paragraph(text) for text in measures.methods),
        ]
    if measures.flags:
        blocks += [Heading("Item 9", 2), BulletList(tuple(measures.flags))]
    if chart:
        blocks.append(
            Image(
                chart,
                "Timeline: symptom scores with the cut-off above; the client's alliance check, "
                "the therapist's estimate, ruptures and countertransference below; missed "
                "sessions on the date axis.",
            )
        )
    if measures.repairs:
        blocks += [Heading("Did the repair hold?", 2), BulletList(tuple(measures.repairs))]
    blocks += [Heading("Calibration of the alliance estimate", 2), Paragraph(measures.calibration)]
    header, rows = timeline_by_session(
        measures.timeline, ALLIANCE_KINDS if alliance_table else frozenset()
    )
    if rows:
        blocks += [Heading("Timeline as a table", 2)]
        if alliance_table:
            blocks.append(Paragraph("The alliance ratings are in the Working alliance section."))
        blocks.append(Table(header, tuple(rows)))
    blocks.append(Paragraph(OWN_CHECK))
    blocks += [Paragraph(text, style="") for text in measures.licences]
    return blocks
