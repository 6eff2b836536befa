"""The report's rows made from the clinical records: the wording and the tallies a supervisor reads.

storage/report_data.py reads the records and picks those in the period; every phrase and count
the report shows is made here, so storage returns data and the wording is tested with the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from notes import alliance, conduct
from notes.observations import Observation
from notes.reports.inputs import (
    AllianceEvent,
    AllianceRatingRow,
    BoundaryEventRow,
    ConductLine,
    ContractTerm,
    GoalRow,
    ObservationRow,
)

DISCUSSED_IN_SUPERVISION = "Discussed in supervision"


def contract_rows(
    client_id: int, saved: list[alliance.ContractItem], goals: list[alliance.Goal]
) -> list[ContractTerm]:
    """The contract as it stands; once anything is recorded, every term shows, because one
    never explained is worth discussing. Nothing recorded at all leaves the section out."""
    if not saved and not goals:
        return []
    return [
        ContractTerm(item.label, item.explained_on, item.agreed, item.notes)
        for item in alliance.full_contract(client_id, saved)
    ]


def goal_row(goal: alliance.Goal) -> GoalRow:
    """A goal with its status, and the review note after it when there is one."""
    note = f": {goal.review_note}" if goal.review_note.strip() else ""
    return GoalRow(goal.text, goal.status.label + note, goal.agreed_on)


def rating_row(rating: alliance.AllianceRating, on: date, session_number: int) -> AllianceRatingRow:
    """One session's check as the means of both raters, to one decimal, and their gap in words."""
    therapist = rating.mean(alliance.Rater.THERAPIST)
    client = rating.mean(alliance.Rater.CLIENT)
    return AllianceRatingRow(
        on,
        session_number,
        None if therapist is None else round(float(therapist), 1),
        None if client is None else round(float(client), 1),
        alliance.describe_difference(rating.mean_difference()),
    )


def rupture_row(rupture: alliance.Rupture, on: date, session_number: int) -> AllianceEvent:
    """The rupture on the day of its session: "Rupture (withdrawal)" and its markers."""
    return AllianceEvent(
        on,
        f"Rupture ({rupture.kind.label.lower()})",
        "; ".join(rupture.marker_labels()),  # each label starts capitalised: no commas
        rupture.what_happened,
        session_number,
    )


def repair_row(rupture: alliance.Rupture, on: date, session_number: int) -> AllianceEvent:
    """The rupture's repair in the session given (which one: notes.alliance.repair_session_id)."""
    return AllianceEvent(
        on, rupture.repair.label, "", rupture.how_repaired, session_number, is_repair=True
    )


def observation_row(item: Observation, category: str, on: date) -> ObservationRow:
    """An observation with its category's label; only the notes the therapist wrote show."""
    notes = (
        ("What happened", item.what_happened),
        ("What I felt", item.what_i_felt),
        ("How I responded", item.how_i_responded),
    )
    return ObservationRow(
        kind=item.kind.label,
        category=category,
        on=on,
        quoted=item.quote,
        notes=tuple((label, text) for label, text in notes if text.strip()),
        intensity=item.intensity,
        flagged=item.supervision,
        figure=item.figure,
        id=item.id,
        session_id=item.session_id,
    )


def conduct_rows(
    checks: Iterable[conduct.ConductCheck], prompts: conduct.PromptSet
) -> tuple[list[ConductLine], list[str]]:
    """How often each prompt was met over the answered checks given, in the prompt set's group
    order (prompts of a group no longer in the set last), and the patterns as sentences.

    A "not applicable" answer is not counted; a prompt reworded since shows its newest wording.
    """
    done = [check for check in checks if check.state is conduct.CheckState.DONE]
    lines: dict[str, list] = {}  # prompt key: [group, wording, answered, yes]
    for check in done:
        for answer in check.answers:
            if answer.answer is conduct.Answer.NOT_APPLICABLE:
                continue
            line = lines.setdefault(answer.prompt_key, [answer.group, "", 0, 0])
            line[1] = answer.prompt_text  # the newest wording asked
            line[2] += 1
            line[3] += answer.answer is conduct.Answer.YES
    order = {group.key: index for index, group in enumerate(prompts.groups)}
    table = [
        ConductLine(prompts.group(group).label, text, answered, yes)
        for group, text, answered, yes in sorted(
            lines.values(), key=lambda line: order.get(line[0], len(order))
        )
    ]
    patterns = [
        f"{pattern.group.label}: {pattern.text} — {pattern.summary}."
        for pattern in conduct.conduct_patterns(done, prompts)
    ]
    return table, patterns


def boundary_row(event: alliance.BoundaryEvent) -> BoundaryEventRow:
    return BoundaryEventRow(
        event.occurred_on,
        event.dimension_label,
        event.kind.label,
        event.what_happened,
        DISCUSSED_IN_SUPERVISION if event.discussed_in_supervision else "",
    )
