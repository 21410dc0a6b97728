"""Faults under the audit log: read-only files and folders, a full disk, a killed run.

Each fault must end in exit 2 with a one-line message naming the log (or, for SIGKILL, in
nothing at all), and never in a half-written run: ``verify`` passes afterwards, the runs
written before are intact, and the log still accepts runs.

- Read-only: root ignores file modes, so a root run drops ``CAP_DAC_OVERRIDE`` first.
- Full disk: ``RLIMIT_FSIZE`` caps the files the run may grow (with ``SIGXFSZ`` ignored,
  writes past the cap fail with ``EFBIG``, which SQLite reports as a full disk or I/O error).
- SIGKILL: the run is killed at several moments of a large ``check``.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

DECAUDIT = [str(Path(sys.executable).with_name("decaudit"))]
TODAY = "2026-01-01"


def decaudit(
    *args: str, preexec: Callable[[], None] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [*DECAUDIT, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec,
        env=env,
        cwd="/",
    )


def check(db: Path, *paths: str, preexec: Callable[[], None] | None = None):  # type: ignore[no-untyped-def]
    return decaudit(
        "check",
        *paths,
        "--db",
        str(db),
        "--today",
        TODAY,
        "-q",
        "--max-file-size",
        "1GB",
        preexec=preexec,
    )


def run_rows(db: Path) -> list[tuple[int, int, int, int, int]]:
    """(run id, record_count, run_records rows, finding_count, findings rows) per run."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [
            (
                rid,
                rc,
                conn.execute("SELECT count(*) FROM run_records WHERE run_id=?", (rid,)).fetchone()[
                    0
                ],
                fc,
                conn.execute("SELECT count(*) FROM findings WHERE run_id=?", (rid,)).fetchone()[0],
            )
            for rid, rc, fc in conn.execute(
                "SELECT id, record_count, finding_count FROM runs ORDER BY id"
            ).fetchall()
        ]
    finally:
        conn.close()


def assert_whole(db: Path, runs: int | None = None) -> list[tuple[int, int, int, int, int]]:
    """The log verifies, and every run in it is complete (its rows all there)."""
    result = decaudit("verify", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    rows = run_rows(db)
    for rid, rc, rr, fc, fr in rows:
        assert rc == rr and fc == fr, (rid, rc, rr, fc, fr)
    if runs is not None:
        assert len(rows) == runs, rows
    return rows


@pytest.fixture()
def seeded_log(tmp_path: Path) -> Path:
    """A log holding one complete run over the samples."""
    folder = tmp_path / "log"
    folder.mkdir()
    db = folder / "audit.db"
    result = check(db, str(SAMPLES))
    assert result.returncode in (0, 1, 2), result.stderr
    assert_whole(db, runs=1)
    return db


# -- read-only -------------------------------------------------------------------------------


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def file_modes_apply() -> None:
    """In the child: make file modes bind even for root, by dropping the capabilities that
    override them (root then has only the owner bits of its files, like any user)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_read_only_log_file(seeded_log: Path) -> None:
    before = run_rows(seeded_log)
    seeded_log.chmod(0o444)
    seeded_log.parent.chmod(0o555)
    try:
        result = check(seeded_log, str(SAMPLES / "cold-chain-hub.yaml"), preexec=file_modes_apply)
    finally:
        seeded_log.parent.chmod(0o755)
        seeded_log.chmod(0o644)
    assert result.returncode == 2, result.stdout + result.stderr
    err = result.stderr.strip()
    assert err.startswith("decaudit: error:") and str(seeded_log) in err, err
    assert "\n" not in err and "Traceback" not in err
    assert run_rows(seeded_log) == before
    assert_whole(seeded_log, runs=1)


def test_read_only_log_directory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    db = folder / "audit.db"
    try:
        result = check(db, str(SAMPLES / "cold-chain-hub.yaml"), preexec=file_modes_apply)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stdout + result.stderr
    err = result.stderr.strip()
    assert err.startswith("decaudit: error:") and str(db) in err, err
    assert "\n" not in err
    assert not db.exists()


def test_read_only_log_still_answers_queries(seeded_log: Path) -> None:
    seeded_log.chmod(0o444)
    seeded_log.parent.chmod(0o555)
    try:
        runs = decaudit(
            "runs", "--db", str(seeded_log), "--format", "json", preexec=file_modes_apply
        )
        ok = decaudit("verify", "--db", str(seeded_log), preexec=file_modes_apply)
    finally:
        seeded_log.parent.chmod(0o755)
        seeded_log.chmod(0o644)
    assert runs.returncode == 0, runs.stderr
    assert len(json.loads(runs.stdout)) == 1
    assert ok.returncode == 0, ok.stdout + ok.stderr


# -- full disk -------------------------------------------------------------------------------


def file_cap(limit: int) -> Callable[[], None]:
    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return cap


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.write_jsonl(tmp_path_factory.mktemp("corpus") / "big.jsonl", 1500, seed=3)


@pytest.mark.parametrize("headroom", [16 * 1024, 256 * 1024, 2 * 2**20])
def test_full_disk_leaves_no_half_run(seeded_log: Path, big_corpus: Path, headroom: int) -> None:
    before = run_rows(seeded_log)
    wal = seeded_log.with_name(seeded_log.name + "-wal")
    size = max(seeded_log.stat().st_size, wal.stat().st_size if wal.exists() else 0)
    result = check(seeded_log, str(big_corpus), preexec=file_cap(size + headroom))
    assert result.returncode == 2, result.stdout + result.stderr
    err = result.stderr.strip()
    assert err.startswith("decaudit: error:"), err
    assert str(seeded_log) in err and "\n" not in err and "Traceback" not in err
    assert run_rows(seeded_log) == before
    assert_whole(seeded_log, runs=1)
    # and the log takes the next run once there is room again
    result = check(seeded_log, str(SAMPLES / "cold-chain-hub.yaml"))
    assert result.returncode in (0, 1), result.stderr
    assert_whole(seeded_log, runs=2)


# -- SIGKILL ---------------------------------------------------------------------------------


def test_sigkill_during_a_large_run(seeded_log: Path, big_corpus: Path) -> None:
    env = dict(os.environ)
    outcomes = []
    for delay in (0.5, 2.0, 4.0, 7.0):
        proc = subprocess.Popen(
            [
                *DECAUDIT,
                "check",
                str(big_corpus),
                "--db",
                str(seeded_log),
                "-q",
                "--today",
                TODAY,
                "--max-file-size",
                "1GB",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes.append("finished" if finished else "killed")
        rows = assert_whole(seeded_log)
        # a killed run is absent; a finished one is complete with all its records
        assert all(r[1] in (1500, rows[0][1]) for r in rows)
    assert "killed" in outcomes
    result = check(seeded_log, str(SAMPLES / "cold-chain-hub.yaml"))
    assert result.returncode in (0, 1), result.stderr
    rows = assert_whole(seeded_log)
    assert rows[-1][1] == 1
