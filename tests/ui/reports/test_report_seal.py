"""Every supervision report and record export ends with the vault seal of the moment it was
made, and that seal is the one `verify --seal` accepts for the vault."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest

from notes.records import Client, ProgressNote, Session
from notes.reports.inputs import Period
from notes.vault_seal import parse_seal
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.report_data import ReportData
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import headings, open_docx
from tests.ui.helpers import STRONG_PASSPHRASE
from ui.reports.export_job import (
    RecordRequest,
    SupervisionRequest,
    export_record,
    export_supervision_report,
)

PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def vault(strong_template, tmp_path):
    path = tmp_path / "seal.vault"
    shutil.copyfile(strong_template, path)
    opened = Vault.open(path, STRONG_PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def client_id(vault) -> int:
    client = ClientRepository(vault).save(Client("ML-01", "Maya Lindqvist", date(2026, 3, 2)))
    session = SessionRepository(vault).save(Session(client.id, datetime(2026, 3, 2, 9)))
    NoteRepository(vault).sign(ProgressNote(session.id, "soap", {"subjective": "Slept better."}))
    return client.id


@pytest.mark.parametrize("kind", ["supervision", "record"])
def test_the_export_ends_with_the_seal_of_its_moment(vault, client_id, tmp_path, kind):
    data = ReportData(vault)
    seal = vault.vault_seal()
    target = tmp_path / f"{kind}.docx"
    if kind == "supervision":
        export_supervision_report(
            data, SupervisionRequest(client_id, PERIOD, target, remove_dates=True)
        )
    else:
        export_record(data, RecordRequest(client_id, PERIOD, target))
    document = open_docx(target)
    # A record ends with the therapist's attestation, which signs for the seal above it too.
    after = [("Heading 1", "Attestation")] if kind == "record" else []
    assert headings(document)[-1 - len(after) :] == [("Heading 1", "Vault seal"), *after]
    seal_at = [p.text for p in document.paragraphs].index("Vault seal") + 1
    last = document.paragraphs[seal_at].text
    assert last.startswith(f"Vault seal {seal.text}: it covers the {seal.count} signed records")
    # The export's own audit line came after the seal: the seal still proves the history to it.
    assert vault.vault_seal().count > seal.count
    assert vault.integrity_check(parse_seal(seal.text)).seal.matches
