"""The query commands write their rows as they read them: ``findings -f json`` is SQLite's
encoding of each row, the same objects as the typed rows give; ``diff`` streams the same
document as the in-memory diff."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.log import AuditLog
from decaudit.engine.log.queries import (
    FindingFilter,
    diff_runs,
    iter_findings,
    iter_findings_json,
)
from decaudit.engine.types import WaiverRef
from test_log_support import finding, meta, sample_log, source, write_run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    log = sample_log(path)
    waiver = WaiverRef(source="log", reason="deferred «ok»", approver=None, expires="2026-12-31")
    odd = finding("DEC-ü", "BEN002", message='quote " and \\ backslash, ünïcode ✓', line=7)
    write_run(
        log,
        [source("DEC-ü")],
        [
            dataclasses.replace(odd, evidence={"n": 1.5, "big": 10**15, "nested": {"a": [None]}}),
            finding("DEC-ü", waiver=waiver, path="$.options[2]"),
        ],
        meta("2026-03-06T00:00:00Z"),
    )
    log.close()
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "flt",
    [FindingFilter(), FindingFilter(rules=("BEN002",)), FindingFilter(waived=True, limit=1)],
)
def test_sqlite_encodes_the_rows_as_to_dict(db: Path, flt: FindingFilter) -> None:
    with AuditLog.read(db) as log:
        typed = [f.to_dict() for f in iter_findings(log.conn, flt)]
        texts = list(iter_findings_json(log.conn, flt))
    assert typed  # every case selects something
    decoded = [json.loads(t) for t in texts]
    assert decoded == typed
    assert [list(d) for d in decoded] == [list(d) for d in typed]  # same keys, same order


def test_findings_json_is_one_array_with_one_row_per_line(db: Path) -> None:
    out = run("findings", "--db", str(db), "-f", "json")
    with AuditLog.read(db) as log:
        expected = [f.to_dict() for f in iter_findings(log.conn, FindingFilter())]
    assert json.loads(out) == expected
    lines = out.splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("[", "]", len(expected) + 2)
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == expected
    assert run("findings", "--db", str(db), "--rule", "NOPE", "-f", "json") == "[]\n"


def test_findings_csv_streams_the_same_rows(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("findings", "--db", str(db), "-f", "csv"))))
    with AuditLog.read(db) as log:
        expected = list(iter_findings(log.conn, FindingFilter()))
    assert [(r["id"], r["message"], r["waived"]) for r in rows] == [
        (str(f.id), f.message, "true" if f.waived else "false") for f in expected
    ]


@pytest.mark.parametrize(("a", "b"), [(1, 2), (2, 1), (2, 3), (3, 4), (4, 4), (1, 4)])
def test_diff_json_is_the_in_memory_document(db: Path, a: int, b: int) -> None:
    out = run("diff", str(a), str(b), "--db", str(db), "-f", "json")
    with AuditLog.read(db) as log:
        expected = diff_runs(log.conn, a, b).to_dict()
    assert json.loads(out) == expected
    assert list(json.loads(out)) == [
        "run_a",
        "run_b",
        "new",
        "resolved",
        "unchanged",
        "not_audited",
    ]
    csv_rows = list(
        csv.DictReader(io.StringIO(run("diff", str(a), str(b), "--db", str(db), "-f", "csv")))
    )
    names = {"not_audited": "not-audited"}
    assert [(r["change"], r["fingerprint"]) for r in csv_rows] == [
        (names.get(k, k), f["fingerprint"])
        for k in ("new", "resolved", "unchanged", "not_audited")
        for f in expected[k]
    ]
