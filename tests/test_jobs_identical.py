"""``check --jobs 2`` logs exactly what ``--jobs 1`` logs, folder rules included.

The folder rules (COL001-4) run at the end of the run: with workers, each record's member is
stored by the main process as the worker encoded it, and the folder rules' findings come
back from the workers waived and encoded as log rows, hashed with their record's content
hash. The findings, the log's rows and their hashes must not depend on ``--jobs``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from jobs_runs import checked_with_jobs, result_key

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

TODAY = dt.date(2026, 6, 30)


def _adr(number: int, title: str, status: str = "Accepted", extra: str = "") -> str:
    return (
        f"# {number}. {title}\n\nDate: 2024-03-0{number % 9 + 1}\n\n## Status\n\n{status}\n\n"
        f"## Context\n\nThe service needs {title.lower()}.\n\n## Decision\n\n"
        f"We will {title.lower()}.\n\n## Consequences\n\nSome work for the team.\n{extra}"
    )


def _inputs(root: Path) -> tuple[str, ...]:
    adr = root / "docs" / "adr"
    adr.mkdir(parents=True)
    for i in range(1, 7):
        (adr / f"{i:04d}-practice-{i}.md").write_text(_adr(i, f"Adopt practice {i}"))
    (adr / "0004-again.md").write_text(_adr(4, "Number four again"))  # COL004
    (adr / "0007-old.md").write_text(_adr(7, "Old way", "Superseded"))  # COL001
    links = "\nSee [practice 2](0002-practice-2.md) and [gone](0042-gone.md).\n"
    (adr / "0008-linked.md").write_text(_adr(8, "Linked", extra=links))  # COL003
    replaced = "Superseded by [8. Linked](0008-linked.md)"
    (adr / "0009-replaced.md").write_text(_adr(9, "Replaced", replaced))
    other = root / "other" / "decisions"
    other.mkdir(parents=True)
    for i in range(1, 4):
        (other / f"{i:04d}-choice-{i}.md").write_text(_adr(i, f"Pick tool {i}"))
    big = corpus.write_jsonl(root / "register.jsonl", 120, seed=19)
    return (str(root / "docs"), str(other), str(big))


def test_folder_findings_are_logged_the_same_with_workers(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    (one, two), logs = checked_with_jobs(paths, tmp_path, TODAY)
    rules = {f.rule_id for f in one.findings}
    assert {"COL001", "COL003", "COL004"} <= rules  # the folder rules fired
    assert result_key(two) == result_key(one)
    assert logs[0] == logs[1]  # every column, row hashes included
    col = [row for row in logs[0][0] if str(row[4]).startswith("COL")]
    assert len(col) >= 4
    # each folder finding points at its own record's content hash, as a record's do
    conn = sqlite3.connect(tmp_path / "log2.db")
    try:
        for row in col:
            (found,) = conn.execute(
                "SELECT record_hash FROM run_records WHERE decision_id = ?", (row[2],)
            ).fetchone()
            assert row[3] == found
    finally:
        conn.close()


def test_folder_findings_without_a_log_are_the_same_with_workers(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    one = run_check(CheckOptions(paths=paths, today=TODAY, jobs=1, collect_all=True))
    two = run_check(CheckOptions(paths=paths, today=TODAY, jobs=2, collect_all=True))
    assert any(f.rule_id.startswith("COL") for f in one.findings)
    assert result_key(two) == result_key(one) and two.all_findings == one.all_findings
