"""The HTML governance report, on logs written by the log's own writer and by `check`."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import LogError
from decaudit.engine.html import build_report, write_atomic
from decaudit.engine.html.data import load
from decaudit.engine.html.markup import anchor, money
from decaudit.engine.html.svg import nice_ticks
from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.model import Record
from decaudit.engine.types import Finding, SourceRecord, WaiverRef
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

RULES = {
    "ALT001": ("no-breakthrough-alternative", "alternatives", "high"),
    "BEN002": ("point-estimate-only", "benefits", "medium"),
    "BEN008": ("benefit-shortfall", "benefits", "high"),
    "GOV001": ("rubber-stamp-approval", "governance", "low"),
    "INC004": ("portfolio-incremental-drift", "incremental", "medium"),
}


def record(
    did: str,
    *,
    kind: str | None = "incremental",
    date: str | None = "2025-02-11",
    projected: float | None = 1000.0,
    realized: float | None = None,
    cost: float | None = 500.0,
    cost_realized: float | None = None,
    project_type: str = "it-system",
    title: str | None = None,
) -> dict[str, Any]:
    benefit: dict[str, Any] = {"id": "b", "type": "revenue"}
    if projected is not None:
        benefit["projected"] = projected
    if realized is not None:
        benefit["realized"] = realized
    cost_line: dict[str, Any] = {"id": "c"}
    if cost is not None:
        cost_line["projected"] = cost
    if cost_realized is not None:
        cost_line["realized"] = cost_realized
    chosen: dict[str, Any] = {
        "title": f"Option for {did}",
        "chosen": True,
        "business_case": {"benefits": [benefit], "costs": [cost_line]},
    }
    if kind is not None:
        chosen["kind"] = kind
    rec: dict[str, Any] = {
        "format_version": 1,
        "id": did,
        "title": title or f"Decision {did}",
        "status": "implemented",
        "project_type": project_type,
        "options": [{"title": "Do nothing", "kind": "do-nothing"}, chosen],
    }
    if date is not None:
        rec["date"] = date
    return rec


FindingSpec = tuple[str, str, str] | tuple[str, str, str, bool]  # did, rule, path[, waived]


class Log:
    """Writes runs with the log's own writer, so every test reads the real schema."""

    def __init__(self, path: Path) -> None:
        self.path = path
        AuditLog.open(path).close()  # creates the tables, triggers and chain

    def run(
        self,
        started: str,
        records: list[tuple[Mapping[str, Any], str]],  # (record, file)
        findings: list[FindingSpec | Finding],
    ) -> int:
        log = AuditLog.open(self.path)
        try:
            writer = log.writer()
            ids: set[str] = set()
            for line, (rec, file) in enumerate(records, 1):
                model = Record.model_validate(rec)
                writer.add_record(SourceRecord(model, file, "yaml", lines={(): line}))
                ids.add(model.id)
            for item in findings:
                finding = item if isinstance(item, Finding) else self._finding(item, ids)
                writer.add_finding(finding, "digest")
            meta = RunMeta(
                started_at=started,
                finished_at=started,
                tool_version="0.1.0",
                ruleset_digest="r",
                config_digest="c",
                input_digest="i",
                command="decaudit check samples/",
                actor="tester",
                exit_status=1,
            )
            return writer.commit(meta)
        finally:
            log.close()

    @staticmethod
    def _finding(item: FindingSpec, ids: set[str]) -> Finding:
        did, rule, path = item[0], item[1], item[2]
        waived = len(item) > 3 and bool(item[3])  # type: ignore[misc]
        name, family, severity = RULES[rule]
        waiver = WaiverRef("record", "Deferred to the strategy review", None, "2099-12-31")
        return Finding(
            rule_id=rule,
            rule_name=name,
            severity=severity,
            family=family,
            decision_id=did,
            file=f"samples/{did}.yaml" if did in ids else "",
            line=3,
            path=path,
            message=f"{rule} on {did}",
            waiver=waiver if waived else None,
        )

    def close(self) -> None:
        pass


