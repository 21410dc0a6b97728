"""The benchmark runs end to end (``--quick``) and prints every figure with its target."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records.validate import to_record
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.types import SourceRecord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import floor  # noqa: E402


def keys(matches: list) -> list[tuple[str, str]]:
    return sorted(m.key for m in matches)


def test_the_closure_floor_matches_the_oracle() -> None:
    pack = load_pack()
    closures, oracle = floor.ClosureEvaluator(pack), OracleEvaluator(pack)
    ctx = FactContext(today=dt.date(2026, 1, 1))
    seen = 0
    for i, raw in enumerate(corpus.records(150, seed=3), start=1):
        src = to_record(raw, {(): i}, file="c.jsonl", fmt="jsonl", line=i)
        assert isinstance(src, SourceRecord)
        facts = derive(src, ctx)
        got = keys(closures.evaluate(facts))
        assert got == keys(oracle.evaluate(facts)), raw["id"]
        seen += len(got)
    assert seen > 150  # the rules fire: the comparison is not between empty lists


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("bench")
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=work,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    res = json.loads(out.stdout)
    (work / "res.json").write_text(out.stdout)
    res["_path"] = str(work / "res.json")
    return res


def test_quick_run_measures_every_figure_without_error(quick: dict) -> None:
    figs = {f["key"]: f for f in quick["figures"]}
    errors = {k: f["error"] for k, f in figs.items() if f["error"]}
    assert not errors
    for key in (
        "stages.parse",
        "stages.rules",
        "stages.closures",
        "stages.c_calls",
        "stages.log",
        "e2e.q.j1.big.empty",
        "e2e.q.jN.big.empty",
        "e2e.all.big.empty",
        "e2e.q.j1.big.base",
        "onefile.empty",
        "onefile.empty.nolog",
        "onefile.big",
        "onefile.nolog",
        "report.rss",
        "report.html",
        "diff.rss",
        "findings.rule",
        "verify",
    ):
        assert figs[key]["value"] is not None and figs[key]["value"] > 0, key
    assert figs["stages.mismatches"]["value"] == 0
    # every measured subprocess reports its own peak RSS and the load around it
    for key in ("e2e.q.j1.big.empty", "onefile.big", "report.rss", "verify"):
        assert figs[key]["max_rss_mb"] > 5
        assert len(figs[key]["load"]) == 2
    judged = [f for f in quick["figures"] if f["target"]]
    assert len(judged) == 14
    assert all(isinstance(f["met"], bool) for f in judged)
    assert quick["load_start"] >= 0 and quick["total_seconds"] > 0


def test_the_table_prints_each_figure_with_its_target(quick: dict) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--table", quick["_path"]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "load average" in out
    assert ">= 3,000 rec/s" in out and "<= 8 s" in out
    rows = [line for line in out.splitlines() if line.rstrip().endswith(("met", "MISSED"))]
    assert len(rows) == 14


def test_two_results_compare_side_by_side(quick: dict) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare.py"), quick["_path"], quick["_path"]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = out.splitlines()
    assert rows[0].startswith("| figure | target | before (")
    assert len(rows) == 2 + len(quick["figures"])
    assert sum("| met |" in r or "| **missed** |" in r for r in rows) == 14
