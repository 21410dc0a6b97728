"""``benchmarks/scaling.py`` measures --jobs 1 and 2 on a small corpus: wall and CPU time,
the main process's share, and a projection from CPU times that stays within its bounds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import scaling  # noqa: E402


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_scaling_measures_both_job_counts_and_projects_within_bounds(tmp_path: Path) -> None:
    path = corpus.write_jsonl(tmp_path / "c.jsonl", 40, seed=5)
    result = scaling.measure(str(path), [1, 2], rounds=1, cores=[2, 8])
    assert result["records"] == 40
    runs = [x for rs in result["runs"].values() for x in rs]
    assert [x["error"] for x in runs] == [None, None]
    one, two = result["jobs"][1], result["jobs"][2]
    assert one["projected"] == {}  # --jobs 1 has no workers to project from
    for j in (one, two):
        assert j["wall_s"] > 0 and j["cpu_ms_per_record"] > 0
        assert 0 < j["main_ms_per_record"] <= j["cpu_ms_per_record"] + 1e-9
    assert two["workers_ms_per_record"] > 0  # the workers did the evaluating
    # C cores: at most C / (workers + main) or 1 / main records a CPU-second, over one process
    w, m = two["workers_ms_per_record"], two["main_ms_per_record"]
    for cores, value in two["projected"].items():
        expected = min(cores / (w + m), 1 / m) * one["cpu_ms_per_record"]
        assert value == pytest.approx(expected)
    assert "projected scaling" in scaling.table(result)
