"""``verify``: recompute every row hash and chain link; report the first divergence.

The walk follows the chain in ``seq`` order. For each entry it re-reads the rows the entry
covers (a run: its ``runs`` row, ``run_records``, the ``records`` it added, its
``findings`` and the ``outcomes`` rows it appended; a waiver: its ``waivers`` row; a batch of
figures: its ``actuals`` rows and ``outcomes`` rows), recomputes each row hash, the content hash and
the entry hash, and checks the link to the previous entry. Then it looks for rows no entry
covers, checks the unchained tables (``migrations``, ``checkpoints``) row by row, and checks
the append-only triggers by their SQL (and, deep, the full-text index: :mod:`.verify_schema`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..errors import LogError
from .hashing import GENESIS, ContentHash, entry_hash
from .schema import LOG_TABLES, OUTCOMES_SINCE, PRIMARY_KEYS, TABLE_SINCE, schema_version
from .verify_rows import Divergence, VerifyResult, _check_row, _dicts, _Diverged, _ident, _short
from .verify_schema import check_fts, check_triggers
from .verify_workers import _chunks, _Readers, _results

__all__ = ["Divergence", "VerifyResult", "verify_log"]


def _outcome_rows(
    conn: sqlite3.Connection, content: ContentHash, seq: int, batch: int | None
) -> None:
    """Feed the track-record rows of ``batch`` (migration 5) to an entry's content hash."""
    if batch is None:
        return
    rows = list(
        _dicts(conn.execute("SELECT * FROM outcomes WHERE batch = ? ORDER BY id", (batch,)))
    )
    if not rows:
        raise _Diverged(
            Divergence(
                "outcomes",
                f"batch={batch}",
                f"missing (chain seq {seq} records this batch): deleted or renumbered",
            )
        )
    for row in rows:
        _check_row("outcomes", row, content)


def _outcomes_content(conn: sqlite3.Connection, seq: int, batch: int) -> str:
    content = ContentHash("outcomes")
    _outcome_rows(conn, content, seq, batch)
    return content.hexdigest()


def _run_content(
    conn: sqlite3.Connection,
    seq: int,
    run_id: int,
    readers: _Readers | None = None,
    outcome_id: int | None = None,
) -> str:
    content = ContentHash("run")
    run = next(_dicts(conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,))), None)
    if run is None:
        raise _Diverged(
            Divergence(
                "runs",
                f"id={run_id}",
                f"missing (chain seq {seq} records this run): deleted or renumbered",
            )
        )
    _check_row("runs", run, content)
    tasks = [
        t for table in ("run_records", "records", "findings") for t in _chunks(conn, table, run_id)
    ]
    count = 0
    for table, lines, n in _results(conn, readers, tasks):
        content.add_lines(lines)
        if table == "findings":
            count += n
    if count != run["finding_count"]:
        raise _Diverged(
            Divergence(
                "findings",
                f"run_id={run_id}",
                f"the run recorded {run['finding_count']} findings, the log holds {count} "
                f"(rows {'deleted' if count < run['finding_count'] else 'added'})",
            )
        )
    _outcome_rows(conn, content, seq, outcome_id)
    return content.hexdigest()


def _waiver_content(conn: sqlite3.Connection, seq: int, waiver_id: int) -> str:
    content = ContentHash("waiver")
    row = next(_dicts(conn.execute("SELECT * FROM waivers WHERE id = ?", (waiver_id,))), None)
    if row is None:
        raise _Diverged(
            Divergence(
                "waivers",
                f"id={waiver_id}",
                f"missing (chain seq {seq} records it): deleted or renumbered",
            )
        )
    _check_row("waivers", row, content)
    return content.hexdigest()


def _actuals_content(
    conn: sqlite3.Connection, seq: int, batch: int, outcome_id: int | None = None
) -> str:
    content = ContentHash("actuals")
    rows = list(_dicts(conn.execute("SELECT * FROM actuals WHERE batch = ? ORDER BY id", (batch,))))
    if not rows:
        raise _Diverged(
            Divergence(
                "actuals",
                f"batch={batch}",
                f"missing (chain seq {seq} records this batch of figures): deleted or renumbered",
            )
        )
    for row in rows:
        _check_row("actuals", row, content)
    _outcome_rows(conn, content, seq, outcome_id)
    return content.hexdigest()


