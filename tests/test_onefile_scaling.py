"""A one-file ``check`` does the same work on a log of many decisions as on a log of few:
the SQLite virtual-machine steps of every statement it runs (reads and writes) are counted
on both logs, and they may not grow with the log. And the ``decaudit check FILE`` path
imports none of the heavy modules other paths need."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.log.actuals import ActualEntry
from decaudit.engine.log.schema import LOG_TABLES
from decaudit.engine.model import Record
from decaudit.engine.types import SourceRecord

STEP = 20  # VM instructions between two calls of the progress handler


def past_decision(i: int) -> dict[str, Any]:
    ptype = ("it-system", "building", "marketing")[i % 3]
    benefit: dict[str, Any] = {"id": "savings", "type": "cost-saving", "projected": 1000.0}
    # measured: a quarter of the other types, and always the same five of the proposal's
    # type (its track record is what BEN009 reports: it is read whole, ids and all)
    if (i % 3 and i % 4 == 1) or i in (0, 3, 6, 9, 12):
        benefit["realized"] = 400.0 + i % 500
    case = {"benefits": [benefit], "costs": [{"id": "build", "projected": 500.0}]}
    return {
        "id": f"PAST-{i:06d}",
        "title": f"Past decision {i} on the {ptype} portfolio",
        "status": "implemented",
        "project_type": ptype,
        "options": [
            {"title": "Keep the current system", "kind": "do-nothing"},
            {"title": "Build it", "kind": "incremental", "chosen": True, "business_case": case},
        ],
    }


def build_log(path: Path, decisions: int) -> None:
    """``decisions`` past decisions over a few runs, figures recorded for some, waivers."""
    with AuditLog.open(path) as log:
        per_run = max(1, decisions // 4)
        for start in range(0, decisions, per_run):
            writer = log.writer()
            for i in range(start, min(decisions, start + per_run)):
                rec = Record.model_validate(past_decision(i))
                writer.add_record(SourceRecord(rec, f"past/{i}.yaml", "yaml"))
            stamp = f"2026-01-0{1 + start // per_run}T10:00:00Z"
            writer.commit(RunMeta(stamp, stamp, "test", "r", "c", "i", "decaudit check", "t"))
        figures = [
            ActualEntry(f"PAST-{i:06d}", "benefit", "savings", 700.0, "2026-02-01")
            for i in range(1, decisions, 7)
            if i % 3
        ]
        log.record_actuals(lambda _: figures)
        for i in range(0, decisions, 40):  # one decision in 40 has a waiver
            log.grant_waiver(
                f"PAST-{i:06d}",
                "ALT001",
                reason="accepted",
                approver="board",
                expires=dt.date(2099, 1, 1),
                today=dt.date(2026, 3, 1),
            )


PROPOSAL = {
    "id": "NEW-1",
    "title": "Replace the claims platform",
    "status": "proposed",
    "project_type": "it-system",
    "options": [
        {"title": "Keep the current platform", "kind": "do-nothing"},
        {
            "title": "Build a new claims platform",
            "kind": "incremental",
            "chosen": True,
            "business_case": {
                "optimism_bias_uplift": 0.1,
                "benefits": [{"id": "handling", "type": "cost-saving", "projected": 5000000}],
            },
        },
    ],
}


@contextmanager
def counting() -> Iterator[dict[str, Any]]:
    """Counts the VM steps (in units of STEP) and statements of every connection opened."""
    seen: dict[str, Any] = {"steps": 0, "statements": []}
    original = sqlite3.connect

    def tick() -> int:
        seen["steps"] += 1
        return 0

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = original(*args, **kwargs)
        if (args[0] if args else kwargs.get("database")) == "":
            return conn  # a run's private scratch database (engine/runstate.py), not the log
        conn.set_progress_handler(tick, STEP)
        conn.set_trace_callback(seen["statements"].append)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
    try:
        yield seen
    finally:
        sqlite3.connect = original  # type: ignore[assignment]


def one_file_check(tmp_path: Path, db: Path, *extra: str) -> dict[str, Any]:
    proposal = tmp_path / "proposal.json"
    proposal.write_text(json.dumps(PROPOSAL))
    args = ["check", str(proposal), "--db", str(db), "--today", "2026-06-01", *extra]
    args += ["--format", "json", "-o", str(tmp_path / "out.json")]
    with counting() as seen:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    seen["findings"] = json.loads((tmp_path / "out.json").read_text())["findings"]
    return seen


@pytest.mark.parametrize("extra", [(), ("--no-log",)])
def test_the_work_of_a_one_file_check_does_not_grow_with_the_log(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    small, big = tmp_path / "small.db", tmp_path / "big.db"
    build_log(small, 40)
    build_log(big, 4000)  # 100 times the decisions, figures and measured history
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    few = one_file_check(tmp_path / "a", small, *extra)
    many = one_file_check(tmp_path / "b", big, *extra)
    # the track record is really read from the log: BEN009 fires on both
    for seen in (few, many):
        assert "BEN009" in {f["rule_id"] for f in seen["findings"]}
    # The log has 100x the rows; the check's SQL work may grow by a few B-tree levels at
    # most, never in proportion.
    assert many["steps"] <= few["steps"] * 1.5 + 200, (few["steps"], many["steps"])
    assert len(many["statements"]) == len(few["statements"])


def test_every_query_of_a_one_file_check_uses_an_index_or_the_rowid(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    build_log(db, 400)
    seen = one_file_check(tmp_path, db)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TEMP TABLE spool_records (hash TEXT PRIMARY KEY, decision_id TEXT)")
    scans = []
    for sql in {s for s in seen["statements"] if s.lstrip().upper().startswith(("SELECT", "WITH"))}:
        if "sqlite_master" in sql or "temp." in sql or "_fts" in sql:
            continue  # the schema, the run's own spool, the full-text index's bookkeeping
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        # a full scan of a log table; the chain's tail is read in rowid order and stops at
        # its first row (``ORDER BY seq DESC LIMIT 1``), which the step count above covers
        full = [
            p
            for p in plan
            if p.split()[:2] in (["SCAN", t] for t in LOG_TABLES)
            and "USING" not in p
            and not sql.endswith("ORDER BY seq DESC LIMIT 1")
        ]
        if full:
            scans.append((sql, plan))
    assert scans == [], "\n".join(f"{s}: {p}" for s, p in scans)


HEAVY = (
    "openpyxl",
    "docx",
    "markdown_it",
    "jinja2",
    "sqlite_utils",
    "decaudit.engine.html",
    "decaudit.engine.brief",
    "decaudit.engine.log.verify",
    "decaudit.engine.log.checkpoint",
    "decaudit.engine.records.document",
)


def test_the_check_of_one_file_imports_no_heavy_module(tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.json"
    proposal.write_text(json.dumps(PROPOSAL))
    db = tmp_path / "audit.db"
    build_log(db, 10)
    probe = (
        "import sys\n"
        "from decaudit.cli.main import main\n"
        "try:\n"
        f"    sys.argv = ['decaudit', 'check', {str(proposal)!r}, '--db', {str(db)!r}, '-q']\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(out.split())
    assert "decaudit.engine.check" in loaded  # the probe really ran a check
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []
