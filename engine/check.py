"""The ``check`` pipeline: records -> facts -> rules -> waivers -> log, streaming: records
are read, evaluated and logged one at a time (memory stays flat); findings are kept only
when an output needs them (``keep_findings``), the log receives every one of them."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import __version__
from .clock import today as clock_today
from .clock import utc_stamp
from .conventions import DEFAULT_MIN_RECORDS, DEFAULT_SHARE
from .errors import LogError
from .facts import FactContext, PortfolioAccumulator, TrackRecord
from .produce import Done, Production, for_run, produce, produce_all
from .records.limits import DEFAULT_LIMITS, Limits, using
from .tally import Sink as _Sink
from .tally import Tally as _Tally
from .tally import finish as _finish
from .types import (
    CheckResult,
    InputError,
)
from .vocab import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SEVERITY_RANK
from .waivers import open_log

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    rules_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: str = "high"  # a severity, or "never"
    min_severity: str = "info"
    db: str | None = None  # None: do not log
    today: dt.date | None = None
    max_file_size: int = 10 * 2**20
    history_min: int = 3
    convention_share: float = DEFAULT_SHARE  # see engine/conventions.py
    convention_min_records: int = DEFAULT_MIN_RECORDS
    baseline: frozenset[str] | None = None
    command: str = "decaudit check"
    config_digest: str = ""
    keep_findings: bool = True
    findings_sink: Any = None  # with keep_findings: takes them (append) instead of the result
    stdin: IO[bytes] | None = None
    select_file: Callable[[str], bool] | None = None  # files found walking folders
    history_db: str | None = None  # read for waivers and track records even when not logging
    collect_all: bool = False  # keep every finding, before baseline and --min-severity
    all_sink: Any = None  # with collect_all: takes them (append) instead of the result
    jobs: int = 1  # worker processes evaluating records (0: one per CPU)
    keep_records: bool = False  # keep the records and the log's track record (the brief)
    keep_records_max: int | None = None  # keep only the first records (None: every one)
    sheet: str | None = None  # the worksheet of Excel registers (None: the first)
    force_exclude: bool = False  # named files filtered like folder walks (pre-commit)
    allow_empty: bool = False  # a run that finds no record is an error unless this is set
    follow_symlinks: bool = False  # follow links that lead outside a walked folder
    limits: Limits = DEFAULT_LIMITS  # caps on one record's options, benefits, costs, lists


@dataclass(frozen=True)
class CheckHooks:
    """What a front end hears during a run (the CLI's progress bar and ``-v``).

    - ``record(count, file)``: after each record, with the count so far and its file;
    - ``phase(name)``: a stage begins (``"rules"``, ``"records"``, ``"portfolio"``, ``"log"``);
    - ``skip(path, reason)``: a folder walk left a file or folder out.
    """

    record: Callable[[int, str], None] | None = None
    phase: Callable[[str], None] | None = None
    skip: Callable[[str, str], None] | None = None


class _Clock:
    """Seconds spent per stage, for ``CheckResult.timings``."""

    def __init__(self, hooks: CheckHooks) -> None:
        self.hooks = hooks
        self.timings: dict[str, float] = {}
        self._stage: str | None = None
        self._since = time.perf_counter()

    def start(self, stage: str) -> None:
        self.stop()
        self._stage, self._since = stage, time.perf_counter()
        if self.hooks.phase is not None:
            self.hooks.phase(stage)

    def stop(self) -> None:
        if self._stage is not None:
            spent = time.perf_counter() - self._since
            self.timings[self._stage] = self.timings.get(self._stage, 0.0) + spent
            self._stage = None


def _track_records(db: str | None, minimum: int, pack: Any) -> Mapping[str, TrackRecord]:
    if not db or not Path(db).exists():
        return {}
    from .history import track_records_for

    return track_records_for(db, minimum, pack)


def _consume(
    stream: Iterable[Done | InputError],
    sink: _Sink,
    portfolio: PortfolioAccumulator,
    members: Any,  # CollectionAccumulator | None
    hooks: CheckHooks,
) -> None:
    """Each produced record (or input error) of the stream into the tally and the log, in
    input order: only what needs the whole run is done here (see engine/produce.py)."""
    tally, writer, opts = sink.tally, sink.writer, sink.opts
    last_file = None
    for item in stream:
        if item.file != last_file and getattr(item, "kind", "") != "skipped":
            tally.files.append(item.file)
            last_file = item.file
        if isinstance(item, InputError):
            (tally.skipped if item.kind == "skipped" else tally.errors).append(item)
            if hooks.record is not None:
                hooks.record(tally.records, item.file)
            continue
        if writer is not None:
            writer.add_record_rows(item.record_rows)
        tally.records += 1
        cap = opts.keep_records_max
        if opts.keep_records and item.source is not None and (cap is None or len(tally.kept) < cap):
            tally.kept.append(item.source)
        tally.input_hash.update(item.digest.encode())
        portfolio.add_kind(item.chosen_kind)
        sink.conventions.add_record(item.file, item.empty_fields)
        if members is not None:
            members.add_row(item.member)
        take = sink.take_entry
        for entry in item.entries:
            take(entry)
        if hooks.record is not None:
            hooks.record(tally.records, item.file)


def _stream(
    opts: CheckOptions,
    evaluator: Any,
    ctx: FactContext,
    stack: ExitStack,
    hooks: CheckHooks,
    walking: Any,
    how: Production,
) -> tuple[Iterator[Done | InputError], Any]:
    """The records of ``opts.paths``, produced here or in worker processes (``--jobs``); and
    the pool of those workers (None: produced here)."""
    from .parallel import PackSpec, ParallelEvaluator, large_input
    from .records import iter_sources
    from .records.formats import ReadOptions

    read = {
        "max_bytes": opts.max_file_size,
        "stdin": opts.stdin,
        "select": opts.select_file,
        "options": ReadOptions(sheet=opts.sheet),
        "as_found": opts.force_exclude,
        "walking": walking,
    }
    jobs = opts.jobs if opts.jobs > 0 else (os.cpu_count() or 1)
    if jobs > 1 or large_input(opts.paths):  # workers read, parse, apply figures...
        from .recording import Measured
        from .records.numbering import Numbering
        from .records.sources import iter_units

        spec = PackSpec(
            opts.rules_dirs, dict(opts.params), dict(opts.severities), opts.select, opts.ignore
        )
        pool = stack.enter_context(ParallelEvaluator(jobs, spec, ctx, how))
        measured = stack.enter_context(Measured(how.figures))

        def redo(src: Any) -> Any:  # a record renamed here (its path-given id was taken)
            return produce(evaluator, measured.apply(src), ctx, how)

        return pool.map(iter_units(opts.paths, **read), Numbering(hooks.skip), redo), pool
    sources = iter_sources(opts.paths, on_skip=hooks.skip, **read)
    if how.figures:  # figures recorded after approval (decaudit actuals) apply to this audit
        from .recording import measured_sources

        sources = measured_sources(sources, how.figures)
    return produce_all(evaluator, sources, ctx, how), None


def _commit(writer: Any, opts: CheckOptions, pack: Any, tally: _Tally, meta: dict[str, Any]) -> int:
    """Append the run to the log in one transaction; its run id."""
    from .log import RunMeta, ci_context, current_actor

    run_id: int = writer.commit(
        RunMeta(
            finished_at=utc_stamp(),
            tool_version=__version__,
            ruleset_digest=pack.digest,
            config_digest=opts.config_digest,
            input_digest=tally.input_hash.hexdigest(),
            command=opts.command,
            actor=current_actor(),
            ci=ci_context(),
            record_count=tally.records,
            errors=[str(e) for e in tally.errors],
            **meta,
        )
    )
    return run_id


def run_check(opts: CheckOptions, hooks: CheckHooks | None = None) -> CheckResult:
    """Run one audit. Raises DecauditError for rule, config and log problems (exit 2);
    unreadable records become ``InputError`` entries and the rest of the run goes on.
    ``hooks`` hear of its progress (:class:`CheckHooks`)."""
    from .conventions import ConventionFolder, ConventionPolicy
    from .evaluate import has_collection_rules
    from .members import CollectionAccumulator
    from .native import load_engine
    from .parallel import RecyclingEvaluator
    from .records.sources import Walk
    from .rules.loader import load_pack

    started = utc_stamp()
    hooks = hooks or CheckHooks()
    clock = _Clock(hooks)
    clock.start("rules")
    load_engine()  # a clear error (exit 2) before any work when the C extension is unusable
    today = opts.today or clock_today()
    pack = load_pack(
        opts.rules_dirs,
        params=opts.params,
        severities=opts.severities,
        select=opts.select,
        ignore=opts.ignore,
    )
    read_db = opts.db or opts.history_db
    log, waivers = open_log(opts.db, read_db, today)
    ctx = FactContext(today=today, track_records=_track_records(read_db, opts.history_min, pack))
    evaluator = RecyclingEvaluator(pack)  # a fresh durable_rules host every few thousand
    portfolio = PortfolioAccumulator()
    members = CollectionAccumulator() if has_collection_rules(pack) else None
    conventions = ConventionFolder(
        pack.conventions,
        ConventionPolicy(opts.convention_share, opts.convention_min_records),
        roots=[p for p in opts.paths if p != "-"],
    )
    tally = _Tally()
    sink = _Sink(
        opts,
        waivers,
        conventions,
        {rule.info.id: rule.info.digest for rule in pack.rules},
        tally,
        min_rank=SEVERITY_RANK[opts.min_severity],
        fail_rank=SEVERITY_RANK.get(opts.fail_on, len(SEVERITY_RANK)),
    )
    stack = ExitStack()
    stack.enter_context(using(opts.limits))  # records are read (and capped) in this process
    walking = Walk(follow_symlinks=opts.follow_symlinks)
    try:
        if log is not None:
            sink.writer = log.writer()
        clock.start("records")
        how = for_run(opts, sink.waivers, sink.digests, sink.writer, conventions, members)
        stream, pool = _stream(opts, evaluator, ctx, stack, hooks, walking, how)
        _consume(stream, sink, portfolio, members, hooks)
        clock.start("portfolio")  # folder and portfolio rules, over the whole run
        _finish(sink, evaluator, portfolio, members, pool, how)
        # A hook's staged files (--force-exclude) may hold no record: that is no error.
        empty_ok = opts.allow_empty or opts.force_exclude
        if not tally.records and not tally.errors and not empty_ok:
            tally.errors.append(walking.nothing_found(opts.paths))
        exit_code = _exit_code(tally, opts)
        run_id = None
        if sink.writer is not None:
            clock.start("log")
            meta = {"started_at": started, "exit_status": exit_code}
            run_id = _commit(sink.writer, opts, pack, tally, meta)
            sink.writer = None
    except sqlite3.Error as exc:  # the log failed under the run (disk full, I/O error...)
        raise LogError(f"{opts.db}: cannot write the run: {exc}{_hint(exc)}") from exc
    finally:
        stack.close()
        if members is not None:
            members.close()
        if sink.writer is not None:
            sink.writer.abort()
        if log is not None:
            log.close()
        waivers.close()

    clock.stop()
    clock.stop()
    fixed = len(opts.baseline - tally.baseline_seen) if opts.baseline is not None else 0
    tally.findings.sort(key=lambda f: (f.file, f.line, f.decision_id, f.rule_id, f.path))
    return CheckResult(
        findings=tuple(tally.findings),
        errors=tuple(tally.errors),
        rules=tuple(rule.info for rule in pack.rules),
        files=tuple(tally.files),
        record_count=tally.records,
        tool_version=__version__,
        started_at=started,
        run_id=run_id,
        baseline_fixed=fixed,
        baseline_matched=tally.baseline_matched,
        fail_on=opts.fail_on,
        exit_code=exit_code,
        totals=tally.totals(),
        all_findings=tuple(tally.all_findings),
        records=tuple(tally.kept),
        history=_history(read_db) if opts.keep_records else {},
        today=today.isoformat(),
        min_history=opts.history_min,
        timings=clock.timings,
        paths=opts.paths,
        skipped=tuple(tally.skipped),
    )


def _history(db: str | None) -> Mapping[str, Mapping[str, float]]:
    """Per project type, each measured past decision's realization ratio (the brief's
    track record); empty without a log."""
    if not db or not Path(db).is_file():
        return {}
    from .brief.history import realization_history

    return realization_history(db)


def _hint(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text or "i/o" in text:
        return " (is the disk full?); the run was not logged"
    return "; the run was not logged"


def _exit_code(tally: _Tally, opts: CheckOptions) -> int:
    if tally.errors:
        return EXIT_ERROR
    if opts.fail_on != "never" and tally.failing:
        return EXIT_FINDINGS
    return EXIT_OK
