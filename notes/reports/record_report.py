"""The clinical record for a records request: progress notes and their signed addenda.

Process notes are the therapist's private analysis ("psychotherapy notes" in US law, 45 CFR
164.501) and are normally withheld from a records request; they are added only when the
therapist has explicitly chosen to include them. A record release names the client: it is the
client's own record, so it is never de-identified.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from notes.records import Client
from notes.reports.builder import confidential_report, session_blocks
from notes.reports.inputs import Period, SessionRecord, format_date
from notes.reports.model import Block, Heading, Paragraph, Report
from notes.reports.seal import sealed
from notes.vault_seal import VaultSeal

SIGNATURE_LINE = "_" * 40
DRAFT_LEFT_OUT = "The note of this session is an unsigned draft and is not part of this record."


def record_period(today: date, first_session: date | None, client_start: date) -> Period:
    """A record release is of the whole record unless the therapist narrows it: from the first
    session (the start of the case before any) to today."""
    start = min(first_session or client_start, today)
    return Period(start, today)


def without_drafts(sessions: list[SessionRecord]) -> list[SessionRecord]:
    """The sessions with each unsigned progress note taken out: a draft is not yet part of the
    record. The session itself stays (it happened), its process note too."""
    return [
        replace(record, progress=None)
        if record.progress is not None and not record.progress.signed
        else record
        for record in sessions
    ]


@dataclass
class RecordInputs:
    client: Client
    period: Period
    sessions: list[SessionRecord]  # in the period, oldest first
    therapist: str = ""


def record_report(
    inputs: RecordInputs,
    include_process_notes: bool = False,
    prepared_on: date | None = None,
    include_drafts: bool = False,
    seal: VaultSeal | None = None,
) -> Report:
    """The record as a document: who and what it covers, each session with its notes, the vault
    seal, and last the therapist's name, the date and a line to sign on (the signature attests
    everything above it). Unsigned drafts are left out (each such session says so) unless
    `include_drafts`."""
    client = inputs.client
    prepared_on = prepared_on or date.today()
    sessions = inputs.sessions if include_drafts else without_drafts(inputs.sessions)
    drafts = {
        record.session.id
        for record in inputs.sessions
        if record.progress is not None
        and not record.progress.signed
        and record.progress.text().strip()
    }
    blocks: list[Block] = [
        Paragraph(client.full_name, label="Client: "),
        Paragraph(client.code, label="Client code: "),
        Paragraph(format_date(client.start_date), label="First session: "),
        Paragraph(inputs.period.label(), label="Period: "),
    ]
    if inputs.therapist.strip():
        blocks.append(Paragraph(inputs.therapist.strip(), label="Therapist: "))
    blocks.append(Paragraph(format_date(prepared_on), label="Prepared: "))
    blocks.append(
        Paragraph(
            "This record holds the progress notes for the period with their signed addenda, "
            "and the therapist's process notes, included by the therapist's explicit choice."
            if include_process_notes
            else "This record holds the progress notes for the period with their signed "
            "addenda. The therapist's private process notes are not part of it."
        )
    )
    if drafts:
        blocks.append(
            Paragraph(
                "Unsigned draft notes are included, marked as drafts."
                if include_drafts
                else "Unsigned draft notes are not part of this record."
            )
        )
    blocks.append(Heading("Sessions"))
    if not inputs.sessions:
        blocks.append(Paragraph("No sessions were recorded in this period."))
    for record in sessions:
        blocks += session_blocks(record, progress=True, process=include_process_notes)
        if record.session.id in drafts and not include_drafts:
            blocks.append(Paragraph(DRAFT_LEFT_OUT))
    report = confidential_report(
        "Clinical record",
        client.full_name,
        client.code,
        inputs.therapist,
        subject="Clinical record",
        comments="Confidential clinical record.",
        blocks=blocks,
    )
    report = sealed(report, seal)
    attestation = (
        Heading("Attestation"),
        Paragraph(inputs.therapist.strip() or SIGNATURE_LINE, label="Therapist: "),
        Paragraph(format_date(prepared_on), label="Date: "),
        Paragraph(SIGNATURE_LINE, label="Signature: "),
    )
    return replace(report, blocks=(*report.blocks, *attestation))
