"""Streamed outputs: every format written from the on-disk spool, in one pass, is the same
document as the format rendered from findings in memory, and the memory it takes does not
grow with the number of findings."""

from __future__ import annotations

import dataclasses
import io
import json
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.report import FORMATS, ReportOptions, get_renderer
from decaudit.engine.report.common import sort_findings
from decaudit.engine.report.outputs import Output, write_outputs
from decaudit.engine.report.spool import ExternalSort, FindingSpool, first_marks
from decaudit.engine.types import CheckResult, Finding, FindingTotals, WaiverRef
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

SEVERITIES = ("info", "low", "medium", "high", "critical")
STREAMED = [name for name in FORMATS if name != "brief"]

finding_strategy = st.builds(
    Finding,
    rule_id=st.sampled_from(["ALT001", "BEN002", "BEN006", "INC004", "ZZZ999"]),
    rule_name=st.just("some-rule"),
    severity=st.sampled_from(SEVERITIES),
    family=st.just("benefits"),
    decision_id=st.sampled_from(["D-1", "D-2", "D-3"]),
    file=st.sampled_from(["", "a.yaml", "b/c.md", "b-c.md"]),
    line=st.integers(0, 5),
    path=st.sampled_from(["$", "$.options", "$.options[1]"]),
    message=st.text(max_size=20),
    waiver=st.one_of(st.none(), st.just(WaiverRef("record", "ok", None, "2030-01-01"))),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(finding_strategy, max_size=60), st.integers(1, 7), st.integers(1, 3))
def test_spool_gives_report_order_and_first_marks(
    findings: list[Finding], chunk: int, block: int
) -> None:
    spool = FindingSpool(track_duplicates=True, chunk=chunk)
    spool._rows._block, spool._rows._fan_in = block, 2  # many runs, merged in groups
    for f in findings:
        spool.append(f)
    # check sorts by (file, line, decision, rule, path), every format then by report order
    kept = sorted(findings, key=lambda f: (f.file, f.line, f.decision_id, f.rule_id, f.path))
    expected = list(first_marks(sort_findings(kept)))
    assert list(spool.marked()) == expected
    assert list(spool.marked()) == expected  # read as often as asked
    assert len(spool) == len(findings)
    spool.close()


@given(st.lists(st.integers(), max_size=200), st.integers(1, 9))
def test_external_sort_sorts(items: list[int], chunk: int) -> None:
    with ExternalSort[tuple[int]](lambda t: t, chunk=chunk, block=2, fan_in=3) as ext:
        for i in items:
            ext.add((i,))
        assert [t[0] for t in ext] == sorted(items)


def _outputs(tmp_path: Path, result: CheckResult, marked: object) -> dict[str, str]:
    options = ReportOptions(base_dir=str(ROOT))
    plan = [Output(name, str(tmp_path / f"out.{name}"), options) for name in STREAMED]
    write_outputs(result, plan, marked)  # type: ignore[arg-type]
    return {name: (tmp_path / f"out.{name}").read_text(encoding="utf-8") for name in STREAMED}


@pytest.mark.parametrize("cap", [25_000, 7])
def test_streamed_outputs_equal_rendered_ones(tmp_path: Path, cap: int) -> None:
    """A real run (samples, a JSON Lines corpus and a broken file) written from the spool
    (small runs, so the merge is exercised) equals every format rendered in memory."""
    corpus.write_jsonl(tmp_path / "in" / "synthetic.jsonl", 150)
    (tmp_path / "in" / "broken.yaml").write_text("id: X\ntitle: [unclosed\n", encoding="utf-8")
    opts = CheckOptions(
        paths=(str(ROOT / "samples"), str(tmp_path / "in")),
        today=__import__("datetime").date(2026, 1, 1),
    )
    in_memory = run_check(opts)
    spool = FindingSpool(track_duplicates=True, chunk=64)
    streamed = run_check(dataclasses.replace(opts, findings_sink=spool))
    assert streamed.findings == () and len(spool) == len(in_memory.findings) > 300
    streamed = dataclasses.replace(streamed, started_at=in_memory.started_at, timings={})
    options = ReportOptions(base_dir=str(ROOT), sarif_max_results=cap)
    written = _outputs_with(tmp_path, streamed, spool, options)
    for name in STREAMED:
        assert written[name] == get_renderer(name)(in_memory, options), name
    spool.close()


def _outputs_with(
    tmp_path: Path, result: CheckResult, spool: FindingSpool, options: ReportOptions
) -> dict[str, str]:
    plan = [Output(name, str(tmp_path / f"out.{name}"), options) for name in STREAMED[1:]]
    stdout = io.StringIO()
    write_outputs(result, [Output(STREAMED[0], None, options), *plan], spool.marked(), stdout)
    texts = {name: (tmp_path / f"out.{name}").read_text(encoding="utf-8") for name in STREAMED[1:]}
    return {STREAMED[0]: stdout.getvalue(), **texts}


def _finding(i: int, rng: random.Random) -> Finding:
    return Finding(
        rule_id=f"R{rng.randrange(40):03d}",
        rule_name="rule",
        severity=rng.choice(SEVERITIES),
        family="benefits",
        decision_id=f"DEC-{i:06d}",
        file=f"f{i // 50:05d}.yaml",
        line=i % 50 + 1,
        path="$.options[0]",
        message="x" * rng.randrange(40, 120),
        evidence={"projected": rng.randrange(10**6), "kinds": ["a", "b"]},
    )


def _peak_writing(tmp_path: Path, n: int) -> int:
    """Peak traced memory of spooling ``n`` findings and writing every format from them."""
    rng = random.Random(n)
    result = CheckResult(
        findings=(),
        errors=(),
        rules=(),
        files=tuple(f"f{i:05d}.yaml" for i in range(n // 50 + 1)),
        record_count=n,
        tool_version="0",
        started_at="2026-01-01T00:00:00Z",
        totals=FindingTotals(active=0),
    )
    tracemalloc.start()
    try:
        spool = FindingSpool(track_duplicates=True, chunk=128, fan_in=4)
        by_severity = dict.fromkeys(SEVERITIES, 0)
        for i in range(n):
            f = _finding(i, rng)
            by_severity[f.severity] += 1
            spool.append(f)
        result = dataclasses.replace(
            result, totals=FindingTotals(active=n, by_severity=by_severity)
        )
        options = ReportOptions(sarif_max_results=100, markdown_max_bytes=20_000)  # bounds met
        plan = [Output(name, str(tmp_path / f"{n}.{name}"), options) for name in STREAMED]
        write_outputs(result, plan, spool.marked())
        spool.close()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_writing_outputs_does_not_hold_the_findings(tmp_path: Path) -> None:
    # measured in a fresh interpreter: tracemalloc counts every thread, and a thread left
    # running by an earlier test of the session would add its allocations to the peak
    code = (
        "import sys, pathlib; sys.path.insert(0, sys.argv[1]); import test_format_stream as t; "
        "p = pathlib.Path(sys.argv[2]); t._peak_writing(p, 100); "  # imports, caches filled
        "print(t._peak_writing(p, 1500), t._peak_writing(p, 6000))"
    )
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run(
        [sys.executable, "-c", code, here, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    small, large = map(int, out.stdout.split())
    assert large < small * 1.3, (small, large)
    doc = json.loads((tmp_path / "6000.json").read_text(encoding="utf-8"))
    assert len(doc["findings"]) == 6000  # every finding was written
