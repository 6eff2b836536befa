"""Every passphrase a person can type works to create, unlock, lock and change a vault.

`PRAGMA key` takes no bound parameter, so these are the passphrases that break naive quoting.
"""

from __future__ import annotations

from datetime import date

import pytest

from notes.records import Client
from storage.clients import ClientRepository
from storage.errors import WrongPassphrase
from storage.vault import Vault, connect, quote_passphrase

PASSPHRASES = {
    "single-quotes": "it's Maya's 'secret'",
    "double-quotes": 'say "hello" twice ""',
    "backslashes": "C:\\notes\\\\ end\\",
    "spaces-around": "  leading and trailing  ",
    "latin": "éléphant Straße café",
    "cyrillic": "Жизнь прекрасна",
    "cjk": "漢字のパスフレーズ",
    "emoji": "🔒 notes 👩‍⚕️ 🦉",
    "long": "abcdefghij" * 20,
    "sql-like": "x'; DROP TABLE clients; --",
    "mixed-quotes": "\"'`$(echo)`'\" %s ?1 :name",
}


def _other(passphrase: str) -> str:
    """A second passphrase just as awkward: the first one reversed, marked."""
    return "2" + passphrase[::-1]


@pytest.mark.parametrize("passphrase", list(PASSPHRASES.values()), ids=list(PASSPHRASES))
def test_create_lock_unlock_and_change(tmp_path, passphrase):
    path = tmp_path / "v.vault"
    vault = Vault.create(path, passphrase)
    ClientRepository(vault).save(Client("PW-01", "Pia Weber", date(2024, 6, 3)))
    vault.close()

    vault = Vault.open(path, passphrase)  # unlock after lock
    new = _other(passphrase)
    vault.change_passphrase(passphrase, new, tmp_path / "backups")
    vault.close()

    # A near miss never opens it: the quoting keeps every character, spaces included.
    near_miss = passphrase.strip() if passphrase != passphrase.strip() else passphrase[:-1]
    for wrong in (passphrase, near_miss):
        with pytest.raises(WrongPassphrase):
            connect(path, wrong)
    connection = connect(path, new)
    try:
        assert connection.execute("SELECT full_name FROM clients").fetchall() == [("Pia Weber",)]
    finally:
        connection.close()


def test_quoting_doubles_single_quotes_and_keeps_everything_else():
    assert quote_passphrase("it's") == "'it''s'"
    assert quote_passphrase(' \\ " ') == "' \\ \" '"


def test_a_nul_character_is_refused_before_sqlcipher_sees_it():
    with pytest.raises(ValueError, match="NUL"):
        quote_passphrase("before\x00after")
