"""A check run holds no Python object per record once the record is done: what the run
remembers of every record (decision ids seen, folder members, convention findings held for
their folder) is on disk, and the folder rules stream their findings.

Measured with tracemalloc as the Python memory still held when the run reaches its log
stage, minus what was held when the records began: the difference between a small and a
four times larger corpus, per extra record, stays far below what one record's state costs
(over a kilobyte before it went to disk). Counts of bytes held, not time: robust on a
loaded machine."""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from pathlib import Path

import pytest
from decaudit.engine import evaluate
from decaudit.engine.check import CheckHooks, CheckOptions, run_check
from decaudit.engine.log import writer
from decaudit.engine.records import sources

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

PER_RECORD_BOUND = 250  # bytes held per extra record (one record's state was over 1,000)


def _corpus(path: Path, n: int) -> Path:
    """The benchmark corpus with a link and a superseded-by on some records (the folder
    rules read them) and duplicate ids (the run-wide id check)."""
    with path.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(corpus.records(n, seed=11)):
            if i % 7 == 0:
                rec["links"] = [f"DEC-2020-{i + 1:06d}", "missing-decision.md"]
            if i % 11 == 0:
                rec["status"] = "superseded"
                rec["superseded_by"] = rec["id"] if i % 2 else "nowhere"
            fh.write(json.dumps(rec) + "\n")
    return path


def _held(tmp_path: Path, n: int, jobs: int) -> tuple[int, int]:
    """(Python bytes held at the log stage minus at the start of the records, findings)."""
    src = _corpus(tmp_path / f"c{n}.jsonl", n)
    marks: dict[str, int] = {}

    def phase(name: str) -> None:
        if name not in marks:
            gc.collect()  # what is held, not garbage a collection has yet to free
            # the log writer's buffer (a few hundred rows, however full it happens to be) is
            # left out: it is bounded, and its fill would blur the comparison
            snap = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, "*/engine/log/*")]
            )
            marks[name] = sum(s.size for s in snap.statistics("filename"))

    tracemalloc.start()
    try:
        result = run_check(
            CheckOptions(
                paths=(str(src),),
                db=str(tmp_path / f"log{n}-{jobs}.db"),
                keep_findings=False,
                jobs=jobs,
            ),
            CheckHooks(phase=phase),
        )
    finally:
        tracemalloc.stop()
    assert result.record_count == n
    return marks["log"] - marks["records"], result.totals.active


# With --jobs 2 the main process holds only the run's own state (the records are evaluated
# in the workers); with --jobs 1 it also holds the evaluator's and the reader's bounded
# buffers, which fill in steps and blur a comparison on corpora this small.
@pytest.mark.parametrize("jobs", [2])
def test_run_wide_state_does_not_grow_with_the_records(
    tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The evaluator keeps the facts it gave durable_rules until its rulesets are rebuilt
    # (every 2,000 records: bounded, see engine/evaluate.py); rebuilt more often here, so
    # that what the run itself keeps shows on a small corpus.
    monkeypatch.setattr(evaluate, "ROTATE_AFTER", 64)
    # likewise, a large JSON Lines file is read a megabyte at a time: smaller chunks here
    monkeypatch.setattr(sources, "STREAM_CHUNK", 2**15)
    # the log writer holds a few hundred rows before it inserts them; the strings of rows
    # encoded in a worker are unpickled outside engine/log, so the filter below would count
    # that buffer's fill: one row at a time here
    monkeypatch.setattr(writer, "_BUFFER", 1)
    _held(tmp_path, 50, jobs)  # modules imported, caches filled
    small_n, large_n = 200, 800
    small, small_found = _held(tmp_path, small_n, jobs)
    large, large_found = _held(tmp_path, large_n, jobs)
    assert large_found > 3 * small_found  # the larger run did find more
    per_record = (large - small) / (large_n - small_n)
    assert per_record < PER_RECORD_BOUND, (small, large, per_record)


def test_a_large_folder_is_evaluated_in_a_recycled_worker(tmp_path: Path) -> None:
    from decaudit.engine.parallel import large_input

    folder = tmp_path / "decisions"
    (folder / "a" / "b").mkdir(parents=True)
    for i in range(6):
        (folder / "a" / "b" / f"{i}.yaml").write_text("x" * 1000, encoding="utf-8")
    one = folder / "a" / "b" / "0.yaml"
    assert large_input([str(folder)], limit=5000)  # found walking the folder
    assert not large_input([str(folder)], limit=7000)
    assert not large_input([str(one)], limit=5000)
    assert large_input([str(one), str(folder)], limit=6500)
    assert not large_input([str(tmp_path / "missing")], limit=1)
