"""The vault: one SQLCipher 4 file, its lifecycle and the transaction helper.

The file uses SQLCipher 4's default settings (PBKDF2-HMAC-SHA512, 256,000 iterations, an HMAC
on every page), so any standard SQLCipher 4 tool opens it with the passphrase. The key is
checked on a fresh connection at every unlock, because SQLCipher only notices a wrong key on the
first read.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from notes.progress import Progress
from notes.signed_history import Finding
from notes.vault_seal import SealCheck, VaultSeal
from storage import audit as audit_log
from storage import held_text, history_chain, lineage, schema, unlock_counter
from storage.audit import AuditAction
from storage.errors import (
    EmptyPassphrase,
    NotAVault,
    NotWritable,
    PassphraseChangeFailed,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultTooNew,
    WrongPassphrase,
    translated,
)
from storage.held_text import SealedText
from storage.instance_lock import InstanceLock
from storage.private_files import make_private, private_folder, reserve_private_file

_PAGE_SIZE = 4096  # SQLCipher 4's default page size
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def quote_passphrase(passphrase: str) -> str:
    """The passphrase as an SQL string literal. `PRAGMA key` takes no bound parameter."""
    if "\x00" in passphrase:
        raise ValueError("a passphrase cannot contain a NUL character")
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """A fresh connection to an existing vault file, with its key verified by a first read."""
    check_file(path)
    if not passphrase:  # SQLCipher refuses an empty key outright; it never opens a vault
        raise WrongPassphrase()
    connection = _keyed_connection(path, passphrase)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if "not a database" in str(error):
            raise WrongPassphrase() from error
        raise VaultDamaged(path, str(error)) from error
    return connection


def check_file(path: Path) -> None:
    """Refuse, before any key is tried, files that cannot be a vault."""
    if not path.exists():
        raise VaultMissing(path)
    if not path.is_file():
        raise NotAVault(path, "it is a folder")
    size = path.stat().st_size
    if size == 0:
        raise NotAVault(path, "the file is empty")
    with path.open("rb") as file:
        if file.read(16) == _PLAIN_SQLITE_HEADER:
            raise NotAVault(path, "it is an unencrypted SQLite database")
    if size % _PAGE_SIZE:
        raise VaultDamaged(path, "its size is not a whole number of pages")


def _keyed_connection(path: Path, passphrase: str) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # Global in SQLCipher; set before the key so not even a failed HMAC check is logged.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    return connection


def _configure(connection: sqlcipher3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")  # saved on screen means saved on disk
    connection.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    connection.execute("PRAGMA foreign_keys = ON")
    # Without this, INSERT OR REPLACE / UPDATE OR REPLACE delete the old row without firing the
    # delete triggers, so raw SQL could silently replace a signed note or an audit line.
    connection.execute("PRAGMA recursive_triggers = ON")


@dataclass(frozen=True)
class IntegrityReport:
    problems: list[str]  # damage: pages or structure that failed their checks
    # Signed history that does not hold (storage/history_chain.py); checked on a sound file.
    history: tuple[Finding, ...] = ()
    seal: SealCheck | None = None  # when asked about a report's vault seal

    @property
    def ok(self) -> bool:
        """The file is sound (not damaged); `history` says whether its history holds."""
        return not self.problems


class Vault:
    """An unlocked vault. Create with `Vault.create` or `Vault.open`; `close` locks it."""

    moved: lineage.Lineage | None = None  # set when this copy was handed off: read-only

    def __init__(
        self, path: Path, connection: sqlcipher3.Connection, passphrase: str, lock: InstanceLock
    ) -> None:
        self.path = path
        self._connection: sqlcipher3.Connection | None = connection
        self._passphrase: str | None = passphrase
        self._lock = lock
        self._mutex = threading.RLock()  # long jobs may run on a worker thread
        self._depth = 0
        # A second connection for reads on a worker thread (search as the person types): with
        # its own lock it never waits behind a save on the main connection, nor holds one up.
        self._reader: sqlcipher3.Connection | None = None
        self._reader_mutex = threading.Lock()
        self._closing = False  # set as locking begins: no read starts after it

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str) -> Vault:
        path = Path(path)
        if not passphrase:  # SQLCipher would refuse it with a bare OperationalError
            raise EmptyPassphrase()
        if path.exists() and path.stat().st_size > 0:
            raise VaultExists(path)
        try:
            private_folder(path.parent)
        except OSError as error:
            raise NotWritable(path.parent) from error
        lock = InstanceLock(path).acquire()
        connection = None
        try:
            with translated(path):
                reserve_private_file(path)  # SQLite gives -wal and -shm this file's mode
                connection = _keyed_connection(path, passphrase)
                _configure(connection)
                schema.migrate(connection)
        except BaseException:
            if connection is not None:
                connection.close()
            lock.release()
            raise
        vault = cls(path, connection, passphrase, lock)
        vault.audit(AuditAction.VAULT_CREATED)
        unlock_counter.clear(path)  # guesses at an earlier file of this name are not its own
        return vault

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Vault:
        path = Path(path)
        check_file(path)
        lock = InstanceLock(path).acquire()
        make_private(path)
        try:
            try:
                connection = connect(path, passphrase)
            except WrongPassphrase:
                # Counted beside the vault, which cannot be written without its key; the
                # instance lock held here keeps two processes from counting at once.
                unlock_counter.count_failure(path)
                raise
            try:
                found = schema.version_of(connection)
                if found > schema.LATEST_VERSION:
                    raise VaultTooNew(found, schema.LATEST_VERSION)
                with translated(path):
                    _configure(connection)
                    schema.migrate(connection)
                    moved = lineage.restrain(connection)  # a handed-off copy: read-only
            except BaseException:
                connection.close()
                raise
        except BaseException:
            lock.release()
            raise
        vault = cls(path, connection, passphrase, lock)
        if moved is not None:  # read-only: it takes no audit line, and counts stay beside it
            vault.moved = moved
            return vault
        failed = unlock_counter.read(path)
        with vault.transaction():
            vault.audit(AuditAction.UNLOCK)
            if failed:
                vault.audit(AuditAction.FAILED_UNLOCK, failed.audit_record())
        unlock_counter.clear(path)  # only once the log holds the count
        return vault

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        """Lock: record it, close both connections and forget the passphrase."""
        if self._connection is None:
            return
        self._closing = True
        reader = self._reader
        if reader is not None:
            reader.interrupt()  # a search under way stops now (thread-safe) rather than wait
        # Always the read lock before the main one (change_passphrase too): no deadlock.
        with self._reader_mutex, self._mutex:
            if self._connection is None:  # another thread (auto-lock, say) got here first
                return
            try:
                self.audit(AuditAction.LOCK)
            except VaultError:
                # Locking must always succeed. A vault that is full, read-only or damaged (after
                # a failed page check SQLCipher refuses every write) cannot take the audit line;
                # raising here would hide the real problem, e.g. `verify`'s damage report.
                pass
            finally:
                self._drop_reader()
                self._connection.close()
                self._connection = None
                self._passphrase = None
                self._lock.release()

    # -- reading and writing ---------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """One write transaction; nested use joins the outer one."""
        with self._mutex, translated(self.path):
            connection = self._require_open()
            if self.moved is not None:
                raise lineage.ReadOnlyCopy(self.moved)
            if self._depth:
                self._depth += 1
                try:
                    yield connection
                finally:
                    self._depth -= 1
                return
            connection.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                # SQLite rolls the whole transaction back itself on some errors (SQLITE_FULL
                # among them); a second ROLLBACK would then fail and hide the real error.
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def read(self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()) -> list[tuple]:
        with self._mutex, translated(self.path):
            return self._require_open().execute(sql, parameters).fetchall()

    def read_one(self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()) -> tuple | None:
        rows = self.read(sql, parameters)
        return rows[0] if rows else None

    def read_detached(
        self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()
    ) -> list[tuple]:
        """Like `read`, on a connection of its own: for reads on a worker thread.

        WAL lets it read the last committed state while the main connection writes, so a long
        read never makes a save wait, nor the other way round. The connection opens on first
        use (its key derivation costs as much as an unlock) and closes with the vault. Locking
        stops a read under way: it then raises VaultLocked, as does a read after the lock.
        """
        with self._reader_mutex:
            reader = self._open_reader()
            try:
                with translated(self.path):
                    return reader.execute(sql, parameters).fetchall()
            except sqlcipher3.Error as error:
                if self._closing:  # interrupted by `close`
                    raise VaultLocked() from error
                raise

    def _open_reader(self) -> sqlcipher3.Connection:
        """The read connection, opened if need be; call with `_reader_mutex` held."""
        passphrase = self._passphrase
        if self._closing or self._connection is None or passphrase is None:
            raise VaultLocked()
        if self._reader is None:
            reader = connect(self.path, passphrase)
            reader.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
            reader.execute("PRAGMA query_only = ON")
            if self._closing:  # locking began while the key was derived
                reader.close()
                raise VaultLocked()
            self._reader = reader
        return self._reader

    def _drop_reader(self) -> None:
        """Close the read connection; call with `_reader_mutex` held."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def audit(self, action: AuditAction, record: str = "") -> None:
        """Append one line to the audit log: what was done, to which record; never note text."""
        if self.moved is not None:  # a read-only copy: reading it (a backup, say) leaves no line
            return
        with self.transaction() as connection:
            audit_log.append(connection, action, record)

    def _require_open(self) -> sqlcipher3.Connection:
        if self._connection is None:
            raise RuntimeError("the vault is locked")
        return self._connection

    # -- long jobs: each may run on a worker thread; none touches widgets --------------------

    def integrity_check(self, seal: VaultSeal | None = None) -> IntegrityReport:
        """SQLCipher's page HMAC check and SQLite's structural check, over the whole file, then
        (on a sound file) the signed-history chain recomputed, and `seal` checked against it.

        It reads every page, so it runs on a connection of its own: the window can go on
        saving through the main connection meanwhile.
        """
        self._require_open()
        try:
            connection = connect(self.path, self._passphrase or "")
        except VaultDamaged as error:
            return IntegrityReport([error.message])
        try:
            report = _integrity_of(connection, self.path)
            if report.ok:
                report = _with_history(connection, self.path, report, seal)
            return report
        finally:
            connection.close()

    def vault_seal(self) -> VaultSeal | None:
        """The seal of signed history as it stands now, for a report to print."""
        return history_chain.seal_of(self.read_one(history_chain.HEAD))

    def backup_to(self, target: Path, progress: Progress | None = None) -> Path:
        """Write an encrypted copy to `target`, verify it, and only then put it in place."""
        progress = progress or _no_progress
        target = Path(target)
        partial = target.with_name(target.name + ".partial")
        try:
            private_folder(target.parent)
            partial.unlink(missing_ok=True)
        except OSError as error:
            raise NotWritable(target.parent) from error
        self._require_open()
        if target.resolve() == self.path.resolve():
            raise VaultError("A backup cannot replace the vault itself. Choose another folder.")
        progress("Copying the vault", 0.1)
        try:
            # A connection of its own reads a consistent snapshot (WAL) while the window goes
            # on saving notes through the main one, so a long backup never blocks typing.
            with translated(target):
                reserve_private_file(partial)  # VACUUM INTO fills an empty file, keeping its mode
                reader = connect(self.path, self._passphrase or "")
                try:
                    reader.execute("VACUUM INTO ?", (str(partial),))
                finally:
                    reader.close()
            progress("Checking the copy", 0.6)
            verify_copy(partial, self._passphrase or "", schema.LATEST_VERSION)
            with translated(target):
                _fsync(partial)
                os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self.audit(AuditAction.BACKUP, target.name)
        progress("Backup written", 1.0)
        return target

    def seal(self, text: str) -> SealedText:
        """`text` sealed under this vault's passphrase, to hold in memory over a lock."""
        return held_text.seal(text, self._passphrase or "")

    def change_passphrase(
        self, current: str, new: str, backup_folder: Path, progress: Progress | None = None
    ) -> Path:
        """Back up, rekey, and prove the new passphrase opens the file. Returns the backup."""
        progress = progress or _no_progress
        if current != self._passphrase:
            raise WrongPassphrase()
        if not new:
            raise EmptyPassphrase()
        quote_passphrase(new)  # refuse an impossible passphrase before touching anything
        stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
        backup = self.backup_to(
            Path(backup_folder) / f"{self.path.stem}-before-passphrase-change-{stamp}.vault",
            lambda text, share: progress(text, share * 0.5),
        )
        progress("Changing the passphrase", 0.6)
        # The read connection holds the old key: close it, and keep it closed until the new
        # passphrase is in place, so that no search reopens it with the old one meanwhile.
        with self._reader_mutex:
            self._drop_reader()
            with self._mutex, translated(self.path):
                connection = self._require_open()
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.execute(f"PRAGMA rekey = {quote_passphrase(new)}")
            progress("Checking the new passphrase", 0.8)
            try:
                connect(self.path, new).close()
            except Exception as error:
                raise PassphraseChangeFailed(
                    "The new passphrase did not open the vault afterwards, so it was not "
                    "changed. Your old passphrase still applies; a backup was saved as "
                    f"{backup.name}."
                ) from error
            self._passphrase = new
        self.audit(AuditAction.PASSPHRASE_CHANGED)
        progress("Passphrase changed", 1.0)
        return backup


