"""Per-stage timing of the check pipeline over one corpus, in this process.

Usage: ``python benchmarks/stages.py CORPUS [--db FILE] [--today DATE]`` prints one JSON
object. Records stream through the stages one at a time, exactly as ``run_check`` does, and
each stage is timed on its own, in CPU time of this process (``process_time``; ``--wall``
for wall-clock time), so that other work on a shared machine does not land in one stage:

- ``parse``: reading and validating records (``iter_sources``);
- ``facts``: ``derive`` (record -> facts);
- ``rules``: the durable_rules evaluator on those facts, as ``check`` runs it; of that,
  ``c_calls`` is the time inside durable_rules' C functions (``floor.NativeTimer``:
  ``c_assert_retract`` for asserting and retracting the facts, the rest the action queue);
- ``closures``: the same rules compiled to plain Python closures on the same facts
  (``floor.ClosureEvaluator``, the floor);
- ``oracle`` (``--oracle``): the tree-walking ``OracleEvaluator``, the reference semantics;
- ``findings``: building findings from matches (messages and evidence);
- ``encode``: the log rows of the record and its findings (canonical JSON, body hashes),
  when the log encodes them apart from writing them (they are then built where the record
  is evaluated: a worker of ``check --jobs``);
- ``log``: writing records and findings and committing the run (one transaction); the
  encoding too when the log has no separate encoder.

The durable and closure results (and the oracle's, when run) are compared match for
match: ``mismatches`` counts the records where they differ, and must be 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from biglog import run_meta


def measure(
    corpus: str, db: str | None, today: dt.date, with_oracle: bool, wall: bool = False
) -> dict[str, Any]:
    from decaudit.engine.facts import FactContext, PortfolioAccumulator, derive
    from decaudit.engine.findings import make_finding
    from decaudit.engine.log import AuditLog
    from decaudit.engine.parallel import RecyclingEvaluator
    from decaudit.engine.records import iter_sources
    from decaudit.engine.rules.loader import load_pack
    from decaudit.engine.rules.oracle import OracleEvaluator
    from decaudit.engine.types import SourceRecord
    from floor import ClosureEvaluator, NativeTimer

    clock = time.perf_counter if wall else time.process_time
    pack = load_pack()
    digests = {r.info.id: r.info.digest for r in pack.rules}
    native = NativeTimer(clock).install()
    durable = RecyclingEvaluator(pack)  # as check runs it
    closures = ClosureEvaluator(pack)
    oracle = OracleEvaluator(pack) if with_oracle else None
    ctx = FactContext(today=today)
    acc = PortfolioAccumulator()
    names = ("parse", "facts", "rules", "closures", "oracle", "findings", "encode", "log")
    try:  # the log rows encoded apart from writing them (where records are evaluated)
        from decaudit.engine.log import encode
    except ImportError:
        encode = None  # type: ignore[assignment]
    spent = dict.fromkeys(names, 0.0)
    log = AuditLog.open(db) if db else None
    writer = log.writer() if log else None
    records = findings = errors = mismatches = 0
    t_encoded = 0.0

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
        floor = closures.evaluate(facts)
        t4 = clock()
        reference = oracle.evaluate(facts) if oracle is not None else None
        spent["oracle"] += clock() - t4
        t4 = clock()
        built = [make_finding(m, item) for m in matches]
        t5 = clock()
        if writer is not None and encode is not None:  # rows encoded apart, then written
            rows = encode.encode_record(item)
            encoded = [
                encode.encode_finding(f, digests.get(f.rule_id, ""), rows.digest) for f in built
            ]
            t_encoded = clock()
            spent["encode"] += t_encoded - t5
            writer.add_record_rows(rows)
            for row in encoded:
                writer.add_finding_row(row)
        elif writer is not None:
            writer.add_record(item)
            for f in built:
                writer.add_finding(f, digests.get(f.rule_id, ""))
        t6 = clock()
        spent["facts"] += t2 - t1
        spent["rules"] += t3 - t2
        spent["closures"] += t4 - t3
        spent["findings"] += t5 - t4
        spent["log"] += t6 - (t_encoded if encode is not None and writer is not None else t5)
        findings += len(built)
        got = sorted(map(key, matches))
        if got != sorted(map(key, floor)) or (
            reference is not None and got != sorted(map(key, reference))
        ):
            mismatches += 1
    if writer is not None and log is not None:
        t0 = clock()
        writer.commit(run_meta("benchmarks/stages.py", pack.digest, record_count=records))
        spent["log"] += clock() - t0
        log.close()
    native.uninstall()
    if oracle is None:
        del spent["oracle"]
    if encode is None:
        del spent["encode"]
    spent["c_assert_retract"] = native.seconds["assert_retract"]
    spent["c_calls"] = native.seconds["assert_retract"] + native.seconds["actions"]
    return {
        "records": records,
        "findings": findings,
        "errors": errors,
        "mismatches": mismatches,
        "seconds": spent,
        "ms_per_record": {k: (1000 * v / records if records else None) for k, v in spent.items()},
        "records_per_s": {k: (records / v if v else None) for k, v in spent.items()},
        "durable_over_closures": (
            spent["rules"] / spent["closures"] if spent["closures"] else None
        ),
        "c_share_of_rules": spent["c_calls"] / spent["rules"] if spent["rules"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--db", default=None, help="log the run to this file (log stage)")
    ap.add_argument("--today", default="2026-01-01")
    ap.add_argument("--oracle", action="store_true", help="also run the tree-walking oracle")
    ap.add_argument("--wall", action="store_true", help="wall-clock time, not CPU time")
    args = ap.parse_args(argv)
    today = dt.date.fromisoformat(args.today)
    out = measure(args.corpus, args.db, today, args.oracle, args.wall)
    out["clock"] = "wall" if args.wall else "cpu"
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
