"""--write-baseline and -f brief hold no run-sized state: the baseline is written from an
on-disk spool, an entry at a time, byte for byte as the whole document was; the brief keeps
only the records its document can show, and says the same."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from decaudit.engine.baseline import BaselineSpool, baseline_document, write_baseline
from decaudit.engine.brief.markdown import render_brief
from decaudit.engine.brief.model import Brief
from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.report import ReportOptions
from decaudit.engine.report import brief as brief_format
from decaudit.engine.types import Finding
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

STAMP = "2026-01-01T00:00:00Z"

findings = st.builds(
    Finding,
    rule_id=st.sampled_from(["ALT001", "BEN002", "GOV002"]),
    rule_name=st.just("a-rule"),
    severity=st.sampled_from(["low", "high"]),
    family=st.just("benefits"),
    decision_id=st.text(min_size=1, max_size=12),
    file=st.just("d.yaml"),
    line=st.integers(1, 50),
    path=st.sampled_from(["$", "$.options[0]", "$.options[1].benefits[0]"]),
    message=st.text(max_size=40),
    evidence=st.just({}),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(findings, max_size=25))
def test_the_streamed_baseline_is_the_document_byte_for_byte(found: list[Finding]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        whole = json.dumps(baseline_document(found, created_at=STAMP), indent=2, ensure_ascii=False)
        spool = BaselineSpool()
        for f in found:
            spool.append(f)
        target = Path(tmp) / "b.json"
        count = write_baseline(target, spool, created_at=STAMP)
        spool.close()
        assert target.read_text(encoding="utf-8") == whole + "\n"
        assert count == len({f.fingerprint for f in found})
        listed = Path(tmp) / "l.json"
        write_baseline(listed, found, created_at=STAMP)
        assert listed.read_bytes() == target.read_bytes()


def test_a_brief_takes_at_least_its_minimum() -> None:
    bare = Brief(decision_id="x", title="", file="a", line=1, status=None, ready=True, verdict="")
    assert len(render_brief(bare).encode()) >= brief_format.MIN_BRIEF_BYTES
    assert brief_format.KEEP_RECORDS * (brief_format.MIN_BRIEF_BYTES + 6) > brief_format.MAX_BYTES


def _brief(tmp_path: Path, keep: int | None) -> str:
    src = corpus.write_jsonl(tmp_path / "c.jsonl", 60, seed=5)
    result = run_check(
        CheckOptions(paths=(str(src),), keep_records=True, keep_records_max=keep, today=None)
    )
    out = io.StringIO()
    writer = brief_format.Writer(replace(result, findings=()), ReportOptions(), out)
    for f in result.findings:
        writer.add(f)
    writer.close()
    return out.getvalue()


def test_the_brief_of_the_first_records_is_the_brief_of_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(brief_format, "MAX_BYTES", 2_000)
    keep = brief_format.MAX_BYTES // brief_format.MIN_BRIEF_BYTES + 1  # 51 of the 60 records
    monkeypatch.setattr(brief_format, "KEEP_RECORDS", keep)
    capped, every = _brief(tmp_path, keep), _brief(tmp_path, None)
    assert "more brief(s) left out" in every
    assert capped == every