def _no_progress(_text: str, _share: float) -> None:
    return None


def _integrity_of(connection: sqlcipher3.Connection, path: Path) -> IntegrityReport:
    problems: list[str] = []
    try:
        with translated(path):
            problems += [row[0] for row in connection.execute("PRAGMA cipher_integrity_check")]
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            problems += [row for row in rows if row != "ok"]
    except VaultDamaged as error:
        problems.append(str(error.__cause__ or error))
    return IntegrityReport(problems)


def _with_history(
    connection: sqlcipher3.Connection, path: Path, report: IntegrityReport, seal: VaultSeal | None
) -> IntegrityReport:
    with translated(path):
        history = tuple(history_chain.check(connection))
        sealed = history_chain.check_seal(connection, seal) if seal else None
    return IntegrityReport(report.problems, history, sealed)


def verify_copy(path: Path, passphrase: str, expected_version: int | None = None) -> None:
    """Prove a vault file (a backup, a copy) opens and is sound, or raise why not."""
    connection = connect(path, passphrase)
    try:
        report = _integrity_of(connection, path)
        version = schema.version_of(connection)
    finally:
        connection.close()
    if not report.ok or version > schema.LATEST_VERSION:
        raise VaultDamaged(path, "the copy did not pass its check")
    if expected_version is not None and version != expected_version:
        raise VaultDamaged(path, "the copy is not of the same format as the vault")


def _fsync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())
