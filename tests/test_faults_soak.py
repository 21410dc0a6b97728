"""Soak: concurrent writers and readers on one log for ``DECAUDIT_SOAK_SECONDS`` (30 s).

Four writers run ``decaudit check`` in a loop; readers meanwhile run ``findings``, ``runs``
and ``verify`` through the CLI and check, in single read transactions, that every run they
can see is whole (its chain entry is there, its record and finding counts match its rows).
At the end every successful run is in the log (none lost) and the log verifies.

Marked ``soak``: deselect it with ``-m "not soak"`` for a quick run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

DECAUDIT = str(Path(sys.executable).with_name("decaudit"))
SECONDS = float(os.environ.get("DECAUDIT_SOAK_SECONDS", "30"))
WRITERS = 4


def whole_runs(db: Path) -> tuple[int, list[str]]:
    """Runs visible in one read snapshot, and the problems found with any of them."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    problems: list[str] = []
    try:
        conn.execute("BEGIN")
        runs = conn.execute("SELECT id, record_count, finding_count FROM runs").fetchall()
        for rid, records, findings in runs:
            chain = conn.execute("SELECT count(*) FROM chain WHERE run_id = ?", (rid,)).fetchone()
            got_f = conn.execute("SELECT count(*) FROM findings WHERE run_id = ?", (rid,))
            got_r = conn.execute("SELECT count(*) FROM run_records WHERE run_id = ?", (rid,))
            f, r = got_f.fetchone()[0], got_r.fetchone()[0]
            if chain[0] != 1 or f != findings or r != records:
                problems.append(
                    f"run {rid}: chain {chain[0]}, {r}/{records} records, {f}/{findings}"
                )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return len(runs), problems


@pytest.mark.soak
def test_concurrent_writers_and_readers(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    inputs = [
        corpus.write_jsonl(tmp_path / f"batch{i}.jsonl", 60, seed=100 + i) for i in range(WRITERS)
    ]
    deadline = time.monotonic() + SECONDS
    lock = threading.Lock()
    landed: list[int] = []
    failures: list[str] = []
    checks = {"sql": 0, "cli": 0}

    def writer(path: Path) -> None:
        took = 0.0  # start no run that would end past the deadline (after the first)
        while time.monotonic() + took < deadline:
            started = time.monotonic()
            p = subprocess.run(
                [DECAUDIT, "check", str(path), "--db", str(db), "-q", "--today", "2026-01-01"],
                capture_output=True,
                text=True,
            )
            took = time.monotonic() - started
            with lock:
                if p.returncode in (0, 1):
                    landed.append(1)
                else:
                    failures.append(f"writer exit {p.returncode}: {p.stderr.strip()}")

    def sql_reader() -> None:
        while time.monotonic() < deadline:
            if db.exists():
                try:
                    _, problems = whole_runs(db)
                except sqlite3.OperationalError as exc:  # the schema is being created
                    problems = [] if "no such table" in str(exc) else [f"reader: {exc}"]
                with lock:
                    failures.extend(problems)
                    checks["sql"] += 1
            time.sleep(0.05)

    def cli_reader() -> None:
        while time.monotonic() < deadline:
            if not db.exists():
                time.sleep(0.2)
                continue
            for args in (
                ["verify"],
                ["runs", "-f", "json"],
                ["findings", "--rule", "ALT001", "-f", "json", "--limit", "5"],
            ):
                if time.monotonic() > deadline:
                    break
                p = subprocess.run(
                    [DECAUDIT, *args, "--db", str(db)], capture_output=True, text=True
                )
                with lock:
                    checks["cli"] += 1
                    if p.returncode != 0 and "no audit log here" not in p.stderr:
                        failures.append(f"{args[0]} exit {p.returncode}: {p.stdout}{p.stderr}")
                    elif args[0] == "runs" and p.returncode == 0:
                        for run in json.loads(p.stdout):
                            if run["record_count"] != 60:
                                failures.append(f"runs shows a partial run: {run}")

    threads = [threading.Thread(target=writer, args=(p,)) for p in inputs]
    threads += [threading.Thread(target=sql_reader), threading.Thread(target=cli_reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not failures, failures[:5]
    assert len(landed) >= WRITERS and checks["sql"] > 0 and checks["cli"] > 0, (landed, checks)
    runs, problems = whole_runs(db)
    assert not problems
    assert runs == len(landed)  # every successful run landed, none lost
    p = subprocess.run([DECAUDIT, "verify", "--db", str(db)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
