"""The Datasette metadata shipped with the log matches the schema, and its queries run."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from decaudit.engine.log.schema import LOG_TABLES
from test_log_support import sample_log

METADATA = Path(__file__).parent.parent / "engine" / "log" / "datasette-metadata.json"


def test_metadata_names_real_tables_columns_and_fts(tmp_path: Path) -> None:
    meta = json.loads(METADATA.read_text())
    sample_log(tmp_path / "decaudit.db").close()
    conn = sqlite3.connect(tmp_path / "decaudit.db")
    db = meta["databases"]["decaudit"]  # the database name Datasette derives from decaudit.db
    assert set(db["tables"]) == set(LOG_TABLES)
    for table, spec in db["tables"].items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
        for col in [*spec.get("facets", []), *spec.get("columns", {})]:
            assert col in columns, (table, col)
        for key in ("sort_desc", "label_column", "fts_pk"):
            if key in spec:
                assert spec[key] in columns, (table, key)
    findings = db["tables"]["findings"]
    assert {"rule_id", "severity", "family", "decision_id"} <= set(findings["facets"])
    fts = findings["fts_table"]
    hits = conn.execute(f"SELECT rowid FROM [{fts}] WHERE [{fts}] MATCH 'range'").fetchall()
    assert hits == [(6,)]


def test_canned_queries_run(tmp_path: Path) -> None:
    meta = json.loads(METADATA.read_text())
    sample_log(tmp_path / "decaudit.db").close()
    conn = sqlite3.connect(tmp_path / "decaudit.db")
    queries = meta["databases"]["decaudit"]["queries"]
    results = {
        name: conn.execute(q["sql"], {"decision_id": "DEC-2"}).fetchall()
        for name, q in queries.items()
    }
    assert results["open_findings_latest_run"] == [
        ("DEC-1", "BEN002", "low", "Benefit revenue has no range", "decisions/DEC-1.yaml", 1)
    ]
    assert [r[0] for r in results["decision_history"]] == [1, 1, 2]
    assert results["live_waivers"] == []
