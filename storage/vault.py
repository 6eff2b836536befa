"""The vault: one SQLCipher 4 file, its lifecycle and the transaction helper.

The file uses SQLCipher 4's default settings (PBKDF2-HMAC-SHA512, 256,000 iterations, an HMAC
on every page), so any standard SQLCipher 4 tool opens it with the passphrase. The key is
checked on a fresh connection at every unlock, because SQLCipher only notices a wrong key on the
first read.
"""

from __future__ import annotations

import os
import threading
import time
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
from storage import (
    former_record,
    held_text,
    history_chain,
    lineage,
    page_check,
    page_proof,
    schema,
    unlock_counter,
)
from storage.audit import AuditAction
from storage.durable import (
    clear_work_file,
    drop_work_file,
    fsync_file,
    fsync_folder,
    put_in_place,
    unused_name,
)
from storage.errors import (
    DiskFull,
    EmptyPassphrase,
    FormerPassphrase,
    NotAVault,
    NotWritable,
    UnusablePassphrase,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
    disk_is_full,
    translate,
    translated,
)
from storage.held_text import SealedText
from storage.instance_lock import InstanceLock
from storage.private_files import make_private, private_folder, reserve_private_file

_PAGE_SIZE = 4096  # SQLCipher 4's default page size
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# The read connection's page cache, in KiB (SQLite's default is 2,000). Searches read through
# it, and twenty different searches in a 50,000-session career touch 8 to 16 MB of the search
# indexes' pages: with the default, each search pushes the others' out, and every search pays
# to read and decrypt them again, more the longer the career (bench: search growth).
READER_CACHE_KIB = 24 * 1024


def quote_passphrase(passphrase: str) -> str:
    """The passphrase as an SQL string literal. `PRAGMA key` takes no bound parameter."""
    check_passphrase(passphrase)
    return "'" + passphrase.replace("'", "''") + "'"


def check_passphrase(passphrase: str) -> None:
    """Refuse what cannot be a passphrase, whichever way it came in (typed, pasted, stdin)."""
    if "\x00" in passphrase:
        raise UnusablePassphrase("it contains a NUL character, which no passphrase can hold")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError as error:  # lone surrogates: bytes that were not UTF-8 text
        raise UnusablePassphrase("part of it is not readable text") from error


def connect(path: Path, passphrase: str, *, read_only: bool = False) -> sqlcipher3.Connection:
    """A fresh connection to an existing vault file, with its key verified by a first read.

    `read_only` connections cannot write the file nor checkpoint the write-ahead log into it.
    A passphrase SQLCipher refuses is tried on the later pages too: if they pass, the
    passphrase is right and the start of the file is damaged (proven, so said).
    """
    check_file(path)
    if not passphrase:  # SQLCipher refuses an empty key outright; it never opens a vault
        raise WrongPassphrase()
    check_passphrase(passphrase)
    with translated(path):
        connection = _keyed_connection(path, passphrase, read_only)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if "not a database" in str(error):
            if page_check.passphrase_fits(path, passphrase):
                raise VaultDamaged(
                    path, "its first page is damaged; the passphrase is right"
                ) from error
            raise WrongPassphrase() from error
        typed = translate(error, path)
        raise (VaultDamaged(path, str(error)) if typed is error else typed) from error
    return connection


