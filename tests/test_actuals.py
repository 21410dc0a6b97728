"""Closing the loop: benefits reviews that fall due, actual figures recorded in the log after
approval (``decaudit actuals``), and later audits that compare them with the business case."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import DecauditError
from decaudit.engine.figures import figures_of_rows, read_figures
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

RECORD = """\
id: DEC-2022-010
title: Replace the warehouse scanners with a mobile app
date: 2022-02-01
status: implemented
project_type: it-system
decision_makers: [Operations director]
options:
  - id: app
    title: Build a mobile picking app
    kind: incremental
    chosen: true
    business_case:
      benefits:
        - id: picks
          description: Faster picking
          type: cost-saving
          projected: 800000
          basis: time-and-motion study of 2021
        - id: errors
          description: Fewer mis-picks
          type: cost-saving
          projected: 200000
          basis: returns data 2021
      costs:
        - id: build
          description: Build and roll-out
          projected: 300000
  - id: keep
    title: Keep the scanners
    kind: do-nothing
    rejected_reason: Spares run out in 2023
"""
TODAY = {"DECAUDIT_TODAY": "2026-06-30"}


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={**TODAY, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def audited(tmp_path: Path) -> tuple[Path, Path]:
    record = tmp_path / "scanners.yaml"
    record.write_text(RECORD, encoding="utf-8")
    db = tmp_path / "audit.db"
    code, _, err = run("check", str(record), "--db", str(db), "-f", "json", "--fail-on", "never")
    assert code == 0, err
    return record, db


def rules_of(out: str) -> set[str]:
    return {f["rule_id"] for f in json.loads(out)["findings"]}


def actual_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM actuals").fetchone()[0])
    finally:
        conn.close()


def test_the_whole_cycle(audited: tuple[Path, Path]) -> None:
    record, db = audited
    before = record.read_bytes()
    code, out, _ = run("check", str(record), "--db", str(db), "-f", "json", "--fail-on", "never")
    assert "BEN007" in rules_of(out) and "BEN008" not in rules_of(out)

    # the review fell due a year after the decision and nothing was measured
    code, out, _ = run("reviews", "--db", str(db), "-f", "json")
    (due,) = json.loads(out)
    assert (due["decision_id"], due["status"], due["due"]) == (
        "DEC-2022-010",
        "overdue",
        "2023-02-01",
    )
    assert due["days_overdue"] == 1245 and due["measured"] == 0 and due["projected_total"] == 1e6
    assert run("reviews", "--db", str(db), "--fail-on-overdue")[0] == 1

    # actual figures come in; one corrected later (the latest as-of date wins)
    code, out, err = run(
        "actuals",
        "DEC-2022-010",
        "--benefit",
        "picks",
        "--value",
        "300000",
        "--as-of",
        "2025-12-31",
        "--source",
        "finance ledger",
        "--db",
        str(db),
    )
    assert code == 0, err
    csv = record.parent / "figures.csv"
    csv.write_text(
        "Decision,Benefit,Cost,Value,As of,Source\n"
        "DEC-2022-010,Fewer mis-picks,,150000,2025-12-31,returns data\n"
        "DEC-2022-010,,build,420000,2024-03-31,project accounts\n"
        "DEC-2022-010,picks,,350000,2026-03-31,finance ledger Q1\n",
        encoding="utf-8",
    )
    code, out, err = run("actuals", "--file", str(csv), "--db", str(db))
    assert code == 0, err
    assert "recorded 3 figures" in out
    assert actual_count(db) == 4

    # the next audit compares the case with what came in; the review is no longer missing
    code, out, _ = run("check", str(record), "--db", str(db), "-f", "json", "--fail-on", "never")
    findings = {f["rule_id"]: f for f in json.loads(out)["findings"]}
    assert "BEN007" not in findings
    assert "BEN008" in findings and "50%" in findings["BEN008"]["message"]  # 500k of 1m
    assert record.read_bytes() == before  # the record file is never touched

    code, out, _ = run("reviews", "--db", str(db), "--all", "-f", "json")
    (done,) = json.loads(out)
    assert done["status"] == "done" and done["measured_total"] == 500000

    code, out, _ = run("history", "DEC-2022-010", "--db", str(db), "-f", "json")
    trail = [(a["item_id"], a["value"], a["as_of"]) for a in json.loads(out)["actuals"]]
    assert trail == [  # as-of order; a benefit named by its description is stored by its id
        ("build", 420000, "2024-03-31"),
        ("picks", 300000, "2025-12-31"),
        ("errors", 150000, "2025-12-31"),
        ("picks", 350000, "2026-03-31"),
    ]
    code, out, _ = run("history", "DEC-2022-010", "--db", str(db))
    assert "figures recorded after approval (4)" in out

    code, out, _ = run("calibration", "--db", str(db), "--format", "json")
    assert code == 0 and "DEC-2022-010" in out

    html = record.parent / "report.html"
    assert run("report", "--db", str(db), "-o", str(html))[0] == 0
    page = html.read_text(encoding="utf-8")
    assert 'id="over-time"' in page and "finance ledger Q1" in page and "350,000" in page

    code, out, err = run("verify", "--db", str(db))
    assert code == 0, out + err


def test_description_names_the_benefit_and_is_stored_as_its_id(audited: tuple[Path, Path]) -> None:
    _, db = audited
    code, _, err = run(
        "actuals",
        "DEC-2022-010",
        "--benefit",
        "fewer  MIS-picks",
        "--value",
        "1",
        "--as-of",
        "2026-01-01",
        "--db",
        str(db),
    )
    assert code == 0, err
    code, out, _ = run("actuals", "--list", "--db", str(db), "-f", "json")
    assert [r["item_id"] for r in json.loads(out)] == ["errors"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["DEC-2022-01", "--benefit", "picks"],
            "no decision 'DEC-2022-01' in the audit log; did you mean 'DEC-2022-010'?",
        ),
        (["DEC-2022-010", "--benefit", "pick"], "has no benefit 'pick'; did you mean 'picks'?"),
        (["DEC-2022-010", "--cost", "picks"], "has no cost 'picks'"),
        (["DEC-2022-010", "--benefit", "picks", "--value", "-5"], "is negative"),
        (["DEC-2022-010", "--benefit", "picks", "--value", "lots"], "is not a number"),
        (["DEC-2022-010", "--benefit", "picks", "--value", "nan"], "not a finite amount"),
        (["DEC-2022-010", "--benefit", "picks", "--as-of", "2026-07-01"], "is in the future"),
        (["DEC-2022-010", "--benefit", "picks", "--as-of", "31/12/2025"], "is not a date"),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_written(
    audited: tuple[Path, Path], args: list[str], message: str
) -> None:
    _, db = audited
    full = [*args]
    if "--value" not in full:
        full += ["--value", "10"]
    if "--as-of" not in full:
        full += ["--as-of", "2026-01-01"]
    code, _, err = run("actuals", *full, "--db", str(db))
    assert code == 2 and message in err, err
    assert "Traceback" not in err
    assert actual_count(db) == 0


def test_a_file_with_one_bad_row_records_nothing(audited: tuple[Path, Path]) -> None:
    record, db = audited
    csv = record.parent / "f.csv"
    csv.write_text(
        "decision,benefit,value,as_of\nDEC-2022-010,picks,5,2025-01-01\nDEC-2022-010,picks,x,2025-01-01\n",
        encoding="utf-8",
    )
    code, _, err = run("actuals", "--file", str(csv), "--db", str(db))
    assert code == 2 and f"{csv}:3: value 'x' is not a number" in err
    assert actual_count(db) == 0


def test_an_excel_file_of_figures(audited: tuple[Path, Path]) -> None:
    from openpyxl import Workbook

    record, db = audited
    book = Workbook()
    sheet = book.active
    sheet.title = "Actuals"
    sheet.append(["Decision ID", "Kind", "Item", "Actual", "Measured on"])
    sheet.append(["DEC-2022-010", "benefit", "picks", 640000, "2025-12-31"])
    sheet.append(["DEC-2022-010", "cost", "build", 310000.5, "2024-06-30"])
    path = record.parent / "figures.xlsx"
    book.save(path)
    code, out, err = run("actuals", "--file", str(path), "--db", str(db))
    assert code == 0, err
    code, out, _ = run("actuals", "--list", "DEC-2022-010", "--db", str(db), "-f", "csv")
    assert "640000" in out and "310000.5" in out


def test_tampering_with_a_figure_is_detected(audited: tuple[Path, Path]) -> None:
    _, db = audited
    assert (
        run(
            "actuals",
            "DEC-2022-010",
            "--benefit",
            "picks",
            "--value",
            "900000",
            "--as-of",
            "2025-12-31",
            "--db",
            str(db),
        )[0]
        == 0
    )
    conn = sqlite3.connect(db, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE actuals SET value = 1000000")
    conn.execute("DROP TRIGGER actuals_no_update")
    conn.execute("UPDATE actuals SET value = 1000000")
    conn.close()
    code, out, err = run("verify", "--db", str(db))
    assert code != 0 and "actuals" in out + err


def test_a_figure_inserted_outside_the_command_is_detected(audited: tuple[Path, Path]) -> None:
    _, db = audited
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(
        "INSERT INTO actuals (id, batch, decision_id, item_kind, item_id, value, as_of,"
        " created_at, row_hash) VALUES (1, 1, 'DEC-2022-010', 'benefit', 'picks', 1.0,"
        " '2025-01-01', '2026-01-01T00:00:00Z', 'x')"
    )
    conn.close()
    code, out, err = run("verify", "--db", str(db))
    assert code != 0 and "actuals" in out + err


row = st.lists(st.text(max_size=12), min_size=0, max_size=7)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, max_size=6))
def test_any_table_gives_figures_or_a_located_error(rows: list[list[str]]) -> None:
    try:
        figures = figures_of_rows(enumerate(rows, start=1), "f.csv:{line}")
    except DecauditError as exc:
        assert str(exc).startswith("f.csv:")
    else:
        assert all(f.where.startswith("f.csv:") for f in figures)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["picks", "errors", "Faster picking", "nope"]),
            st.one_of(st.integers(-10, 10**7).map(str), st.sampled_from(["", "x", "1e3", "inf"])),
            st.sampled_from(["2024-01-01", "2026-06-30", "2026-07-01", "2025-13-01"]),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_file_import_is_all_or_nothing(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    tmp = tmp_path_factory.mktemp("imp")
    record = tmp / "r.yaml"
    record.write_text(RECORD, encoding="utf-8")
    db = tmp / "a.db"
    assert run("check", str(record), "--db", str(db), "--fail-on", "never", "-q")[0] == 0
    csv = tmp / "f.csv"
    csv.write_text(
        "decision,benefit,value,as_of\n"
        + "".join(f"DEC-2022-010,{b},{v},{d}\n" for b, v, d in rows),
        encoding="utf-8",
    )
    code, _, err = run("actuals", "--file", str(csv), "--db", str(db))
    assert "Traceback" not in err
    valid = all(
        b != "nope"
        and v not in ("", "x", "inf")
        and not v.startswith("-")
        and d in ("2024-01-01", "2026-06-30")
        for b, v, d in rows
    )
    assert code == (0 if valid else 2), err
    assert actual_count(db) == (len(rows) if valid else 0)
    assert run("verify", "--db", str(db))[0] == 0


def test_read_figures_names_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("decision,value\nDEC-1,5\n", encoding="utf-8")
    with pytest.raises(DecauditError, match=r"f.csv:1: the header lacks as_of, benefit, cost"):
        read_figures(str(path))
