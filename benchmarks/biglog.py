"""Build an audit log holding about N findings, quickly and through the real run writer.

Usage: ``python benchmarks/biglog.py LOG --findings 1000000 [--seed 7]`` prints one JSON
object (findings and runs written, seconds).

``--decisions N --runs K`` builds instead K runs that each audit the same N decisions (the
report and ``diff`` benchmarks): every run leaves out a seeded 10% of the findings and the
runs after the first a seeded 5% of the decisions, so two runs have new, resolved,
unchanged and not-audited findings.

The rules run once over a small seeded corpus; its records and findings are then replayed
run after run with fresh decision ids, through ``RunWriter`` (spool, one transaction per
run, hash chain), so the log verifies exactly like one written by ``check``. Replaying
skips only the rule evaluation, which the check benchmarks measure separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus


@dataclass(frozen=True)
class Seeds:
    """The rules run once over a small seeded corpus: its records and their findings."""

    digests: dict[str, str]  # rule id -> the rule's digest, as the log keeps it
    ruleset_digest: str
    records: list[tuple[Any, list[Any]]]  # (SourceRecord, its findings)


def seeds(seed: int) -> Seeds:
    from decaudit.engine.evaluate import Evaluator, record_findings
    from decaudit.engine.facts import FactContext
    from decaudit.engine.records.validate import to_record
    from decaudit.engine.rules.loader import load_pack
    from decaudit.engine.types import SourceRecord

    pack = load_pack()
    evaluator = Evaluator(pack)
    ctx = FactContext(today=dt.date(2026, 1, 1))
    records: list[tuple[Any, list[Any]]] = []
    for i, raw in enumerate(corpus.records(500, seed), start=1):
        src = to_record(raw, {(): i}, file="corpus.jsonl", fmt="jsonl", line=i)
        if isinstance(src, SourceRecord):
            records.append((src, record_findings(evaluator, src, ctx)[1]))
    return Seeds({r.info.id: r.info.digest for r in pack.rules}, pack.digest, records)


def replay(writer: Any, src: Any, decision_id: str) -> str:
    """Add ``src`` to the run under a fresh decision id; its record hash."""
    rec = replace(src, record=src.record.model_copy(update={"id": decision_id}))
    digest: str = writer.add_record(rec)
    return digest


def run_meta(
    command: str, ruleset_digest: str, day: int = 1, record_count: int | None = None
) -> Any:
    """The provenance of a run a benchmark writes (``command`` names the benchmark)."""
    from decaudit.engine import __version__
    from decaudit.engine.log import RunMeta

    return RunMeta(
        started_at=f"2026-01-{day:02d}T00:00:00Z",
        finished_at=f"2026-01-{day:02d}T00:00:01Z",
        tool_version=__version__,
        ruleset_digest=ruleset_digest,
        config_digest="",
        input_digest="",
        command=command,
        actor="benchmark",
        record_count=record_count,
    )


def meta(s: Seeds, day: int = 1) -> Any:
    return run_meta("benchmarks/biglog.py", s.ruleset_digest, day)


def _open(path: str, schema: int | None) -> Any:
    from decaudit.engine.log import AuditLog

    return AuditLog.open(path) if schema is None else AuditLog.open(path, target_version=schema)


def build(
    path: str, target: int, seed: int, per_run: int = 200_000, schema: int | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    s = seeds(seed)
    per_pass = sum(len(f) for _, f in s.records)
    log = _open(path, schema)
    written = runs = generation = 0
    try:
        while written < target:
            writer = log.writer()
            in_run = 0
            while in_run < per_run and written + in_run < target:
                generation += 1
                for src, findings in s.records:
                    did = f"{src.record.id}-g{generation}"
                    digest = replay(writer, src, did)
                    for f in findings:
                        writer.add_finding(
                            replace(f, decision_id=did), s.digests[f.rule_id], record_hash=digest
                        )
                in_run += per_pass
            runs += 1
            writer.commit(meta(s))
            written += in_run
    finally:
        log.close()
    return {
        "findings": written,
        "runs": runs,
        "seconds": time.perf_counter() - started,
        "sample_decision": f"{s.records[0][0].record.id}-g1",
    }


def build_runs(
    path: str, decisions: int, runs: int, seed: int, schema: int | None = None
) -> dict[str, Any]:
    """``runs`` runs over the same ``decisions`` decisions (see the module's docstring)."""
    import random

    started = time.perf_counter()
    s = seeds(seed)
    log = _open(path, schema)
    written = records = 0
    try:
        for run in range(1, runs + 1):
            rng = random.Random(seed * 1000 + run)
            writer = log.writer()
            done = generation = 0
            while done < decisions:
                generation += 1
                for src, findings in s.records[: decisions - done]:
                    done += 1
                    if run > 1 and rng.random() < 0.05:
                        continue
                    did = f"{src.record.id}-g{generation}"
                    digest = replay(writer, src, did)
                    records += 1
                    for f in findings:
                        if rng.random() < 0.1:
                            continue
                        writer.add_finding(
                            replace(f, decision_id=did), s.digests[f.rule_id], record_hash=digest
                        )
                        written += 1
            writer.commit(meta(s, run))
    finally:
        log.close()
    return {
        "findings": written,
        "records": records,
        "runs": runs,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log")
    ap.add_argument("--findings", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--decisions", type=int, default=None, help="K runs over N decisions")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument(
        "--schema-version",
        type=int,
        default=None,
        help="write a log of this older schema version (to measure its migration)",
    )
    args = ap.parse_args(argv)
    if args.decisions is not None:
        result = build_runs(args.log, args.decisions, args.runs, args.seed, args.schema_version)
    else:
        result = build(args.log, args.findings, args.seed, schema=args.schema_version)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
