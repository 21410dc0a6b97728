"""Benchmark of the rules stage: durable_rules against the plain-Python floor.

Generates N synthetic decision records (seeded), derives their facts, and runs them through
the durable_rules ``Evaluator`` with the built-in pack and through the ``OracleEvaluator``
(the same conditions in plain Python), printing records/s for each and their ratio.
Only the evaluation is timed; generating and deriving records is not.

    python benchmarks/rules_bench.py --records 100000 --processes 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

from decaudit.engine.evaluate import Evaluator
from decaudit.engine.facts import FactContext, PortfolioAccumulator, RecordFacts, derive
from decaudit.engine.model import OPTION_KINDS, Record
from decaudit.engine.rules.loader import RuleSource, load_pack, make_pack, parse_rule
from decaudit.engine.rules.model import RulePack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.types import SourceRecord

TODAY = dt.date(2026, 6, 30)
PROJECT_TYPES = ["it-system", "acquisition", "product-extension", "building", "other"]
BENEFIT_TYPES = ["revenue", "cost-saving", "synergy", "margin", "strategic", "other"]
STATUSES = ["proposed", "accepted", "implemented", "rejected"]
WORDS = "premium tier platform bundle subscription acquire partner automate replace".split()  # noqa: SIM905


def synthetic_record(rng: random.Random, i: int) -> dict[str, Any]:
    n_options = rng.randint(0, 5)
    chosen = rng.randrange(n_options) if n_options and rng.random() < 0.85 else -1
    options = []
    for j in range(n_options):
        opt: dict[str, Any] = {
            "id": f"o{j}",
            "title": " ".join(rng.sample(WORDS, 3)),
            "chosen": j == chosen,
        }
        if rng.random() < 0.8:
            opt["kind"] = rng.choice(OPTION_KINDS)
        if j != chosen and rng.random() < 0.6:
            opt["rejected_reason"] = "too costly"
        if rng.random() < 0.7:
            benefits = []
            for k in range(rng.randint(0, 3)):
                projected = rng.randint(1, 50) * 100_000
                ben: dict[str, Any] = {
                    "id": f"b{k}",
                    "type": rng.choice(BENEFIT_TYPES),
                    "projected": projected,
                }
                if rng.random() < 0.5:
                    ben["low"], ben["high"] = projected * 0.8, projected * 1.2
                if rng.random() < 0.5:
                    ben["basis"] = "pilot"
                if rng.random() < 0.3:
                    ben["realized"] = projected * rng.random()
                benefits.append(ben)
            costs = [
                {"id": "c0", "projected": rng.randint(1, 20) * 100_000, "contingency": 0.1}
                if rng.random() < 0.5
                else {"id": "c0", "projected": rng.randint(1, 20) * 100_000}
            ]
            opt["business_case"] = {
                "npv": rng.randint(-10, 100) * 100_000,
                "benefits": benefits,
                "costs": costs,
                "scenarios": rng.choice([["base"], ["base", "downside"], []]),
                "assumptions": [{"statement": "Costs come in on target"}],
            }
        options.append(opt)
    return {
        "id": f"SYN-{i:07d}",
        "title": f"Synthetic decision {i}",
        "date": (TODAY - dt.timedelta(days=rng.randint(0, 2000))).isoformat(),
        "status": rng.choice(STATUSES),
        "project_type": rng.choice(PROJECT_TYPES),
        "origin": rng.choice(["bottom-up", "top-down"]),
        "decision_makers": ["CEO"] if rng.random() < 0.8 else [],
        "rationale": rng.choice(["highest NPV", "better customer value", "fastest payback"]),
        "options": options,
        "challenge": {"questions": [], "alternatives_requested": rng.random() < 0.3},
    }


def record_facts(seed: int, start: int, count: int) -> Iterator[RecordFacts]:
    rng = random.Random(seed * 1_000_003 + start)
    ctx = FactContext(today=TODAY)
    for i in range(start, start + count):
        raw = synthetic_record(rng, i)
        src = SourceRecord(Record.model_validate(raw), f"syn/{i}.yaml", "yaml", {}, raw)
        yield derive(src, ctx)


def synthetic_pack(n: int = 20) -> RulePack:
    """About 20 single-fact rules, for when the built-in pack is still small."""
    conds = [
        ("decision", {"fact": "real_option_count", "op": "lt", "value": 3}),
        ("decision", {"fact": "has_breakthrough", "op": "eq", "value": False}),
        (
            "option",
            {
                "all": [
                    {"fact": "rejected", "op": "eq", "value": True},
                    {"fact": "has_rejected_reason", "op": "eq", "value": False},
                ]
            },
        ),
        ("benefit", {"fact": "has_basis", "op": "eq", "value": False}),
        ("benefit", {"not": {"fact": "has_range", "op": "eq", "value": True}}),
        ("cost", {"fact": "has_contingency", "op": "eq", "value": False}),
    ]
    rules = []
    for i in range(n):
        on, when = conds[i % len(conds)]
        data = {
            "id": f"SYN{i + 1:03d}", "name": "synthetic", "title": "Synthetic",
            "family": "benefits", "severity": "low", "rationale": "R.", "references": ["R"],
            "remediation": "R.", "message": "M.", "target": on, "when": when,
            "examples": [
                {"name": "f", "expect": "flagged", "record": {"id": "A", "title": "A"}},
                {"name": "c", "expect": "clean", "record": {"id": "B", "title": "B"}},
            ],
        }  # fmt: skip
        rule, errors = parse_rule(RuleSource(f"SYN{i + 1:03d}.yaml", data, {}))
        assert rule is not None, errors
        rules.append(rule)
    return make_pack(rules)


def choose_pack(synthetic: bool) -> RulePack:
    pack = load_pack()
    if synthetic or len(pack.rules) < 10:
        return synthetic_pack()
    return pack


CHUNK = 500


def timed_runs(evaluators: list[Any], seed: int, start: int, count: int) -> list[tuple[float, int]]:
    """Per evaluator: seconds spent evaluating ``count`` records, and the matches found.

    The evaluators take turns on chunks of the same records, so that a change in the load
    of the machine during the run affects them alike.
    """
    spent = [0.0] * len(evaluators)
    matches = [0] * len(evaluators)
    acc = PortfolioAccumulator()
    chunk: list[RecordFacts] = []

    def flush() -> None:
        for i, ev in enumerate(evaluators):
            t0 = time.perf_counter()
            for facts in chunk:
                matches[i] += len(ev.evaluate(facts))
            spent[i] += time.perf_counter() - t0
        chunk.clear()

    for facts in record_facts(seed, start, count):
        chunk.append(facts)
        acc.add(facts)
        if len(chunk) == CHUNK:
            flush()
    flush()
    for i, ev in enumerate(evaluators):
        t0 = time.perf_counter()
        matches[i] += len(ev.evaluate_portfolio(acc.fact()))
        spent[i] += time.perf_counter() - t0
    return list(zip(spent, matches, strict=True))


def _worker(args: tuple[int, int, int, bool]) -> tuple[float, int]:
    seed, start, count, synthetic = args
    return timed_runs([Evaluator(choose_pack(synthetic))], seed, start, count)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=1, help="durable path in K processes")
    parser.add_argument("--synthetic-pack", action="store_true", help="~20 synthetic rules")
    args = parser.parse_args(argv)
    n = args.records

    pack = choose_pack(args.synthetic_pack)
    joins = sum(r.is_join for r in pack.rules)
    print(f"{n:,} records, {len(pack.rules)} rules ({joins} joins), seed {args.seed}")

    (oracle_s, oracle_m), (durable_s, durable_m) = timed_runs(
        [OracleEvaluator(pack), Evaluator(pack)], args.seed, 0, n
    )
    if oracle_m != durable_m:
        print(f"MISMATCH: oracle {oracle_m} matches, durable {durable_m}", file=sys.stderr)
        return 1
    print(f"matches:                   {durable_m:,} (identical in both)")
    print(f"plain Python (oracle):     {n / oracle_s:>10,.0f} records/s  ({oracle_s:.2f} s)")
    print(f"durable_rules, 1 process:  {n / durable_s:>10,.0f} records/s  ({durable_s:.2f} s)")
    print(f"durable_rules / oracle:    {oracle_s / durable_s:>10.2f}x "
          f"(durable is {durable_s / oracle_s:.1f} times slower)")  # fmt: skip

    if args.processes > 1:
        k = args.processes
        share = [n // k + (1 if i < n % k else 0) for i in range(k)]
        starts = [sum(share[:i]) for i in range(k)]
        jobs = [(args.seed, s, c, args.synthetic_pack) for s, c in zip(starts, share, strict=True)]
        t0 = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(k) as pool:
            results = pool.map(_worker, jobs)
        wall = time.perf_counter() - t0
        slowest = max(s for s, _ in results)
        print(
            f"durable_rules, {k} processes: {n / slowest:>10,.0f} records/s in the rules stage "
            f"(slowest worker {slowest:.2f} s; {wall:.2f} s wall clock including generation)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
