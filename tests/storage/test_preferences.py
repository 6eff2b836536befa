"""Preferences kept inside the vault (they may point at a client), each through its accessor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from notes.templates import DEFAULT_TEMPLATE
from storage.preferences import Preferences
from storage.vault import Vault


def test_values_round_trip_and_overwrite(vault):
    preferences = Preferences(vault)
    assert preferences._get("missing", "fallback") == "fallback"
    preferences._set("colour", "blue")
    preferences._set("colour", "green")
    assert preferences._get("colour") == "green"
    assert vault.read_one("SELECT count(*) FROM preferences WHERE key = 'colour'")[0] == 1


def test_default_template_falls_back_on_an_unknown_key(vault):
    preferences = Preferences(vault)
    assert preferences.default_template() == DEFAULT_TEMPLATE
    preferences.set_default_template("birp")
    assert preferences.default_template() == "birp"
    preferences.set_default_template("from-a-newer-version")
    assert preferences.default_template() == DEFAULT_TEMPLATE


def test_last_client_id(vault):
    preferences = Preferences(vault)
    assert preferences.last_client_id() is None
    preferences.set_last_client_id(42)
    assert preferences.last_client_id() == 42
    preferences._set("last_client_id", "garbage")
    assert preferences.last_client_id() is None


def test_nothing_is_set_in_a_new_vault(vault):
    preferences = Preferences(vault)
    assert preferences.last_session_id() is None
    assert preferences.pending_dialog() == ""
    assert preferences.last_integrity_check() is None
    assert (preferences.report_therapist(), preferences.report_supervisor()) == ("", "")
    assert preferences.report_folder() is None


def test_every_accessor_keeps_its_value_in_the_vault_under_its_old_key(
    vault, vault_path, passphrase
):
    preferences = Preferences(vault)
    preferences.set_default_template("dap")
    preferences.set_last_client_id(3)
    preferences.set_last_session_id(17)
    preferences.set_pending_dialog('{"opener": "new_client", "fields": {}}')
    preferences.set_last_integrity_check(date(2026, 3, 2))
    preferences.set_report_therapist("Dr. Ana Ruiz")
    preferences.set_report_supervisor("Prof. Lee")
    preferences.set_report_folder(Path("/home/ana/Supervision"))
    vault.close()

    reopened = Vault.open(vault_path, passphrase)
    try:
        again = Preferences(reopened)
        assert again.default_template() == "dap"
        assert (again.last_client_id(), again.last_session_id()) == (3, 17)
        assert again.pending_dialog() == '{"opener": "new_client", "fields": {}}'
        assert again.last_integrity_check() == date(2026, 3, 2)
        assert (again.report_therapist(), again.report_supervisor()) == (
            "Dr. Ana Ruiz",
            "Prof. Lee",
        )
        assert again.report_folder() == Path("/home/ana/Supervision")
        # the keys earlier versions wrote, so nothing they remembered is forgotten
        stored = dict(reopened.read("SELECT key, value FROM preferences"))
        assert stored == {
            "default_template": "dap",
            "last_client_id": "3",
            "last_session_id": "17",
            "pending_dialog": '{"opener": "new_client", "fields": {}}',
            "last_integrity_check": "2026-03-02",
            "report_therapist_name": "Dr. Ana Ruiz",
            "report_supervisor_name": "Prof. Lee",
            "report_folder": "/home/ana/Supervision",
        }
    finally:
        reopened.close()


def test_unreadable_values_read_as_not_set(vault):
    preferences = Preferences(vault)
    preferences._set("last_session_id", "-")
    preferences._set("last_integrity_check", "yesterday")
    assert preferences.last_session_id() is None
    assert preferences.last_integrity_check() is None
    preferences.set_last_integrity_check(date(2026, 3, 2))
    preferences.set_last_integrity_check(None)  # check again at the next unlock
    assert preferences.last_integrity_check() is None


def test_widgets_reach_preferences_only_through_the_vault_service():
    ui = Path(__file__).resolve().parents[2] / "ui"
    for source in ui.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "service.preferences" not in text, source
        if source.name not in ("vault_service.py", "export_job.py"):  # export_job: the CLI
            assert "storage.preferences" not in text, source


def test_a_read_only_vault_remembers_nothing_and_refuses_nothing(vault_path, passphrase):
    """Where the person was, or the report folder, is not worth a refusal: a vault open
    read-only (damage, media, `verify`) takes no preference and is left as it was."""
    before = vault_path.read_bytes()
    vault = Vault.open(vault_path, passphrase, read_only=True)
    try:
        preferences = Preferences(vault)
        preferences.set_last_client_id(7)
        preferences.set_report_folder(Path("/tmp/reports"))
        assert preferences.last_client_id() is None
    finally:
        vault.close()
    assert vault_path.read_bytes() == before
