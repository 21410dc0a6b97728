"""Worker processes that parse, evaluate and encode: ``jobs=2`` is ``jobs=1``, row for row.

The inputs mix what the workers parse themselves (large JSON Lines files, read in chunks)
with what the main process reads (YAML and Markdown files), with bad lines, a file with
more errors than are shown, and decision ids defined twice across both kinds, so the
run-wide rules (duplicate ids, errors per file) are applied in input order either way. The
logs must hold the same rows with the same hashes and verify; a run killed half-way leaves
no trace.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.log import AuditLog
from decaudit.engine.records import sources as sources_module
from jobs_runs import checked_with_jobs, log_rows, result_key

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

TODAY = dt.date(2026, 1, 1)


def _inputs(folder: Path, seed: int) -> tuple[str, ...]:
    big = corpus.write_jsonl(folder / "big.jsonl", 160, seed=seed)
    lines = big.read_text().splitlines()
    lines.insert(30, "{not json")
    lines.insert(31, '{"id": "BAD", "title": 5}')
    lines.append(lines[5])  # a duplicate id in the same file, chunks apart
    big.write_text("\n".join(lines) + "\n")
    many = folder / "many-errors.jsonl"
    many.write_text("\n".join(["[1"] * 105 + lines[:3]) + "\n")  # 105 errors, 3 duplicates
    first = json.loads(lines[0])
    (folder / "again.yaml").write_text(f"id: {first['id']}\ntitle: defined twice\n")
    return (str(ROOT / "samples"), str(big), str(many), str(folder / "again.yaml"))


@pytest.mark.parametrize("seed", [3, 11])
def test_workers_parse_and_log_exactly_what_one_process_does(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources_module, "STREAM_CHUNK", 4000)  # many chunks, in the workers
    paths = _inputs(tmp_path, seed)
    (one, two), logs = checked_with_jobs(paths, tmp_path, TODAY)
    assert one.record_count > 150 and one.findings
    messages = [e.message for e in one.errors]
    assert sum("duplicate decision id" in m for m in messages) >= 2
    assert any("more errors in this file not shown" in m for m in messages)
    assert result_key(two) == result_key(one)
    assert logs[0] == logs[1]  # every column, row hashes included
    assert len(logs[0][0]) > 500


def test_without_a_log_the_workers_send_the_findings(tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 5)
    one = run_check(CheckOptions(paths=paths, today=TODAY, jobs=1, collect_all=True))
    two = run_check(CheckOptions(paths=paths, today=TODAY, jobs=2, collect_all=True))
    assert result_key(two) == result_key(one) and two.all_findings == one.all_findings


def test_a_killed_parallel_run_leaves_a_verifying_log(tmp_path: Path) -> None:
    big = corpus.write_jsonl(tmp_path / "big.jsonl", 6000, seed=2)
    db = tmp_path / "log.db"
    cmd = [sys.executable, "-m", "decaudit.cli.main", "check"]
    opts = ["--db", str(db), "-q", "--today", "2026-01-01", "--max-file-size", "1GB"]
    first = subprocess.run([*cmd, str(ROOT / "samples"), *opts], capture_output=True, text=True)
    assert first.returncode in (0, 1), first.stderr
    proc = subprocess.Popen(
        [*cmd, str(big), *opts, "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the workers die with it
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Path(f"{db}-wal").exists():
        time.sleep(0.05)
    time.sleep(1.0)  # well inside the run (rows are being written)
    killed = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    with AuditLog.open(db) as log:
        result = log.verify()
        assert result.ok, result.divergence
        runs = log.conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
        assert runs == (1 if killed else 2)
        if killed:  # nothing of the killed run is left
            assert log.conn.execute("SELECT MAX(run_id) FROM run_records").fetchone() == (1,)


def test_ids_taken_from_paths_are_renamed_as_in_one_process(tmp_path: Path) -> None:
    """ADRs without ids in two checked folders with the same file names: each id comes from
    its path, and the second folder's are renamed by their whole path, in every mode."""
    import shutil

    for side in ("a", "b"):
        shutil.copytree(ROOT / "samples" / "adr", tmp_path / side / "adr")
    paths = (str(tmp_path / "a"), str(tmp_path / "b"), str(ROOT / "samples" / "adr"))
    one = run_check(CheckOptions(paths=paths, today=TODAY, jobs=1))
    two = run_check(CheckOptions(paths=paths, today=TODAY, jobs=2))
    assert one.record_count >= 8
    assert result_key(two) == result_key(one)
    ids = {f.decision_id for f in one.findings}
    assert any(i.startswith(str(tmp_path / "b")) or "/b/" in i for i in ids), sorted(ids)


def test_a_large_input_is_evaluated_in_a_worker_even_with_one_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from decaudit.engine import parallel

    paths = _inputs(tmp_path, 7)
    db_here, db_worker = tmp_path / "here.db", tmp_path / "worker.db"
    here = run_check(CheckOptions(paths=paths, today=TODAY, jobs=1, db=str(db_here)))
    started = []
    real = parallel.ParallelEvaluator.__init__

    def spy(self: object, jobs: int, *args: object) -> None:
        started.append(jobs)
        real(self, jobs, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "LARGE_INPUT", 1)
    monkeypatch.setattr(parallel.ParallelEvaluator, "__init__", spy)
    worker = run_check(CheckOptions(paths=paths, today=TODAY, jobs=1, db=str(db_worker)))
    assert started == [1]
    assert result_key(worker) == result_key(here)
    assert log_rows(db_worker) == log_rows(db_here)
