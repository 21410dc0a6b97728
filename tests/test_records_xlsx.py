"""Excel decision registers: the CSV register's columns from typed cells, located errors."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.records import load_file, xlsxregister
from decaudit.engine.records.csvregister import _number
from decaudit.engine.records.xlsxregister import cell_text, column_letter, load_xlsx
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "decision-register.xlsx"

HEADER = [
    "decision_id", "decision_title", "date", "status", "decision_makers", "option_id",
    "option_title", "kind", "chosen", "rejected_reason", "npv", "benefit_projected",
    "benefit_low", "benefit_high", "cost_projected", "cost_contingency", "scenarios", "notes",
]  # fmt: skip
ROWS: list[list[Any]] = [
    ["D2", "Second", "2024-01-02", "accepted", "CEO;CFO", "a", "Option A", "incremental",
     "yes", "", "100", "50", "40", "60", "20", "0.1", "base;downside", "free text"],
    ["D1", "First", "", "proposed", "", "x", "Only option", "", "", "", "", "", "", "", "",
     "", "", ""],
    ["D2", "", "", "", "", "b", "Option B", "do-nothing", "no", "Too slow", "", "", "", "",
     "", "", "", ""],
]  # fmt: skip


def workbook(rows: list[list[Any]], *sheets: tuple[str, list[list[Any]]]) -> bytes:
    book = Workbook()
    first = book.active
    first.title = "Register"
    for row in rows:
        first.append(row)
    for name, extra in sheets:
        sheet = book.create_sheet(name)
        for row in extra:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_csv(rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def records(results: list[SourceRecord | InputError]) -> list[dict[str, Any]]:
    return [json.loads(r.record.model_dump_json()) for r in results if isinstance(r, SourceRecord)]


def test_same_records_as_the_csv_register() -> None:
    from_xlsx = load_file("reg.xlsx", workbook([HEADER, *ROWS]))
    from_csv = load_file("reg.csv", as_csv([HEADER, *ROWS]))
    assert all(isinstance(r, SourceRecord) for r in from_xlsx), from_xlsx
    assert records(from_xlsx) == records(from_csv)
    assert [r.format for r in from_xlsx if isinstance(r, SourceRecord)] == ["xlsx", "xlsx"]
    # the record's line is its first row
    assert [r.line_of(()) for r in from_xlsx if isinstance(r, SourceRecord)] == [2, 3]


def test_typed_cells_and_header_spelling() -> None:
    header = ["Decision ID", "Decision title", "Date", "Option title", "Chosen", "NPV",
              "Benefit projected", "Cost contingency"]  # fmt: skip
    rows = [
        ["D1", "Typed", dt.datetime(2024, 3, 5), "A", True, 1200.0, 3_500_000, 0.15],
        ["D1", None, None, "B", False, -7.5, None, None],
    ]
    (result,) = load_file("reg.xlsx", workbook([header, *rows]))
    assert isinstance(result, SourceRecord), result
    record = result.record
    assert str(record.date) == "2024-03-05"
    a, b = record.options
    assert (a.chosen, b.chosen) == (True, False)
    assert a.business_case is not None and b.business_case is not None
    assert a.business_case.npv == 1200 and b.business_case.npv == -7.5
    assert a.business_case.benefits[0].projected == 3_500_000
    assert a.business_case.costs[0].contingency == 0.15


def test_cell_errors_name_sheet_row_and_column() -> None:
    rows = [HEADER, [*ROWS[0][:10], "lots", *ROWS[0][11:]]]
    (err,) = load_file("reg.xlsx", workbook(rows))
    assert isinstance(err, InputError)
    assert err.line == 2
    assert err.message == "sheet 'Register', row 2, column K (npv): must be a number (got 'lots')"


def test_conflicting_decision_cells_name_the_first_row() -> None:
    rows = [HEADER, ROWS[0], ["D2", "Other title", *ROWS[2][2:]]]
    (err,) = load_file("reg.xlsx", workbook(rows))
    assert isinstance(err, InputError)
    assert err.message.startswith("sheet 'Register', row 3, column B (decision_title): ")
    assert "on row 2 for decision 'D2'" in err.message


def test_missing_columns_name_the_sheet_and_header_row() -> None:
    data = workbook([[], ["title", "option_title"], ["x", "y"]])
    (err,) = load_file("reg.xlsx", data)
    assert isinstance(err, InputError) and err.line == 2
    assert err.message == (
        "sheet 'Register', row 2: missing required column(s): decision_id, decision_title"
    )


def test_first_sheet_by_default_and_another_by_name() -> None:
    data = workbook([["Read me first"]], ("Decisions", [HEADER, *ROWS]))
    (err,) = load_file("reg.xlsx", data)
    assert isinstance(err, InputError) and "sheet 'Register', row 1: missing" in err.message
    assert len(records(load_xlsx("reg.xlsx", data, sheet="Decisions"))) == 2
    (missing,) = load_xlsx("reg.xlsx", data, sheet="Nope")
    assert isinstance(missing, InputError)
    assert missing.message == "no sheet 'Nope' in the workbook (sheets: 'Register', 'Decisions')"


def test_not_a_workbook_and_inflation_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    (err,) = load_file("reg.xlsx", b"PK\x03\x04 not really a zip")
    assert isinstance(err, InputError) and "not a readable .xlsx workbook" in err.message
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    (err,) = load_file("reg.xlsx", plain.getvalue())
    assert isinstance(err, InputError) and "not a readable .xlsx workbook" in err.message
    # damaged compressed data (a flipped byte in the middle of the workbook)
    data = bytearray(workbook([HEADER, *ROWS]))
    for offset in range(200, len(data) - 200, 97):
        broken = bytes(data[:offset]) + bytes([data[offset] ^ 0xFF]) + bytes(data[offset + 1 :])
        results = load_file("reg.xlsx", broken)  # never raises
        assert all(isinstance(r, SourceRecord | InputError) for r in results)
    monkeypatch.setattr(xlsxregister, "MAX_INFLATED", 1000)
    (err,) = load_file("reg.xlsx", workbook([HEADER, *ROWS]))
    assert isinstance(err, InputError) and "inflates to more than" in err.message


@given(st.integers(min_value=0, max_value=18_277))
def test_column_letters_match_openpyxl(index: int) -> None:
    assert column_letter(index) == get_column_letter(index + 1)


@given(
    st.one_of(
        st.integers(min_value=-(10**15), max_value=10**15),
        st.floats(allow_nan=False, allow_infinity=False),
    )
)
def test_numeric_cells_read_back_as_the_same_number(value: float) -> None:
    assert _number(cell_text(value)) == value


def test_check_reads_a_named_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reg.xlsx").write_bytes(workbook([["notes"]], ("Decisions", [HEADER, *ROWS])))
    runner = CliRunner()
    first = runner.invoke(cli, ["check", "reg.xlsx", "--no-log", "-f", "json"])
    assert first.exit_code == 2 and "sheet 'Register', row 1" in first.stdout
    named = runner.invoke(
        cli, ["check", "reg.xlsx", "--no-log", "-f", "json", "--sheet", "Decisions"]
    )
    doc = json.loads(named.stdout)
    assert doc["summary"]["records"] == 2 and doc["summary"]["errors"] == 0


def test_the_sample_is_what_its_script_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_register", REPO / "samples" / "make-decision-register-xlsx.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.build(tmp_path / "fresh.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        book = load_workbook(path, read_only=True)
        try:
            return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
        finally:
            book.close()

    assert cells(SAMPLE) == cells(tmp_path / "fresh.xlsx")
    results = load_file(str(SAMPLE), SAMPLE.read_bytes())
    assert [r.record.id for r in results if isinstance(r, SourceRecord)] == [
        "REG-2025-07",
        "REG-2023-11",
    ]