@pytest.fixture
def log(tmp_path: Path) -> Iterator[Log]:
    lg = Log(tmp_path / "audit.db")
    yield lg
    lg.close()


def portfolio_log(log: Log) -> Log:
    """Two runs over four decisions: one fixed, one new finding, one waived."""
    a = record("DEC-A", realized=400.0, cost_realized=800.0, date="2024-02-01")
    b = record("DEC-B", kind="breakthrough", realized=900.0, cost_realized=450.0, date="2024-05-09")
    c = record("DEC-C", projected=2000.0, realized=None, date="2024-05-20", kind=None)
    d = record("DEC-D", kind="adjacent", date=None)
    log.run(
        "2025-01-10T09:00:00Z",
        [(a, "samples/a.yaml"), (b, "samples/b.yaml"), (c, "samples/c.yaml")],
        [
            ("DEC-A", "ALT001", "$"),
            ("DEC-A", "BEN002", "$.options[1].business_case.benefits[0]"),
            ("DEC-C", "GOV001", "$"),
        ],
    )
    log.run(
        "2025-03-01T09:00:00Z",
        [(a, "samples/a.yaml"), (b, "samples/b.yaml"), (d, "samples/d.yaml")],
        [
            ("DEC-A", "ALT001", "$"),
            ("DEC-A", "BEN008", "$.options[1].business_case.benefits[0]"),
            ("DEC-D", "ALT001", "$", True),
            ("(portfolio)", "INC004", "$"),
        ],
    )
    return log


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def parse(page: str) -> _Collector:
    col = _Collector()
    col.feed(page)
    col.close()
    return col


def section(page: str, sid: str) -> str:
    match = re.search(rf'<section id="{sid}".*?</section>', page, re.S)
    assert match, f"no section {sid}"
    return match.group(0)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


NOW = dt.datetime(2025, 3, 2, 12, 0, tzinfo=dt.UTC)


