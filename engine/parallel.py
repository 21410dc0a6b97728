"""Evaluate records in worker processes, in order, with bounded memory.

``check --jobs N`` hands records to N worker processes in batches. Each worker loads the
rule pack once and owns one durable_rules host (hosts are not shared across processes);
it derives the facts, runs the rules, builds the findings, applies the waivers and encodes
the log rows (hashes included) of a batch and sends them back (engine/produce.py). The main
process reads the records and writes the rows (one transaction per run, as always), in the
order the records were read, so the findings, their order and the exit code are those of a
sequential run. At most ``2 * jobs`` batches are in flight, so memory stays flat however
large the corpus.
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import RecordEvaluator
from .facts import FactContext, FactDict, RecordFacts
from .produce import Done, Entry, Production, produce
from .records.numbering import Numbering
from .records.units import Chunk, FileUnit
from .rules.model import Match, RulePack
from .types import InputError, SourceRecord

BATCH = 32  # records per task: large enough to amortise pickling, small enough to stream
RECYCLE_EVERY = 2000  # records per durable_rules host before a fresh one replaces it
# Batches per worker process before a fresh one replaces it: durable_rules' native engine
# keeps about 1 KB per evaluation that only the end of the process gives back.
BATCHES_PER_WORKER = 64


# Input of this many bytes (files named, and the files of folders named) is evaluated in a
# worker process even with --jobs 1: it is recycled, and durable_rules' native memory goes
# with it, so a long run's memory stays flat. Below it, a run evaluates in its own process
# (no worker to start: a check of one file stays quick).
LARGE_INPUT = 32 * 2**20


def large_input(paths: Sequence[str], limit: int | None = None) -> bool:
    """Whether ``paths`` hold at least ``limit`` bytes (by default :data:`LARGE_INPUT`;
    folders walked, without following links, until the answer is known)."""
    limit = LARGE_INPUT if limit is None else limit
    total = 0
    folders: list[str] = []
    for p in paths:
        if os.path.isfile(p):
            total += os.path.getsize(p)
        elif os.path.isdir(p):
            folders.append(p)
    while folders and total < limit:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
                    elif entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except OSError:
            continue  # the run reports what it cannot read
    return total >= limit


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


_worker: tuple[Any, FactContext, Production, Any] | None = None
# Modules a worker needs, imported once by the fork server that starts the workers.
_PRELOAD = (
    "decaudit.engine.parallel",
    "decaudit.engine.recording",
    "decaudit.engine.rules.loader",
    "decaudit.engine.records.sources",
    "decaudit.engine.evaluate",
)


def _init(spec: PackSpec, ctx: FactContext, how: Production) -> None:
    global _worker
    from .recording import Measured
    from .rules.loader import load_pack

    pack = load_pack(
        spec.rules_dirs,
        params=spec.params,
        severities=spec.severities,
        select=spec.select,
        ignore=spec.ignore,
    )
    # A copy of ``how`` made through pickle: a worker forked later inherits the objects of
    # the main process, and must not use a log connection the main process opened.
    how = pickle.loads(pickle.dumps(how))
    _worker = (RecyclingEvaluator(pack), ctx, how, Measured(how.figures))


# What a worker sends back for one record: the record produced (or its evaluation error),
# its id, file and line, and the record itself when its id was taken from its path (the
# main process renames it and produces it again if another record has that id). The id is
# None for a record the main process read and numbered itself. A bare InputError is an
# error of reading a file or a chunk.
Outcome = tuple[Done | InputError, str | None, str, int, SourceRecord | None] | InputError


def _work(units: list[SourceRecord | Chunk | FileUnit]) -> list[list[Outcome]]:
    """Each unit read and parsed (a file, a chunk of JSON Lines), measured, evaluated and
    encoded."""
    from .records.limits import using
    from .records.sources import read_unit

    assert _worker is not None, "worker not initialised"
    evaluator, ctx, how, measured = _worker
    out: list[list[Outcome]] = []
    with using(how.limits):
        for unit in units:
            if isinstance(unit, SourceRecord):  # read and numbered by the main process
                done = produce(evaluator, measured.apply(unit), ctx, how)
                out.append([(done, None, unit.file, 0, None)])
                continue
            got: list[Outcome] = []
            for item in read_unit(unit):
                if isinstance(item, SourceRecord):
                    done = produce(evaluator, measured.apply(item), ctx, how)
                    implicit = item.raw is not None and bool(item.raw.get("x_implicit_id"))
                    rid, line = item.record.id, item.line_of(())
                    got.append((done, rid, item.file, line, item if implicit else None))
                else:
                    got.append(item)
            out.append(got)
    return out


def _collect(items: list[tuple[str, list[FactDict], str, str | None]]) -> list[list[Entry]]:
    """The folder rules on the member and link facts of a few records (file, facts,
    decision id, record hash), their findings waived and encoded for the log."""
    from .produce import folder_entries

    assert _worker is not None, "worker not initialised"
    evaluator, _, how, _ = _worker
    return [folder_entries(evaluator, *item, how) for item in items]


def _pool_class() -> type:
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        """A pool whose worker-keeping thread wakes when a worker exits or the pool
        changes state, not at every result: the stock pool also waits on the results pipe,
        which stays readable until the result thread has read the result, so that thread
        spins meanwhile (about one wake-up per record, and a few percent of a core)."""

        def _get_sentinels(self) -> list[Any]:
            return [getattr(self, "_change_notifier")._reader]  # noqa: B009

    return QuietPool


_Pool: Any = None


Unit = SourceRecord | InputError | Chunk | FileUnit
Result = Done | InputError


class ParallelEvaluator:
    """A pool of workers producing records; use as a context manager."""

    def __init__(self, jobs: int, spec: PackSpec, ctx: FactContext, how: Production) -> None:
        import multiprocessing

        # Workers come from a fork server where there is one, never from this process: the
        # pool replaces its workers (``maxtasksperchild``) while this process runs threads
        # (the pool's own) and writes the log, and a child forked from it could inherit a
        # lock held at that instant (SQLite's, the allocator's) and wait on it forever. The
        # server imports the worker's modules once, so a worker still starts at once; each
        # builds its own durable_rules host in ``_init``.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            context.set_forkserver_preload(list(_PRELOAD))
        self.jobs = jobs
        global _Pool
        if _Pool is None:
            _Pool = _pool_class()
        self._pool = _Pool(
            jobs,
            initializer=_init,
            initargs=(spec, ctx, how),
            maxtasksperchild=BATCHES_PER_WORKER,
            context=context,
        )

    def __enter__(self) -> ParallelEvaluator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def collection(
        self, facts: Iterable[tuple[Any, list[FactDict], str | None]]
    ) -> Iterator[Entry]:
        """The findings of the folder rules on ``facts`` (each record's member, its facts
        and its record's content hash, :meth:`CollectionAccumulator.facts_digests`),
        evaluated, waived and encoded in the workers, in order (``produce.Entry``): the
        main process keeps no durable_rules memory for them, and at most ``2 * jobs``
        batches are in flight."""
        window: deque[Any] = deque()
        batch: list[tuple[str, list[FactDict], str, str | None]] = []

        def submit() -> None:
            window.append(self._pool.apply_async(_collect, (list(batch),)))
            batch.clear()

        for member, found, digest in facts:
            batch.append((member.file, found, member.did, digest))
            if len(batch) >= BATCH:
                submit()
                if len(window) >= 2 * self.jobs:
                    for got in window.popleft().get():
                        yield from got
        if batch:
            submit()
        while window:
            for got in window.popleft().get():
                yield from got

    def map(
        self, units: Iterable[Unit], numbering: Numbering, redo: Callable[[SourceRecord], Result]
    ) -> Iterator[Result]:
        """Every record produced and every error, in input order, with the run-wide rules
        of ``numbering`` applied as ``iter_sources`` applies them.

        Records the main process read (standard input) are numbered as they are submitted;
        records of files and chunks are numbered as their results come back. While a file
        or a chunk is out, a record read here waits for it, so ids are always claimed in
        input order. ``redo`` produces a record renamed here (its id, taken from its path,
        was taken)."""
        window: deque[tuple[list[Unit], Any]] = deque()
        limit = 2 * self.jobs
        batch: list[Unit] = []
        cost = chunks_out = 0

        def submit() -> None:
            nonlocal cost, chunks_out
            work = [u for u in batch if not isinstance(u, InputError)]
            chunks_out += sum(isinstance(u, Chunk | FileUnit) for u in batch)
            window.append((list(batch), self._pool.apply_async(_work, (work,))))
            batch.clear()
            cost = 0

        def drain_one() -> Iterator[Result]:
            nonlocal chunks_out
            units, pending = window.popleft()
            results = iter(pending.get())
            for unit in units:
                if isinstance(unit, InputError):
                    yield from numbering.step(unit)
                    continue
                chunks_out -= isinstance(unit, Chunk | FileUnit)
                for outcome in next(results):
                    yield from _numbered(outcome, numbering, redo)

        for unit in units:
            if isinstance(unit, SourceRecord):
                if any(isinstance(u, Chunk | FileUnit) for u in batch):
                    submit()
                while chunks_out:  # ids in files and chunks still out come first
                    yield from drain_one()
                unit = numbering.record(unit)
            batch.append(unit)
            cost += BATCH if isinstance(unit, Chunk) else isinstance(unit, SourceRecord)
            if cost >= BATCH:
                submit()
                if len(window) >= limit:
                    yield from drain_one()
        if batch:
            submit()
        while window:
            yield from drain_one()
        yield from numbering.close()


def _numbered(
    outcome: Outcome, numbering: Numbering, redo: Callable[[SourceRecord], Result]
) -> list[Result]:
    """One worker outcome with the run-wide rules applied (see :class:`Numbering`)."""
    if not isinstance(outcome, tuple):  # an error of reading: counted against its file
        return numbering.step(outcome)
    result, rid, file, line, implicit = outcome
    if implicit is not None and rid in numbering.seen:  # renamed by its path, as when read
        renamed = numbering.record(implicit)
        if isinstance(renamed, InputError):
            return numbering.step(renamed)
        result = redo(renamed)
    elif rid is not None:  # a record of a file or chunk: its id is checked here
        duplicate = numbering.claim(rid, file, line)
        if duplicate is not None:
            return numbering.step(duplicate)
    return [*numbering.enter(file), result]
