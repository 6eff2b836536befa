"""The supervision report, built as data (notes/reports/model.py) from plain inputs.

Each section says something or is left out. De-identification is the last step and runs over
every string of the finished report, so no section can forget it: every client's names and
terms become that client's code (the caseload is in the inputs), and with `remove_dates` every
date becomes its year and sessions are counted in weeks of therapy. The sweep
(notes/sweep.py) looks over the same strings for what the replacement did not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from notes.attendance import attendance_counts, kept
from notes.date_removal import without_dates
from notes.deidentify import Deidentifier
from notes.records import ClientStatus
from notes.reports.anchors import client_anchor, observation_anchor, section_anchor, session_anchor
from notes.reports.inputs import (
    ALL_SECTIONS,
    Charts,
    ConductLine,
    ContractTerm,
    ObservationRow,
    ReportSection,
    SessionRecord,
    SupervisionInputs,
    format_date,
)
from notes.reports.measures_section import measures_blocks, own_wording
from notes.reports.model import (
    Block,
    BulletList,
    DocumentProperties,
    Heading,
    Image,
    Paragraph,
    Report,
    Table,
)
from notes.reports.since_supervision import since_supervision_blocks
from notes.session_changes import void_label
from notes.sweep import Finding, sweep
from notes.templates import section_title
from notes.wording import counted

CONFIDENTIAL = "Confidential"


def supervision_report(
    inputs: SupervisionInputs,
    sections: Iterable[ReportSection] = ALL_SECTIONS,
    charts: Charts | None = None,
    deidentify: bool = True,
    prepared_on: date | None = None,
    *,
    remove_dates: bool = False,
    replace_anyway: Iterable[str | tuple[str, str]] = (),
) -> Report:
    """The report; de-identified unless `deidentify` is False, without dates when asked.
    `replace_anyway` holds names that are ordinary words which the therapist chose to replace
    even where they may be the word."""
    report = _laid_out(inputs, sections, charts, deidentify, prepared_on, remove_dates)
    if not deidentify:
        return report
    return explain_tokens(report.map_text(report_names(inputs, replace_anyway).apply))


TOKEN_NOTE = (
    "In brackets after a client code, “T” and a number stand for one of the identifying terms "
    "the therapist recorded for that client (a person, a place, an employer), the same number "
    "for the same term throughout; “e-mail” and “web address” stand for an address that held a "
    "name or a term."
)


def explain_tokens(report: Report) -> Report:
    """The report with a note on the "[ML-01 T1]" tokens after the privacy sentence, when any
    of its strings holds one."""
    pattern = re.compile(
        rf"\[(?:{'|'.join(re.escape(code) for code in report.codes)}) (?:T\d+|e-mail|web address)\]"
    )
    if not report.codes or not any(pattern.search(text) for text in report.texts()):
        return report
    blocks = list(report.blocks)
    at = next(
        (
            i + 1
            for i, block in enumerate(blocks)
            if isinstance(block, Paragraph) and block.text.startswith(_PRIVACY_OPENINGS)
        ),
        0,
    )
    blocks.insert(at, Paragraph(TOKEN_NOTE, label="Bracketed codes: "))
    return replace(report, blocks=tuple(blocks))


def supervision_sweep(
    inputs: SupervisionInputs,
    sections: Iterable[ReportSection] = ALL_SECTIONS,
    *,
    remove_dates: bool = False,
    replace_anyway: Iterable[str | tuple[str, str]] = (),
) -> list[Finding]:
    """What in the de-identified report still looks like an identifier (notes/sweep.py)."""
    report = _laid_out(inputs, sections, Charts(), True, None, remove_dates)
    keep = [inputs.therapist, inputs.supervisor, inputs.client.code]
    keep += [other.code for other in inputs.other_clients]
    own = own_wording(inputs.measures)
    texts = [text for text in report.texts() if text not in own]
    return sweep(texts, report_names(inputs, replace_anyway), keep)


def report_names(
    inputs: SupervisionInputs, replace_anyway: Iterable[str | tuple[str, str]] = ()
) -> Deidentifier:
    """The replacement of every client's names and terms for a report on `inputs.client`; the
    therapist's and the supervisor's names are kept as they are."""
    client = inputs.client
    return Deidentifier(
        client.code,
        client.full_name,
        client.identifying_terms,
        others=inputs.other_clients,
        keep=[inputs.therapist, inputs.supervisor],
        replace_anyway=replace_anyway,
    )


def _laid_out(
    inputs: SupervisionInputs,
    sections: Iterable[ReportSection],
    charts: Charts | None,
    deidentify: bool,
    prepared_on: date | None,
    remove_dates: bool,
) -> Report:
    chosen = set(sections)
    charts = charts or Charts()
    client = inputs.client
    blocks: list[Block] = [
        *_front_matter(inputs, deidentify, prepared_on or date.today(), remove_dates)
    ]
    # The therapist's questions come first: they are what the supervisor is asked to read for;
    # then what carries over from the last supervision.
    if ReportSection.QUESTIONS in chosen:
        blocks += _anchored(ReportSection.QUESTIONS, _questions(inputs.questions))
    blocks += since_supervision_blocks(inputs.since_supervision)
    parts = {
        ReportSection.SUMMARY: lambda: _summary(inputs, charts),
        ReportSection.CONTRACT: lambda: _contract(inputs),
        ReportSection.ALLIANCE: lambda: _alliance(
            inputs,
            # The timeline chart shows both alliance series too: one chart of them is enough.
            charts
            if not (charts.timeline and ReportSection.MEASURES in chosen and inputs.measures)
            else replace(charts, alliance=None),
        ),
        ReportSection.MEASURES: lambda: measures_blocks(
            inputs.measures,
            charts.timeline,
            alliance_table=ReportSection.ALLIANCE in chosen and bool(inputs.alliance),
        ),
        ReportSection.OBSERVATIONS: lambda: _observations(inputs.observations),
        ReportSection.CONDUCT: lambda: _conduct(inputs),
        ReportSection.BOUNDARIES: lambda: _boundaries(inputs),
        ReportSection.SESSIONS: lambda: _sessions(inputs, chosen, remove_dates),
    }
    for section, build in parts.items():
        if section in chosen or (
            section is ReportSection.SESSIONS and ReportSection.PROCESS_NOTES in chosen
        ):
            blocks += _anchored(section, build())
    name = client.code if deidentify else f"{client.full_name} ({client.code})"
    if client.status is ClientStatus.CLOSED:
        name += " (case closed)"
    report = confidential_report(
        "Supervision report",
        name,
        client.code,
        inputs.therapist,
        subject="Clinical supervision",
        comments="Confidential: prepared for clinical supervision.",
        blocks=blocks,
        codes=(client.code, *(other.code for other in inputs.other_clients)),
        anchor=client_anchor(client.id) if client.id is not None else "",
    )
    return report.map_text(without_dates) if remove_dates else report


def _anchored(section: ReportSection, blocks: list[Block]) -> list[Block]:
    """The section's blocks with its bookmark on its heading."""
    if blocks and isinstance(blocks[0], Heading):
        blocks[0] = replace(blocks[0], anchor=section_anchor(section))
    return blocks


