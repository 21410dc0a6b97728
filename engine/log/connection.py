"""Opening the log file: the one place that connects to SQLite.

:func:`connect` opens the log for writing (pragmas, WAL); :func:`connect_readonly` opens it for
the commands that only read it, so that an auditor with read-only access can use the log and
no reader leaves files behind:

* when the reader may write the log file and its folder, a normal connection with
  ``PRAGMA query_only`` (nothing can be written through it; SQLite removes the ``-wal`` and
  ``-shm`` files when the last connection closes, as for any writer);
* otherwise the file is opened ``mode=ro``, using the ``-wal``/``-shm`` files a writer left;
  when there are none, with ``immutable=1``, which creates none (the log's owner writes
  nothing meanwhile: nobody else can write a file its reader cannot).

``snapshot`` holds one read transaction. Nothing else in decaudit calls ``sqlite3.connect``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LogError

BUSY_TIMEOUT_S = 60.0


def connect(path: str | Path, *, timeout: float | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, busy timeout,
    ``recursive_triggers`` on (so REPLACE's implicit delete fires the guards too)."""
    timeout = BUSY_TIMEOUT_S if timeout is None else timeout
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise LogError(f"{path}: cannot open the audit log: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA recursive_triggers = ON")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # is it a database?
        if os.access(path, os.W_OK) or not os.path.exists(path):
            _set_wal(conn, timeout)
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise LogError(f"{path}: not an SQLite database ({exc})") from exc
        raise LogError(f"{path}: cannot open the audit log: {exc}") from exc
    return conn


def _set_wal(conn: sqlite3.Connection, timeout: float) -> None:
    # Switching a fresh file to WAL needs a moment of exclusive access; concurrent openers
    # may see SQLITE_BUSY here without the busy handler, so retry until the timeout.
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return  # WAL, or the mode the medium allows (never an error for that)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
        time.sleep(0.02)


LOCK_WAIT_S = 900.0  # how long a writer queues for the write lock before giving up


def _begin_immediate(conn: sqlite3.Connection, wait: float) -> None:
    # Each attempt already waits busy_timeout; keep queueing behind long runs of other
    # writers (eight CI jobs writing 100k-record runs) rather than dropping this run.
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


@contextmanager
def immediate(
    conn: sqlite3.Connection, *, wait: float = LOCK_WAIT_S
) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception."""
    _begin_immediate(conn, wait)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def may_write(path: str | Path) -> bool:
    """The log file and its folder are writable by this process."""
    p = Path(path)
    return os.access(p, os.W_OK) and os.access(p.parent if str(p.parent) else ".", os.W_OK)


def connect_readonly(path: str | Path, *, timeout: float | None = None) -> sqlite3.Connection:
    """A connection that cannot write the log and leaves no file behind (see the module)."""
    p = Path(path)
    if not p.is_file():
        raise LogError(f"{path}: no audit log here (run `decaudit check` first, or pass --db)")
    if may_write(p):
        try:
            conn = connect(p, timeout=timeout)
        except LogError as exc:
            if "not an SQLite database" in str(exc):
                raise LogError(
                    f"{path}: not an SQLite database; cannot read the audit log"
                ) from exc
            raise
        conn.execute("PRAGMA query_only = ON")
        return conn
    uri = p.resolve().as_uri()
    side = [Path(f"{p}-wal"), Path(f"{p}-shm")]
    if any(f.exists() for f in side):
        try:
            return _open_uri(f"{uri}?mode=ro", timeout)
        except sqlite3.DatabaseError as exc:
            wal = side[0]
            if wal.exists() and wal.stat().st_size > 0:
                raise LogError(
                    f"{path}: cannot read the audit log: {exc} (its -wal file holds rows not "
                    "yet in the log file, and this user cannot open it; ask the log's owner "
                    "to run `decaudit verify` once, which folds them in)"
                ) from exc
    try:
        return _open_uri(f"{uri}?mode=ro&immutable=1", timeout)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise LogError(f"{path}: not an SQLite database; cannot read the audit log") from exc
        raise LogError(f"{path}: cannot read the audit log: {exc}") from exc


def _open_uri(uri: str, timeout: float | None) -> sqlite3.Connection:
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    conn = sqlite3.connect(uri, uri=True, timeout=wait, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # is it a database?
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same state of the log, even while
    another process appends a run (WAL readers keep their snapshot)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.rollback()
