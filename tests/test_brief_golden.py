"""Golden files: the brief of every sample, as ``decaudit check SAMPLE -f brief`` writes it.

The track record comes from a log of the whole samples folder, as a governance team would
have it. The samples set grows: the test takes every record file under samples/. After an
intended change, regenerate with

    DECAUDIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_brief_golden.py

then review the diff of tests/golden/brief/ (files of removed samples are deleted).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.records.formats import RECORD_EXTENSIONS, extension
from decaudit.engine.report import ReportOptions, get_renderer

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "brief"
UPDATE = os.environ.get("DECAUDIT_UPDATE_GOLDEN") == "1"
TODAY = dt.date(2026, 6, 30)


def sample_files() -> list[str]:
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "samples").rglob("*")
        if p.is_file() and extension(p.name) in RECORD_EXTENSIONS and p.name != "README.md"
    )


def golden_name(sample: str) -> str:
    return sample.removeprefix("samples/").replace("/", "__") + ".md"


@pytest.fixture(scope="module")
def history_log(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("brief") / "history.db"
    os.chdir(ROOT)
    run_check(CheckOptions(paths=("samples",), db=str(db), today=TODAY, keep_findings=False))
    return str(db)


@pytest.mark.parametrize("sample", sample_files())
def test_brief_of_sample(sample: str, history_log: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_check(
        CheckOptions(
            paths=(sample,), db=None, history_db=history_log, today=TODAY, keep_records=True
        )
    )
    actual = get_renderer("brief")(result, ReportOptions())
    path = GOLDEN / golden_name(sample)
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.exists(), f"missing golden file {path.name}: run with DECAUDIT_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from the brief"


def test_no_golden_file_without_its_sample() -> None:
    wanted = {golden_name(s) for s in sample_files()}
    stale = {p.name for p in GOLDEN.glob("*.md")} - wanted
    if UPDATE:
        for name in stale:
            (GOLDEN / name).unlink()
        return
    assert not stale, f"golden briefs of samples that no longer exist: {sorted(stale)}"
