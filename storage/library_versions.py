"""The SQLCipher and SQLite versions this program links, for the About dialog and bug reports."""

from __future__ import annotations

from dataclasses import dataclass

import sqlcipher3


@dataclass(frozen=True)
class LibraryVersions:
    sqlcipher: str
    sqlite: str


def library_versions() -> LibraryVersions:
    """Asked of a throw-away in-memory database: no vault and no key needed."""
    connection = sqlcipher3.connect(":memory:")
    try:
        (sqlcipher,) = connection.execute("PRAGMA cipher_version").fetchone()
        (sqlite,) = connection.execute("SELECT sqlite_version()").fetchone()
    finally:
        connection.close()
    return LibraryVersions(sqlcipher=sqlcipher, sqlite=sqlite)
