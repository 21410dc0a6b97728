"""Evaluate records in worker processes, in order, with bounded memory.

``check --jobs N`` hands records to N worker processes in batches. Each worker loads the
rule pack once and owns one durable_rules host (hosts are not shared across processes);
it derives the facts, runs the rules and builds the findings of a batch and sends them back.
The main process keeps reading, applying waivers and writing the log (one transaction per
run, as always), and it consumes the batches in the order the records were read, so the
findings, their order and the exit code are those of a sequential run. At most
``2 * jobs`` batches are in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import RecordEvaluator
from .facts import FactContext, FactDict, RecordFacts
from .rules.model import Match, RulePack
from .types import Finding, InputError, SourceRecord

BATCH = 32  # records per task: large enough to amortise pickling, small enough to stream
RECYCLE_EVERY = 2000  # records per durable_rules host before a fresh one replaces it
# Batches per worker process before a fresh one replaces it: durable_rules' native engine
# keeps about 1 KB per evaluation that only the end of the process gives back.
BATCHES_PER_WORKER = 64


class RecyclingEvaluator(RecordEvaluator):
    """The durable_rules evaluator, replaced by a fresh one every ``every`` records.

    durable_rules keeps what was asserted into a ruleset alive for the life of the ruleset,
    even after the facts are retracted, so one host over a long run grows without bound.
    A fresh host every few thousand records (about 40 ms to build) keeps memory flat.
    """

    def __init__(self, pack: RulePack, every: int = RECYCLE_EVERY) -> None:
        from .evaluate import Evaluator

        self._make = lambda: Evaluator(pack)
        self.pack = pack
        self._every = every
        self._current = self._make()
        self._count = 0

    def evaluate(self, facts: RecordFacts) -> list[Match]:
        self._count += 1
        if self._count > self._every:
            self._replace()
            self._count = 1
        return self._current.evaluate(facts)

    def evaluate_portfolio(self, fact: FactDict) -> list[Match]:
        return self._current.evaluate_portfolio(fact)

    def evaluate_collection(self, facts: list[FactDict]) -> list[Match]:
        return self._current.evaluate_collection(facts)

    def reset(self) -> None:
        """A fresh host now (after a record failed half-way through the engine)."""
        self._replace()
        self._count = 0

    def _replace(self) -> None:
        old, self._current = self._current, self._make()
        close = getattr(old, "close", None)
        if callable(close):
            close()


@dataclass(frozen=True)
class PackSpec:
    """What a worker needs to load the same rule pack as the main process."""

    rules_dirs: tuple[Path, ...] = ()
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    severities: Mapping[str, str] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


_worker: tuple[Any, FactContext] | None = None


def _init(spec: PackSpec, ctx: FactContext) -> None:
    global _worker
    from .rules.loader import load_pack

    pack = load_pack(
        spec.rules_dirs,
        params=spec.params,
        severities=spec.severities,
        select=spec.select,
        ignore=spec.ignore,
    )
    _worker = (RecyclingEvaluator(pack), ctx)


def _evaluate(batch: list[SourceRecord]) -> list[tuple[RecordFacts, list[Finding]] | InputError]:
    from .evaluate import record_findings
    from .isolation import record_error

    assert _worker is not None, "worker not initialised"
    evaluator, ctx = _worker
    out: list[tuple[RecordFacts, list[Finding]] | InputError] = []
    for src in batch:
        try:
            facts, findings = record_findings(evaluator, src, ctx)
        except Exception as exc:  # one record's failure is that record's error
            evaluator.reset()
            out.append(record_error(src, exc, "evaluating it"))
            continue
        # the portfolio needs only the chosen kind: send back no more than that
        slim = RecordFacts({"chosen_kind": facts.decision.get("chosen_kind")}, [], [], [])
        out.append((slim, findings))
    return out


Item = SourceRecord | InputError
Result = tuple[Item, RecordFacts | None, list[Finding]]


class ParallelEvaluator:
    """A pool of workers evaluating records; use as a context manager."""

    def __init__(self, jobs: int, spec: PackSpec, ctx: FactContext) -> None:
        import multiprocessing

        # fork where there is one: workers start at once, with no re-import of the caller's
        # main module; each worker still builds its own durable_rules host in ``_init``.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.jobs = jobs
        self._pool = context.Pool(
            jobs, initializer=_init, initargs=(spec, ctx), maxtasksperchild=BATCHES_PER_WORKER
        )

    def __enter__(self) -> ParallelEvaluator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def map(self, items: Iterable[Item]) -> Iterator[Result]:
        """``(item, facts, findings)`` for every item, in input order. Errors pass through
        with no facts; records are evaluated in the workers."""
        window: deque[tuple[Sequence[Item], Any]] = deque()
        limit = 2 * self.jobs
        batch: list[Item] = []

        def submit() -> None:
            records = [i for i in batch if isinstance(i, SourceRecord)]
            window.append((list(batch), self._pool.apply_async(_evaluate, (records,))))
            batch.clear()

        def drain_one() -> Iterator[Result]:
            items, pending = window.popleft()
            results = iter(pending.get())
            for item in items:
                if isinstance(item, SourceRecord):
                    got = next(results)
                    if isinstance(got, InputError):
                        yield got, None, []
                    else:
                        yield item, got[0], got[1]
                else:
                    yield item, None, []

        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                submit()
                if len(window) >= limit:
                    yield from drain_one()
        if batch:
            submit()
        while window:
            yield from drain_one()
