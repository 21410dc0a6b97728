"""Per-stage timing of the check pipeline over one corpus, in this process.

Usage: ``python benchmarks/stages.py CORPUS [--db FILE] [--today DATE]`` prints one JSON
object. Records stream through the stages one at a time, exactly as ``run_check`` does, and
each stage is timed on its own with ``perf_counter``:

- ``parse``: reading and validating records (``iter_sources``);
- ``facts``: ``derive`` (record -> facts);
- ``rules``: the durable_rules evaluator on those facts;
- ``oracle``: the plain-Python ``OracleEvaluator`` on the same facts (the floor);
- ``findings``: building findings from matches (messages and evidence);
- ``log``: spooling records and findings and committing the run (one transaction).

The durable and oracle results are compared match for match: a difference is an error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from typing import Any


def measure(corpus: str, db: str | None, today: dt.date) -> dict[str, Any]:
    from decaudit.engine import __version__
    from decaudit.engine.facts import FactContext, PortfolioAccumulator, derive
    from decaudit.engine.findings import make_finding
    from decaudit.engine.log import AuditLog, RunMeta
    from decaudit.engine.parallel import RecyclingEvaluator
    from decaudit.engine.records import iter_sources
    from decaudit.engine.rules.loader import load_pack
    from decaudit.engine.rules.oracle import OracleEvaluator
    from decaudit.engine.types import SourceRecord

    clock = time.perf_counter
    pack = load_pack()
    digests = {r.info.id: r.info.digest for r in pack.rules}
    durable, oracle = RecyclingEvaluator(pack), OracleEvaluator(pack)  # as check runs it
    ctx = FactContext(today=today)
    acc = PortfolioAccumulator()
    spent = dict.fromkeys(("parse", "facts", "rules", "oracle", "findings", "log"), 0.0)
    log = AuditLog.open(db) if db else None
    writer = log.writer() if log else None
    records = findings = errors = mismatches = 0

    def key(m: Any) -> tuple[str, str]:
        return (m.rule.id, str(m.target.get("path")))

    sources = iter(iter_sources([corpus], max_bytes=2**31 - 2))
    while True:
        t0 = clock()
        item = next(sources, None)
        t1 = clock()
        spent["parse"] += t1 - t0
        if item is None:
            break
        if not isinstance(item, SourceRecord):
            errors += 1
            continue
        records += 1
        facts = derive(item, ctx)
        acc.add(facts)
        t2 = clock()
        matches = durable.evaluate(facts)
        t3 = clock()
        floor = oracle.evaluate(facts)
        t4 = clock()
        built = [make_finding(m, item) for m in matches]
        t5 = clock()
        if writer is not None:
            writer.add_record(item)
            for f in built:
                writer.add_finding(f, digests.get(f.rule_id, ""))
        t6 = clock()
        spent["facts"] += t2 - t1
        spent["rules"] += t3 - t2
        spent["oracle"] += t4 - t3
        spent["findings"] += t5 - t4
        spent["log"] += t6 - t5
        findings += len(built)
        if sorted(map(key, matches)) != sorted(map(key, floor)):
            mismatches += 1
    if writer is not None and log is not None:
        t0 = clock()
        writer.commit(
            RunMeta(
                started_at="2026-01-01T00:00:00Z",
                finished_at="2026-01-01T00:00:01Z",
                tool_version=__version__,
                ruleset_digest=pack.digest,
                config_digest="",
                input_digest="",
                command="benchmarks/stages.py",
                actor="benchmark",
                ci={},
                exit_status=0,
                record_count=records,
                errors=[],
            )
        )
        spent["log"] += clock() - t0
        log.close()
    return {
        "records": records,
        "findings": findings,
        "errors": errors,
        "mismatches": mismatches,
        "seconds": spent,
        "records_per_s": {k: (records / v if v else None) for k, v in spent.items()},
        "durable_over_oracle": spent["rules"] / spent["oracle"] if spent["oracle"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--db", default=None, help="log the run to this file (log stage)")
    ap.add_argument("--today", default="2026-01-01")
    args = ap.parse_args(argv)
    out = measure(args.corpus, args.db, dt.date.fromisoformat(args.today))
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