def _walk_chain(conn: sqlite3.Connection, readers: _Readers | None = None) -> tuple[int, str]:
    prev, expected = GENESIS, 1
    for entry in _dicts(conn.execute("SELECT * FROM chain ORDER BY seq")):
        seq = entry["seq"]
        where = f"seq={seq}"
        if seq != expected:
            raise _Diverged(
                Divergence(
                    "chain", where, f"expected seq {expected}: entries were deleted or renumbered"
                )
            )
        if entry["prev_hash"] != prev:
            raise _Diverged(
                Divergence(
                    "chain",
                    where,
                    f"prev_hash {_short(entry['prev_hash'])} does not "
                    f"match the entry before it ({_short(prev)}): entries were removed, "
                    "reordered or rewritten",
                )
            )
        kind = entry["kind"]
        actual_id = entry.get("actual_id")
        outcome_id = entry.get("outcome_id")
        outcome_ref = None if outcome_id is None else int(outcome_id)
        if (
            kind == "outcomes"
            and outcome_ref is not None
            and actual_id is None
            and (entry["run_id"] is None and entry["waiver_id"] is None)
        ):
            content = _outcomes_content(conn, seq, outcome_ref)
            what = "the track record computed by migration 5"
            stamp_sql = "SELECT applied_at FROM migrations WHERE version = ?"
            ref = OUTCOMES_SINCE
        elif outcome_ref is not None and kind not in ("run", "actuals"):
            raise _Diverged(
                Divergence(
                    "chain", where, f"malformed entry (kind {kind!r}, outcome_id {outcome_id})"
                )
            )
        elif kind == "actuals" and actual_id is not None and entry["run_id"] is None:
            content = _actuals_content(conn, seq, int(actual_id), outcome_ref)
            what = f"the figures of batch {actual_id}"
            stamp_sql = "SELECT created_at FROM actuals WHERE id = ?"
            ref = actual_id
        elif actual_id is not None:
            raise _Diverged(
                Divergence(
                    "chain", where, f"malformed entry (kind {kind!r}, actual_id {actual_id})"
                )
            )
        elif kind == "run" and entry["run_id"] is not None and entry["waiver_id"] is None:
            content = _run_content(conn, seq, int(entry["run_id"]), readers, outcome_ref)
            what = f"the rows of run {entry['run_id']}"
            stamp_sql = "SELECT finished_at FROM runs WHERE id = ?"
            ref = entry["run_id"]
        elif kind == "waiver" and entry["waiver_id"] is not None and entry["run_id"] is None:
            content = _waiver_content(conn, seq, int(entry["waiver_id"]))
            what = f"waiver {entry['waiver_id']}"
            stamp_sql = "SELECT created_at FROM waivers WHERE id = ?"
            ref = entry["waiver_id"]
        else:
            raise _Diverged(
                Divergence(
                    "chain",
                    where,
                    f"malformed entry (kind {kind!r}, run_id "
                    f"{entry['run_id']}, waiver_id {entry['waiver_id']})",
                )
            )
        stamp = conn.execute(stamp_sql, (ref,)).fetchone()
        if stamp is None or stamp[0] != entry["created_at"]:
            raise _Diverged(
                Divergence(
                    "chain",
                    where,
                    f"created_at {entry['created_at']!r} is not the "
                    f"time of {what.removeprefix('the rows of ')}: the entry was edited",
                )
            )
        if content != entry["content_hash"]:
            raise _Diverged(
                Divergence(
                    "chain",
                    where,
                    f"content hash does not match {what} (stored "
                    f"{_short(entry['content_hash'])}, rows hash to {_short(content)}): "
                    "rows were added, deleted, reordered or re-hashed",
                )
            )
        computed = entry_hash(prev, seq, content)
        if entry["entry_hash"] != computed:
            raise _Diverged(
                Divergence(
                    "chain",
                    where,
                    f"entry hash mismatch (stored "
                    f"{_short(entry['entry_hash'])}, computed {_short(computed)})",
                )
            )
        prev, expected = computed, expected + 1
    return expected - 1, prev


_ORPHANS: tuple[tuple[str, str, str], ...] = (
    (
        "runs",
        "id",
        "SELECT id FROM runs WHERE id NOT IN "
        "(SELECT run_id FROM chain WHERE kind = 'run' AND run_id IS NOT NULL) ORDER BY id LIMIT 1",
    ),
    (
        "run_records",
        "id",
        "SELECT id FROM run_records WHERE run_id NOT IN "
        "(SELECT run_id FROM chain WHERE kind = 'run' AND run_id IS NOT NULL) ORDER BY id LIMIT 1",
    ),
    (
        "records",
        "hash",
        "SELECT hash FROM records WHERE first_run_id NOT IN "
        "(SELECT run_id FROM chain WHERE kind = 'run' AND run_id IS NOT NULL) LIMIT 1",
    ),
    (
        "findings",
        "id",
        "SELECT id FROM findings WHERE run_id NOT IN "
        "(SELECT run_id FROM chain WHERE kind = 'run' AND run_id IS NOT NULL) ORDER BY id LIMIT 1",
    ),
    (
        "waivers",
        "id",
        "SELECT id FROM waivers WHERE id NOT IN "
        "(SELECT waiver_id FROM chain WHERE kind = 'waiver' AND waiver_id IS NOT NULL) "
        "ORDER BY id LIMIT 1",
    ),
)


# The tables whose rows belong to a run, and the column naming the run (indexed).
_RUN_COLUMN = {"run_records": "run_id", "records": "first_run_id", "findings": "run_id"}


