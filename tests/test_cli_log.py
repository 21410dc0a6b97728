"""The log commands through the real CLI (click's CliRunner): output, formats, exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from decaudit.cli.main import cli
from decaudit.engine.log import AuditLog
from decaudit.engine.log.schema import expected_triggers
from test_log_support import finding, sample_log, source, write_run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    sample_log(path).close()
    return path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env or {}, catch_exceptions=False)


def test_runs_table(db: Path) -> None:
    result = run("runs", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == (
        "RUN  STARTED (UTC)     RECORDS  FINDINGS  EXIT  COMMAND\n"
        "  1  2026-03-01 10:00        3         3     1  decaudit check decisions/\n"
        "  2  2026-03-02 09:30        3         2     1  decaudit check decisions/ --fai…\n"
        "  3  2026-03-05 16:45        1         1     0  decaudit check decisions/\n"
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_runs_json_and_csv(db: Path) -> None:
    data = json.loads(run("runs", "--db", str(db), "--format", "json").stdout)
    assert [r["id"] for r in data] == [1, 2, 3]
    assert data[1]["command"] == "decaudit check decisions/ --fail-on medium"
    assert data[0]["ci"] == {"CI": "true", "GITHUB_SHA": "abc123"}
    assert (data[0]["actor"], data[0]["tool_version"], data[0]["ruleset_digest"]) == (
        "alice",
        "0.1.0",
        "ruleset-digest",
    )
    rows = list(csv.DictReader(io.StringIO(run("runs", "--db", str(db), "-f", "csv").stdout)))
    assert [(r["id"], r["finding_count"], r["exit_status"]) for r in rows] == [
        ("1", "3", "1"),
        ("2", "2", "1"),
        ("3", "1", "0"),
    ]
    assert run("runs", "--db", str(db), "--limit", "1", "-f", "json").stdout.count('"id"') == 1


def test_db_from_environment(db: Path) -> None:
    result = run("runs", "-f", "json", env={"DECAUDIT_DB": str(db)})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 3


@pytest.mark.parametrize(
    "args",
    [
        ["runs"],
        ["findings"],
        ["history", "DEC-1"],
        ["diff", "1", "2"],
        ["verify"],
        ["waive", "--list"],
        ["waive", "--revoke", "1", "--reason", "r"],
    ],
)
def test_read_commands_refuse_a_missing_log(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "none.db"
    result = run(*args, "--db", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"decaudit: error: {path}: no audit log here (run `decaudit check` first, or pass --db)\n"
    )
    assert not path.exists()


def test_not_a_log(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"\x00garbage" * 200)
    result = run("findings", "--db", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"decaudit: error: {path}: not an SQLite database")


def test_findings_table(db: Path) -> None:
    result = run("findings", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == (
        "RUN  DECISION  RULE    SEVERITY  WAIVED  MESSAGE\n"
        "  1  DEC-1     ALT001  high              No breakthrough or replace-own-busines…\n"
        "  1  DEC-2     ALT001  high              ALT001 fired on DEC-2\n"
        "  1  DEC-2     BEN002  low               BEN002 fired on DEC-2\n"
        "  2  DEC-2     ALT001  high              ALT001 fired on DEC-2\n"
        "  2  DEC-3     ALT001  medium            ALT001 fired on DEC-3\n"
        "  3  DEC-1     BEN002  low               Benefit revenue has no range\n"
    )


def _ids(db: Path, *args: str) -> list[int]:
    result = run("findings", "--db", str(db), "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return [f["id"] for f in json.loads(result.stdout)]


def test_findings_filters(db: Path) -> None:
    assert _ids(db, "--rule", "ALT001") == [1, 2, 4, 5]
    assert _ids(db, "--rule", "BEN002,ALT001") == [1, 2, 3, 4, 5, 6]
    assert _ids(db, "--rule", "BEN002", "--rule", "no-breakthrough-alternative") == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert _ids(db, "--severity", "medium") == [1, 2, 4, 5]
    assert _ids(db, "--decision", "DEC-2", "--severity", "high") == [2, 4]
    assert _ids(db, "--run", "2") == [4, 5]
    assert _ids(db, "--run", "latest") == [6]
    assert _ids(db, "--run", "previous") == [4, 5]
    assert _ids(db, "--since", "2026-03-02", "--until", "2026-03-02") == [4, 5]
    assert _ids(db, "--since", "2026-03-02T09:30:01Z") == [6]
    assert _ids(db, "--open") == [1, 2, 3, 4, 5, 6]
    assert _ids(db, "--waived") == []
    assert _ids(db, "--search", "no range") == [6]
    assert _ids(db, "--family", "benefits") == [3, 6]


def test_findings_csv(db: Path) -> None:
    out = run("findings", "--db", str(db), "-f", "csv", "--run", "3").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    r = rows[0]
    assert (r["rule_id"], r["decision_id"], r["severity"], r["waived"], r["message"]) == (
        "BEN002",
        "DEC-1",
        "low",
        "false",
        "Benefit revenue has no range",
    )
    assert json.loads(r["evidence"]) == {"count": 3, "kinds": ["incremental"]}


def test_hostile_filters_return_nothing(db: Path) -> None:
    for args in (
        ["--rule", "x' OR 1=1 --"],
        ["--decision", "'; DROP TABLE findings; --"],
        ["--search", "x' OR 1=1 --"],
    ):
        result = run("findings", "--db", str(db), *args)
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == "no findings match\n"
        assert json.loads(run("findings", "--db", str(db), "-f", "json", *args).stdout) == []
    assert len(_ids(db)) == 6


def test_findings_bad_values(db: Path) -> None:
    result = run("findings", "--db", str(db), "--since", "yesterday")
    assert result.exit_code == 2
    assert result.stderr == (
        "decaudit: error: invalid time 'yesterday': expected YYYY-MM-DD or an ISO 8601 timestamp\n"
    )
    assert run("findings", "--db", str(db), "--severity", "severe").exit_code == 2
    zero = run("findings", "--db", str(db), "--run", "0")
    assert (zero.exit_code, zero.stderr) == (
        2,
        "decaudit: error: invalid run '0': expected a run id, 'latest' or 'previous'\n",
    )
    missing = run("findings", "--db", str(db), "--run", "12")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "decaudit: error: no run 12 in the audit log (see `decaudit runs`)\n",
    )


def test_history(db: Path) -> None:
    result = run("history", "DEC-1", "--db", str(db))
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0].startswith("run 1  2026-03-01 10:00  decisions/DEC-1.yaml:1  record ")
    assert out[1:3] == [
        "  RULE    SEVERITY  DIGEST    WAIVED  MESSAGE",
        "  ALT001  high      digest-a          No breakthrough or replace-own-business o…",
    ]
    assert out[3:6] == ["", out[4], "  no findings"]
    assert out[4].startswith("run 2  2026-03-02 09:30  decisions/DEC-1.yaml:1  record ")
    assert out[9] == "  BEN002  low       digest-b          Benefit revenue has no range"
    assert max(len(line) for line in out) <= 80
    data = json.loads(run("history", "DEC-1", "--db", str(db), "-f", "json").stdout)
    assert data["decision_id"] == "DEC-1"
    assert [(r["run_id"], [f["rule_id"] for f in r["findings"]]) for r in data["runs"]] == [
        (1, ["ALT001"]),
        (2, []),
        (3, ["BEN002"]),
    ]
    rows = list(
        csv.DictReader(io.StringIO(run("history", "DEC-1", "--db", str(db), "-f", "csv").stdout))
    )
    assert [(r["run_id"], r["rule_id"]) for r in rows] == [
        ("1", "ALT001"),
        ("2", ""),
        ("3", "BEN002"),
    ]


def test_history_of_unknown_decision(db: Path) -> None:
    result = run("history", "DEC-404", "--db", str(db))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "decision DEC-404 is not in the audit log\n"


def test_diff(db: Path) -> None:
    result = run("diff", "1", "2", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == (
        "   DECISION  RULE    SEVERITY  MESSAGE\n"
        "+  DEC-3     ALT001  medium    ALT001 fired on DEC-3\n"
        "-  DEC-1     ALT001  high      No breakthrough or replace-own-business option w…\n"
        "-  DEC-2     BEN002  low       BEN002 fired on DEC-2\n"
        "run 1 -> run 2: 1 new, 2 resolved, 1 unchanged\n"
    )
    full = run("diff", "1", "2", "--unchanged", "--db", str(db)).stdout.splitlines()
    assert full[4] == "   DEC-2     ALT001  high      ALT001 fired on DEC-2"
    assert len(full) == 6
    latest = run("diff", "previous", "latest", "--db", str(db))
    # Run 3 audited DEC-1 only: DEC-2's findings are not resolved, just not audited.
    assert latest.stdout.endswith(
        "run 2 -> run 3: 1 new, 0 resolved, 0 unchanged, 2 not audited"
        " (their decisions are not in run 3)\n"
    )
    assert "DEC-2" not in latest.stdout
    assert "?  DEC-2" in run("diff", "2", "3", "--unchanged", "--db", str(db)).stdout
    same = run("diff", "2", "2", "--db", str(db))
    assert (same.exit_code, same.stdout) == (0, "run 2 -> run 2: 0 new, 0 resolved, 2 unchanged\n")
    data = json.loads(run("diff", "1", "2", "--db", str(db), "-f", "json").stdout)
    assert (len(data["new"]), len(data["resolved"]), len(data["unchanged"])) == (1, 2, 1)
    rows = list(
        csv.DictReader(io.StringIO(run("diff", "1", "2", "--db", str(db), "-f", "csv").stdout))
    )
    assert [r["change"] for r in rows] == ["new", "resolved", "resolved", "unchanged"]
    missing = run("diff", "1", "9", "--db", str(db))
    assert missing.exit_code == 2
    assert missing.stderr == ("decaudit: error: no run 9 in the audit log (see `decaudit runs`)\n")


# -- verify and checkpoints ----------------------------------------------------------------


def _head(db: Path) -> str:
    return str(
        sqlite3.connect(db).execute("SELECT entry_hash FROM chain WHERE seq = 3").fetchone()[0]
    )


def test_verify_intact_and_tampered(db: Path, tmp_path: Path) -> None:
    result = run("verify", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == (
        f"log intact: 3 runs, 6 findings, head {_head(db)[:16]} (3 chain entries)\n"
    )
    empty = tmp_path / "empty.db"
    AuditLog.open(empty).close()
    assert run("verify", "--db", str(empty)).stdout == (
        "log intact: 0 runs, 0 findings, head 0000000000000000 (0 chain entries)\n"
    )
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER findings_no_update")
    conn.execute("UPDATE findings SET message = 'fine' WHERE id = 5")
    result = run("verify", "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "log NOT intact: findings id=5: row hash mismatch: the row was edited (stored "
    )


def test_verify_format_json(db: Path) -> None:
    result = run("verify", "--db", str(db), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["intact"] is True and doc["divergence"] is None and doc["checkpoint"] is None
    assert (doc["runs"], doc["findings"], doc["head_seq"]) == (3, 6, 3)
    assert doc["head_hash"] == _head(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER findings_no_update")
    conn.execute("UPDATE findings SET message = 'fine' WHERE id = 5")
    result = run("verify", "--db", str(db), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["intact"] is False
    assert doc["divergence"]["table"] == "findings" and doc["divergence"]["row"] == "id=5"
    assert doc["divergence"]["message"].startswith("findings id=5: row hash mismatch")


def test_checkpoint_needs_a_key(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    result = run("checkpoint", "-o", str(out), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.startswith("decaudit: error: DECAUDIT_LOG_KEY is not set")
    assert not out.exists()
    result = run("verify", "--checkpoint", str(out), "--db", str(db))
    assert result.exit_code == 2 and "DECAUDIT_LOG_KEY is not set" in result.stderr


def test_checkpoint_and_verify_against_it(db: Path, tmp_path: Path) -> None:
    env = {"DECAUDIT_LOG_KEY": "k3y"}
    out = tmp_path / "cp.json"
    result = run("checkpoint", "-o", str(out), "--db", str(db), env=env)
    assert result.exit_code == 0
    assert result.stdout == f"checkpoint: seq 3, head {_head(db)[:16]}, written to {out}\n"
    cp = json.loads(out.read_text())
    assert (cp["seq"], cp["head_hash"]) == (3, _head(db))
    assert set(cp) >= {"seq", "head_hash", "created_at", "signature"}
    rows = sqlite3.connect(db).execute("SELECT seq, head_hash, signature FROM checkpoints")
    assert rows.fetchall() == [(3, cp["head_hash"], cp["signature"])]

    with AuditLog.open(db) as log:  # the log grows after the checkpoint: still fine
        write_run(log, [source("DEC-4")], [finding("DEC-4")])
    result = run("verify", "--checkpoint", str(out), "--db", str(db), env=env)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == (
        f"checkpoint seq 3 of {cp['created_at']}: contained in the log"
    )
    wrong = run(
        "verify", "--checkpoint", str(out), "--db", str(db), env={"DECAUDIT_LOG_KEY": "other"}
    )
    assert wrong.exit_code == 1 and "signature does not match" in wrong.stdout

    conn = sqlite3.connect(db, isolation_level=None)  # cut the tail off at seq 2
    for name in ("chain", "runs", "findings", "run_records", "records"):
        conn.execute(f"DROP TRIGGER {name}_no_delete")
    for sql in (
        "DELETE FROM chain WHERE seq >= 3",
        "DELETE FROM findings WHERE run_id >= 3",
        "DELETE FROM run_records WHERE run_id >= 3",
        "DELETE FROM records WHERE first_run_id >= 3",
        "DELETE FROM runs WHERE id >= 3",
    ):
        conn.execute(sql)
    triggers = expected_triggers()  # put the guards back exactly as they were
    for name in ("chain", "runs", "findings", "run_records", "records"):
        conn.execute(triggers[f"{name}_no_delete"][1])
    assert run("verify", "--db", str(db)).exit_code == 0  # undetectable without a checkpoint
    result = run("verify", "--checkpoint", str(out), "--db", str(db), env=env)
    assert result.exit_code == 1
    assert result.stdout.startswith("log NOT intact: chain seq=3: missing: the log ends at seq 2")


def test_checkpoint_refuses_a_tampered_log(db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER runs_no_update")
    conn.execute("UPDATE runs SET exit_status = 0 WHERE id = 1")
    out = tmp_path / "cp.json"
    result = run("checkpoint", "-o", str(out), "--db", str(db), env={"DECAUDIT_LOG_KEY": "k"})
    assert result.exit_code == 1
    assert result.stdout.startswith("log NOT intact, not signing it: runs id=1: row hash mismatch")
    assert not out.exists()


def test_verify_with_a_broken_checkpoint_file(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cp.json"
    bad.write_text("{not json")
    result = run("verify", "--checkpoint", str(bad), "--db", str(db), env={"DECAUDIT_LOG_KEY": "k"})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"decaudit: error: {bad}:1: not a checkpoint file")
    missing = run(
        "verify",
        "--checkpoint",
        str(tmp_path / "nope.json"),
        "--db",
        str(db),
        env={"DECAUDIT_LOG_KEY": "k"},
    )
    assert missing.exit_code == 2 and "nope.json" in missing.stderr


# -- waivers -------------------------------------------------------------------------------


def _future(days: int = 30) -> str:
    return (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=days)).isoformat()


def test_waive_grant_list_revoke(db: Path) -> None:
    until = _future()
    result = run(
        "waive",
        "DEC-2",
        "ALT001",
        "--reason",
        "Deferred to the strategy review",
        "--approver",
        "Audit committee",
        "--expires",
        until,
        "--db",
        str(db),
    )
    assert result.exit_code == 0
    assert result.stdout == (
        f"waiver 1: ALT001 on DEC-2 waived until {until}, approved by Audit committee\n"
    )
    assert result.stderr == ""
    result = run(
        "waive", "DEC-77", "BEN002", "--reason", "pilot", "--expires", until, "--db", str(db)
    )
    assert result.exit_code == 0
    assert result.stderr == "warning: decision DEC-77 has not been audited yet\n"
    listing = run("waive", "--list", "--db", str(db))
    assert listing.stdout == (
        "ID  DECISION  RULE    EXPIRES     STATUS  APPROVER         REASON\n"
        f" 1  DEC-2     ALT001  {until}  live    Audit committee  Deferred to the stra…\n"
        f" 2  DEC-77    BEN002  {until}  live                     pilot\n"
    )
    result = run("waive", "--revoke", "1", "--reason", "review done", "--db", str(db))
    assert (result.exit_code, result.stdout) == (0, "waiver 1 revoked (entry 3)\n")
    data = json.loads(run("waive", "--list", "-f", "json", "--db", str(db)).stdout)
    assert [(w["id"], w["status"], w["revoked_by"]) for w in data] == [
        (1, "revoked", 3),
        (2, "live", None),
    ]
    with AuditLog.open(db) as log:
        today = dt.datetime.now(dt.UTC).date()
        assert [(w.decision_id, w.rule_id) for w in log.live_waivers(today)] == [
            ("DEC-77", "BEN002")
        ]
    assert run("verify", "--db", str(db)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["DEC-1", "ALT001", "--expires", "2099-01-01"], "--reason is required: say why"),
        (["DEC-1", "ALT001", "--reason", "r"], "--expires is required"),
        (
            ["DEC-1", "ALT001", "--reason", "r", "--expires", "31/12/2099"],
            "--expires '31/12/2099': expected a date as YYYY-MM-DD",
        ),
        (
            ["DEC-1", "ALT001", "--reason", "r", "--expires", "2001-01-01"],
            "--expires 2001-01-01 is in the past",
        ),
        (["DEC-1", "--reason", "r", "--expires", "2099-01-01"], "missing RULE"),
        ([], "give DECISION_ID RULE to waive, --revoke WAIVER_ID, or --list"),
        (["DEC-1", "ALT001", "--list"], "give DECISION_ID RULE to waive"),
        (["--revoke", "1"], "--reason is required"),
        (["--revoke", "5", "--reason", "r"], "no waiver 5 in the log"),
    ],
)
def test_waive_errors(db: Path, args: list[str], message: str) -> None:
    result = run("waive", *args, "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"decaudit: error: {message}")
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM waivers").fetchone() == (0,)


# -- end to end with `check` ---------------------------------------------------------------

SAMPLE = Path(__file__).parent.parent / "samples" / "aurora-premium-tier.yaml"


def test_check_logs_runs_that_the_log_commands_read(tmp_path: Path) -> None:
    db = str(tmp_path / "e2e.db")
    first = run("check", str(SAMPLE), "--db", db)
    assert first.exit_code in (0, 1), first.output
    found = json.loads(run("findings", "--db", db, "-f", "json").stdout)
    assert found, "the sample record has findings"
    target = next(f for f in found if f["severity"] in ("high", "critical", "medium"))
    assert {f["run_id"] for f in found} == {1}
    assert all(f["record_hash"] for f in found)
    runs_data = json.loads(run("runs", "--db", db, "-f", "json").stdout)
    assert runs_data[0]["record_count"] == 1
    assert runs_data[0]["finding_count"] == len(found)
    assert runs_data[0]["ruleset_digest"] and runs_data[0]["input_digest"]

    until = _future(60)
    waived = run(
        "waive",
        target["decision_id"],
        target["rule_id"],
        "--reason",
        "Accepted",
        "--approver",
        "Board",
        "--expires",
        until,
        "--db",
        db,
    )
    assert waived.exit_code == 0 and waived.stderr == ""
    second = run("check", str(SAMPLE), "--db", db)
    assert second.exit_code in (0, 1), second.output
    now_waived = json.loads(
        run("findings", "--db", db, "--run", "2", "--waived", "-f", "json").stdout
    )
    assert [
        (f["rule_id"], f["waiver_id"], f["waiver_source"], f["waiver_expires"]) for f in now_waived
    ] == [(target["rule_id"], 1, "log", until)]
    diff = run("diff", "1", "2", "--db", db)
    assert diff.stdout.endswith(f"0 new, 0 resolved, {len(found)} unchanged\n")
    history_data = json.loads(
        run("history", target["decision_id"], "--db", db, "-f", "json").stdout
    )
    assert [r["run_id"] for r in history_data["runs"]] == [1, 2]
    verified = run("verify", "--db", db)
    assert verified.exit_code == 0
    assert verified.stdout.startswith(f"log intact: 2 runs, {2 * len(found)} findings, head ")


def test_checkpoint_output_places(db: Path, tmp_path: Path) -> None:
    env = {"DECAUDIT_LOG_KEY": "k"}
    result = run("checkpoint", "-o", str(tmp_path / "no" / "cp.json"), "--db", str(db), env=env)
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM checkpoints").fetchone() == (0,)
    out = run("checkpoint", "-o", "-", "--db", str(db), env=env)
    assert out.exit_code == 0
    assert json.loads(out.stdout)["seq"] == 3
