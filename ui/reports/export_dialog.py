"""The export dialogs: a de-identified supervision report, and the record for a records request.

Both choose a client, a period and a file, run the export on a worker thread (ui/jobs.py) with
progress, and end by offering to open the folder. The supervision report is de-identified unless
the therapist explicitly confirms otherwise, shows every replacement it will make, and before
writing lists what still looks like an identifier (the sweep, notes/sweep.py): one click adds it
to the client's identifying terms, another leaves it for this export. The record export includes
process notes only after a confirmation that says why they are normally withheld.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from notes.deidentify import Replacement
from notes.records import Client
from notes.reports.inputs import Period, ReportSection, default_period, default_period_reason
from notes.reports.record_report import record_period
from notes.supervision import Question, new_questions
from notes.sweep import Finding, FindingKind, sweep_heading
from storage.errors import VaultError
from ui.jobs import run_in_background, yielding
from ui.reports.export_job import (
    RecordRequest,
    Replacements,
    SupervisionDefaults,
    SupervisionRequest,
    export_record,
    export_supervision_report,
    replacements_for,
    supervision_defaults,
    sweep_supervision_report,
)
from ui.vault_service import VaultService
from ui.widgets.file_dialogs import save_file
from ui.widgets.form_fields import date_edit, named, text_box
from ui.widgets.models import DataclassListModel
from ui.widgets.screen_fit import scrolling, whole_size
from ui.widgets.status_line import StatusLine

SWEEP_DELAY_MS = 250  # after the last change to client, period or sections


SHOWN_ROWS = 6  # each list shows this many lines at least, whatever the font size


class ReplacementListModel(DataclassListModel[Replacement]):
    def show(self, item: Replacement, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            whose = "  (another client)" if item.another_client else ""
            return f"{item.original}  →  {item.replacement}{whose}"
        return None


class FindingListModel(DataclassListModel[Finding]):
    """Each finding on two lines: what and how often, then its sentence."""

    def show(self, item: Finding, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.summary()}\n“{item.context}”"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.describe()
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.context
        return None


def _keep_lines(label: QLabel, lines: int) -> None:
    """A wrapped label beside a growing list: layouts do not ask a wrapped label its height at
    its width, so without a floor the list is laid over it at large font sizes."""
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines)


def _list_view(name: str, model: DataclassListModel) -> QListView:
    """A list that shows at least SHOWN_ROWS lines of its font, its items apart."""
    view = named(QListView(), name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setSpacing(2)
    view.setAlternatingRowColors(True)
    # resources/style.qss pads each item by 4 px above and below.
    row = view.fontMetrics().lineSpacing() + 2 * view.spacing() + 8
    view.setMinimumHeight(row * SHOWN_ROWS + 2 * view.frameWidth())
    return view


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _documents_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


class _ExportDialog(QDialog):
    """What both exports share: client, period, file, progress and the worker."""

    kind = "report"

    def __init__(
        self, service: VaultService, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._running = False
        self.saved_path: Path | None = None

        self.client_box = named(QComboBox(), "client")
        for client in service.clients(include_closed=True):
            self.client_box.addItem(f"{client.code}  {client.full_name}", client)
        chosen = next(
            (
                row
                for row in range(self.client_box.count())
                if self.client_box.itemData(row).id == client_id
            ),
            0,
        )
        self.client_box.setCurrentIndex(chosen)
        self.start = named(date_edit(), "period_start")
        self.end = named(date_edit(), "period_end")
        self.period_hint = QLabel()
        self.period_hint.setObjectName("hint")
        self.target = named(QLineEdit(), "target_file")
        self.choose_button = QPushButton("Choose…")
        self.progress = named(QProgressBar(), "export_progress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = StatusLine("hint")  # "Exporting…", "Saved as …": read out as they come
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end)
        period.addStretch(1)
        target = QHBoxLayout()
        target.addWidget(self.target, 1)
        target.addWidget(self.choose_button)
        self.form = QFormLayout()
        self.form.addRow("Client", self.client_box)
        self.form.addRow("Period", period)
        self.form.addRow("", self.period_hint)
        self.form.addRow("Save as", target)
        # The choices scroll when the screen is small; progress, message and buttons stay.
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(self.form)
        self.body = scrolling(body, "export_choices")
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.body, 1)

        self._locked_out = False
        service.locked.connect(self._vault_locked)
        self.client_box.currentIndexChanged.connect(self._client_changed)
        self.choose_button.clicked.connect(self._choose_file)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        """Subclasses add their own rows, then call this to put progress and buttons last."""
        self.outer.addWidget(self.progress)
        self.outer.addWidget(self.message)
        self.outer.addWidget(self.buttons)
        self._client_changed()
        self.resize(whole_size(self.body, self))  # then fitted to the screen as it shows

    # -- choices ---------------------------------------------------------------------------

    def client(self) -> Client | None:
        return self.client_box.currentData()

    def period(self) -> Period:
        return Period(self.start.date().toPython(), self.end.date().toPython())

    def _default_period(self, client: Client) -> tuple[Period, str]:
        return default_period(date.today(), None), "The last three months."

    def _client_changed(self) -> None:
        client = self.client()
        self.export_button.setEnabled(client is not None)
        if client is None:
            self.message.setText("Add a client first: there is nothing to export yet.")
            return
        folder = self._service.report_folder() or _documents_folder()
        self.target.setText(str(Path(folder) / self.default_name(client)))
        self.show_defaults(client)

    def show_defaults(self, client: Client) -> None:
        """The client's default period, under its reason."""
        self.show_period(*self._default_period(client))

    def show_period(self, period: Period, hint: str) -> None:
        self.start.setDate(_qdate(period.start))
        self.end.setDate(_qdate(period.end))
        self.period_hint.setText(hint)

    def default_name(self, client: Client) -> str:
        return f"{client.code} {self.kind} {date.today():%Y-%m-%d}.docx"

    def _choose_file(self) -> None:
        path = save_file(self, "Save the report as", self.target.text(), "Word document (*.docx)")
        if path:
            self.target.setText(path)

    def confirm_or_undo(self, box: QCheckBox, title: str, question: str) -> None:
        """Ask before the privacy choice the box was just ticked or cleared for; unless the
        answer is Yes, put the box back as it was, quietly."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            box.blockSignals(True)
            box.setChecked(not box.isChecked())
            box.blockSignals(False)

    def target_path(self) -> Path | None:
        text = self.target.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")

    # -- running ---------------------------------------------------------------------------

    def work(self, client: Client, period: Period, target: Path):
        """The work function for the worker thread; it must not touch widgets."""
        raise NotImplementedError

    def export(self) -> None:
        client, target = self.client(), self.target_path()
        if client is None or self._running:
            return
        if target is None:
            self._show_problem("Choose where to save the report.")
            return
        period = self.period()
        if period.backwards:
            self._show_problem("The period ends before it starts. Check the two dates.")
            return
        work = self.work(client, period, target)
        self._service.set_report_folder(target.parent)
        self._set_running(True)
        self.message.setText("Exporting…")
        run_in_background(
            self,
            # Building the document is Python through and through: with the GIL handed back
            # every half millisecond the window keeps painting the progress (issue 21.4).
            lambda progress: yielding(work, progress),
            self._done,
            failed=self._failed,
            progress=self._progressed,
            title="Export",
        )

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(True)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QCheckBox | QLineEdit | QComboBox | QDateEdit | QPushButton):
                widget.setEnabled(not running)
        for each in self.findChildren(QPlainTextEdit):
            each.setReadOnly(running)

    def _progressed(self, text: str, share: float) -> None:
        self.message.setText(f"{text}…" if share < 1 else text)
        self.progress.setValue(round(share * 100))

    def _done(self, path: Path) -> None:
        self._set_running(False)
        self.saved_path = path
        self.progress.setValue(100)
        self.message.setText(f"Saved as {path}")
        answer = QMessageBox.question(
            self,
            "Export finished",
            f"Saved as {path.name} in {path.parent}.\n\nOpen the folder?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _failed(self, error: Exception) -> bool:
        if self._locked_out:
            return True  # the vault was locked under the export: nothing was saved, nothing to say
        self._set_running(False)
        self.progress.setVisible(False)
        if isinstance(error, VaultError):
            self.message.setText(error.message)
        else:
            self.message.setText("The export did not finish. Nothing was saved.")
        return False  # the default then shows the message, or the crash dialog for a bug

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        QMessageBox.warning(self, "Export", text)

    def _vault_locked(self) -> None:
        """Locking drops every client detail on screen, this dialog's too."""
        self._locked_out = True
        self.client_box.blockSignals(True)
        self.client_box.clear()
        self.client_box.blockSignals(False)
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        if not self._running:  # an export in progress finishes first
            super().reject()


