"""The read side's rows mirror the log's tables: JSON and CSV outputs list every column."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from decaudit.engine.log import AuditLog
from decaudit.engine.log.rows import FINDING_FIELDS, RUN_FIELDS
from decaudit.engine.log.schema import FINDING_COLUMNS, RUN_COLUMNS


def test_run_info_has_every_runs_column_in_table_order() -> None:
    assert RUN_FIELDS == RUN_COLUMNS


def test_finding_row_has_every_findings_column_and_the_run_start() -> None:
    assert set(FINDING_FIELDS) == {*FINDING_COLUMNS, "run_started_at"}


def test_the_column_lists_are_the_tables(tmp_path: Path) -> None:
    AuditLog.open(tmp_path / "a.db").close()
    conn = sqlite3.connect(tmp_path / "a.db")
    for table, columns in (("runs", RUN_COLUMNS), ("findings", FINDING_COLUMNS)):
        actual = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert [c for c in actual if c != "row_hash"] == list(columns)
