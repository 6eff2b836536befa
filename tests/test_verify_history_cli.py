"""`alliance verify` and signed history, run as a real program: it names a rewritten note in the
therapist's terms, and `--seal` proves (or disproves) the history behind a report's seal — the
seal read off a real exported report, as a supervisor would read it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from storage import history_chain
from tests.helpers import CLI_PASSPHRASE, all_text, open_docx, run_cli

SEAL = re.compile(r"Vault seal (\d+(?:-[0-9A-F]{4}){5})")


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("history") / "demo.vault"
    result = run_cli(
        "demo", "--vault", str(path), "--passphrase-stdin", stdin=CLI_PASSPHRASE + "\n"
    )
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def demo_copy(demo_vault, tmp_path) -> Path:
    path = tmp_path / "copy.vault"
    shutil.copyfile(demo_vault, path)
    return path


def verify(path: Path, *extra: str):
    return run_cli(
        "verify", "--vault", str(path), "--passphrase-stdin", *extra, stdin=CLI_PASSPHRASE + "\n"
    )


def shell(path: Path) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = '{CLI_PASSPHRASE.replace(chr(39), chr(39) * 2)}'")
    return connection


def rewrite_a_signed_note(path: Path, rebuild_chain: bool = False) -> str:
    """From a standard shell: drop the trigger, rewrite the newest signed note; with
    `rebuild_chain`, recompute the whole chain over the forged history as well. Returns how
    the therapist knows that note ("CODE, session N")."""
    connection = shell(path)
    try:
        session_id, code, number = connection.execute(
            "SELECT id, code, number FROM (SELECT s.id, c.code, p.signed_at, ROW_NUMBER() OVER"
            " (PARTITION BY s.client_id ORDER BY s.starts_at, s.id) AS number"
            " FROM sessions s JOIN clients c ON c.id = s.client_id"
            " LEFT JOIN progress_notes p ON p.session_id = s.id)"
            " WHERE signed_at IS NOT NULL ORDER BY signed_at DESC LIMIT 1"
        ).fetchone()
        connection.execute("DROP TRIGGER progress_notes_signed_no_update")
        connection.execute(
            "UPDATE progress_notes SET sections = ? WHERE session_id = ?",
            (json.dumps({"subjective": "Nothing happened."}), session_id),
        )
        if rebuild_chain:
            connection.execute("DROP TRIGGER signed_history_no_delete")
            connection.execute("DELETE FROM signed_history")
            history_chain.chain_unchained(connection)
    finally:
        connection.close()
    return f"{code}, session {number}"


def test_verify_says_signed_history_holds_on_the_demo(demo_copy):
    result = verify(demo_copy)
    assert result.returncode == 0, result.stderr
    assert "Signed history holds" in result.stdout


def test_verify_names_a_signed_note_rewritten_in_a_shell(demo_copy):
    where = rewrite_a_signed_note(demo_copy)
    result = verify(demo_copy)
    assert result.returncode == 1
    assert "SIGNED HISTORY CHANGED" in result.stderr
    assert f"{where}: the signed note was changed outside Alliance" in result.stderr
    assert "sound" not in result.stdout


def _exported_seal(vault: Path, out: Path) -> str:
    code = _a_client_code(vault)
    result = run_cli(
        "export",
        "--vault",
        str(vault),
        "--passphrase-stdin",
        "--client",
        code,
        "--out",
        str(out),
        "--from",
        "2000-01-01",
        stdin=CLI_PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    found = SEAL.search(all_text(open_docx(out)))
    assert found, "the report prints no vault seal"
    return found.group(1)


def _a_client_code(vault: Path) -> str:
    connection = shell(vault)
    try:
        return connection.execute("SELECT code FROM clients ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def test_a_reports_seal_proves_the_history_before_it(demo_copy, tmp_path):
    seal = _exported_seal(demo_copy, tmp_path / "report.docx")
    result = verify(demo_copy, "--seal", seal)
    assert result.returncode == 0, result.stderr
    assert f"The seal {seal} matches" in result.stdout
    # Typed by hand from the page: lower case and spaces are fine.
    typed = seal.lower().replace("-", " ", 2)
    assert verify(demo_copy, "--seal", typed).returncode == 0


def test_a_reports_seal_catches_a_history_rewritten_with_its_chain(demo_copy, tmp_path):
    seal = _exported_seal(demo_copy, tmp_path / "report.docx")
    rewrite_a_signed_note(demo_copy, rebuild_chain=True)
    plain = verify(demo_copy)  # the forged chain is consistent in itself ...
    assert plain.returncode == 0, plain.stderr
    result = verify(demo_copy, "--seal", seal)  # ... but not with the supervisor's copy
    assert result.returncode == 1
    assert f"The seal {seal} does NOT match" in result.stderr


@pytest.mark.parametrize("typed", ["", "not a seal", "12-ABCD", "0-0000-0000-0000-0000-0000"])
def test_a_seal_that_cannot_be_one_is_refused_plainly(demo_copy, typed):
    result = verify(demo_copy, "--seal", typed)
    assert result.returncode == 2
    assert "is not a vault seal" in result.stderr
