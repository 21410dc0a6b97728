"""Opening the log file: the one place that connects to it.

``connect`` opens it for writing (pragmas on every connection, the write transaction);
``connect_readonly`` opens it for the read commands and the report, and ``snapshot`` holds
one read transaction.
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


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the log read-only. A missing or unreadable file raises ``LogError``.

    A log in WAL mode needs its ``-shm`` file to be read; on a read-only medium (an archived
    log, a read-only share) that file cannot be created. When no ``-wal`` file holds
    committed rows that are not yet in the database file, the file is then opened as
    immutable, which needs neither.
    """
    p = Path(path)
    if not p.is_file():
        raise LogError(f"{path}: no audit log here (run `decaudit check` first, or pass --db)")
    uri = p.resolve().as_uri()
    try:
        return _open(f"{uri}?mode=ro")
    except sqlite3.OperationalError as exc:
        wal = Path(f"{p}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise LogError(f"{path}: cannot read the audit log: {exc}") from exc
        try:
            return _open(f"{uri}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as exc2:
            raise LogError(f"{path}: cannot read the audit log: {exc2}") from exc2
    except sqlite3.DatabaseError as exc:
        raise LogError(f"{path}: cannot read the audit log: {exc}") from exc


def _open(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
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
