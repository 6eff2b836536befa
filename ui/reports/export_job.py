"""The two exports as work functions: gather, draw the charts, build, write, record.

They take the vault's report reader and a request, report progress through a callable and never
touch widgets, so the export dialog runs them on a worker thread (ui/jobs.py) and the command
line runs the very same functions directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from notes.deidentify import Deidentifier, Replacement
from notes.progress import Progress
from notes.records import Client
from notes.reports.builder import supervision_report, supervision_sweep
from notes.reports.inputs import (
    ALL_SECTIONS,
    Charts,
    Period,
    ReportSection,
    SupervisionInputs,
    default_period,
)
from notes.reports.layout import PageSetup, page_setup
from notes.reports.model import Report
from notes.reports.record_report import record_report
from notes.reports.seal import sealed
from notes.sweep import Finding, FindingKind, ambiguous_problem, sweep_heading
from storage.export_file import ExportFailed, write_export
from storage.preferences import Preferences
from storage.report_data import ReportData
from storage.vault import Vault
from ui.reports.charts import render_charts


def therapist_page() -> PageSetup:
    """Paper and language from the therapist's locale, as the desktop (or LANG) sets it."""
    from PySide6.QtCore import QLocale

    return page_setup(QLocale.system().name())


@dataclass(frozen=True)
class SupervisionRequest:
    client_id: int
    period: Period
    target: Path
    sections: frozenset[ReportSection] = field(default=ALL_SECTIONS)
    deidentify: bool = True
    therapist: str = ""
    supervisor: str = ""
    questions: str | None = None  # one per line; None: the client's open questions
    remove_dates: bool = False
    # Names that are ordinary words, chosen to be replaced even where ambiguous: everywhere
    # (the word) or in one place (word, sentence), as notes/deidentify.Deidentifier takes them.
    replace_anyway: frozenset[str | tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class RecordRequest:
    client_id: int
    period: Period
    target: Path
    process_notes: bool = False
    therapist: str = ""
    drafts: bool = False  # unsigned draft notes too (left out unless ticked)


def _docx(report: Report) -> bytes:
    """The report as a Word file, on the therapist's paper."""
    # python-docx and lxml load here, on the worker writing the first report, and not with
    # the dialog, on the GUI thread, while it opens (40 ms: issue 21.4).
    from notes.reports.docx_writer import report_to_docx

    return report_to_docx(report, page=therapist_page())


def _quiet(_text: str, _share: float) -> None:
    return None


def _supervision_inputs(data: ReportData, request: SupervisionRequest) -> SupervisionInputs:
    inputs = data.supervision_inputs(
        request.client_id,
        request.period,
        process_notes=ReportSection.PROCESS_NOTES in request.sections,
    )
    inputs.therapist = request.therapist
    inputs.supervisor = request.supervisor
    questions = request.questions
    if questions is None:
        questions = "\n".join(data.open_questions(request.client_id))
    inputs.questions = questions
    return inputs


@dataclass(frozen=True)
class Replacements:
    """What de-identification will replace in a client's report, as the dialog lists it."""

    listed: list[Replacement]
    code_reveals_identity: bool


def replacements_for(client: Client, others: list[Client]) -> Replacements:
    """Every replacement for `client`'s report. Judging which names are also ordinary words
    loads wordfreq and a dictionary (half a second the first time): the dialog runs it on a
    worker."""
    names = Deidentifier(client.code, client.full_name, client.identifying_terms, others=others)
    return Replacements(names.every_replacement(), names.code_reveals_identity())


@dataclass(frozen=True)
class SupervisionDefaults:
    """Where the dialog starts for a client: the last report before today, the client's open
    questions for supervision, and the replacements."""

    last_report: date | None
    questions: list[str]
    replacements: Replacements


def supervision_defaults(
    data: ReportData, client: Client, others: list[Client], today: date
) -> SupervisionDefaults:
    return SupervisionDefaults(
        data.last_supervision_report(client.id, before=today),
        data.open_questions(client.id),
        replacements_for(client, others),
    )


def sweep_supervision_report(data: ReportData, request: SupervisionRequest) -> list[Finding]:
    """What in the report the request would write still looks like an identifier."""
    return supervision_sweep(
        _supervision_inputs(data, request),
        request.sections,
        remove_dates=request.remove_dates,
        replace_anyway=request.replace_anyway,
    )


def export_supervision_report(
    data: ReportData, request: SupervisionRequest, progress: Progress = _quiet
) -> Path:
    progress("Gathering the notes", 0.05)
    inputs = _supervision_inputs(data, request)
    progress("Drawing the charts", 0.35)
    # The charts' axes are dated, so a report without dates has none.
    wants_charts = {ReportSection.SUMMARY, ReportSection.ALLIANCE} & request.sections
    wants_charts = wants_charts and not (request.remove_dates and request.deidentify)
    charts = render_charts(inputs) if wants_charts else Charts()
    progress("Laying out the report", 0.55)
    report = supervision_report(
        inputs,
        request.sections,
        charts,
        request.deidentify,
        prepared_on=date.today(),
        remove_dates=request.remove_dates,
        replace_anyway=request.replace_anyway,
    )
    content = _docx(sealed(report, data.vault_seal()))
    progress("Saving the file", 0.85)
    written = write_export(request.target, content)
    data.audit_supervision_export(request.client_id, identified=not request.deidentify)
    progress("Report saved", 1.0)
    return written


def export_record(data: ReportData, request: RecordRequest, progress: Progress = _quiet) -> Path:
    progress("Gathering the notes", 0.05)
    inputs = data.record_inputs(request.client_id, request.period, request.process_notes)
    inputs.therapist = request.therapist
    progress("Laying out the record", 0.5)
    report = record_report(
        inputs,
        request.process_notes,
        prepared_on=date.today(),
        include_drafts=request.drafts,
        seal=data.vault_seal(),
    )
    content = _docx(report)
    progress("Saving the file", 0.85)
    written = write_export(request.target, content)
    data.audit_record_export(request.client_id, request.process_notes)
    progress("Record saved", 1.0)
    return written


def export_from_command_line(
    vault_path: Path,
    passphrase: str,
    code: str,
    target: Path,
    start: date | None = None,
    end: date | None = None,
    identified: bool = False,
    remove_dates: bool = False,
    ambiguous: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """The supervision report the dialog would make with its defaults, for `main.py export`.
    Before writing a de-identified report, each line of the sweep goes to `warn`. Where the
    client's name is also a word and a reader could not tell which is meant, `ambiguous` says
    what to do: "replace" every one, "leave" them; None writes nothing and says so."""
    # The charts are drawn with Qt's painter, which needs an application object but no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["alliance-export"])
    vault = Vault.open(vault_path, passphrase)
    try:
        data = ReportData(vault)
        client_id = data.client_id_for_code(code)
        if client_id is None:
            raise ExportFailed(f"There is no client with the code {code}. Check the code.")
        period = default_period(
            end or date.today(), data.last_supervision_report(client_id, before=end or date.today())
        )
        period = Period(start or period.start, end or period.end)
        if period.backwards:
            raise ExportFailed("The period ends before it starts. Check --from and --to.")
        preferences = Preferences(vault)
        request = SupervisionRequest(
            client_id=client_id,
            period=period,
            target=target,
            deidentify=not identified,
            therapist=preferences.report_therapist(),
            supervisor=preferences.report_supervisor(),
            remove_dates=remove_dates,
        )
        if not identified:
            findings = sweep_supervision_report(data, request)
            if findings and warn is not None:
                warn(sweep_heading(len(findings)))
                for finding in findings:
                    warn(f"  {finding.describe()}")
            undecided = [each for each in findings if each.kind is FindingKind.NAME_OR_WORD]
            if undecided and ambiguous is None:
                raise ExportFailed(ambiguous_problem(undecided))
            if undecided and ambiguous == "replace":
                request = replace(request, replace_anyway=frozenset(e.text for e in undecided))
        return export_supervision_report(data, request)
    finally:
        vault.close()