def test_report_is_well_formed_and_self_contained(log: Log) -> None:
    page = build_report(portfolio_log(log).path, now=NOW)
    col = parse(page)
    assert col.errors == []
    assert col.stack == []
    names = [t for t, _ in col.tags]
    assert "script" not in names
    assert "link" not in names
    assert "img" not in names
    for _, attrs in col.tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http:", "https:", "//")), value
    assert "url(" not in page  # no fonts or images from CSS
    assert "@import" not in page
    csp = [a for t, a in col.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in str(csp[0]["content"])
    assert "@media print" in page


def test_headline_numbers(log: Log) -> None:
    page = build_report(portfolio_log(log).path, now=NOW)
    summary = " ".join(text_of(section(page, "summary")).split())
    assert "Runs 2 latest #2, 2025-03-01 09:00 UTC" in summary
    assert "Decisions audited 4" in summary
    # current: DEC-A (run 2) ALT001 high + BEN008 high, DEC-C (run 1) GOV001 low,
    # DEC-D ALT001 waived, INC004 medium on the portfolio
    assert "Open findings 4 high 2 medium 1 low 1" in summary
    assert "Waived findings 1" in summary
    # chosen kinds: A incremental, B breakthrough, C inferred or unknown, D adjacent
    assert "Breakthrough choices 33% 1 of 3 chosen options" in summary  # DEC-C: kind unknown
    # realization: A 400/1000 = 40%, B 900/1000 = 90% -> median 65%
    assert "Median realization 65% of projected benefits, over 2 decision(s)" in summary
    assert "Benefits measured 50% 2 of 4 implemented decisions" in summary


def test_decisions_ranked_by_documented_score(log: Log) -> None:
    data = load(sqlite3.connect(portfolio_log(log).path), source="audit.db")
    ranked = [(d.decision_id, d.score) for d in data.decisions]
    assert ranked == [("DEC-A", 10), ("DEC-C", 1), ("DEC-B", 0), ("DEC-D", 0)]
    a = data.decisions[0]
    assert a.run_id == 2
    assert [f.rule_id for f in a.findings] == ["ALT001", "BEN008"]  # BEN002 was resolved
    page = build_report(log.path, now=NOW)
    risk = section(page, "risk")
    assert f'id="{anchor("DEC-A")}"' in risk
    assert "score 10" in text_of(risk)
    assert "high 5" in text_of(risk)  # the weights are stated


def test_predicted_vs_realized_scatter_and_table(log: Log) -> None:
    page = build_report(portfolio_log(log).path, now=NOW)
    part = section(page, "benefits")
    assert part.count('class="point"') == 2
    assert "1:1 (as projected)" in part
    assert "median realized (65%)" in part
    assert 'role="img"' in part and "<title" in part and "<desc" in part
    rows = re.findall(r"<tr>(.*?)</tr>", part.split("<tbody>")[1].split("</tbody>")[0])
    cells = [" ".join(text_of(r).split()) for r in rows]
    assert cells == [
        "DEC-A Decision DEC-A it-system 1,000 400 40%",
        "DEC-B Decision DEC-B it-system 1,000 900 90%",
    ]


def test_cost_overrun_chart_and_table(log: Log) -> None:
    page = build_report(portfolio_log(log).path, now=NOW)
    part = section(page, "costs")
    assert part.count('class="bar"') == 2
    text = " ".join(text_of(part).split())
    assert "DEC-A Decision DEC-A 500 800 160%" in text
    assert "DEC-B Decision DEC-B 500 450 90%" in text
    assert text.index("160%") < text.index("90%")  # largest overrun first


def test_portfolio_mix_by_quarter(log: Log) -> None:
    data = load(sqlite3.connect(portfolio_log(log).path), source="audit.db")
    mix = {q.quarter: {k: n for k, n in q.counts.items() if n} for q in data.mix}
    c_kind = next(d.chosen_kind for d in data.decisions if d.decision_id == "DEC-C")
    assert mix == {
        "2024-Q1": {"incremental": 1},
        "2024-Q2": {"breakthrough": 1, c_kind: 1},
        "undated": {"adjacent": 1},
    }
    part = section(build_report(log.path, now=NOW), "mix")
    assert part.count('class="bar"') == 4
    assert "2024-Q1" in part and "undated" in part
    rows = [" ".join(text_of(r).split()) for r in re.findall(r"<tr>(.*?)</tr>", part)]
    assert rows[-1].startswith("all ") and rows[-1].endswith(" 4 33%")  # 1 of 3 known kinds


def test_changes_between_latest_two_runs(log: Log) -> None:
    page = build_report(portfolio_log(log).path, now=NOW)
    part = " ".join(text_of(section(page, "changes")).split())
    assert "3 new, 1 resolved, 1 unchanged" in part
    # DEC-C was not audited by run 2: its GOV001 is neither new nor resolved
    assert "1 finding(s) of the previous run belong to decisions the latest run did not" in part
    resolved = part.split("Resolved findings", 1)[1]
    assert "BEN002" in resolved and "GOV001" not in resolved


def test_every_string_from_the_log_is_escaped(log: Log) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    rec = record("DEC-<b>&'\"", title=evil, realized=10.0)
    evil_finding = Finding(
        rule_id="ALT001",
        rule_name=evil,
        severity="high",
        family=evil,
        decision_id=str(rec["id"]),
        file=evil,
        line=1,
        path="$",
        message=evil,
    )
    log.run("2025-01-01T00:00:00Z", [(rec, "samples/<evil>.yaml")], [evil_finding])
    page = build_report(log.path, now=NOW)
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;" in page
    assert parse(page).errors == []


def test_links_back_to_records(log: Log, tmp_path: Path) -> None:
    page = build_report(portfolio_log(log).path, base=tmp_path, now=NOW)
    href = (tmp_path / "samples/a.yaml").resolve().as_uri()
    assert f'href="{href}"' in page
    assert "samples/a.yaml:1" in page
    assert f'href="#{anchor("DEC-A")}"' in page


def test_no_realized_data_shows_notes(log: Log) -> None:
    log.run("2025-01-01T00:00:00Z", [(record("DEC-X"), "x.yaml")], [("DEC-X", "ALT001", "$")])
    page = build_report(log.path, now=NOW)
    assert "No data yet" in section(page, "benefits")
    assert "No data yet" in section(page, "costs")
    assert "Only one run so far" in section(page, "changes")
    assert "Median realization – no realized benefits yet" in " ".join(
        text_of(section(page, "summary")).split()
    )
    over_time = section(page, "over-time")
    assert "<code>decaudit actuals DECISION" in over_time and "&lt;code&gt;" not in over_time


def test_since_until_window(log: Log) -> None:
    portfolio_log(log)
    data = load(sqlite3.connect(log.path), source="a", until=dt.date(2025, 2, 1))
    assert [r.id for r in data.runs] == [1]
    assert [d.decision_id for d in data.decisions] == ["DEC-A", "DEC-C", "DEC-B"]
    a = next(d for d in data.decisions if d.decision_id == "DEC-A")
    assert [f.rule_id for f in a.findings] == ["ALT001", "BEN002"]
    with pytest.raises(LogError, match="no runs between 2026-01-01 and now"):
        load(sqlite3.connect(log.path), source="a", since=dt.date(2026, 1, 1))


def test_empty_log_is_an_error(log: Log) -> None:
    with pytest.raises(LogError, match="has no runs"):
        build_report(log.path)


def test_cli_writes_report(log: Log, tmp_path: Path) -> None:
    portfolio_log(log)
    out = tmp_path / "out" / "r.html"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["report", "--db", str(log.path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind
    assert result.output == f"Wrote {out}: 4 decision(s), 4 open finding(s), 2 run(s).\n"


def test_cli_default_output(log: Log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    portfolio_log(log)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DECAUDIT_DB", str(log.path))
    result = CliRunner().invoke(cli, ["report"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "decaudit-report.html").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "missing.db"], "decaudit: error: missing.db: no audit log here"),
        (["--since", "yesterday"], "decaudit: error: --since 'yesterday': expected a date"),
        (["--since", "2025-02-01", "--until", "2025-01-01"], "is after --until"),
    ],
)
def test_cli_errors_exit_2(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_empty_log_exit_2(log: Log, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(log.path), "-o", str(tmp_path / "r")])
    assert result.exit_code == 2
    assert "has no runs" in result.output
    assert not (tmp_path / "r").exists()


def test_not_a_log_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"not sqlite at all" * 100)
    result = CliRunner().invoke(cli, ["report", "--db", str(bad)])
    assert result.exit_code == 2
    assert "cannot read the audit log" in result.output


