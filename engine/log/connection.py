"""Opening the log file: pragmas on every connection, and the write transaction."""

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
