"""`main.py export`, run as a real program: the dialog's supervision report with its defaults."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest

from notes.records import Client, ProcessNote, ProgressNote, Session
from storage.clients import ClientRepository
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import CLI_PASSPHRASE, all_text, headings, leaks, open_docx, run_cli


@pytest.fixture(scope="module")
def filled_vault(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "alliance.vault"
    vault = Vault.create(path, CLI_PASSPHRASE)
    maya = ClientRepository(vault).save(
        Client("ML-01", "Maya Lindqvist", date(2026, 1, 5), ["Jonas"], "Maya cannot sleep.")
    )
    for weeks_ago in (20, 2):
        when = datetime.combine(date.today() - timedelta(weeks=weeks_ago), datetime.min.time())
        session = SessionRepository(vault).save(Session(maya.id, when + timedelta(hours=9)))
        notes = NoteRepository(vault)
        notes.sign(ProgressNote(session.id, "soap", {"subjective": f"Maya, {weeks_ago} weeks"}))
        notes.save_process_note(ProcessNote(session.id, "Jonas came up again."))
    vault.close()
    return path


@pytest.fixture
def vault_file(filled_vault, tmp_path_factory):
    """A copy per test: an export changes the audit log, and so the next default period."""
    copy = tmp_path_factory.mktemp("vault") / "alliance.vault"
    shutil.copyfile(filled_vault, copy)
    return copy


def export(vault_file, out, *extra):
    args = ("export", "--vault", str(vault_file), "--passphrase-stdin", "--client", "ML-01")
    return run_cli(*args, "--out", str(out), *extra, stdin=CLI_PASSPHRASE + "\n")


def test_default_export_is_de_identified_and_covers_three_months(vault_file, tmp_path):
    out = tmp_path / "report.docx"
    result = export(vault_file, out)
    assert result.returncode == 0, result.stderr
    assert f"written to {out}" in result.stdout
    document = open_docx(out)
    assert [text for style, text in headings(document) if style == "Heading 1"] == [
        "Case summary",
        "Session by session",
        "Vault seal",
    ]
    text = all_text(document)
    assert "ML-01, 2 weeks" in text and "[ML-01 T1] came up again." in text
    assert "20 weeks" not in text  # older than three months
    assert len(document.inline_shapes) == 1
    assert leaks(out, ["Maya", "Lindqvist", "Jonas"]) == []


def test_identified_export_with_a_period(vault_file, tmp_path):
    out = tmp_path / "named.docx"
    start = (date.today() - timedelta(weeks=21)).isoformat()
    result = export(vault_file, out, "--identified", "--from", start)
    assert result.returncode == 0, result.stderr
    text = all_text(open_docx(out))
    assert "Maya, 20 weeks" in text and "Maya, 2 weeks" in text


def test_problems_are_plain_and_leave_no_file(vault_file, tmp_path):
    unknown = run_cli(
        "export",
        "--vault",
        str(vault_file),
        "--passphrase-stdin",
        "--client",
        "ZZ-09",
        "--out",
        str(tmp_path / "x.docx"),
        stdin=CLI_PASSPHRASE + "\n",
    )
    assert unknown.returncode == 3
    assert "There is no client with the code ZZ-09" in unknown.stderr
    missing = export(vault_file, tmp_path / "no such folder" / "x.docx")
    assert missing.returncode == 3 and "does not exist" in missing.stderr
    bad_date = export(vault_file, tmp_path / "x.docx", "--to", "31/12/2026")
    assert bad_date.returncode == 2 and "write YYYY-MM-DD" in bad_date.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_sweep_goes_to_standard_error_and_dates_can_be_removed(vault_file, tmp_path):
    vault = Vault.open(vault_file, CLI_PASSPHRASE)
    when = datetime.combine(date.today() - timedelta(days=3), datetime.min.time())
    session = SessionRepository(vault).save(Session(1, when + timedelta(hours=9)))
    NoteRepository(vault).sign(
        ProgressNote(session.id, "soap", {"subjective": "Then Mr Brennigan called, 070-123 45 67."})
    )
    vault.close()
    out = tmp_path / "swept.docx"
    result = export(vault_file, out, "--remove-dates")
    assert result.returncode == 0, result.stderr
    assert "may identify someone and are not replaced" in result.stderr
    assert "Name? Mr Brennigan (once): “Then Mr Brennigan called, 070-123 45 67.”" in result.stderr
    assert "Phone number 070-123 45 67 (once)" in result.stderr
    assert "Brennigan" not in result.stdout
    document = open_docx(out)
    text = all_text(document)
    assert "of therapy" in text and "dates are removed" in text
    assert len(document.inline_shapes) == 0  # the charts' axes are dated


def test_where_a_name_is_also_a_word_the_command_line_must_be_told(vault_file, tmp_path):
    """Gap (c): the places where "Hope" may be the name or the word go to standard error, and
    nothing is written until --ambiguous says to replace them all or leave them."""
    vault = Vault.open(vault_file, CLI_PASSPHRASE)
    hope = ClientRepository(vault).save(Client("KEVO-52", "Hope Berg", date.today() - timedelta(9)))
    when = datetime.combine(date.today() - timedelta(days=3), datetime.min.time())
    session = SessionRepository(vault).save(Session(hope.id, when + timedelta(hours=9)))
    note = "Hope came late. I hope it helps, said Hope."
    NoteRepository(vault).sign(ProgressNote(session.id, "soap", {"subjective": note}))
    vault.close()
    since = str(date.today() - timedelta(days=9))  # each export moves the default period on
    args = ("export", "--vault", str(vault_file), "--passphrase-stdin", "--client", "KEVO-52")
    args += ("--from", since)

    def run(out, *extra):
        return run_cli(*args, "--out", str(out), *extra, stdin=CLI_PASSPHRASE + "\n")

    undecided = run(tmp_path / "undecided.docx")
    assert undecided.returncode == 3
    assert "The client's name, or the word? Hope (once): “Hope came late.”" in undecided.stderr
    assert "--ambiguous=replace" in undecided.stderr
    assert not (tmp_path / "undecided.docx").exists()

    assert run(tmp_path / "replaced.docx", "--ambiguous=replace").returncode == 0
    replaced = all_text(open_docx(tmp_path / "replaced.docx"))
    assert "KEVO-52 came late. I hope it helps, said KEVO-52." in replaced
    assert run(tmp_path / "left.docx", "--ambiguous", "leave").returncode == 0
    assert "Hope came late. I hope it helps, said KEVO-52." in all_text(
        open_docx(tmp_path / "left.docx")
    )