def confidential_report(
    kind: str,
    name: str,
    code: str,
    therapist: str,
    subject: str,
    comments: str,
    blocks: Iterable[Block],
    codes: Iterable[str] = (),
    anchor: str = "",
) -> Report:
    """A report of `kind` ("Clinical record") about the client shown as `name`: every page
    headed with the client `code` and "Confidential", and Word's properties naming only the
    code."""
    return Report(
        title=f"{kind}: {name}",
        header=f"{code} · {CONFIDENTIAL}",
        properties=DocumentProperties(
            title=f"{kind} {code}",
            subject=subject,
            author=therapist.strip() or "Alliance",
            keywords=CONFIDENTIAL,
            comments=comments,
            category=kind,
        ),
        blocks=tuple(blocks),
        codes=tuple(codes) or (code,),
        anchor=anchor,
    )


# -- front matter and the case summary -----------------------------------------------------


def _front_matter(
    inputs: SupervisionInputs, deidentify: bool, prepared_on: date, remove_dates: bool
) -> list[Block]:
    lines = [
        Paragraph(inputs.client.code, label="Client: "),
        Paragraph(inputs.period.label(), label="Period: "),
    ]
    if inputs.client.status is ClientStatus.CLOSED:
        lines.append(Paragraph("Closed: therapy with this client has ended.", label="Case: "))
    if inputs.therapist.strip():
        lines.append(Paragraph(inputs.therapist.strip(), label="Therapist: "))
    if inputs.supervisor.strip():
        lines.append(Paragraph(inputs.supervisor.strip(), label="Supervisor: "))
    lines.append(Paragraph(format_date(prepared_on), label="Prepared: "))
    lines.append(Paragraph(privacy_sentence(deidentify, remove_dates)))
    return lines


