"""The benchmark corpus: seeded, valid, and as varied as the benchmarks claim."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from decaudit.engine.records import iter_sources
from decaudit.engine.types import SourceRecord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402


def test_corpus_is_seeded_and_varied(tmp_path: Path) -> None:
    assert list(corpus.records(50, seed=1)) == list(corpus.records(50, seed=1))
    assert list(corpus.records(50, seed=1)) != list(corpus.records(50, seed=2))
    recs = list(corpus.records(400))
    options = Counter(len(r["options"]) for r in recs)
    assert set(options) == {1, 2, 3, 4, 5, 6}
    cases = [o["business_case"] for r in recs for o in r["options"] if "business_case" in o]
    assert 0 < len(cases) < sum(options[k] * k for k in options)  # some present, some absent
    assert {len(c["benefits"]) for c in cases} == {1, 2, 3}
    assert any("realized" in b for c in cases for b in c["benefits"])
    kinds = Counter(o.get("kind", "(inferred)") for r in recs for o in r["options"])
    assert len(kinds) == 7  # every kind, and some left to inference
    assert len({r["project_type"] for r in recs}) == len(corpus.PROJECT_TYPES)


def test_corpus_files_load_cleanly(tmp_path: Path) -> None:
    jsonl = corpus.write_jsonl(tmp_path / "c.jsonl", 120)
    folder = corpus.write_yaml_dir(tmp_path / "yaml", 30)
    for path, n in ((jsonl, 120), (folder, 30)):
        items = list(iter_sources([str(path)]))
        errors = [x for x in items if not isinstance(x, SourceRecord)]
        assert not errors, errors[:3]
        assert len({x.record.id for x in items if isinstance(x, SourceRecord)}) == n
