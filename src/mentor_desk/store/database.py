"""Opening the SQLCipher database: raw key, cipher check, refusal of newer schemas, migrations.

Nothing here creates a database unless asked to (``create=True``): a store that cannot be
opened is reported, never replaced.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3

from mentor_desk.store.errors import NotEncrypted, StoreDamaged, StoreTooNew, WrongPassphrase
from mentor_desk.store.schema import MIGRATIONS, STORE_VERSION

log = logging.getLogger(__name__)
Connection = Any  # sqlcipher3 ships no type information

DatabaseError = sqlcipher3.DatabaseError


def connect(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open (or with ``create`` make) the encrypted database at ``path`` with raw ``key``.

    Raises:
        StoreDamaged: the file is missing (and not ``create``), truncated or corrupt.
        WrongPassphrase: never here; a wrong *key* looks like a corrupt file to SQLCipher,
            and the key file's authentication tag already caught a wrong passphrase.
        NotEncrypted: plain SQLite was loaded instead of SQLCipher.
        StoreTooNew: the schema is newer than this program.
    """
    if not create and not path.is_file():
        raise StoreDamaged("the data file is missing")
    if create and path.exists():
        raise StoreDamaged("a data file is already there")
    mode = "rwc" if create else "rw"
    uri = f"file:{quote(str(path))}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise StoreDamaged(type(exc).__name__) from None
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise NotEncrypted()
        try:
            # The first real read decrypts page 1: this is where a bad key or file shows.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlcipher3.DatabaseError:
            raise StoreDamaged("it could not be decrypted") from None
        if user_version > STORE_VERSION:
            raise StoreTooNew(user_version, STORE_VERSION)
        # Only now, with a store we understand, change anything.
        conn.execute("PRAGMA temp_store = MEMORY")
        # 32 MiB of page cache instead of 2 MiB: every page read again from the cache is one
        # not decrypted again (a first sync of office size: -5%).
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        if user_version < STORE_VERSION:
            migrate(conn, user_version)
        else:
            check_integrity_quick(conn)
    except (StoreDamaged, StoreTooNew, NotEncrypted, WrongPassphrase):
        conn.close()
        raise
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise StoreDamaged(type(exc).__name__) from None
    return conn


def cipher_version() -> str:
    """The SQLCipher library's version (``PRAGMA cipher_version`` on a scratch connection),
    or an empty string when plain SQLite was loaded instead."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


def check_integrity_quick(conn: Connection) -> None:
    """Touch the first pages of every table and index, so a truncated or damaged file is
    reported at unlock rather than in the middle of a save.

    The full per-page check (:func:`verify_all_pages`) reads the whole file — over a second
    for an office-size store — so the program runs it in the background after unlock.
    """
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        conn.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()
    conn.execute("SELECT max(rowid) FROM search_doc").fetchall()  # the last page of a big table


def verify_all_pages(path: Path, key: bytes) -> int:
    """Authenticate every page of the database on a separate read-only connection.

    Returns the number of damaged pages (0 = all good). Safe to run in a background thread
    while the store is in use (WAL readers do not block the writer).
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except sqlcipher3.DatabaseError:
        return -1
    finally:
        conn.close()


def _columns(conn: Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}


def migrate(conn: Connection, current: int) -> None:
    """Apply every migration from ``current`` up, each in its own transaction."""
    for version in range(current, STORE_VERSION):
        log.info("migrating local store from schema %d to %d", version, version + 1)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in MIGRATIONS[version](lambda table: _columns(conn, table)):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