def _run_ids(conn: sqlite3.Connection, table: str, column: str) -> Iterator[Any]:
    """The distinct non-NULL values of an indexed column, one index probe each (a log of
    1M findings in a few runs is not scanned row by row)."""
    sql = f"SELECT MIN({_ident(column)}) FROM {_ident(table)}"
    value = conn.execute(sql).fetchone()[0]
    while value is not None:
        yield value
        value = conn.execute(f"{sql} WHERE {_ident(column)} > ?", (value,)).fetchone()[0]


def _present(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The log tables this log's schema version has."""
    version = schema_version(conn)
    return tuple(t for t in LOG_TABLES if TABLE_SINCE.get(t, 1) <= version)


def _check_orphans(conn: sqlite3.Connection) -> None:
    chained = {
        r[0]
        for r in conn.execute("SELECT run_id FROM chain WHERE kind = 'run' AND run_id IS NOT NULL")
    }
    for table, pk, sql in _ORPHANS:
        column = _RUN_COLUMN.get(table)
        if column is not None and all(v in chained for v in _run_ids(conn, table, column)):
            continue  # every row's run has a chain entry
        row = conn.execute(sql).fetchone()
        if row is not None:
            raise _Diverged(
                Divergence(
                    table,
                    f"{pk}={row[0]}",
                    "not covered by any chain entry: the row "
                    "was inserted outside a run or renumbered",
                )
            )
    if "actuals" in _present(conn):
        row = conn.execute(
            "SELECT id FROM actuals WHERE batch NOT IN (SELECT actual_id FROM chain"
            " WHERE kind = 'actuals' AND actual_id IS NOT NULL) ORDER BY id LIMIT 1"
        ).fetchone()
        if row is not None:
            raise _Diverged(
                Divergence(
                    "actuals",
                    f"id={row[0]}",
                    "not covered by any chain entry: the figure was inserted outside "
                    "`decaudit actuals` or renumbered",
                )
            )
    if "outcomes" in _present(conn):
        row = conn.execute(
            "SELECT id FROM outcomes WHERE batch NOT IN (SELECT outcome_id FROM chain"
            " WHERE outcome_id IS NOT NULL) ORDER BY id LIMIT 1"
        ).fetchone()
        if row is not None:
            raise _Diverged(
                Divergence(
                    "outcomes",
                    f"id={row[0]}",
                    "not covered by any chain entry: the row was inserted outside a run or "
                    "`decaudit actuals`, or renumbered",
                )
            )
        dup = conn.execute(
            "SELECT outcome_id FROM chain WHERE outcome_id IS NOT NULL"
            " GROUP BY outcome_id HAVING COUNT(*) > 1 LIMIT 1"
        ).fetchone()
        if dup is not None:
            raise _Diverged(
                Divergence("chain", f"outcome_id={dup[0]}", "more than one chain entry covers it")
            )
    columns = ["run_id", "waiver_id"]
    if "actuals" in _present(conn):
        columns.append("actual_id")
    if "outcomes" in _present(conn):
        columns.append("outcome_id")
    refs = f"COALESCE({', '.join(columns)})"
    dup = conn.execute(
        f"SELECT kind, {refs} AS ref FROM chain GROUP BY kind, ref HAVING COUNT(*) > 1 LIMIT 1"
    ).fetchone()
    if dup is not None:
        raise _Diverged(
            Divergence("chain", f"{dup[0]}={dup[1]}", "more than one chain entry covers it")
        )


def _check_unchained(conn: sqlite3.Connection) -> None:
    for table in ("migrations", "checkpoints"):
        pk = PRIMARY_KEYS[table]
        for row in _dicts(conn.execute(f"SELECT * FROM [{table}] ORDER BY [{pk}]")):
            _check_row(table, row)


def _check_tables(conn: sqlite3.Connection) -> None:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in _present(conn):
        if table not in present:
            raise _Diverged(Divergence(table, "(schema)", "the table is missing (dropped)"))


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def verify_log(conn: sqlite3.Connection, *, deep: bool = False) -> VerifyResult:
    """Check the whole log (read-only). The result names the first divergence, if any.
    ``deep`` also checks the full-text index against the findings."""
    try:
        conn.execute("BEGIN")  # one consistent snapshot, even while writers append
    except sqlite3.Error as exc:
        raise LogError(f"cannot read the audit log: {exc}") from exc
    try:
        head_seq, head = 0, GENESIS
        divergence: Divergence | None = None
        try:
            _check_tables(conn)
            readers = _Readers(conn, min(4, os.cpu_count() or 1))
            try:
                head_seq, head = _walk_chain(conn, readers)
            finally:
                readers.close()
            _check_orphans(conn)
            _check_unchained(conn)
            check_triggers(conn, _present(conn))
            if deep:
                check_fts(conn)
        except _Diverged as exc:
            divergence = exc.div
        except sqlite3.OperationalError as exc:
            if "no such" not in str(exc):
                raise LogError(f"cannot read the audit log: {exc}") from exc
            divergence = Divergence("log", "(schema)", f"the schema was altered: {exc}")
        counts = [_count(conn, t) for t in ("runs", "findings", "waivers")]
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return VerifyResult(counts[0], counts[1], counts[2], head_seq, head, divergence)
