"""The log stage alone, for several log settings side by side in one process.

Usage: ``python benchmarks/logstage.py CORPUS [--records N] [--rows-cache FILE] [--chunk 100]
[--variant NAME:VERSION[:PRAGMA;PRAGMA...]] ... [--json]``

The records of CORPUS are evaluated once (rules, findings) and their log rows encoded, as a
worker of ``check`` encodes them (``--rows-cache`` keeps them in a pickle for the next run).
Then each variant gets a new log of that schema version (``AuditLog.open(target_version=)``)
and one run writer, with the given PRAGMAs on the writer's connection; the rows are fed to
the writers chunk by chunk, the variants taking turns on every chunk (the order alternating),
so that a change in the machine's load falls on all of them alike. Each writer's time is
CPU time of this process (``time.process_time``) spent in the writer: adding the rows
(numbering, row hashes, inserts) and committing the run (the runs row, the full-text index,
the read-back of the row hashes, the track record, the chain entry, the WAL checkpoint).
Wall time is given too, but on a shared machine only the CPU time compares. This is the
``log`` stage of ``stages.py`` without the other stages in between (whose work evicts the
writer's data from the CPU caches, so that stage is dearer there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from biglog import run_meta

Rows = list[tuple[Any, list[Any]]]  # (record rows, [finding rows]) per record


def encode(corpus: str, limit: int | None) -> Rows:
    """The log rows of the first ``limit`` records of ``corpus``, as check encodes them."""
    from decaudit.engine.facts import FactContext, derive
    from decaudit.engine.findings import make_finding
    from decaudit.engine.log import encode as enc
    from decaudit.engine.parallel import RecyclingEvaluator
    from decaudit.engine.records import iter_sources
    from decaudit.engine.rules.loader import load_pack
    from decaudit.engine.types import SourceRecord

    pack = load_pack()
    digests = {r.info.id: r.info.digest for r in pack.rules}
    evaluator = RecyclingEvaluator(pack)
    ctx = FactContext(today=dt.date(2026, 1, 1))
    out: Rows = []
    for item in iter_sources([corpus], max_bytes=2**31 - 2):
        if not isinstance(item, SourceRecord):
            continue
        built = [make_finding(m, item) for m in evaluator.evaluate(derive(item, ctx))]
        rows = enc.encode_record(item)
        found = [enc.encode_finding(f, digests.get(f.rule_id, ""), rows.digest) for f in built]
        out.append((rows, found))
        if limit is not None and len(out) >= limit:
            break
    return out


@dataclass
class Variant:
    name: str
    version: int
    pragmas: list[str]
    cpu: float = 0.0
    wall: float = 0.0
    commit_cpu: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def parse_variant(text: str) -> Variant:
    name, version, *rest = text.split(":", 2)
    pragmas = [p for p in (rest[0].split(";") if rest else []) if p]
    return Variant(name, int(version), pragmas)


def measure(rows: Rows, variants: list[Variant], chunk: int, workdir: Path) -> dict[str, Any]:
    from decaudit.engine.log import AuditLog

    logs, writers = [], []
    for i, v in enumerate(variants):
        path = workdir / f"log-{i}.db"
        log = AuditLog.open(path, target_version=v.version)
        writer = log.writer()
        conn = writer._live()  # the writer's own connection
        for pragma in v.pragmas:
            conn.execute(f"PRAGMA {pragma}")
        logs.append((path, log))
        writers.append(writer)
    load = [os.getloadavg()[0]]
    order = list(range(len(variants)))
    for n, lo in enumerate(range(0, len(rows), chunk)):
        part = rows[lo : lo + chunk]
        for i in order if n % 2 == 0 else order[::-1]:
            c0, w0 = time.process_time(), time.perf_counter()
            w = writers[i]
            for record, findings in part:
                w.add_record_rows(record)
                for f in findings:
                    w.add_finding_row(f)
            variants[i].cpu += time.process_time() - c0
            variants[i].wall += time.perf_counter() - w0
    for i in order:
        c0, w0 = time.process_time(), time.perf_counter()
        writers[i].commit(run_meta("benchmarks/logstage.py", "benchmark", record_count=len(rows)))
        spent = time.process_time() - c0
        variants[i].cpu += spent
        variants[i].commit_cpu = spent
        variants[i].wall += time.perf_counter() - w0
        path, log = logs[i]
        assert log.verify().ok, f"{variants[i].name}: the log does not verify"
        log.close()
        variants[i].extra["log_mb"] = round(path.stat().st_size / 2**20, 1)
    load.append(os.getloadavg()[0])
    n = len(rows)
    return {
        "records": n,
        "findings": sum(len(f) for _, f in rows),
        "chunk": chunk,
        "load": load,
        "variants": [
            {
                "name": v.name,
                "version": v.version,
                "pragmas": v.pragmas,
                "cpu_ms_per_record": 1000 * v.cpu / n,
                "rows_ms_per_record": 1000 * (v.cpu - v.commit_cpu) / n,
                "commit_ms_per_record": 1000 * v.commit_cpu / n,
                "wall_ms_per_record": 1000 * v.wall / n,
                **v.extra,
            }
            for v in variants
        ],
    }


def table(res: dict[str, Any]) -> str:
    lines = [
        f"{res['records']:,} records, {res['findings']:,} findings, chunks of {res['chunk']},"
        f" load average {res['load'][0]:.1f} -> {res['load'][1]:.1f} (CPU ms a record)",
        "variant | rows | commit | log stage | wall | log MB",
    ]
    first = res["variants"][0]["cpu_ms_per_record"]
    for v in res["variants"]:
        lines.append(
            f"{v['name']} | {v['rows_ms_per_record']:.3f} | {v['commit_ms_per_record']:.3f}"
            f" | {v['cpu_ms_per_record']:.3f} ({v['cpu_ms_per_record'] / first:.2f}x)"
            f" | {v['wall_ms_per_record']:.3f} | {v['log_mb']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--records", type=int, default=None, help="the first N records only")
    ap.add_argument("--rows-cache", type=Path, default=None, help="keep the encoded rows here")
    ap.add_argument("--chunk", type=int, default=100, help="records per turn")
    ap.add_argument(
        "--variant",
        action="append",
        type=parse_variant,
        help="NAME:SCHEMA_VERSION[:PRAGMA;...], e.g. 'v6 32MB:6:cache_size=-32768'",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from decaudit.engine.log.schema import CURRENT_VERSION

    variants = args.variant or [Variant("current", CURRENT_VERSION, [])]
    if args.rows_cache is not None and args.rows_cache.exists():
        rows = pickle.loads(args.rows_cache.read_bytes())[: args.records]
    else:
        rows = encode(args.corpus, args.records)
        if args.rows_cache is not None:
            args.rows_cache.write_bytes(pickle.dumps(rows))
    with tempfile.TemporaryDirectory() as tmp:
        res = measure(rows, variants, args.chunk, Path(tmp))
    print(json.dumps(res) if args.json else table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