def test_write_atomic_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_helpers() -> None:
    assert money(1_600_000) == "1.6M"
    assert money(250_000) == "250k"
    assert money(2_000_000_000) == "2B"
    assert money(950) == "950"
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(0) == [0.0, 1.0]
    assert anchor("a b/c") != anchor("a-b-c")
    assert re.fullmatch(r"d-[A-Za-z0-9_-]+", anchor("DEC <x>"))


def test_mix_axis_is_time_with_gaps(log: Log) -> None:
    recs = [record("E-1", date="2023-01-05"), record("E-2", kind="breakthrough", date="2023-12-01")]
    log.run("2025-01-01T00:00:00Z", [(r, "x.yaml") for r in recs], [])
    data = load(sqlite3.connect(log.path), source="a")
    assert [(q.quarter, sum(q.counts.values())) for q in data.mix] == [
        ("2023-Q1", 1),
        ("2023-Q2", 0),
        ("2023-Q3", 0),
        ("2023-Q4", 1),
    ]


def test_mix_over_long_spans_is_yearly(log: Log) -> None:
    recs = [record(f"Y-{y}", date=f"{y}-06-01") for y in (2010, 2012, 2021)]
    log.run("2025-01-01T00:00:00Z", [(r, "x.yaml") for r in recs], [])
    data = load(sqlite3.connect(log.path), source="a")
    assert [q.quarter for q in data.mix] == [str(y) for y in range(2010, 2022)]
    assert [sum(q.counts.values()) for q in data.mix] == [1, 0, 1, *[0] * 8, 1]
    assert "rotate(-45)" not in section(build_report(log.path, now=NOW), "mix")