class SupervisionExportDialog(_ExportDialog):
    kind = "supervision report"

    def __init__(
        self, service: VaultService, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, client_id, parent)
        self.setWindowTitle("Supervision report")
        self.therapist = named(QLineEdit(service.report_therapist()), "therapist")
        self.supervisor = named(QLineEdit(service.report_supervisor()), "supervisor")
        self.questions = text_box(
            "questions",
            "One question per line: what you want to think through.",
            height=80,
            keyed=True,
        )
        self.form.addRow("Your name", self.therapist)
        self.form.addRow("Supervisor", self.supervisor)
        self.form.addRow("Questions", self.questions)
        self._asked: list[str] = []  # the client's open questions, as the box started
        questions_hint = QLabel(
            "Your open questions from the Supervision page. A question you add here is kept "
            "there too, until a supervision session discusses it."
        )
        questions_hint.setObjectName("hint")
        questions_hint.setWordWrap(True)
        self.form.addRow("", questions_hint)

        sections = QGroupBox("Include")
        grid = QGridLayout(sections)
        self.section_boxes: dict[ReportSection, QCheckBox] = {}
        for index, section in enumerate(ReportSection):
            if section is ReportSection.QUESTIONS:
                continue  # the questions are included whenever there are some
            box = named(QCheckBox(section.label), f"include_{section.value}")
            box.setChecked(True)
            self.section_boxes[section] = box
            grid.addWidget(box, index // 2, index % 2)
        hint = QLabel("A section with nothing to say for this period is left out.")
        hint.setObjectName("hint")
        grid.addWidget(hint, len(ReportSection) // 2 + 1, 0, 1, 2)
        # Two columns under the form: what goes in and its privacy on the left, the sweep of
        # what may still identify someone on the right, so the dialog fits a laptop screen.
        columns = QHBoxLayout()
        left = QVBoxLayout()
        columns.addLayout(left, 1)
        self.layout_.addLayout(columns)
        left.addWidget(sections)

        privacy = QGroupBox("Privacy")
        privacy_layout = QVBoxLayout(privacy)
        self.deidentify = named(
            QCheckBox("De-identify: replace the client's name and identifying terms"),
            "deidentify",
        )
        self.deidentify.setChecked(True)
        self.remove_dates = named(
            QCheckBox("Remove dates: count sessions in weeks of therapy, other dates as years"),
            "remove_dates",
        )
        self.replacements = ReplacementListModel(self)
        self.replacement_view = _list_view("replacements", self.replacements)
        self.privacy_hint = QLabel()
        self.privacy_hint.setObjectName("hint")
        self.privacy_hint.setWordWrap(True)
        _keep_lines(self.privacy_hint, 3)
        privacy_layout.addWidget(self.deidentify)
        privacy_layout.addWidget(self.remove_dates)
        privacy_layout.addWidget(self.replacement_view, 1)
        privacy_layout.addWidget(self.privacy_hint)
        left.addWidget(privacy, 1)

        # The sweep: what still looks like an identifier, decided item by item.
        # Left as they are, for this export; and names that are words, replaced in one place.
        self._left: set[tuple[FindingKind, str, str]] = set()
        self._replace_anyway: set[tuple[str, str]] = set()
        self.sweep_box = QGroupBox("Before you export")
        sweep_layout = QVBoxLayout(self.sweep_box)
        self.sweep_heading = QLabel()
        self.sweep_heading.setWordWrap(True)
        _keep_lines(self.sweep_heading, 3)
        self.findings = FindingListModel(self)
        self.finding_view = _list_view("sweep", self.findings)
        self.add_term_button = named(QPushButton("Add to identifying terms"), "add_term")
        self.leave_button = named(QPushButton("Leave it"), "leave_finding")
        self.leave_button.setToolTip(
            "Keep it as it is in this export; it is listed again next time."
        )
        finding_buttons = QHBoxLayout()
        finding_buttons.addWidget(self.add_term_button)
        finding_buttons.addWidget(self.leave_button)
        finding_buttons.addStretch(1)
        sweep_layout.addWidget(self.sweep_heading)
        sweep_layout.addWidget(self.finding_view, 1)
        sweep_layout.addLayout(finding_buttons)
        columns.addWidget(self.sweep_box, 1)

        self.deidentify.toggled.connect(self._deidentify_toggled)
        self.remove_dates.toggled.connect(self._show_sweep)
        for box in self.section_boxes.values():
            box.toggled.connect(self._show_sweep)
        self.start.dateChanged.connect(self._show_sweep)
        self.end.dateChanged.connect(self._show_sweep)
        self.finding_view.selectionModel().currentChanged.connect(self._finding_chosen)
        # The sweep reads the whole period's notes: a worker does it, a moment after the last
        # change (dates typed digit by digit), and only the newest request's answer is shown.
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.setInterval(SWEEP_DELAY_MS)
        self._sweep_timer.timeout.connect(self._start_sweep)
        self._sweep_generation = 0
        self._sweeps_running = 0
        # The client's defaults come from a worker (see show_defaults); an answer for an
        # earlier client, or from before a lock, is dropped by its generation.
        self._load_generation = 0
        self._loading = False
        self._names_loading = 0
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._start_loading)
        self.add_term_button.clicked.connect(self._add_finding)
        self.leave_button.clicked.connect(self._leave_finding)
        self.finish_layout()
        self.resize(1040, 760)

    def _client_changed(self) -> None:
        self._left.clear()
        self._replace_anyway.clear()
        super()._client_changed()

    def show_defaults(self, client: Client) -> None:
        """Read on a worker: the last report (a search of the audit log), the open questions,
        and which names are also ordinary words (wordfreq and a dictionary, half a second the
        first time). Meanwhile the dialog is already on screen, Export greyed out, and the
        period's line says what it is waiting for (issue 21.4)."""
        self._load_generation += 1
        self._loading = True
        self.export_button.setEnabled(False)
        self.period_hint.setText("Looking for the last supervision report…")
        self._asked = []
        self.questions.setPlainText("")
        self._show_sweep()  # it waits for the defaults
        # Started once the event loop turns, after the dialog is laid out and painted: a
        # worker running Python meanwhile would take the GIL in turns with the building of
        # the dialog and make the window wait twice as long for its first paint.
        self._load_timer.start()

    def _start_loading(self) -> None:
        client = self.client()
        if client is None or not self._service.is_unlocked:
            self._loading = False
            return
        service, generation, today = self._service, self._load_generation, date.today()
        others = self._every_client()

        def read() -> SupervisionDefaults:
            return supervision_defaults(service.report_data(), client, others, today)

        run_in_background(
            self,
            lambda _progress: (generation, yielding(read)),
            self._defaults_loaded,
            failed=self._load_failed,
            title="Export",
        )

    def is_loading(self) -> bool:
        """True while the chosen client's defaults or replacements are still being read."""
        return self._loading or self._names_loading > 0

    def _every_client(self) -> list[Client]:
        return [self.client_box.itemData(row) for row in range(self.client_box.count())]

    def _defaults_loaded(self, answer: tuple[int, SupervisionDefaults]) -> None:
        generation, defaults = answer
        if generation != self._load_generation:
            return  # another client was chosen meanwhile, or the vault locked
        self._loading = False
        period = default_period(date.today(), defaults.last_report)
        self.show_period(period, default_period_reason(period, defaults.last_report))
        self._asked = defaults.questions
        self.questions.setPlainText("\n".join(self._asked))
        self.export_button.setEnabled(not self._running)
        self._show_replacements(defaults.replacements)

    def _load_failed(self, _error: BaseException) -> bool:
        self._loading = False
        self._names_loading = 0
        self.period_hint.setText("")
        # Locked meanwhile: the dialog is gone with the lock. Otherwise the default: the
        # message, or the crash dialog.
        return not self._service.is_unlocked

    def _done(self, path: Path) -> None:
        self._keep_new_questions()
        super()._done(path)

    def _keep_new_questions(self) -> None:
        """Questions typed into this report go on the Supervision page too (where the vault can
        be written: a read-only vault still exports)."""
        client = self.client()
        if client is None or self._service.cannot_write_because is not None:
            return
        for text in new_questions(self.questions.toPlainText(), self._asked):
            self._service.add_supervision_question(Question(client.id, text, date.today()))
        self._asked = self._service.report_data().open_questions(client.id)

    def _vault_locked(self) -> None:
        self._load_generation += 1  # what a worker still brings is for an unlocked vault
        self.replacements.set_items([])
        self.findings.set_items([])
        self.questions.clear()
        super()._vault_locked()

    def _find_replacements(self) -> None:
        """The replacements again, on a worker (a new identifying term is judged against the
        dictionary, a fifth of a second), after the box was ticked or a term added."""
        client = self.client()
        if self._loading:
            return  # the client's defaults on their way bring them
        if client is None or not self.deidentify.isChecked():
            self._show_replacements(None)
            return
        self._load_generation += 1
        self._names_loading += 1
        generation, others = self._load_generation, self._every_client()
        run_in_background(
            self,
            lambda _progress: (generation, yielding(replacements_for, client, others)),
            self._replacements_found,
            failed=self._load_failed,
            title="Export",
        )

    def _replacements_found(self, answer: tuple[int, Replacements]) -> None:
        self._names_loading -= 1
        generation, found = answer
        if generation == self._load_generation:
            self._show_replacements(found)

    def _show_replacements(self, found: Replacements | None) -> None:
        client = self.client()
        if client is None:
            self.replacements.set_items([])
            return
        on = self.deidentify.isChecked() and found is not None
        self.replacements.set_items(found.listed if on else [])
        self.replacement_view.setVisible(on)
        self.remove_dates.setEnabled(on)
        if not on:
            text = "This report will name the client. Keep it confidential."
        else:
            text = (
                "Only the words listed are replaced (also spelled without accents), and other "
                "clients' names by their codes. Add nicknames and misspellings to the client's "
                "identifying terms before exporting."
            )
            if found.code_reveals_identity:
                text = (
                    f"The code {client.code} itself contains part of the name, so it does not "
                    "hide who the client is. Give the client another code first. " + text
                )
        self.privacy_hint.setText(text)
        self._show_sweep()

    def _request(self, client: Client, period: Period, target: Path) -> SupervisionRequest:
        return SupervisionRequest(
            client_id=client.id,
            period=period,
            target=target,
            sections=self.sections(),
            deidentify=self.deidentify.isChecked(),
            therapist=self.therapist.text().strip(),
            supervisor=self.supervisor.text().strip(),
            questions=self.questions.toPlainText(),
            remove_dates=self.remove_dates.isChecked() and self.deidentify.isChecked(),
            replace_anyway=frozenset(self._replace_anyway),
        )

    def is_sweeping(self) -> bool:
        """True while the sweep waits for the defaults or a pause in changes, or runs."""
        return self.is_loading() or self._sweep_timer.isActive() or self._sweeps_running > 0

    def _show_sweep(self) -> None:
        """List what in this report still looks like an identifier, less what was left."""
        self._sweep_generation += 1  # whatever is on its way is for an older request
        client = self.client()
        if self._loading:  # the period is not the client's yet
            self._sweep_timer.stop()
            self.sweep_heading.setText("Looking through the report…")
            return
        if client is None or not self.deidentify.isChecked() or self.period().backwards:
            self._sweep_timer.stop()
            self.findings.set_items([])
            self.sweep_box.setVisible(False)
            return
        self.sweep_heading.setText("Looking through the report…")
        self._sweep_timer.start()

    def _start_sweep(self) -> None:
        client = self.client()
        if client is None or not self._service.is_unlocked:
            return
        request = self._request(client, self.period(), Path())
        service, generation = self._service, self._sweep_generation
        self._sweeps_running += 1

        def failed(_error: BaseException) -> bool:
            self._sweeps_running -= 1
            # Locked meanwhile: the dialog is gone with the lock, nothing to tell. Otherwise
            # the default: the message, or the crash dialog.
            return not self._service.is_unlocked

        run_in_background(
            self,
            # ReportData reads the vault as it is made: on the worker too, so the window never
            # waits for the vault behind an export's reads (issue 21.4).
            lambda _progress: (
                generation,
                yielding(lambda: sweep_supervision_report(service.report_data(), request)),
            ),
            self._swept,  # a bound method: Qt drops the answer if the dialog is gone
            failed=failed,
            title="Export",
        )

    def _swept(self, answer: tuple[int, list[Finding]]) -> None:
        self._sweeps_running -= 1
        generation, found = answer
        if generation != self._sweep_generation:
            return  # a change came after this request: its own sweep follows
        found = [each for each in found if (each.kind, each.text, each.sentence) not in self._left]
        self.findings.set_items(found)
        self.sweep_box.setVisible(True)
        self.finding_view.setVisible(bool(found))
        self.add_term_button.setVisible(bool(found))
        self.leave_button.setVisible(bool(found))
        self.sweep_heading.setText(sweep_heading(len(found)))
        self._finding_chosen()

    def _chosen_finding(self) -> Finding | None:
        index = self.finding_view.currentIndex()
        return self.findings.item(index.row()) if index.isValid() else None

    def _finding_chosen(self, *_: object) -> None:
        finding = self._chosen_finding()
        self.add_term_button.setEnabled(finding is not None)
        self.leave_button.setEnabled(finding is not None)
        if finding is not None and finding.kind is FindingKind.NAME_OR_WORD:
            self.add_term_button.setText("Replace it here too")
        else:
            self.add_term_button.setText("Add to identifying terms")

    def _add_finding(self) -> None:
        finding, client = self._chosen_finding(), self.client()
        if finding is None or client is None:
            return
        if finding.kind is FindingKind.NAME_OR_WORD:
            # The name in this sentence: replaced here, in this export.
            self._replace_anyway.add((finding.text, finding.sentence))
        else:
            terms = [*client.identifying_terms, finding.text]
            saved = self._service.save_client(replace(client, identifying_terms=terms))
            self.client_box.setItemData(self.client_box.currentIndex(), saved)
        self._find_replacements()

    def _leave_finding(self) -> None:
        finding = self._chosen_finding()
        if finding is not None:
            self._left.add((finding.kind, finding.text, finding.sentence))
            self._show_sweep()

    def _deidentify_toggled(self, on: bool) -> None:
        if not on:
            self.confirm_or_undo(
                self.deidentify,
                "Name the client in the report?",
                "Supervision reports normally name clients only by their code (APA Ethics "
                "Code 4.06). A report with the client's name identifies them to anyone who "
                "sees it.\n\nExport with the client's name?",
            )
        self._find_replacements()

    def sections(self) -> frozenset[ReportSection]:
        chosen = {section for section, box in self.section_boxes.items() if box.isChecked()}
        return frozenset(chosen | {ReportSection.QUESTIONS})

    def work(self, client: Client, period: Period, target: Path):
        self._service.set_report_therapist(self.therapist.text().strip())
        self._service.set_report_supervisor(self.supervisor.text().strip())
        request = self._request(client, period, target)
        service = self._service  # its reads happen on the worker, not while Export is pressed
        return lambda progress: export_supervision_report(service.report_data(), request, progress)


class RecordExportDialog(_ExportDialog):
    kind = "record"

    def __init__(
        self, service: VaultService, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, client_id, parent)
        self.setWindowTitle("Record export")
        explanation = QLabel(
            "For a records request: the signed progress notes of the period, with their "
            "addenda, ending with your name, the date and a line to sign. The file names the "
            "client."
        )
        explanation.setWordWrap(True)
        self.layout_.insertWidget(0, explanation)
        self.process_notes = named(
            QCheckBox("Also include my private process notes"), "include_process_notes"
        )
        self.therapist = named(QLineEdit(service.report_therapist()), "therapist")
        self.form.addRow("Your name", self.therapist)  # above the record's signature line
        self.drafts = named(
            QCheckBox("Also include unsigned draft notes (marked as drafts)"), "include_drafts"
        )
        self.layout_.addWidget(self.process_notes)
        self.layout_.addWidget(self.drafts)
        self.process_notes.toggled.connect(self._process_notes_toggled)
        self.layout_.addStretch(1)
        self.finish_layout()
        self.resize(560, 280)

    def _default_period(self, client: Client) -> tuple[Period, str]:
        sessions = self._service.sessions(client.id)
        first = min((s.starts_at.date() for s in sessions), default=None)
        period = record_period(date.today(), first, client.start_date)
        return period, "The whole record, from the first session."

    def _process_notes_toggled(self, on: bool) -> None:
        if on:
            self.confirm_or_undo(
                self.process_notes,
                "Include process notes?",
                "Process notes are your private analysis of the sessions: what you felt, the "
                "transference and countertransference. They are kept apart from the clinical "
                "record and are normally withheld from a records request (in US law they are "
                "“psychotherapy notes”, 45 CFR 164.501, released only with the client's "
                "separate authorisation).\n\nInclude them in this export?",
            )

    def work(self, client: Client, period: Period, target: Path):
        self._service.set_report_therapist(self.therapist.text().strip())
        request = RecordRequest(
            client_id=client.id,
            period=period,
            target=target,
            process_notes=self.process_notes.isChecked(),
            therapist=self.therapist.text().strip(),
            drafts=self.drafts.isChecked(),
        )
        service = self._service
        return lambda progress: export_record(service.report_data(), request, progress)
