"""A three-month supervision report of the demo's 13-session clients fits in 8 pages, counted on
the pages LibreOffice lays out (skipped where LibreOffice is not installed; the compaction
itself is tested on the document model in tests/notes/reports/test_layout.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from notes.reports.inputs import default_period
from storage.demo import write_demo
from storage.report_data import ReportData
from storage.vault import Vault
from ui.reports.export_job import SupervisionRequest, export_supervision_report

SOFFICE = shutil.which("soffice")
PDFINFO = shutil.which("pdfinfo")


@pytest.mark.skipif(not (SOFFICE and PDFINFO), reason="LibreOffice and poppler not installed")
def test_a_three_month_report_of_13_sessions_is_at_most_8_pages(tmp_path, qapp):
    vault = Vault.create(tmp_path / "demo.vault", "demo pass phrase for pages")
    try:
        _check_pages(vault, tmp_path)
    finally:
        vault.close()


def _check_pages(vault: Vault, tmp_path) -> None:
    write_demo(vault)
    data = ReportData(vault)
    period = default_period(date.today(), None)
    counted = []
    for code in ("PR-01", "TH-01", "EW-01"):
        client_id = data.client_id_for_code(code)
        sessions = data.supervision_inputs(client_id, period).sessions
        target = tmp_path / f"{code}.docx"
        export_supervision_report(data, SupervisionRequest(client_id, period, target))
        subprocess.run(
            [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
            check=True,
            capture_output=True,
            timeout=240,
        )
        info = subprocess.run(
            [PDFINFO, str(tmp_path / f"{code}.pdf")], capture_output=True, text=True, check=True
        ).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        counted.append((code, len(sessions), pages))
    assert any(sessions == 13 for _code, sessions, _pages in counted), counted
    assert all(pages <= 8 for _code, _sessions, pages in counted), counted