_PRIVACY_OPENINGS = ("This report names the client", "The names and identifying terms")


def privacy_sentence(deidentify: bool, remove_dates: bool) -> str:
    """What was done to the report, said exactly: names replaced, dates kept or removed."""
    keep_it = "Please keep this report confidential and destroy it after use."
    if not deidentify:
        return "This report names the client. Keep it confidential and destroy it after use."
    names = (
        "The names and identifying terms the therapist recorded for this client, and for the "
        "other clients, are replaced by client codes throughout"
    )
    if remove_dates:
        return (
            f"{names}, and dates are removed (sessions are counted in weeks of therapy, other "
            "dates shown as years). Other details in the notes may still identify the client. "
            + keep_it
        )
    return (
        f"{names}; dates are kept. This is pseudonymisation, not de-identification: the dates "
        "and other details can still identify the client. " + keep_it
    )


def _summary(inputs: SupervisionInputs, charts: Charts) -> list[Block]:
    client = inputs.client
    blocks: list[Block] = [Heading(ReportSection.SUMMARY.label)]
    if client.presenting_problem.strip():
        blocks.append(Paragraph(client.presenting_problem.strip(), label="Presenting problem: "))
    counts = attendance_counts(record.session.attendance for record in inputs.sessions)
    total = len(inputs.sessions)
    blocks.append(
        Paragraph(
            f"In therapy since {format_date(client.start_date)}. "
            f"{counted(total, 'session')} in this period, {kept(counts)} of them held; "
            f"{counted(inputs.sessions_before + total, 'session')} since the start."
        )
    )
    if total:
        rows = [(kind.label, str(count)) for kind, count in counts.items() if count]
        rows.append(("All sessions", str(total)))
        blocks.append(Table(("Attendance", "Sessions"), tuple(rows)))
    if charts.attendance and total:
        blocks.append(
            Image(
                charts.attendance,
                f"Chart: attendance by month, {inputs.period.label()}.",
                width_inches=4.5,  # a few bars: no need for the full width
            )
        )
    return blocks


# -- sections from the records beside the notes --------------------------------------------


def _contract(inputs: SupervisionInputs) -> list[Block]:
    if not inputs.contract and not inputs.goals:
        return []
    blocks: list[Block] = [Heading(ReportSection.CONTRACT.label)]
    if inputs.contract:
        blocks += [Heading("Contract", 2), *contract_blocks(inputs.contract)]
    if inputs.goals:
        blocks += [
            Heading("Goals", 2),
            Table(
                ("Goal", "Set", "Status"),
                tuple(
                    (goal.text, _date_or_dash(goal.set_on), goal.status) for goal in inputs.goals
                ),
            ),
        ]
    return blocks


def contract_blocks(terms: list[ContractTerm]) -> list[Block]:
    """The terms agreed with nothing noted, said in one line with when they were explained;
    a table of the others (not agreed, not yet asked, or with a note), which are worth a look."""
    plain = [term for term in terms if term.agreed is True and not term.note.strip()]
    others = [term for term in terms if term not in plain]
    blocks: list[Block] = []
    if plain:
        days = {term.explained_on for term in plain}
        when = f", explained {_date_or_dash(days.pop())}" if len(days) == 1 else ""
        names = "; ".join(term.term for term in plain)
        blocks.append(Paragraph(f"{names}{when}.", label=f"Agreed ({len(plain)} terms): "))
    if others:
        agreed = {True: "Agreed", False: "Not agreed", None: "Not yet asked"}
        blocks.append(
            Table(
                ("Term", "Explained", "Agreed", "Note"),
                tuple(
                    (term.term, _date_or_dash(term.explained_on), agreed[term.agreed], term.note)
                    for term in others
                ),
            )
        )
    return blocks