def test_mix_with_many_quarters_slants_labels(log: Log) -> None:
    recs = [record("Q-1", date="2015-01-10"), record("Q-2", date="2024-06-30")]
    log.run("2025-01-01T00:00:00Z", [(r, "x.yaml") for r in recs], [])
    data = load(sqlite3.connect(log.path), source="a")
    assert len(data.mix) == 38  # 2015-Q1 .. 2024-Q2
    assert "rotate(-45)" in section(build_report(log.path, now=NOW), "mix")


def test_report_from_real_check_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole way: `decaudit check` writes the log twice, `decaudit report` reads it."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "decisions"
    folder.mkdir()
    past = record("DEC-P", realized=400.0, cost_realized=700.0, date="2024-02-01")
    new = record("DEC-N", realized=None, date="2025-05-01")
    for rec in (past, new):
        (folder / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    runner = CliRunner()
    args = ["check", "decisions", "--db", "audit.db", "--fail-on", "never", "--today", "2025-06-01"]
    assert runner.invoke(cli, args).exit_code == 0
    # the second run: DEC-N gains a range on its benefit, so BEN002 is resolved for it
    ranged = json.loads(json.dumps(new))
    ranged["options"][1]["business_case"]["benefits"][0].update(low=800.0, high=1200.0)
    (folder / "DEC-N.json").write_text(json.dumps(ranged), encoding="utf-8")
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, ["report", "--db", "audit.db", "-o", "report.html"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert parse(page).errors == []
    summary = " ".join(text_of(section(page, "summary")).split())
    assert "Runs 2 latest #2" in summary
    assert "Decisions audited 2" in summary
    assert "Median realization 40% of projected benefits, over 1 decision(s)" in summary
    changes = " ".join(text_of(section(page, "changes")).split())
    assert "Findings of run #2" in changes and "against run #1" in changes
    resolved = changes.split("Resolved findings", 1)[1]
    assert "BEN002" in resolved and "DEC-N" in resolved
    risk = section(page, "risk")
    assert 'href="decisions/DEC-P.json"' in risk  # relative to the report, beside it here
    assert "decisions/DEC-P.json:1" in text_of(risk)
    benefits = section(page, "benefits")
    assert benefits.count('class="point"') == 1
    costs = " ".join(text_of(section(page, "costs")).split())
    assert "DEC-P Decision DEC-P 500 700 140%" in costs


def test_costs_without_realized_benefits_are_shown(log: Log) -> None:
    rec = record("DEC-K", realized=None, cost_realized=650.0)
    log.run("2025-01-01T00:00:00Z", [(rec, "k.yaml")], [])
    page = build_report(log.path, now=NOW)
    assert "No data yet" in section(page, "benefits")
    costs = " ".join(text_of(section(page, "costs")).split())
    assert "DEC-K Decision DEC-K 500 650 130%" in costs


def test_long_listings_are_capped_in_charts_and_at_top_in_tables(log: Log) -> None:
    recs = [record(f"D-{i:03}", realized=500.0, cost_realized=500.0 + i) for i in range(60)]
    log.run("2025-01-01T00:00:00Z", [(r, "x.yaml") for r in recs], [])
    log.run(
        "2025-01-02T00:00:00Z",
        [(r, "x.yaml") for r in recs],
        [(f"D-{i:03}", "BEN002", "$") for i in range(60)],
    )
    data = load(sqlite3.connect(log.path), source="a")
    assert len(data.changes.new) == 60
    page = build_report(log.path, now=NOW)
    costs = section(page, "costs")
    assert costs.count('class="bar"') == 40
    assert "The 40 largest overruns of 60." in costs
    assert costs.split("<tbody>")[1].count("<tr>") == 50  # --top
    assert "The first 50 of 60: decaudit report --all lists them all." in costs
    costs = section(build_report(log.path, now=NOW, list_all=True), "costs")
    assert costs.count('class="bar"') == 40
    assert "The 40 largest overruns of 60; the table lists all." in costs
    assert costs.split("<tbody>")[1].count("<tr>") == 60
    # the chart keeps the 40 largest overruns (D-059 .. D-020), largest first
    chart = costs[costs.index("<svg") : costs.index("</svg>")]
    labels = re.findall(r">(D-\d{3})</text>", chart)
    assert labels == [f"D-{i:03}" for i in range(59, 19, -1)]


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("nowhere/r.html", "the folder nowhere does not exist"),
        (".", "is a directory; give a file name with -o"),
    ],
)
def test_cli_bad_output_exit_2(
    log: Log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, message: str
) -> None:
    portfolio_log(log)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--db", str(log.path), "-o", output])
    assert result.exit_code == 2
    assert result.output == f"decaudit: error: {output}: {message}\n"


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "code",
    "nav", "a", "main", "section", "div", "span", "figure", "figcaption", "svg", "desc", "line",
    "rect", "text", "circle", "table", "caption", "thead", "tbody", "tr", "th", "td", "article",
    "footer", "br", "h4", "h5", "strong", "ul", "ol", "li", "sup",
}  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    did=st.text(min_size=1, max_size=30),
    title=st.text(min_size=1, max_size=60),
    message=st.text(max_size=80),
    file=st.text(max_size=30),
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
def test_any_text_from_the_log_stays_text(
    did: str, title: str, message: str, file: str, date: dt.date
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = Log(Path(folder) / "a.db")
        rec = record(did, title=title, date=date.isoformat(), realized=300.0, cost_realized=900.0)
        finding = Finding(
            rule_id=message[:10] or "X",
            rule_name=message,
            severity="high",
            family=message,
            decision_id=did,
            file=file,
            line=2,
            path=message,
            message=message,
        )
        log.run("2025-01-01T00:00:00Z", [(rec, file)], [finding])
        page = build_report(log.path, base=Path(folder), now=NOW)
        log.close()
    col = parse(page)
    assert col.errors == [] and col.stack == []
    assert {t for t, _ in col.tags} <= ALLOWED_TAGS
    for _, attrs in col.tags:
        assert not any(k.startswith("on") for k in attrs)
        for key in ("href", "src"):
            assert not (attrs.get(key) or "").lower().startswith(("javascript:", "http", "//"))


def test_waivers_live_and_expired_from_real_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rec = record("DEC-W", realized=None)
    rec["waivers"] = [
        {"rule": "ALT001", "reason": "Strategy review in 2026", "approver": "Board",
         "expires": "2099-12-31"},
        {"rule": "BEN002", "reason": "Old excuse", "approver": "CFO", "expires": "2020-01-01"},
    ]  # fmt: skip
    Path("w.json").write_text(json.dumps(rec), encoding="utf-8")
    runner = CliRunner()
    check = ["check", "w.json", "--db", "audit.db", "--fail-on", "never", "--today", "2025-06-01"]
    assert runner.invoke(cli, check).exit_code == 0
    assert runner.invoke(cli, ["report", "--db", "audit.db", "-o", "r.html"]).exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    risk = " ".join(text_of(section(page, "risk")).split())
    assert "waived until 2099-12-31 Strategy review in 2026 by Board" in risk
    assert "open waiver expired 2020-01-01" in risk
    assert "Waived findings 1" in " ".join(text_of(section(page, "summary")).split())


def test_cli_report_to_stdout(log: Log) -> None:
    portfolio_log(log)
    result = CliRunner().invoke(cli, ["report", "--db", str(log.path), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout.rstrip().endswith("</html>")


def test_track_record_by_project_type(log: Log) -> None:
    recs = [record(f"T-{i}", realized=r) for i, r in enumerate((300.0, 400.0, 500.0), 1)]
    recs.append(record("B-1", realized=900.0, project_type="building"))
    log.run("2025-01-01T00:00:00Z", [(r, "x.yaml") for r in recs], [])
    part = section(build_report(log.path, now=NOW), "benefits")
    table = part[part.index("Track record by project type") :]
    rows = [" ".join(text_of(r).split()) for r in re.findall(r"<tr>(.*?)</tr>", table)]
    assert rows[1:] == [
        "building 1 90% 90% 90% too few (< 5) B-1",
        "it-system 3 35% 40% 45% too few (< 5) T-1, T-2, T-3",
    ]


def test_cli_since_window(log: Log, tmp_path: Path) -> None:
    portfolio_log(log)
    out = tmp_path / "r.html"
    args = ["report", "--db", str(log.path), "-o", str(out), "--since", "2025-02-01"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    header = text_of(out.read_text(encoding="utf-8").split("</header>")[0])
    assert "1 run(s) · runs from 2025-02-01 to now" in header
    args[-1] = "2030-01-01"
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "the audit log has no runs between 2030-01-01 and now" in result.output


def test_cli_title(log: Log, tmp_path: Path) -> None:
    portfolio_log(log)
    out = tmp_path / "r.html"
    args = ["report", "--db", str(log.path), "-o", str(out), "--title", "Acme <Q3> audit"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Acme &lt;Q3&gt; audit</title>" in page
    assert "<h1>Acme &lt;Q3&gt; audit</h1>" in page


def test_waived_findings_are_a_grey_segment(log: Log) -> None:
    part = section(build_report(portfolio_log(log).path, now=NOW), "findings")
    rules = part[part.index('id="chart-rules"') :]
    rules = rules[: rules.index("</svg>")]
    # ALT001: one open (DEC-A) and one waived (DEC-D); the others have nothing waived
    assert rules.count('class="bar"') == 4
    assert rules.count('class="bar-extra"') == 1
    assert "ALT001 no-breakthrough-alternative: 1 open, 1 waived" in html.unescape(rules)


def test_report_links_relative_to_the_report_or_on_a_link_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decisions").mkdir()
    rec = record("DEC-L", realized=None, date="2025-05-01")
    (tmp_path / "decisions" / "DEC-L.json").write_text(json.dumps(rec), encoding="utf-8")
    runner = CliRunner()
    args = ["check", "decisions", "--db", "audit.db", "--fail-on", "never", "--today", "2025-06-01"]
    assert runner.invoke(cli, args).exit_code == 0
    # a report in a subfolder links back up to the record
    (tmp_path / "reports" / "q2").mkdir(parents=True)
    out = runner.invoke(cli, ["report", "--db", "audit.db", "-o", "reports/q2/report.html"])
    assert out.exit_code == 0, out.output
    page = (tmp_path / "reports/q2/report.html").read_text(encoding="utf-8")
    assert 'href="../../decisions/DEC-L.json"' in page
    assert "file://" not in page
    # on a repository URL, with the line
    base = "https://github.com/acme/handbook/blob/main/"
    out = runner.invoke(cli, ["report", "--db", "audit.db", "-o", "r.html", "--link-base", base])
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/handbook/blob/main/decisions/DEC-L.json#L1"' in page
    assert "file://" not in page