# What other files begin with, so that one chosen by mistake is named for what it is.
_KNOWN_STARTS = (
    (b"PK\x03\x04", "a ZIP archive or a Word, Excel or other Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Word or Office document"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "a rich-text document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


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
        start = file.read(_PAGE_SIZE)
    if start.startswith(_PLAIN_SQLITE_HEADER):
        raise NotAVault(path, "it is an unencrypted SQLite database")
    for magic, kind in _KNOWN_STARTS:
        if start.startswith(magic):
            raise NotAVault(path, f"it looks like {kind}")
    if _looks_like_text(start):
        raise NotAVault(path, "it looks like a text file")
    if size % _PAGE_SIZE:
        raise VaultDamaged(path, "its size is not a whole number of pages")


def _looks_like_text(start: bytes) -> bool:
    """Encrypted pages are random bytes: a start that reads as plain text is not a vault."""
    try:
        text = start.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\n\r\t" for char in text)


def _keyed_connection(path: Path, passphrase: str, read_only: bool) -> sqlcipher3.Connection:
    if read_only:
        # mode=ro: SQLite never writes the file; immutable where not even the write-ahead
        # log's index can be made (read-only media; a full disk with no log, so no writer,
        # beside the file), since nobody can be writing there. An empty log holds nothing: a
        # writer that met the full disk left it, with an index it could not finish.
        log = path.with_name(path.name + "-wal")
        no_log = not log.exists() or log.stat().st_size == 0
        unwritable = (
            _read_only_media(path)
            or not os.access(path.parent, os.W_OK)
            or (no_log and disk_is_full(path))
        )
        frozen = "&immutable=1" if unwritable else ""
        connection = sqlcipher3.connect(
            f"{path.resolve().as_uri()}?mode=ro{frozen}",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
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
    schema.add_word_walks(connection)  # for spelling out a prefix (storage/search.py)


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
        # Why nothing may be written (read-only media, damage found, `verify`); None if it may.
        self.read_only_because: str | None = None

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
                connection = _keyed_connection(path, passphrase, read_only=False)
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
    def open(
        cls,
        path: Path,
        passphrase: str,
        *,
        read_only: bool = False,
        backup_folders: tuple[Path, ...] = (),
        progress: Progress | None = None,
    ) -> Vault:
        """Unlock. A vault that cannot be written, or in which the page check finds damage, or
        that is opened `read_only` (as `verify` does), opens for reading only: then nothing
        is written into the file (no audit line, no migration, no checkpoint of its log).
        A refused passphrase that opened the vault before a change raises FormerPassphrase,
        found by the before-change backups in `backup_folders` and the vault's own folder.
        `progress` hears from a long update of an older vault (storage.schema.migrate)."""
        path = Path(path)
        check_file(path)
        why_read_only = "you asked to only read it" if read_only else _unwritable(path)
        lock = InstanceLock(path).acquire(read_only=why_read_only is not None)
        # Looked at before anything here touches the file (make_private may change its mode).
        proven = why_read_only is None and page_proof.unchanged(path)
        if why_read_only is None:
            make_private(path)
        try:
            connection, why_read_only = _open_checked(
                path, passphrase, why_read_only, proven, progress
            )
        except WrongPassphrase:
            # Counted beside the vault, which cannot be written without its key; the
            # instance lock held here keeps two processes from counting at once.
            unlock_counter.count_failure(path)
            lock.release()
            _raise_if_former(path, passphrase, backup_folders)
            raise
        except DiskFull as error:
            lock.release()
            raise error.doing(_NOT_OPENED) from error
        except BaseException:
            lock.release()
            raise
        vault = cls(path, connection, passphrase, lock)
        vault.read_only_because = why_read_only
        if why_read_only in (None, DAMAGE_FOUND):
            page_proof.forget(path)  # kept again only when a session locks a sound vault
        if why_read_only is None:
            with translated(path):
                vault.moved = lineage.restrain(connection)  # a handed-off copy: read-only
        if why_read_only is not None or vault.moved is not None:
            # Read-only: it takes no audit line, and counts stay beside it.
            return vault
        failed = unlock_counter.read(path)
        try:
            with vault.transaction():
                vault.audit(AuditAction.UNLOCK)
                if failed:
                    vault.audit(AuditAction.FAILED_UNLOCK, failed.audit_record())
        except DiskFull as error:
            vault.close()
            raise error.doing(_NOT_OPENED) from error
        except BaseException:
            vault.close()
            raise
        unlock_counter.clear(path)  # only once the log holds the count
        return vault

    @property
    def writable(self) -> bool:
        """False for a vault open read-only (damage, media, `verify`) or a handed-off copy."""
        return self.read_only_because is None and self.moved is None

    def refuse_writes(self) -> None:
        """Raise why nothing may be written, if so: VaultReadOnly for a vault open read-only,
        ReadOnlyCopy for a handed-off copy. The one check before every write."""
        if self.read_only_because is not None:
            raise VaultReadOnly(self.read_only_because)
        if self.moved is not None:
            raise lineage.ReadOnlyCopy(self.moved)

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
                if self.read_only_because is None:
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
                if self.writable:  # sound, and nothing but this session wrote it
                    page_proof.keep(self.path)
                self._lock.release()

    # -- reading and writing ---------------------------------------------------------------

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[sqlcipher3.Connection]:
        """One write transaction; nested use joins the outer one.

        `durable=False`: committed without waiting for the disk to have it (synchronous =
        NORMAL for this commit). In WAL mode that never harms the vault; a power cut can only
        lose such commits made since the last durable one, which makes them durable too. For
        what is not worth a wait in the middle of a click: where the person was.
        """
        with self._mutex, translated(self.path):
            connection = self._require_open()
            self.refuse_writes()
            if self._depth:
                self._depth += 1
                try:
                    yield connection
                finally:
                    self._depth -= 1
                return
            if not durable:
                connection.execute("PRAGMA synchronous = NORMAL")
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
                if not durable:
                    connection.execute("PRAGMA synchronous = FULL")  # as _configure sets it

    def read(self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()) -> list[tuple]:
        with self._mutex:
            try:
                with translated(self.path):
                    return self._require_open().execute(sql, parameters).fetchall()
            except VaultDamaged:
                # Met on a vault that may be written (the disk decayed since its pages were
                # last proven): nothing more is written into it, from now on.
                self._stop_writing(DAMAGE_FOUND)
                self._read_on_after_damage()
                raise

    def _read_on_after_damage(self) -> None:
        """SQLCipher refuses every later read on a connection that met a damaged page. A vault
        known to be damaged (open read-only) reads on through a fresh read-only connection,
        so that the parts on whole pages can still be read, copied and exported."""
        if self.read_only_because != DAMAGE_FOUND or self._connection is None:
            return
        spent = self._connection
        self._connection = connect(self.path, self._passphrase or "", read_only=True)
        spent.close()

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
            reader = connect(self.path, passphrase, read_only=True)
            reader.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
            reader.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
            schema.add_word_walks(reader)
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
            connection = connect(self.path, self._passphrase or "", read_only=True)
        except VaultDamaged as error:
            return IntegrityReport([error.message])
        try:
            report = _integrity_of(connection, self.path)
            if report.ok:
                report = _with_history(connection, self.path, report, seal)
        finally:
            connection.close()
        if not report.ok:  # damage known: from now on nothing is written into the file
            self._stop_writing(DAMAGE_FOUND)
        return report

    def _stop_writing(self, why: str) -> None:
        """From now on nothing is written into the file: the main connection becomes a
        read-only one, swapped so that closing the old one checkpoints nothing into it."""
        with self._mutex:
            if self.read_only_because is not None or self._connection is None:
                return
            self.read_only_because = why
            self._connection = _reopened_read_only(
                self._connection, self.path, self._passphrase or ""
            )

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
            clear_work_file(partial)
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
                reader = connect(self.path, self._passphrase or "", read_only=True)
                try:
                    reader.execute("VACUUM INTO ?", (str(partial),))
                finally:
                    reader.close()
            progress("Checking the copy", 0.6)
            verify_copy(partial, self._passphrase or "", schema.LATEST_VERSION)
            with translated(target):
                put_in_place(partial, target)
        except DiskFull as error:
            drop_work_file(partial)
            raise error.doing(f"the backup {target.name} was not written") from error
        except BaseException:
            drop_work_file(partial)
            raise
        if self.read_only_because is None:
            self.audit(AuditAction.BACKUP, target.name)
        progress("Backup written", 1.0)
        return target

    def seal(self, text: str) -> SealedText:
        """`text` sealed under this vault's passphrase, to hold in memory over a lock."""
        return held_text.seal(text, self._passphrase or "")

    def change_passphrase(
        self, current: str, new: str, backup_folder: Path, progress: Progress | None = None
    ) -> Path:
        """Back up, then write a copy under the new passphrase, prove it opens, and rename it
        over the vault. Returns the backup.

        Never `PRAGMA rekey` in place: on a full disk it can report success with half the
        pages re-encrypted in the log, which the next save would commit. Here the vault file
        is untouched until one atomic rename puts the proven copy in its place, so a crash or
        a full disk at any moment leaves one whole file under one passphrase, old or new.
        """
        progress = progress or _no_progress
        if current != self._passphrase:
            raise WrongPassphrase()
        if not new:
            raise EmptyPassphrase()
        check_passphrase(new)  # refuse an impossible passphrase before touching anything
        self.refuse_writes()  # a read-only vault or a handed-off copy is not rekeyed
        copy = rekeying_path(self.path)
        with translated(self.path):
            clear_work_file(copy)  # a folder in the way is said before the backup is made
        started = datetime.now().replace(microsecond=0)  # the change's time, said to the person
        stamp = started.strftime("%Y-%m-%d_%H%M%S")
        backup = self.backup_to(
            # Two changes in one second: the first one's backup (the older passphrase's) stays.
            unused_name(Path(backup_folder) / f"{self.path.stem}{BEFORE_CHANGE}{stamp}.vault"),
            lambda text, share: progress(text, share * 0.5),
        )
        progress("Changing the passphrase", 0.6)
        # The read connection holds the old key: close it, and keep it closed until the new
        # passphrase is in place, so that no search reopens it with the old one meanwhile.
        # The main lock is held throughout: no save lands in the old file after the copy.
        with self._reader_mutex, self._mutex:
            self._drop_reader()
            old_file = former_record.file_salt(self.path)
            try:
                self._write_rekeyed_copy(copy, new)
                progress("Checking the new passphrase", 0.8)
                verify_copy(copy, new, schema.LATEST_VERSION)
                fsync_file(copy)
                self._lock.follow(copy)
                self._connection_swap(copy, new)
            except DiskFull as error:
                drop_work_file(copy)
                raise error.doing(
                    "the passphrase was not changed: your old passphrase still applies"
                ) from error
            except BaseException:
                drop_work_file(copy)
                raise
        # Only now, with the vault renamed and reopened under the new passphrase, is the old one
        # a former passphrase: a change that failed or was rolled back leaves no line for it. A
        # crash before these lines leaves the change made but unrecorded and unlogged, and the
        # backup named for it tells an old passphrase from damage (see former_passphrase).
        if old_file is not None:
            former_record.remember(self.path, current, started, old_file)
        self.audit(AuditAction.PASSPHRASE_CHANGED)
        progress("Passphrase changed", 1.0)
        return backup

    def _write_rekeyed_copy(self, copy: Path, new: str) -> None:
        """The whole vault, under `new`, in a file of its own."""
        connection = self._require_open()
        with translated(self.path):
            clear_work_file(copy)
            reserve_private_file(copy)
            connection.execute(
                f"ATTACH DATABASE ? AS rekeyed KEY {quote_passphrase(new)}", (str(copy),)
            )
            try:
                connection.execute("SELECT sqlcipher_export('rekeyed')")
                version = schema.version_of(connection)
                connection.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
            finally:
                connection.execute("DETACH DATABASE rekeyed")

    def _connection_swap(self, copy: Path, new: str) -> None:
        """Put the proven copy in the vault's place and reopen on it; the old file is gone
        in one rename (its log was checkpointed, so nothing of it is lost)."""
        old = self._require_open()
        with translated(self.path):
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            old.close()
            self._connection = None
            os.replace(copy, self.path)
            fsync_folder(self.path.parent)
        self._passphrase = new
        connection = connect(self.path, new)
        with translated(self.path):
            _configure(connection)
        self._connection = connection


BEFORE_CHANGE = "-before-passphrase-change-"
REKEYING = ".rekeying"


def rekeying_path(vault_path: Path) -> Path:
    """Where a passphrase change writes its copy before the rename."""
    return vault_path.with_name(vault_path.name + REKEYING)


def _no_progress(_text: str, _share: float) -> None:
    return None


def _unwritable(path: Path) -> str | None:
    """Why the vault file cannot be written, or None when it can."""
    if _read_only_media(path):
        return "the disk it is on is read-only"
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return "you may not write to the file or its folder"
    return None


def _read_only_media(path: Path) -> bool:
    # statvfs also tells root, for whom os.access says every file may be written.
    statvfs = getattr(os, "statvfs", None)
    return bool(statvfs and statvfs(path).f_flag & os.ST_RDONLY)


DAMAGE_FOUND = "damage was found in it"
_NOT_OPENED = "the vault could not be opened"


def _raise_if_former(path: Path, passphrase: str, folders: tuple[Path, ...]) -> None:
    from storage import former_passphrase  # it reads this module's names

    moment = former_passphrase.changed_on(
        path, passphrase, (*folders, path.parent, path.parent / "backups")
    )
    if moment is not None:
        raise FormerPassphrase(moment)


def _open_checked(
    path: Path,
    passphrase: str,
    why_read_only: str | None,
    proven: bool = False,
    progress: Progress | None = None,
) -> tuple[sqlcipher3.Connection, str | None]:
    """A connection whose pages passed SQLCipher's check before anything was written, and
    why it is read-only (None: it may be written, and has been configured and migrated).
    A file `proven` unchanged since a sound session locked it (storage/page_proof.py) is not
    read again page by page, unless a write-ahead log waits.

    The check reads on a read-only connection whenever a write-ahead log waits to be
    checkpointed: closing a writing connection would copy it into a file that may be damaged.
    """
    log = path.with_name(path.name + "-wal")
    pending = log.exists() and log.stat().st_size > 0
    opened_read_only = why_read_only is not None or pending
    connection = connect(path, passphrase, read_only=opened_read_only)
    try:
        with translated(path):
            damaged = not (proven and not pending) and _damage_found(connection, progress)
        found = schema.version_of(connection)
        if found > schema.LATEST_VERSION:
            raise VaultTooNew(found, schema.LATEST_VERSION)
        if damaged or why_read_only is not None:
            if not damaged and found < schema.LATEST_VERSION:
                raise VaultError(
                    "This vault was written by an older version of Alliance and must be "
                    f"updated before it can be read, which cannot happen here ({why_read_only})."
                    " Copy it to a folder you can write to and open that copy."
                )
            if damaged and not opened_read_only:
                connection = _reopened_read_only(connection, path, passphrase)
            return connection, DAMAGE_FOUND if damaged else why_read_only
        if pending:  # sound: now a connection that may write (and checkpoint)
            connection.close()
            connection = connect(path, passphrase)
        with translated(path):
            _configure(connection)
            schema.migrate(connection, progress)
    except BaseException:
        connection.close()
        raise
    return connection, None


CHECKING = "Checking every page of the vault before opening it…"
# A check shorter than this says nothing: a small vault's would only flash a dialog.
QUIET_CHECK_S = 0.3
_REPORT_EVERY_S = 0.03


def _damage_found(connection: sqlcipher3.Connection, progress: Progress | None) -> bool:
    """SQLCipher's check of every page's HMAC, true if a page fails it.

    It calls no progress handler, and takes 2.3 s at 50,000 sessions: with `progress` (the
    window's), it runs on a thread of its own (SQLite lets go of the GIL meanwhile) while this
    one reports every 30 ms once QUIET_CHECK_S have passed, so the window keeps painting.
    """
    if progress is None:
        return any(connection.execute("PRAGMA cipher_integrity_check"))
    answer: list[Any] = []

    def check() -> None:
        try:
            answer.append(any(connection.execute("PRAGMA cipher_integrity_check")))
        except BaseException as error:  # raised on the calling thread below
            answer.append(error)

    worker = threading.Thread(target=check, name="every-page check", daemon=True)
    started = time.monotonic()
    worker.start()
    while worker.is_alive():
        worker.join(_REPORT_EVERY_S)
        if worker.is_alive() and time.monotonic() - started >= QUIET_CHECK_S:
            progress(CHECKING, 0.0)
    (found,) = answer
    if isinstance(found, BaseException):
        raise found
    return found


def _reopened_read_only(
    connection: sqlcipher3.Connection, path: Path, passphrase: str
) -> sqlcipher3.Connection:
    """Swap a writing connection for a read-only one without a checkpoint on close: while the
    read-only one is open, the writer is not the last connection and leaves the log alone."""
    reader = connect(path, passphrase, read_only=True)
    connection.close()
    return reader


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
