"""One record through every per-record stage: facts, rules, findings, waivers, log rows.

:func:`produce` runs where the record is evaluated: in the main process (``--jobs 1``) or
in a worker process (``--jobs N``, engine/parallel.py). What it returns (:class:`Done`) is
all the main process needs to finish the record: the log rows ready to insert (values and
body hashes, see engine/log/encode.py), what each finding adds to the totals, the chosen
kind for the portfolio and the record's folder-rule member. What must be seen across the
whole run (the baseline, --min-severity and --fail-on totals, convention findings held for
their folder, the order of the log's rows, the exit code) stays with the main process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .facts import FactContext
from .isolation import record_error
from .records.limits import DEFAULT_LIMITS, Limits
from .types import Finding, InputError, SourceRecord
from .waivers import Waivers


@dataclass(frozen=True)
class Production:
    """What every record is produced with (the same in every process)."""

    waivers: Waivers
    digests: Mapping[str, str]  # rule id -> the digest of its definition (for the log)
    log_rows: bool = False  # encode the log rows (the run is logged)
    want_findings: bool = True  # return the Finding objects (an output or the baseline needs them)
    held: frozenset[str] = frozenset()  # convention rules: their findings are held by the run
    convention_fields: tuple[str, ...] = ()  # their fields: which ones each record leaves empty
    roots: tuple[str, ...] = ()  # the checked paths (folder labels of members)
    members: bool = False  # the pack has folder rules: return the record's member
    keep_source: bool = False  # return the record itself (the brief keeps the records)
    figures: str | None = None  # the log whose recorded figures apply (decaudit actuals)
    limits: Limits = DEFAULT_LIMITS  # caps on one record (records parsed in a worker)


def for_run(
    opts: Any,
    waivers: Waivers,
    digests: Mapping[str, str],
    writer: Any,
    conventions: Any,
    members: Any,
) -> Production:
    """How the records of a check run (``opts``: its CheckOptions) are produced."""
    return Production(
        waivers=waivers,
        digests=digests,
        log_rows=writer is not None,
        want_findings=opts.keep_findings or opts.collect_all or writer is None,
        held=frozenset(conventions.fields) if conventions.policy.enabled else frozenset(),
        convention_fields=tuple(sorted(set(conventions.fields.values())))
        if conventions.policy.enabled
        else (),
        roots=tuple(conventions.roots),
        members=members is not None,
        keep_source=opts.keep_records,
        figures=opts.db or opts.history_db,
        limits=opts.limits,
    )


# One finding as the main process receives it: either ``(row, finding)`` -- its log row
# (None when the run is not logged) and the Finding (None when nobody needs it) -- or a
# bare Finding the main process handles itself (held for its folder, or logged by lookup).
Entry = tuple[tuple[Any, ...] | None, Finding | None] | Finding
SEVERITY, FINGERPRINT, WAIVED, EXPIRED = 6, 12, 13, 19  # positions in a finding row


@dataclass(frozen=True)
class Done:
    """One record, evaluated and encoded."""

    file: str
    decision_id: str
    chosen_kind: Any  # as the portfolio counts it (facts.portfolio.counted_kind)
    digest: str  # the record's content hash (or, unlogged, its file and id)
    record_rows: Any  # log.encode.RecordRows | None
    entries: list[Entry]
    member: Any = None  # runstate.MemberRow | None (members.member_row)
    source: SourceRecord | None = None
    empty_fields: frozenset[str] | None = None  # convention fields the record leaves empty


def produce(
    evaluator: Any, src: SourceRecord, ctx: FactContext, how: Production
) -> Done | InputError:
    """Evaluate and encode one record; a failure is that record's error (the evaluator is
    reset: the engine may hold half-asserted facts)."""
    from .evaluate import record_findings
    from .facts.portfolio import counted_kind

    try:
        facts, findings = record_findings(evaluator, src, ctx)
    except Exception as exc:
        reset = getattr(evaluator, "reset", None)
        if callable(reset):
            reset()
        return record_error(src, exc, "evaluating it")
    try:
        return _encode(src, counted_kind(facts.decision), findings, how, _in_prose(facts))
    except Exception as exc:  # this record cannot be logged: its error, not the run's
        return record_error(src, exc, "logging it")


def _in_prose(facts: Any) -> frozenset[str]:
    """The convention fields a record names only in its prose, as its facts say: options
    when it has none but argues or turns down an alternative in a sentence (REC003 is quiet
    on it; the folder's count says so instead of calling it a record of no options)."""
    decision = getattr(facts, "decision", None) or {}
    named = decision.get("option_count") == 0 and decision.get("alternative_named") is True
    return frozenset({"options"}) if named else frozenset()


def _encode(
    src: SourceRecord,
    kind: Any,
    findings: list[Finding],
    how: Production,
    in_prose: frozenset[str] = frozenset(),
) -> Done:
    from .log.encode import encode_record

    rec = src.record
    rows = encode_record(src) if how.log_rows else None
    digest = rows.digest if rows is not None else f"{src.file}\0{rec.id}"
    entries = _entries(findings, src, rec.id, rows.digest if rows is not None else None, how)
    member = None
    if how.members:
        from .collection import member_of
        from .conventions import folder_of
        from .members import member_row

        found = member_of(src, folder_of(src.file, how.roots))
        member = member_row(found, rows.digest if rows is not None else None)
    empty = None
    if how.convention_fields:
        from .conventions import empty_fields

        empty = empty_fields(rec, how.convention_fields, in_prose)
        if (rec.model_extra or {}).get("x_decided_through"):  # "Accepted (lazy consensus)"
            from .process import BY_PROCESS, FIELD

            empty = frozenset(f for f in empty if not f.startswith(FIELD)) | {BY_PROCESS}
    return Done(
        src.file,
        rec.id,
        kind,
        digest,
        rows,
        entries,
        member,
        src if how.keep_source else None,
        empty,
    )


def _entries(
    findings: Iterable[Finding],
    src: SourceRecord | None,
    decision_id: str,
    record_hash: str | None,
    how: Production,
) -> list[Entry]:
    """The findings of one record (``decision_id``, its content hash ``record_hash`` in the
    log, None when the run is not logged) with their waivers applied, each encoded as its
    log row where it can be (see :data:`Entry`)."""
    from .log.encode import encode_finding

    entries: list[Entry] = []
    apply, held, want, digests = how.waivers.apply, how.held, how.want_findings, how.digests
    logged = how.log_rows and record_hash is not None
    for found in findings:
        f = apply(found, src)
        if f.rule_id in held or (logged and f.decision_id != decision_id):
            entries.append(f)  # held for its folder, or logged against another record
        elif logged:
            row = encode_finding(f, digests.get(f.rule_id, ""), record_hash or "")
            entries.append((row, f if want else None))
        elif how.log_rows:  # logged by lookup in the main process
            entries.append(f)
        else:
            entries.append((None, f))
    return entries


def folder_entries(
    evaluator: Any,
    file: str,
    facts: list[Any],
    decision_id: str,
    record_hash: str | None,
    how: Production,
) -> list[Entry]:
    """The folder rules on one record's member and link facts, as entries ready for the log
    (:func:`_entries`): where the folder rules run (a worker, with ``--jobs``)."""
    from .evaluate import member_findings

    return _entries(member_findings(evaluator, file, facts), None, decision_id, record_hash, how)


def produce_all(
    evaluator: Any,
    items: Iterable[SourceRecord | InputError],
    ctx: FactContext,
    how: Production,
) -> Iterator[Done | InputError]:
    """Every record of ``items`` produced in this process; input errors pass through."""
    for item in items:
        yield produce(evaluator, item, ctx, how) if isinstance(item, SourceRecord) else item
