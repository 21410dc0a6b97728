"""``output_rows``: the one way the query commands print rows as table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click
import pytest
from click.testing import CliRunner
from decaudit.cli.output import Column, output_rows

ROWS = [
    {"id": 1, "name": "alpha", "flag": True, "extra": {"b": 2, "a": 1}},
    {"id": 22, "name": "beta, with comma", "flag": False, "extra": None},
]


def emit(fmt: str, rows: list[dict[str, Any]], **kw: Any) -> tuple[str, str]:
    @click.command()
    def cmd() -> None:
        output_rows(fmt, rows, **kw)

    result = CliRunner().invoke(cmd, [])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


TABLE = [(Column("ID", right=True), "id"), (Column("NAME"), lambda r: r["name"].upper())]


def test_json_is_the_rows_or_the_document() -> None:
    out, _ = emit("json", ROWS, fields=("id",), table=TABLE)
    assert json.loads(out) == ROWS
    out, _ = emit("json", ROWS, fields=("id",), table=TABLE, document={"x": 1})
    assert json.loads(out) == {"x": 1}


def test_csv_has_the_fields_in_order() -> None:
    out, _ = emit("csv", ROWS, fields=("name", "id", "flag", "extra"), table=TABLE)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "id", "flag", "extra"]
    assert rows[1] == ["alpha", "1", "true", '{"a": 1, "b": 2}']
    assert rows[2] == ["beta, with comma", "22", "false", ""]


def test_table_takes_keys_and_functions() -> None:
    out, _ = emit("table", ROWS, fields=(), table=TABLE)
    assert out.splitlines() == [
        "ID  NAME",
        " 1  ALPHA",
        "22  BETA, WITH COMMA",
    ]


@pytest.mark.parametrize("table", [TABLE, lambda rows: ""])
def test_nothing_to_show_says_so_on_stderr(table: Any) -> None:
    out, err = emit("table", [], fields=(), table=table, empty="nothing here")
    assert (out, err) == ("", "nothing here\n")


def test_a_table_function_renders_the_whole_table() -> None:
    out, _ = emit("table", ROWS, fields=(), table=lambda rows: f"{len(rows)} rows")
    assert out == "2 rows\n"
