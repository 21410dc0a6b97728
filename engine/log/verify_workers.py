"""Hashing a large run's rows on several cores, in worker processes, in content order."""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .verify_rows import _bulk_rows, _ident

if TYPE_CHECKING:  # the process pool is imported only when a large run needs it
    from concurrent.futures import Future, ProcessPoolExecutor

# A large run's rows are cut into chunks of ids, hashed by worker processes (threads do not
# help: SQLite's global memory mutex serializes them) and fed to the content hash in order.
# A committed run's rows never change, so a worker's own connection reads the same rows as
# the verifying transaction's snapshot. Small logs never start a worker.

_CHUNK_ROWS = 20_000
_Task = tuple[str, str, tuple[Any, ...]]  # table, WHERE ... ORDER BY, parameters


def _chunks(conn: sqlite3.Connection, table: str, run_id: int) -> list[_Task]:
    """The rows of one run in ``table`` as tasks in content order, ~_CHUNK_ROWS each."""
    if table == "records":
        # sorted by hash in Python (``_bulk_rows``): SQLite would sort the whole rows
        return [(table, "WHERE first_run_id = ?", (run_id,))]
    t = _ident(table)
    first = conn.execute(f"SELECT MIN(id) FROM {t} WHERE run_id = ?", (run_id,)).fetchone()[0]
    if first is None:
        return [(table, "WHERE run_id = ? ORDER BY id", (run_id,))]
    tasks: list[_Task] = []
    start = first
    while True:
        nxt = conn.execute(
            f"SELECT id FROM {t} WHERE run_id = ? AND id >= ? ORDER BY id LIMIT 1 OFFSET ?",
            (run_id, start, _CHUNK_ROWS),
        ).fetchone()
        if nxt is None:
            tasks.append((table, "WHERE run_id = ? AND id >= ? ORDER BY id", (run_id, start)))
            return tasks
        tasks.append(
            (table, "WHERE run_id = ? AND id >= ? AND id < ? ORDER BY id", (run_id, start, nxt[0]))
        )
        start = nxt[0]


_WORKER: dict[str, sqlite3.Connection] = {}


def _worker_open(path: str) -> None:
    from .connection import connect_readonly

    _WORKER["conn"] = connect_readonly(path, timeout=60)


def _worker_run(task: _Task) -> tuple[list[str], int]:
    return _bulk_rows(_WORKER["conn"], *task)


class _Readers:
    """Worker processes, started on the first run large enough to split, each with its own
    read-only connection to the log file."""

    def __init__(self, conn: sqlite3.Connection, workers: int) -> None:
        rows = conn.execute("PRAGMA database_list").fetchall()
        self._path = next((str(r[2]) for r in rows if r[1] == "main"), "")
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._failed = workers < 2 or not self._path
        self.usable = True  # False once a worker process failed

    @property
    def pool(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._failed:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            try:
                self._pool = ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_open,
                    initargs=(self._path,),
                )
            except (OSError, ValueError):
                self._failed = True
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _results(
    conn: sqlite3.Connection, readers: _Readers | None, tasks: list[_Task]
) -> Iterator[tuple[str, list[str], int]]:
    """Each task's (table, lines, count), in task order; in worker processes when the run
    is large. A worker that cannot run (say, the file cannot be opened twice) only costs
    time: its task is done here instead."""
    # one task per table: nothing was split, the run is small
    pool = None if readers is None or len(tasks) <= 3 else readers.pool
    if pool is None:
        for task in tasks:
            yield (task[0], *_bulk_rows(conn, *task))
        return
    from concurrent.futures import BrokenExecutor

    window: deque[tuple[_Task, Future[tuple[list[str], int]] | None]] = deque()
    try:
        for task in tasks:
            fut = None
            if pool is not None and readers is not None and readers.usable:
                try:
                    fut = pool.submit(_worker_run, task)
                except (BrokenExecutor, RuntimeError, OSError):
                    readers.usable = False
            window.append((task, fut))
            if len(window) > 4:  # a few chunks ahead: memory stays bounded
                yield _take(conn, readers, *window.popleft())
        while window:
            yield _take(conn, readers, *window.popleft())
    finally:
        for _, fut in window:
            if fut is not None:
                fut.cancel()


def _take(
    conn: sqlite3.Connection,
    readers: _Readers | None,
    task: _Task,
    fut: Future[tuple[list[str], int]] | None,
) -> tuple[str, list[str], int]:
    if fut is not None and readers is not None:
        from concurrent.futures import BrokenExecutor

        try:
            return (task[0], *fut.result())
        except BrokenExecutor:
            readers.usable = False
    return (task[0], *_bulk_rows(conn, *task))
