"""Every passphrase a person can type works to create, unlock, lock and change a vault.

`PRAGMA key` takes no bound parameter, so these are the passphrases that break naive quoting.
The quoting is a pure function: every awkward passphrase (and any text at all) is checked to come
back whole from SQLite's own parser, which costs no key derivation. A real vault round trip, at
eight key derivations each, runs for a few representative passphrases: a quote and SQL, spaces
that must not be trimmed, emoji beyond the basic plane, and one longer than a SHA-512 block.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import sqlcipher3
from hypothesis import given
from hypothesis import strategies as st

from notes.records import Client
from storage.clients import ClientRepository
from storage.errors import UnusablePassphrase, WrongPassphrase
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


# One of each kind that could fail differently on the way to SQLCipher (the rest share a kind).
ROUND_TRIP = ["sql-like", "spaces-around", "emoji", "long"]


def _other(passphrase: str) -> str:
    """A second passphrase just as awkward: the first one reversed, marked."""
    return "2" + passphrase[::-1]


@pytest.fixture(scope="module")
def sqlite() -> Iterator[sqlcipher3.Connection]:
    """A connection without a key: plain SQLite, the same parser, no key derivation."""
    connection = sqlcipher3.connect(":memory:")
    yield connection
    connection.close()


def _parsed(sqlite: sqlcipher3.Connection, literal: str) -> str:
    """What SQLite's parser makes of an SQL literal: what `PRAGMA key = <literal>` is given."""
    return sqlite.execute(f"SELECT {literal}").fetchone()[0]


@pytest.mark.parametrize("passphrase", [PASSPHRASES[name] for name in ROUND_TRIP], ids=ROUND_TRIP)
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


@pytest.mark.parametrize(
    "passphrase",
    [*PASSPHRASES.values(), *map(_other, PASSPHRASES.values())],
    ids=[*PASSPHRASES, *(f"{name}-changed" for name in PASSPHRASES)],
)
def test_every_awkward_passphrase_reaches_sqlite_whole(sqlite, passphrase):
    assert _parsed(sqlite, quote_passphrase(passphrase)) == passphrase


@given(st.text().filter(lambda text: "\x00" not in text))
def test_any_text_without_nul_reaches_sqlite_whole(sqlite, passphrase):
    literal = quote_passphrase(passphrase)
    assert literal.startswith("'") and literal.endswith("'")
    assert _parsed(sqlite, literal) == passphrase


def test_quoting_doubles_single_quotes_and_keeps_everything_else():
    assert quote_passphrase("it's") == "'it''s'"
    assert quote_passphrase(' \\ " ') == "' \\ \" '"


def test_a_nul_character_is_refused_before_sqlcipher_sees_it():
    with pytest.raises(UnusablePassphrase, match="NUL"):
        quote_passphrase("before\x00after")
