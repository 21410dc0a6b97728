"""Concurrent writers and killed writers: every run lands, the chain stays intact."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.log import AuditLog, connection
from test_log_support import finding, meta, source

TESTS = str(Path(__file__).parent)
WRITERS, RUNS_EACH = 8, 4


def _writer(path: str, worker: int) -> None:
    sys.path.insert(0, TESTS)
    from test_log_support import finding, source, write_run

    for n in range(RUNS_EACH):
        with AuditLog.open(path) as log:  # every run opens the file afresh, like CI jobs
            ids = [f"W{worker}-DEC-{i}" for i in range(20)]
            write_run(
                log,
                [source(d) for d in ids] + [source("SHARED-1")],
                [finding(d) for d in ids],
                meta(command=f"worker {worker} run {n}"),
            )


def test_eight_processes_append_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")  # created by the writers themselves, concurrently
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, w)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with AuditLog.open(path, create=False) as log:
        result = log.verify()
        assert result.ok, result.divergence
        assert (result.runs, result.findings, result.head_seq) == (
            WRITERS * RUNS_EACH,
            WRITERS * RUNS_EACH * 20,
            WRITERS * RUNS_EACH,
        )
        commands = {r[0] for r in log.conn.execute("SELECT command FROM runs")}
        assert commands == {f"worker {w} run {n}" for w in range(WRITERS) for n in range(RUNS_EACH)}
        # the record audited by every worker is stored once
        shared = log.conn.execute(
            "SELECT COUNT(*) FROM records WHERE decision_id = 'SHARED-1'"
        ).fetchone()[0]
        assert shared == 1
        assert log.schema_version == 6
        assert log.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == 6


def _opener(path: str, barrier: Any) -> None:
    barrier.wait(30)
    AuditLog.open(path).close()


def test_racing_opens_of_a_new_file_all_succeed(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    for attempt in range(2):
        path = str(tmp_path / f"fresh-{attempt}.db")
        barrier = ctx.Barrier(WRITERS)
        procs = [ctx.Process(target=_opener, args=(path, barrier)) for _ in range(WRITERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0] * WRITERS
        with AuditLog.open(path, create=False) as log:
            versions = log.conn.execute("SELECT version FROM migrations").fetchall()
            assert versions == [(1,), (2,), (3,), (4,), (5,), (6,)]


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_log_support import finding, meta, source, write_run
    from decaudit.engine.log import AuditLog

    log = AuditLog.open({path!r})
    write_run(log, [source("DEC-0")], [finding("DEC-0")])
    w = log.writer()
    for i in range({n}):
        w.add_record(source(f"DEC-{{i}}"))
        w.add_finding(finding(f"DEC-{{i}}"), "d")
        if i == 100:
            print("SPOOLING", flush=True)
    print("COMMITTING", flush=True)
    w.commit(meta(command="big run"))
    print("DONE", flush=True)
    """
)


def _kill_at(tmp_path: Path, marker: str, n: int, delay: float) -> tuple[Path, list[str]]:
    path = tmp_path / "killed.db"
    script = KILLED_WRITER.format(tests=TESTS, path=str(path), n=n)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line.strip())
        if line.strip() == marker:
            break
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    return path, seen


def _assert_absent_or_complete(path: Path, n: int) -> int:
    with AuditLog.open(path, create=False) as log:
        result = log.verify()
        assert result.ok, result.divergence
        runs = log.conn.execute("SELECT id, finding_count FROM runs ORDER BY id").fetchall()
        assert runs[0] == (1, 1)
        if len(runs) == 2:  # the big run committed just before the kill: complete
            assert runs[1] == (2, n)
            assert log.conn.execute(
                "SELECT COUNT(*) FROM run_records WHERE run_id = 2"
            ).fetchone() == (n,)
        else:
            assert len(runs) == 1
            assert log.conn.execute("SELECT COUNT(*) FROM findings").fetchone() == (1,)
        # and the log takes new runs afterwards
        w = log.writer()
        new_id = w.commit(__import__("test_log_support").meta(command="after the crash"))
        assert new_id == len(runs) + 1
        assert log.verify().ok
        return len(runs)


def test_sigkill_while_spooling_leaves_no_trace(tmp_path: Path) -> None:
    path, seen = _kill_at(tmp_path, "SPOOLING", 200_000, 0.2)
    assert "COMMITTING" not in seen
    assert _assert_absent_or_complete(path, 200_000) == 1


def test_sigkill_while_committing_leaves_no_half_run(tmp_path: Path) -> None:
    n = 40_000
    # The run's transaction is open from its start, and its commit of 40k rows takes far
    # longer than 20 ms; 0.4 s was sometimes long enough for it to finish first.
    path, seen = _kill_at(tmp_path, "COMMITTING", n, 0.02)
    assert "DONE" not in seen
    # killed inside the BEGIN IMMEDIATE transaction: the run is rolled back on recovery
    assert _assert_absent_or_complete(path, n) == 1


def test_a_writer_queues_past_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.1)
    path = tmp_path / "busy.db"
    log = AuditLog.open(path)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another job holds the write lock for a while
    timer = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    timer.start()
    started = time.monotonic()
    w = log.writer()  # a run takes the write lock when it starts: it queues for it
    assert time.monotonic() - started >= 0.9  # it waited well past the busy timeout
    w.add_record(source("DEC-1"))
    w.add_finding(finding("DEC-1"), "d")
    assert w.commit(meta(command="patient run")) == 1
    timer.join()
    assert log.verify().ok
