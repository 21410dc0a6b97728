"""The organisation's own track record, read back from the audit log.

Past decisions are the *latest snapshot* of each decision: the record audited by the latest
run that audited that decision id (``run_records``), read from ``records.canonical``. Only
decisions whose chosen option has benefit lines with both a projected and a realized figure
count ("measured" decisions). For each of them:

- realization ratio = sum of realized / sum of projected, over the measured benefit lines;
- cost overrun = sum of realized / sum of projected, over the measured cost lines (absent when
  no cost line was measured);
- per benefit type, the realization ratio over the measured lines of that type.

Distributions give p10, p25, median, p75 and p90 (linear interpolation between closest
ranks). ``track_records`` feeds rule BEN009: the median realization ratio per project type.

The log is read with plain parameterised SQL on a read-only connection, so this module does
not depend on the log writer's Python API, only on the tables in docs/audit-log.md.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LogError
from .facts import TrackRecord

FEW = 5  # below this many decisions a distribution is flagged as too few to rely on
PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p10", 0.10),
    ("p25", 0.25),
    ("median", 0.50),
    ("p75", 0.75),
    ("p90", 0.90),
)
UNSPECIFIED = "(unspecified)"

DbSource = str | Path | sqlite3.Connection


# --- reading the log -----------------------------------------------------------------------


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the log read-only. A missing or unreadable file raises ``LogError``.

    A log in WAL mode needs its ``-shm`` file to be read; on a read-only medium (an archived
    log, a read-only share) that file cannot be created. When no ``-wal`` file holds
    committed rows that are not yet in the database file, the file is then opened as
    immutable, which needs neither.
    """
    p = Path(path)
    if not p.is_file():
        raise LogError(f"{path}: no audit log here (run `decaudit check` first, or pass --db)")
    uri = p.resolve().as_uri()
    try:
        return _open(f"{uri}?mode=ro")
    except sqlite3.OperationalError as exc:
        wal = Path(f"{p}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise LogError(f"{path}: cannot read the audit log: {exc}") from exc
        try:
            return _open(f"{uri}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as exc2:
            raise LogError(f"{path}: cannot read the audit log: {exc2}") from exc2
    except sqlite3.DatabaseError as exc:
        raise LogError(f"{path}: cannot read the audit log: {exc}") from exc


def _open(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same state of the log, even while
    another process appends a run (WAL readers keep their snapshot)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.rollback()


@contextmanager
def _connection(source: DbSource) -> Iterator[sqlite3.Connection]:
    if isinstance(source, sqlite3.Connection):
        yield source
        return
    conn = connect_readonly(source)
    try:
        with snapshot(conn):
            yield conn
    finally:
        conn.close()


def has_tables(conn: sqlite3.Connection, *names: str) -> bool:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    present = {r[0] for r in rows}
    return all(n in present for n in names)


@dataclass(frozen=True)
class Snapshot:
    """The latest audited version of one decision."""

    decision_id: str
    record_hash: str
    run_id: int
    file: str
    line: int
    record: Mapping[str, Any]  # format-v1 canonical JSON


def latest_snapshots(
    conn: sqlite3.Connection, run_ids: Iterable[int] | None = None
) -> list[Snapshot]:
    """One snapshot per decision id, from the latest run (of ``run_ids``) that audited it.

    When one run audited the same id more than once (a duplicate id across files), the first
    row that run wrote wins. Sorted by decision id.
    """
    if not has_tables(conn, "run_records", "records"):
        return []
    where, params = "", []
    if run_ids is not None:
        ids = sorted(set(run_ids))
        if not ids:
            return []
        where = "WHERE run_id IN (SELECT value FROM json_each(?))"  # any number of runs
        params = [json.dumps(ids)]
    # Rank in SQL, so only one canonical record per decision is ever read into memory.
    sql = f"""
        WITH ranked AS (
            SELECT decision_id, record_hash, run_id, file, line,
                   ROW_NUMBER() OVER (
                       PARTITION BY decision_id ORDER BY run_id DESC, rowid ASC
                   ) AS n
            FROM run_records {where}
        )
        SELECT k.decision_id, k.record_hash, k.run_id, k.file, k.line, r.canonical
        FROM ranked k JOIN records r ON r.hash = k.record_hash
        WHERE k.n = 1
        ORDER BY k.decision_id
    """
    out: list[Snapshot] = []
    try:
        rows = conn.execute(sql, params)
    except sqlite3.DatabaseError as exc:
        raise LogError(f"cannot read records from the audit log: {exc}") from exc
    for did, rhash, run_id, file, line, canonical in rows:
        try:
            record = json.loads(canonical)
        except (TypeError, ValueError):
            continue  # not a readable snapshot: nothing to calibrate from
        if not isinstance(record, dict):
            continue
        out.append(
            Snapshot(str(did), str(rhash), int(run_id), str(file or ""), int(line or 0), record)
        )
    return out


# --- figures of one record -----------------------------------------------------------------


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def chosen_option(record: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The chosen option when exactly one option is marked chosen, else None."""
    options = record.get("options")
    if not isinstance(options, list):
        return None
    chosen = [o for o in options if isinstance(o, dict) and o.get("chosen") is True]
    return chosen[0] if len(chosen) == 1 else None


def _lines(case: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = case.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _measured(items: Iterable[Mapping[str, Any]]) -> list[tuple[float, float]]:
    pairs = []
    for item in items:
        p, r = _num(item.get("projected")), _num(item.get("realized"))
        if p is not None and r is not None:
            pairs.append((p, r))
    return pairs


def _ratio(pairs: Sequence[tuple[float, float]]) -> float | None:
    denominator = sum(p for p, _ in pairs)
    if not pairs or denominator <= 0:
        return None
    return sum(r for _, r in pairs) / denominator


@dataclass(frozen=True)
class CostOutcome:
    """Projected and realized costs of the chosen case, over the measured cost lines."""

    projected: float
    realized: float
    overrun: float  # realized / projected


def _case(record: Mapping[str, Any]) -> Mapping[str, Any] | None:
    option = chosen_option(record)
    case = option.get("business_case") if option else None
    return case if isinstance(case, dict) else None


def cost_outcome(record: Mapping[str, Any]) -> CostOutcome | None:
    """The chosen case's cost overrun, or None when no cost line has both figures."""
    case = _case(record)
    pairs = _measured(_lines(case, "costs")) if case is not None else []
    overrun = _ratio(pairs)
    if overrun is None:
        return None
    return CostOutcome(sum(p for p, _ in pairs), sum(r for _, r in pairs), overrun)


@dataclass(frozen=True)
class Outcome:
    """What a decision's chosen case projected and what came in (measured lines only)."""

    decision_id: str
    project_type: str | None
    projected_benefits: float
    realized_benefits: float
    realization: float
    projected_costs: float | None
    realized_costs: float | None
    overrun: float | None
    by_benefit_type: Mapping[str, float]  # benefit type -> realization ratio of that type


def outcome(decision_id: str, record: Mapping[str, Any]) -> Outcome | None:
    """The measured outcome of a record, or None when its chosen benefits were never measured."""
    case = _case(record)
    if case is None:
        return None
    benefits = _lines(case, "benefits")
    pairs = _measured(benefits)
    realization = _ratio(pairs)
    if realization is None:
        return None
    by_type: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for ben in benefits:
        btype = ben.get("type") if isinstance(ben.get("type"), str) else UNSPECIFIED
        by_type[str(btype)].extend(_measured([ben]))
    type_ratios = {t: r for t, ps in by_type.items() if (r := _ratio(ps)) is not None}
    costs = cost_outcome(record)
    ptype = record.get("project_type")
    return Outcome(
        decision_id=decision_id,
        project_type=ptype if isinstance(ptype, str) and ptype else None,
        projected_benefits=sum(p for p, _ in pairs),
        realized_benefits=sum(r for _, r in pairs),
        realization=realization,
        projected_costs=costs.projected if costs else None,
        realized_costs=costs.realized if costs else None,
        overrun=costs.overrun if costs else None,
        by_benefit_type=type_ratios,
    )


# --- distributions -------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); values must be sorted."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


@dataclass(frozen=True)
class Distribution:
    count: int
    p10: float
    p25: float
    median: float
    p75: float
    p90: float
    decisions: tuple[str, ...]  # sorted ids behind the figures

    @property
    def few(self) -> bool:
        """Fewer than FEW decisions: the percentiles say little."""
        return self.count < FEW

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "too_few": self.few,
            **{name: round(getattr(self, name), 6) for name, _ in PERCENTILES},
            "decisions": list(self.decisions),
        }


def distribution(values: Mapping[str, float]) -> Distribution | None:
    """Distribution of ``decision id -> value``; None when empty."""
    if not values:
        return None
    ordered = sorted(values.values())
    stats = {name: percentile(ordered, q) for name, q in PERCENTILES}
    return Distribution(count=len(values), decisions=tuple(sorted(values)), **stats)


@dataclass(frozen=True)
class Group:
    key: str  # the project type or benefit type
    realization: Distribution
    overrun: Distribution | None  # None when no decision of the group measured its costs


@dataclass(frozen=True)
class Calibration:
    decisions: int  # latest snapshots in the log
    measured: tuple[Outcome, ...]  # those whose chosen benefits were measured
    overall: Group | None
    by_project_type: tuple[Group, ...]
    by_benefit_type: tuple[Group, ...]

    def as_json(self) -> dict[str, Any]:
        def group(g: Group) -> dict[str, Any]:
            return {
                "key": g.key,
                "realization": g.realization.as_json(),
                "cost_overrun": g.overrun.as_json() if g.overrun else None,
            }

        return {
            "decisions": self.decisions,
            "measured_decisions": len(self.measured),
            "min_count_for_percentiles": FEW,
            "overall": group(self.overall) if self.overall else None,
            "by_project_type": [group(g) for g in self.by_project_type],
            "by_benefit_type": [group(g) for g in self.by_benefit_type],
        }


def _group(key: str, outcomes: Sequence[Outcome], benefit_type: str | None = None) -> Group | None:
    if benefit_type is None:
        real = {o.decision_id: o.realization for o in outcomes}
    else:
        real = {
            o.decision_id: o.by_benefit_type[benefit_type]
            for o in outcomes
            if benefit_type in o.by_benefit_type
        }
    dist = distribution(real)
    if dist is None:
        return None
    over = {
        o.decision_id: o.overrun
        for o in outcomes
        if o.decision_id in real and o.overrun is not None
    }
    return Group(key, dist, distribution(over))


def outcomes_of(snapshots: Iterable[Snapshot]) -> list[Outcome]:
    return [o for s in snapshots if (o := outcome(s.decision_id, s.record)) is not None]


def calibrate_snapshots(snapshots: Sequence[Snapshot]) -> Calibration:
    measured = outcomes_of(snapshots)
    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for o in measured:
        by_type[o.project_type or UNSPECIFIED].append(o)
    project_groups = [_group(k, v) for k, v in sorted(by_type.items())]
    benefit_types = sorted({t for o in measured for t in o.by_benefit_type})
    benefit_groups = [_group(t, measured, benefit_type=t) for t in benefit_types]
    return Calibration(
        decisions=len(snapshots),
        measured=tuple(measured),
        overall=_group("(all)", measured),
        by_project_type=tuple(g for g in project_groups if g is not None),
        by_benefit_type=tuple(g for g in benefit_groups if g is not None),
    )


def calibrate(source: DbSource) -> Calibration:
    """The track record of every measured decision in the log (missing log: ``LogError``)."""
    with _connection(source) as conn:
        return calibrate_snapshots(latest_snapshots(conn))


def track_records(db_path_or_connection: DbSource, min_decisions: int) -> dict[str, TrackRecord]:
    """Per project type with at least ``min_decisions`` measured past decisions: the median
    realization ratio, the count and the sorted decision ids (the facts behind BEN009).

    A missing log, or one without the tables yet, has no history: an empty dict.
    """
    source = db_path_or_connection
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    with _connection(source) as conn:
        measured = outcomes_of(latest_snapshots(conn))
    by_type: dict[str, dict[str, float]] = defaultdict(dict)
    for o in measured:
        if o.project_type is not None:
            by_type[o.project_type][o.decision_id] = o.realization
    out: dict[str, TrackRecord] = {}
    for ptype, ratios in sorted(by_type.items()):
        if len(ratios) >= max(1, min_decisions):
            ordered = sorted(ratios.values())
            out[ptype] = TrackRecord(
                ratio=round(percentile(ordered, 0.5), 6),
                count=len(ratios),
                decisions=tuple(sorted(ratios)),
            )
    return out