def _alliance(inputs: SupervisionInputs, charts: Charts) -> list[Block]:
    if not inputs.alliance and not inputs.alliance_events:
        return []
    blocks: list[Block] = [Heading(ReportSection.ALLIANCE.label)]
    if charts.alliance:
        blocks.append(
            Image(
                charts.alliance,
                "Chart: the therapist's alliance estimate and the client's alliance check, "
                "0 to 10, at the sessions' dates, with ruptures and repairs marked, "
                f"{inputs.period.label()}.",
                width_inches=5.0,
            )
        )
    if inputs.alliance:
        blocks += [
            Heading("Ratings", 2),
            Table(
                ("Date", "Session", "Therapist's estimate", "Client's check", "Difference"),
                tuple(
                    (
                        format_date(rating.on),
                        str(rating.session_number),
                        _score(rating.therapist),
                        _score(rating.client),
                        rating.note,
                    )
                    for rating in inputs.alliance
                ),
            ),
        ]
    if inputs.alliance_events:
        blocks += [
            Heading("Ruptures and repairs", 2),
            Table(
                ("Date", "Event", "Marker", "What happened"),
                tuple(
                    (format_date(event.on), event.kind, event.detail, event.description)
                    for event in inputs.alliance_events
                ),
            ),
        ]
    return blocks


def _observations(observations: list[ObservationRow]) -> list[Block]:
    if not observations:
        return []
    blocks: list[Block] = [Heading(ReportSection.OBSERVATIONS.label)]
    for kind in ("Transference", "Countertransference"):
        of_kind = [each for each in observations if each.kind.lower() == kind.lower()]
        if not of_kind:
            continue
        blocks.append(Heading(kind, 2))
        by_category: dict[str, list[ObservationRow]] = {}
        for each in of_kind:
            by_category.setdefault(each.category or "Uncategorised", []).append(each)
        # Categories with flagged items first, then the busiest.
        order = sorted(
            by_category.items(),
            key=lambda item: (-sum(o.flagged for o in item[1]), -len(item[1]), item[0]),
        )
        for category, items in order:
            blocks.append(Heading(category, 3))
            for same in _alike(sorted(items, key=lambda o: (not o.flagged, o.on))):
                blocks += _observation(same)
    return blocks


def _alike(items: list[ObservationRow]) -> list[list[ObservationRow]]:
    """Observations that say the same (the same words quoted, the same notes, from the same
    figure, flagged alike) together, in the order of their first one: a pattern the therapist
    recorded each week is read once, with its dates."""
    groups: dict[tuple, list[ObservationRow]] = {}
    for item in items:
        key = (item.quoted.strip(), item.notes, item.figure.strip(), item.flagged)
        groups.setdefault(key, []).append(item)
    return list(groups.values())


def _observation(same: list[ObservationRow]) -> list[Block]:
    """An observation (or several that say the same) in at most two paragraphs: when, how
    strong, from whom, and the client's words; then what the therapist noted, each part with
    its label."""
    item = same[0]
    days = [format_date(each.on) for each in same]
    facts = [days[0] if len(days) == 1 else f"{', '.join(days)} ({len(days)} times)"]
    strengths = sorted({each.intensity for each in same if each.intensity is not None})
    if strengths:
        low, high = strengths[0], strengths[-1]
        facts.append(f"intensity {low} of 5" if low == high else f"intensity {low}–{high} of 5")
    if item.figure.strip():
        facts.append(f"redirected from {item.figure.strip()}")
    heading = ", ".join(facts)
    quoted = item.quoted.strip().strip("'\"‘’“”").strip()  # the words, in one pair of quotes
    if quoted:
        heading += f": “{quoted}”"
    blocks: list[Block] = [
        Paragraph(
            heading,
            label="Flagged: " if item.flagged else "",
            anchor=observation_anchor(item.id) if item.id is not None else "",
            keep_with_next=bool(item.notes),
        )
    ]
    notes = [(f"{label}: ", text.strip()) for label, text in item.notes if text.strip()]
    if notes:
        (label, text), *more = notes
        blocks.append(Paragraph(text, label=label, more=tuple(more)))
    return blocks


def _conduct(inputs: SupervisionInputs) -> list[Block]:
    if not inputs.conduct and not inputs.conduct_patterns:
        return []
    blocks: list[Block] = [Heading(ReportSection.CONDUCT.label)]
    if inputs.conduct:
        blocks += conduct_blocks(inputs.conduct)
    if inputs.conduct_patterns:
        blocks += [Heading("Patterns", 2), BulletList(tuple(inputs.conduct_patterns))]
    return blocks


