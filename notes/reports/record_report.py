"""The clinical record for a records request: progress notes and their signed addenda.

Process notes are the therapist's private analysis ("psychotherapy notes" in US law, 45 CFR
164.501) and are normally withheld from a records request; they are added only when the
therapist has explicitly chosen to include them. A record release names the client: it is the
client's own record, so it is never de-identified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from notes.records import Client
from notes.reports.builder import confidential_report, session_blocks
from notes.reports.inputs import Period, SessionRecord, format_date
from notes.reports.model import Block, Heading, Paragraph, Report


@dataclass
class RecordInputs:
    client: Client
    period: Period
    sessions: list[SessionRecord]  # in the period, oldest first
    therapist: str = ""


def record_report(
    inputs: RecordInputs, include_process_notes: bool = False, prepared_on: date | None = None
) -> Report:
    client = inputs.client
    blocks: list[Block] = [
        Paragraph(client.full_name, label="Client: "),
        Paragraph(client.code, label="Client code: "),
        Paragraph(format_date(client.start_date), label="First session: "),
        Paragraph(inputs.period.label(), label="Period: "),
    ]
    if inputs.therapist.strip():
        blocks.append(Paragraph(inputs.therapist.strip(), label="Therapist: "))
    blocks.append(Paragraph(format_date(prepared_on or date.today()), label="Prepared: "))
    blocks.append(
        Paragraph(
            "This record holds the progress notes for the period with their signed addenda, "
            "and the therapist's process notes, included by the therapist's explicit choice."
            if include_process_notes
            else "This record holds the progress notes for the period with their signed "
            "addenda. The therapist's private process notes are not part of it."
        )
    )
    blocks.append(Heading("Sessions"))
    if not inputs.sessions:
        blocks.append(Paragraph("No sessions were recorded in this period."))
    for record in inputs.sessions:
        blocks += session_blocks(record, progress=True, process=include_process_notes)
    return confidential_report(
        "Clinical record",
        client.full_name,
        client.code,
        inputs.therapist,
        subject="Clinical record",
        comments="Confidential clinical record.",
        blocks=blocks,
    )
