"""``decaudit check`` end to end, through the CLI as a user runs it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from decaudit.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
TODAY = "2026-06-30"

PROPOSAL = textwrap.dedent(
    """\
    id: DEC-T-001
    title: Second production line for the Leeds bakery
    date: 2026-03-02
    status: proposed
    project_type: building
    origin: top-down
    decision_makers: [Board]
    rationale: Customers in the north wait four days for deliveries; a second line cuts that to one.
    challenge:
      questions: ["What would a competitor with no factories do?"]
      alternatives_requested: true
    options:
      - id: second-line
        title: Build a second production line in Leeds
        kind: incremental
        chosen: true
        business_case:
          npv: 1500000
          optimism_bias_uplift: 0.24
          scenarios: [base, downside]
          benefits:
            - id: delivery
              type: revenue
              projected: 2000000
              low: 1500000
              high: 2400000
              basis: 2025 northern order book
          costs:
            - id: build
              projected: 900000
              contingency: 0.15
      - id: co-packer
        title: Contract a co-packer in the north
        kind: adjacent
        rejected_reason: Quality control risk on the premium range
        business_case:
          npv: 900000
          optimism_bias_uplift: 0.24
          benefits:
            - {id: delivery, type: revenue, projected: 1200000, low: 900000, high: 1400000,
               basis: Co-packer quote}
      - id: direct-to-consumer
        title: Sell direct to consumers from a new online bakery platform
        kind: breakthrough
        rejected_reason: Needs capabilities we do not have yet; revisit in 2027
        business_case:
          npv: 700000
          optimism_bias_uplift: 0.5
          benefits:
            - {id: online, type: revenue, projected: 1800000, low: 600000, high: 2500000,
               basis: Market study 2025}
      - id: status-quo
        title: Keep the current single line (status quo)
        kind: do-nothing
        rejected_reason: Loses the northern accounts
    """
)


def run(*args: str, input: str | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is not None:
        with runner.isolated_filesystem(temp_dir=cwd):
            pass
    result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DECAUDIT_DB", raising=False)
    return tmp_path


def findings_json(out: str) -> list[dict[str, object]]:
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    return list(doc["findings"])


def test_findings_at_fail_on_exit_1_and_never_exits_0(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    code, out, _ = run("check", sample, "--no-log", "--today", TODAY)
    assert code == 1
    assert "BEN008 [high] benefit-shortfall" in out
    assert out.rstrip().splitlines()[-1].startswith("Found ")
    assert run("check", sample, "--no-log", "--today", TODAY, "--fail-on", "never")[0] == 0
    assert run("check", sample, "--no-log", "--today", TODAY, "--exit-zero")[0] == 0
    # Only criticals fail: this record has none.
    assert run("check", sample, "--no-log", "--today", TODAY, "--fail-on", "critical")[0] == 0


def test_well_made_proposal_passes_the_default_gate(workdir: Path) -> None:
    (workdir / "proposal.yaml").write_text(PROPOSAL)
    code, out, _ = run("check", "proposal.yaml", "--no-log", "--today", TODAY, "-f", "json")
    assert code == 0, out
    severities = {f["severity"] for f in findings_json(out)}
    assert severities <= {"low", "info"}


def test_unreadable_file_is_reported_and_the_rest_is_audited(workdir: Path) -> None:
    (workdir / "decisions").mkdir()
    (workdir / "decisions" / "good.yaml").write_text(PROPOSAL)
    (workdir / "decisions" / "broken.yaml").write_text("id: X\ntitle: [unclosed\n")
    code, out, _ = run("check", "decisions", "--today", TODAY, "-f", "json")
    assert code == 2
    doc = json.loads(out)
    assert [e["file"] for e in doc["errors"]] == ["decisions/broken.yaml"]
    assert doc["errors"][0]["line"] is not None
    assert doc["summary"]["records"] == 1
    # The run is still logged, with its error, and the log verifies.
    conn = sqlite3.connect(workdir / "decaudit.db")
    (status, errors) = conn.execute("SELECT exit_status, errors FROM runs").fetchone()
    assert status == 2 and "decisions/broken.yaml" in errors
    assert run("verify")[0] == 0


def test_missing_path_is_an_input_error(workdir: Path) -> None:
    code, out, err = run("check", "nope.yaml", "--no-log")
    assert code == 2
    assert "nope.yaml" in out + err
    assert "Traceback" not in out + err


def test_no_path_is_a_usage_error(workdir: Path) -> None:
    code, _, err = run("check", "--no-log")
    assert code == 2
    assert "no PATH given" in err


def test_stdin(workdir: Path) -> None:
    code, out, _ = run("check", "-", "--no-log", "--today", TODAY, "-f", "json", input=PROPOSAL)
    assert code == 0
    doc = json.loads(out)
    assert doc["summary"]["records"] == 1
    assert all(f["file"] == "-" for f in doc["findings"])


def test_formats_pair_with_outputs_in_command_line_order(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    code, out, _ = run(
        "check", sample, "--no-log", "--today", TODAY, "--fail-on", "never",
        "-f", "sarif", "-o", "out/result.sarif", "-f", "junit", "-o", "out/result.xml",
        "-f", "text",
    )  # fmt: skip
    assert code == 0
    assert "BEN008" in out  # text went to stdout
    sarif = json.loads((workdir / "out" / "result.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert (workdir / "out" / "result.xml").read_text().startswith("<?xml")


def test_two_formats_on_stdout_is_a_usage_error(workdir: Path) -> None:
    code, _, err = run("check", str(SAMPLES), "--no-log", "-f", "json", "-f", "sarif")
    assert code == 2
    assert "only one --format can go to stdout" in err


def test_unknown_format(workdir: Path) -> None:
    code, _, err = run("check", str(SAMPLES), "--no-log", "-f", "yaml")
    assert code == 2
    assert "'yaml' is not one of 'text', 'json'" in err


def test_select_ignore_and_min_severity(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    base = ("check", sample, "--no-log", "--today", TODAY, "-f", "json", "--fail-on", "never")
    only = findings_json(run(*base, "--select", "BEN008,GOV001")[1])
    assert {f["rule_id"] for f in only} == {"BEN008", "GOV001"}
    family = findings_json(run(*base, "--select", "alternatives")[1])
    assert family and {f["rule_id"][:3] for f in family} == {"ALT"}
    ignored = findings_json(run(*base, "--ignore", "benefits")[1])
    assert ignored and not any(f["rule_id"].startswith("BEN") for f in ignored)
    high = findings_json(run(*base, "--min-severity", "high")[1])
    assert high and {f["severity"] for f in high} <= {"high", "critical"}
    code, _, err = run(*base, "--select", "NOPE999")
    assert code == 2 and "NOPE999" in err


def test_every_run_is_logged_unless_no_log(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    run("check", sample, "--today", TODAY, "--no-log")
    assert not (workdir / "decaudit.db").exists()
    run("check", sample, "--today", TODAY, "--db", "audit.db")
    run("check", sample, "--today", TODAY, "--db", "audit.db")
    conn = sqlite3.connect(workdir / "audit.db")
    assert conn.execute("SELECT count(*) FROM runs").fetchone() == (2,)
    (n,) = conn.execute("SELECT count(DISTINCT hash) FROM records").fetchone()
    assert n == 1  # the same content is stored once
    code, out, _ = run("history", "DEC-2025-014", "--db", "audit.db", "--format", "json")
    assert code == 0
    history = json.loads(out)
    assert [r["run_id"] for r in history["runs"]] == [1, 2]
    assert {f["rule_id"] for f in history["runs"][1]["findings"]} >= {"BEN008", "GOV001"}


def test_record_waiver_applies_until_it_expires(workdir: Path) -> None:
    record = yaml.safe_load(PROPOSAL)
    benefit = record["options"][0]["business_case"]["benefits"][0]
    del benefit["low"], benefit["high"]
    record["waivers"] = [
        {"rule": "BEN002", "reason": "Signed contract", "approver": "CFO", "expires": "2026-12-31"}
    ]
    waived = yaml.safe_dump(record, sort_keys=False)
    (workdir / "p.yaml").write_text(waived)
    args = ("check", "p.yaml", "--no-log", "-f", "json", "--fail-on", "never")
    live = [f for f in findings_json(run(*args, "--today", TODAY)[1]) if f["rule_id"] == "BEN002"]
    assert live and all(f["waived"] for f in live)
    later = [
        f for f in findings_json(run(*args, "--today", "2027-01-01")[1]) if f["rule_id"] == "BEN002"
    ]
    assert later and not any(f["waived"] for f in later)


def test_log_waiver_applies_to_later_runs(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    code, _, err = run(
        "waive", "DEC-2025-014", "BEN008", "--reason", "Reviewed by the audit committee",
        "--approver", "Audit committee", "--expires", "2099-12-31",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run("check", sample, "--today", TODAY, "-f", "json", "--select", "BEN008")
    assert code == 0  # the only high finding is waived
    (finding,) = findings_json(out)
    assert finding["waived"] is True
    conn = sqlite3.connect(workdir / "decaudit.db")
    row = conn.execute("SELECT waived, waiver_source FROM findings WHERE rule_id='BEN008'")
    assert row.fetchone() == (1, "log")


def test_reproducible_output(workdir: Path) -> None:
    args = ("check", str(SAMPLES), "--no-log", "--today", TODAY, "-f", "json", "--fail-on", "never")
    first, second = run(*args)[1], run(*args)[1]
    strip = lambda doc: {k: v for k, v in json.loads(doc).items() if k != "started_at"}  # noqa: E731
    assert strip(first) == strip(second)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_ci_baseline_reports_only_new_findings(workdir: Path) -> None:
    """The CI flow: baseline the existing records, move lines, add a proposal with a new
    finding, and see exit 1 with only that finding reported."""
    repo = workdir / "repo"
    (repo / "decisions").mkdir(parents=True)
    shutil.copy(SAMPLES / "aurora-premium-tier.yaml", repo / "decisions")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "existing decisions")

    common = ("--no-log", "--today", TODAY)
    code, _, _ = run("check", "repo/decisions", *common, "--write-baseline", "baseline.json")
    assert code == 1  # the existing record fails the gate...
    assert json.loads((workdir / "baseline.json").read_text())["findings"]
    code, out, _ = run("check", "repo/decisions", *common, "--baseline", "baseline.json")
    assert code == 0  # ...but nothing is new against the baseline
    assert "Found" not in out or "Found 0" in out or "No findings" in out

    # Lines move (a comment block on top): the baseline still matches.
    old = (repo / "decisions" / "aurora-premium-tier.yaml").read_text()
    (repo / "decisions" / "aurora-premium-tier.yaml").write_text("# moved\n" * 7 + old)
    # A new proposal with one high finding: a breakthrough option listed but never analysed.
    new = yaml.safe_load(PROPOSAL)
    new["id"] = "DEC-T-002"
    del new["options"][2]["business_case"]
    (repo / "decisions" / "new.yaml").write_text(yaml.safe_dump(new, sort_keys=False))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "new proposal")
    code, out, _ = run(
        "check", "repo/decisions", *common, "--baseline", "baseline.json", "-f", "json"
    )
    doc = json.loads(out)
    assert code == 1
    assert {f["decision_id"] for f in doc["findings"]} == {"DEC-T-002"}
    assert "ALT004" in {f["rule_id"] for f in doc["findings"]}


def test_write_baseline_keeps_every_finding_of_the_run(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    args = ("check", sample, "--no-log", "--today", TODAY, "--fail-on", "never", "-f", "json")
    everything = findings_json(run(*args)[1])
    code, out, _ = run(*args, "--min-severity", "high", "--write-baseline", "b.json")
    assert code == 0
    assert len(findings_json(out)) < len(everything)  # fewer shown...
    written = json.loads((workdir / "b.json").read_text())["findings"]
    assert {f["fingerprint"] for f in written} == {f["fingerprint"] for f in everything}


def test_config_extensions_and_exclude_filter_folder_walks(workdir: Path) -> None:
    shutil.copytree(SAMPLES, workdir / "decisions")
    (workdir / ".decaudit.toml").write_text(
        'extensions = [".yaml"]\nexclude = ["decisions/northwind-*"]\n'
    )
    code, out, _ = run("check", "decisions", "--no-log", "--today", TODAY, "-f", "json")
    assert code == 1
    files = {f["file"] for f in findings_json(out) if f["file"]}
    assert files and all(f.endswith(".yaml") for f in files)
    assert not any("northwind" in f for f in files)
    # A file named explicitly is read whatever the filters say.
    named = "decisions/northwind-acquisition.yaml"
    code, out, _ = run("check", named, "--no-log", "--today", TODAY, "-f", "json")
    assert code == 1
    assert {f["file"] for f in findings_json(out) if f["file"]} == {named}


def test_no_log_still_applies_the_logs_waivers(workdir: Path) -> None:
    sample = str(SAMPLES / "aurora-premium-tier.yaml")
    run("check", sample, "--today", TODAY, "--fail-on", "never")  # creates the log
    code, _, err = run(
        "waive", "DEC-2025-014", "BEN008", "--reason", "Accepted by the board",
        "--approver", "Board", "--expires", "2099-01-31",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(
        "check", sample, "--no-log", "--today", TODAY, "-f", "json", "--select", "BEN008"
    )
    assert code == 0
    assert [f["waived"] for f in findings_json(out)] == [True]
    conn = sqlite3.connect(workdir / "decaudit.db")
    assert conn.execute("SELECT count(*) FROM runs").fetchone() == (1,)  # nothing was logged