def conduct_blocks(lines: list[ConductLine]) -> list[Block]:
    """The prompts met in every session they were asked in, said once per group in a line
    ("Empathy: all 3 prompts, in every one of the 7 sessions"); a table of the others, which are
    what a supervisor looks for."""
    always = [line for line in lines if line.checked and line.met == line.checked]
    others = [line for line in lines if line not in always]
    blocks: list[Block] = []
    if always:
        groups: dict[str, list[ConductLine]] = {}
        for line in always:
            groups.setdefault(line.group, []).append(line)
        sessions = {line.checked for line in always}
        in_every = (
            f"in every one of the {counted(sessions.pop(), 'session')} checked"
            if len(sessions) == 1
            else "in every session each was asked in"
        )
        parts = [f"{group} {len(items)}" for group, items in groups.items()]
        blocks.append(
            Paragraph(
                f"{counted(len(always), 'prompt')} met {in_every} ({', '.join(parts)}).",
                label="Always met: ",
            )
        )
    if others:
        blocks.append(
            Table(
                ("Group", "Prompt", "Met"),
                tuple(
                    (line.group, line.prompt, f"{line.met} of {counted(line.checked, 'session')}")
                    for line in others
                ),
            )
        )
    return blocks


def _boundaries(inputs: SupervisionInputs) -> list[Block]:
    if not inputs.boundary_events:
        return []
    return [
        Heading(ReportSection.BOUNDARIES.label),
        Table(
            ("Date", "Dimension", "Crossing or violation", "What happened", "Follow-up"),
            tuple(
                (format_date(e.on), e.dimension, e.kind, e.description, e.follow_up)
                for e in inputs.boundary_events
            ),
        ),
    ]


# -- session by session, shared with the record export -------------------------------------


def _sessions(
    inputs: SupervisionInputs, chosen: set[ReportSection], remove_dates: bool
) -> list[Block]:
    if not inputs.sessions:
        return []
    blocks: list[Block] = [Heading("Session by session")]
    for record in inputs.sessions:
        blocks += session_blocks(
            record,
            progress=ReportSection.SESSIONS in chosen,
            process=ReportSection.PROCESS_NOTES in chosen,
            therapy_start=inputs.client.start_date if remove_dates else None,
        )
    return blocks


def session_blocks(
    record: SessionRecord, progress: bool, process: bool, therapy_start: date | None = None
) -> list[Block]:
    """One session: its heading, attendance, and the notes asked for. With `therapy_start` the
    heading counts weeks of therapy instead of giving the date."""
    session = record.session
    day = session.starts_at.date()
    when = f"{session.starts_at:%a} {format_date(day)}"
    if therapy_start is not None:
        when = f"week {max(0, (day - therapy_start).days) // 7 + 1} of therapy"
    facts = [session.attendance.label, counted(session.duration_minutes, "minute")]
    note = record.progress
    if progress and note is not None and note.text().strip():
        facts.append(
            f"note signed {format_date(note.signed_at.date())}" if note.signed_at else "draft note"
        )
    title = f"Session {session.number} · {when}"
    if session.void:  # only the record shows a void session: kept, with why it is void
        title = f"Void session · {when}"
        facts.insert(0, void_label(session))
    blocks: list[Block] = [
        Heading(title, 2, anchor=session_anchor(session.id) if session.id is not None else ""),
        Paragraph(" · ".join(facts), keep_with_next=True),
    ]
    if progress and note is not None and note.text().strip():
        blocks.append(Heading("Progress note", 3))
        for key, text in note.sections.items():
            blocks += text_blocks(text, label=f"{section_title(key)}: ")
        for addendum in note.addenda:
            blocks += text_blocks(
                addendum.text, label=f"Addendum, {format_date(addendum.written_at.date())}: "
            )
    if process and record.process is not None and record.process.text.strip():
        blocks.append(Heading("Process note", 3))
        blocks += text_blocks(record.process.text)
    return blocks


def text_blocks(text: str, label: str = "") -> list[Block]:
    """A note's text as paragraphs (split at blank lines), the label on the first."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [part for part in paragraphs if part]
    return [
        Paragraph(part, label=label if index == 0 else "") for index, part in enumerate(paragraphs)
    ]


def _questions(questions: str) -> list[Block]:
    items = tuple(line.strip() for line in questions.splitlines() if line.strip())
    if not items:
        return []
    return [Heading(ReportSection.QUESTIONS.label), BulletList(items, numbered=True)]


# -- small helpers -------------------------------------------------------------------------


def _date_or_dash(day: date | None) -> str:
    return format_date(day) if day else "—"


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"
