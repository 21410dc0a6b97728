"""The check pipeline at scale: worker processes, streamed JSON Lines, totals without findings.

- ``jobs=2`` gives exactly the result of ``jobs=1``: same findings in the same order, same
  errors, files, totals and exit code, and the same rows in the log.
- A large JSON Lines file is read in chunks, with the same records and line numbers as
  reading it whole.
- ``keep_findings=False`` (``check -q``) still reports the right counts.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records import iter_sources, jsonlstream, load_file
from decaudit.engine.records import sources as sources_module
from decaudit.engine.types import CheckResult, InputError, SourceRecord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    """Samples, a generated corpus with a bad line and a duplicate id, and a broken file."""
    folder = tmp_path_factory.mktemp("inputs")
    jsonl = corpus.write_jsonl(folder / "corpus.jsonl", 150, seed=5)
    lines = jsonl.read_text().splitlines()
    lines.insert(40, "{not json")
    lines.append(lines[3])  # a duplicate decision id
    jsonl.write_text("\n".join(lines) + "\n")
    (folder / "broken.yaml").write_text("id: X\ntitle: [unclosed\n")
    return (str(ROOT / "samples"), str(jsonl), str(folder / "broken.yaml"))


def result_key(r: CheckResult) -> tuple[object, ...]:
    return (r.findings, r.errors, r.files, r.record_count, r.exit_code, r.totals)


def test_workers_give_the_sequential_result(inputs: tuple[str, ...]) -> None:
    one = run_check(CheckOptions(paths=inputs, today=TODAY, jobs=1))
    two = run_check(CheckOptions(paths=inputs, today=TODAY, jobs=2))
    assert one.record_count > 150 and one.findings and one.errors
    assert any("duplicate decision id" in e.message for e in one.errors)
    assert result_key(two) == result_key(one)


def test_workers_log_the_same_rows(inputs: tuple[str, ...], tmp_path: Path) -> None:
    rows = []
    for jobs in (1, 2):
        db = tmp_path / f"log{jobs}.db"
        res = run_check(CheckOptions(paths=inputs, today=TODAY, db=str(db), jobs=jobs))
        assert res.run_id == 1
        conn = sqlite3.connect(db)
        rows.append(
            (
                conn.execute(
                    "SELECT rule_id, decision_id, path, file, line, message, evidence, fingerprint"
                    " FROM findings ORDER BY id"
                ).fetchall(),
                conn.execute(
                    "SELECT record_hash, decision_id, file, line FROM run_records ORDER BY id"
                ).fetchall(),
                conn.execute(
                    "SELECT input_digest, record_count, finding_count FROM runs"
                ).fetchall(),
            )
        )
        conn.close()
    assert rows[0] == rows[1]
    assert len(rows[0][0]) > 500


def test_jobs_zero_means_one_per_cpu(inputs: tuple[str, ...]) -> None:
    one = run_check(CheckOptions(paths=inputs[:1], today=TODAY, jobs=1))
    auto = run_check(CheckOptions(paths=inputs[:1], today=TODAY, jobs=0))
    assert result_key(auto) == result_key(one)


def test_cli_jobs_flag(inputs: tuple[str, ...]) -> None:
    outs = []
    for jobs in ("1", "2"):
        res = CliRunner().invoke(
            cli,
            ["check", *inputs[:2], "--no-log", "--today", "2026-01-01", "-j", jobs, "-f", "jsonl"],
        )
        assert res.exit_code == 2, res.output  # the corpus has a bad line
        outs.append(res.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") > 500
    res = CliRunner().invoke(cli, ["check", inputs[0], "--no-log", "--jobs", "-1"])
    assert res.exit_code == 2 and "--jobs" in res.output


def test_quiet_run_counts_without_keeping_findings(inputs: tuple[str, ...], tmp_path: Path) -> None:
    kept = run_check(CheckOptions(paths=inputs, today=TODAY))
    lean = run_check(CheckOptions(paths=inputs, today=TODAY, keep_findings=False))
    assert lean.findings == ()
    assert lean.totals == kept.totals
    assert kept.totals is not None
    active = [f for f in kept.findings if not f.waived]
    assert kept.totals.active == len(active) > 0
    assert kept.totals.waived == len(kept.findings) - len(active)
    for sev in ("critical", "high", "medium", "low", "info"):
        assert kept.totals.by_severity.get(sev, 0) == sum(1 for f in active if f.severity == sev)
    # no log to read waivers or figures from (a decaudit.db left by `make demo` must not count)
    no_log = str(tmp_path / "none.db")
    res = CliRunner().invoke(
        cli, ["check", *inputs, "--no-log", "--db", no_log, "--today", "2026-01-01", "-q"]
    )
    assert f"Found {kept.totals.active} findings" in res.stdout


def test_large_jsonl_is_streamed_with_exact_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus.write_jsonl(tmp_path / "big.jsonl", 120, seed=9)
    lines = path.read_text().splitlines()
    lines[10] = '{"id": "BAD", "title": 5}'
    lines.insert(50, "")
    lines.insert(51, "   ")
    lines[90] = "[1, 2"
    path.write_text("\n".join(lines) + "\n")
    whole = load_file(str(path), path.read_bytes())
    calls = []
    real = jsonlstream.parse_lines

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources_module, "STREAM_CHUNK", 2000)
    monkeypatch.setattr(jsonlstream, "parse_lines", counting)
    streamed = list(iter_sources([str(path)]))
    assert len(calls) > 10  # read chunk by chunk, not whole
    assert [repr(x) for x in streamed] == [repr(x) for x in whole]
    errors = [x for x in streamed if isinstance(x, InputError)]
    assert [e.line for e in errors] == [11, 91]
    recs = [x for x in streamed if isinstance(x, SourceRecord)]
    assert recs[-1].line_of(()) == len(lines)


def test_streamed_jsonl_limits_and_empties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources_module, "STREAM_CHUNK", 10)
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n   \n\n" * 10)
    (err,) = list(iter_sources([str(blank)]))
    assert isinstance(err, InputError) and err.line == 1 and "empty" in err.message
    big = corpus.write_jsonl(tmp_path / "big.jsonl", 5)
    errors = list(iter_sources([str(big)], max_bytes=100))  # the limit applies to each line
    assert [e.line for e in errors if isinstance(e, InputError) and "limit" in e.message] == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_json_output_is_identical_with_workers(inputs: tuple[str, ...]) -> None:
    docs = []
    for jobs in ("1", "2"):
        res = CliRunner().invoke(
            cli, ["check", inputs[0], "--no-log", "--today", "2026-01-01", "-j", jobs, "-f", "json"]
        )
        doc = json.loads(res.stdout)
        doc.pop("started_at", None)
        docs.append(doc)
    assert docs[0] == docs[1]


def test_recycled_hosts_give_the_same_matches(inputs: tuple[str, ...]) -> None:
    from decaudit.engine.evaluate import Evaluator
    from decaudit.engine.facts import FactContext, PortfolioAccumulator, derive
    from decaudit.engine.parallel import RecyclingEvaluator
    from decaudit.engine.rules.loader import load_pack

    pack = load_pack()
    plain, recycled = Evaluator(pack), RecyclingEvaluator(pack, every=3)
    ctx = FactContext(today=TODAY)
    acc = PortfolioAccumulator()
    hosts = set()
    n = 0
    for item in iter_sources([inputs[0]]):
        if isinstance(item, SourceRecord):
            facts = derive(item, ctx)
            acc.add(facts)
            key = [(m.rule.id, m.target.get("path")) for m in plain.evaluate(facts)]
            assert [(m.rule.id, m.target.get("path")) for m in recycled.evaluate(facts)] == key
            hosts.add(recycled._current)  # kept alive: ids of freed hosts can be reused
            n += 1
    assert n > 9 and len(hosts) >= n // 3
    a = plain.evaluate_portfolio(acc.fact())
    b = recycled.evaluate_portfolio(acc.fact())
    assert [m.rule.id for m in a] == [m.rule.id for m in b]
