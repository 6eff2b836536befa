"""Preferences kept inside the vault (they may point at a client)."""

from __future__ import annotations

from notes.templates import DEFAULT_TEMPLATE
from storage.preferences import Preferences


def test_values_round_trip_and_overwrite(vault):
    preferences = Preferences(vault)
    assert preferences.get("missing", "fallback") == "fallback"
    preferences.set("colour", "blue")
    preferences.set("colour", "green")
    assert preferences.get("colour") == "green"
    assert vault.read_one("SELECT count(*) FROM preferences WHERE key = 'colour'")[0] == 1


def test_default_template_falls_back_on_an_unknown_key(vault):
    preferences = Preferences(vault)
    assert preferences.default_template() == DEFAULT_TEMPLATE
    preferences.set("default_template", "birp")
    assert preferences.default_template() == "birp"
    preferences.set("default_template", "from-a-newer-version")
    assert preferences.default_template() == DEFAULT_TEMPLATE


def test_last_client_id(vault):
    preferences = Preferences(vault)
    assert preferences.last_client_id() is None
    preferences.set("last_client_id", "42")
    assert preferences.last_client_id() == 42
    preferences.set("last_client_id", "garbage")
    assert preferences.last_client_id() is None
