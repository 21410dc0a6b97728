"""Run ``check`` with ``--jobs 1`` and ``--jobs 2`` into two logs and read them back: what the
tests holding the workers to one process's results compare."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.log import AuditLog
from decaudit.engine.types import CheckResult


def result_key(r: CheckResult) -> tuple[object, ...]:
    """What a run reports, apart from its timings."""
    return (r.findings, r.errors, r.files, r.record_count, r.exit_code, r.totals, r.skipped)


def log_rows(db: Path) -> tuple[object, ...]:
    """Every row a run logged, each table in the order of its primary key (row hashes
    included), and the run's counts."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("findings", "run_records", "records")
        ]
        runs = conn.execute("SELECT input_digest, record_count, finding_count FROM runs")
        return (*tables, runs.fetchall())
    finally:
        conn.close()


def checked_with_jobs(
    paths: tuple[str, ...], logs_in: Path, today: dt.date
) -> tuple[list[CheckResult], list[tuple[object, ...]]]:
    """The results and verified log rows of ``--jobs 1`` and ``--jobs 2`` (``log1.db`` and
    ``log2.db`` in ``logs_in``)."""
    results, logs = [], []
    for jobs in (1, 2):
        db = logs_in / f"log{jobs}.db"
        results.append(run_check(CheckOptions(paths=paths, today=today, db=str(db), jobs=jobs)))
        with AuditLog.open(db) as log:
            assert log.verify().ok
        logs.append(log_rows(db))
    return results, logs
