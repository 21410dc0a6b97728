"""``verify``: recompute every row hash and chain link; report the first divergence.

The walk follows the chain in ``seq`` order. For each entry it re-reads the rows the entry
covers (a run: its ``runs`` row, ``run_records``, the ``records`` it added and its
``findings``; a waiver: its ``waivers`` row), recomputes each row hash, the content hash and
the entry hash, and checks the link to the previous entry. Then it looks for rows no entry
covers, checks the unchained tables (``migrations``, ``checkpoints``) row by row, and checks
that the append-only triggers are still in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import LogError
from .hashing import GENESIS, KEY_COLUMNS, ContentHash, entry_hash, row_hash, sha256_hex
from .schema import LOG_TABLES, PRIMARY_KEYS, trigger_names

if TYPE_CHECKING:  # the process pool is imported only when a large run needs it
    from concurrent.futures import Future, ProcessPoolExecutor


@dataclass(frozen=True)
class Divergence:
    """Where the log stops matching its hashes: table, row, and what differs."""

    table: str
    row: str
    detail: str

    def __str__(self) -> str:
        return f"{self.table} {self.row}: {self.detail}"


@dataclass(frozen=True)
class VerifyResult:
    runs: int
    findings: int
    waivers: int
    head_seq: int
    head_hash: str
    divergence: Divergence | None = None

    @property
    def ok(self) -> bool:
        return self.divergence is None


class _Diverged(Exception):
    def __init__(self, div: Divergence) -> None:
        super().__init__(str(div))
        self.div = div

    def __reduce__(self) -> tuple[type[_Diverged], tuple[Divergence]]:
        return (_Diverged, (self.div,))  # raised in a worker process, re-raised here


def _short(h: str | None) -> str:
    return (h or "NULL")[:12]


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(1000):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def _check_row(
    table: str, row: dict[str, Any], content: ContentHash | _Lines | None = None
) -> None:
    pk = PRIMARY_KEYS[table]
    computed = row_hash(table, row)
    if row.get("row_hash") != computed:
        raise _Diverged(
            Divergence(
                table,
                f"{pk}={row[pk]}",
                f"row hash mismatch: the row was edited (stored {_short(row.get('row_hash'))}, "
                f"content hashes to {_short(computed)})",
            )
        )
    if table == "records" and sha256_hex(str(row["canonical"])) != row["hash"]:
        raise _Diverged(
            Divergence(table, f"hash={row['hash']}", "the snapshot does not match its hash")
        )
    if content is not None:
        content.add(table, computed)


# -- the bulk tables ----------------------------------------------------------------------
# run_records, records and findings hold almost every row of a large log. For them SQLite
# writes each row's body as one JSON object (``json_object`` over the columns in sorted
# order) and its key prefix, Python drops the NULL members and hashes. The fast path is an
# accelerator, never the authority: a row whose hash does not match is re-read and
# re-hashed by ``row_hash``, the reference algorithm, which alone decides whether the row
# was edited (so a column SQLite would write differently from Python's ``json`` can only
# cost time, never a wrong verdict).

# A member whose value is JSON null. ``,"`` never occurs inside a JSON string (its quote
# would be escaped), so this only matches the object's own members.
_NULL_MEMBER = re.compile(r',"[^"\\]*":null(?=,|$)')


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bulk_select(conn: sqlite3.Connection, table: str) -> tuple[str, tuple[str, ...]]:
    """``SELECT rowid, <key prefix>, <body JSON with nulls>, row_hash[, hash, canonical],
    <NULL mask>`` and the body columns, over the table's actual columns (a dropped or added
    column changes the body, exactly as it does for ``row_hash``)."""
    columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({_ident(table)})")]
    keys = KEY_COLUMNS[table]
    key_parts = [
        f"COALESCE(CAST({_ident(k)} AS TEXT), 'None')" if k in columns else "'None'" for k in keys
    ]
    key_expr = " || char(31) || ".join([_literal(table), *key_parts, "''"])
    body_cols = sorted(c for c in columns if c != "row_hash" and c not in keys)
    body_expr = "json_object(" + ", ".join(f"{_literal(c)}, {_ident(c)}" for c in body_cols) + ")"
    stored = _ident("row_hash") if "row_hash" in columns else "NULL"
    extra = ", hash, canonical" if table == "records" else ""
    # last: which body columns are NULL, one bit each (see _NullMembers)
    mask = " | ".join(
        f"(({_ident(c)} IS NULL) << {i})" for i, c in enumerate(body_cols[:_MASK_BITS])
    )
    return (
        f"SELECT rowid, {key_expr}, {body_expr}, {stored}{extra}, {mask or 0} FROM {_ident(table)}"
    ), tuple(body_cols)


_MASK_BITS = 62


class _NullMembers:
    """Drops the members of the NULL columns from ``json_object``'s output, knowing which
    they are from the row's NULL mask: each run of adjacent NULL columns is one literal
    ``,"a":null,"b":null`` removed with ``str.replace`` (such text never occurs inside a
    JSON string, whose quotes are escaped), which is much cheaper than a regex per row."""

    def __init__(self, body_cols: tuple[str, ...]) -> None:
        self._cols = body_cols
        self._runs: dict[int, tuple[str, ...]] = {}

    def _literals(self, mask: int) -> tuple[str, ...]:
        runs: list[str] = []
        current = ""
        for i, col in enumerate(self._cols):
            if mask >> i & 1:
                current += "," + json.dumps(col, ensure_ascii=False) + ":null"
            elif current:
                runs.append(current)
                current = ""
        if current:
            runs.append(current)
        return tuple(runs)

    def strip(self, obj: str, mask: int) -> str:
        if not mask:
            return obj
        if len(self._cols) > _MASK_BITS:
            return _without_nulls(obj)
        runs = self._runs.get(mask)
        if runs is None:
            runs = self._runs[mask] = self._literals(mask)
        inner = "," + obj[1:-1]
        for run in runs:
            inner = inner.replace(run, "", 1)
        return "{" + inner[1:] + "}"


def _without_nulls(obj: str) -> str:
    """``{"a":null,"b":1}`` -> ``{"b":1}``: the canonical JSON of the non-NULL columns."""
    if ":null" not in obj:
        return obj
    return "{" + _NULL_MEMBER.sub("", "," + obj[1:-1])[1:] + "}"


class _Lines:
    """Collects ``"<table>:<row_hash>\n"`` lines, to be fed to a content hash in order."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, table: str, row_hash_hex: str) -> None:
        self.lines.append(f"{table}:{row_hash_hex}\n")


def _bulk_rows(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> tuple[list[str], int]:
    """Check the rows of ``table`` selected by ``where`` (with its ORDER BY); returns their
    content lines in that order and how many rows there were."""
    try:
        select, body_cols = _bulk_select(conn, table)
        cur = conn.execute(f"{select} {where}", params)
    except sqlite3.OperationalError as exc:
        if "no such" in str(exc):
            raise
        return _slow_rows(conn, table, where, params)  # e.g. a BLOB in a column
    sha = hashlib.sha256
    strip = _NullMembers(body_cols).strip
    records = table == "records"
    lines: list[str] = []
    order: list[tuple[tuple[int, Any], int]] = []  # records: (hash sort key, line index)
    while True:
        try:
            batch = cur.fetchmany(2000)
        except sqlite3.OperationalError as exc:
            if "no such" in str(exc) or lines:
                raise
            return _slow_rows(conn, table, where, params)
        if not batch:
            if records:
                order.sort()
                lines = [lines[i] for _, i in order]
            return lines, len(lines)
        if records:
            order.extend((_sqlite_order(row[4]), len(lines) + i) for i, row in enumerate(batch))
        for row in batch:
            body = sha(strip(row[2], row[-1]).encode()).hexdigest()
            h = sha((row[1] + body).encode()).hexdigest()
            if h != row[3] or (records and sha(row[5].encode()).hexdigest() != row[4]):
                # not the stored hash by the fast path: the reference algorithm decides
                full = next(
                    _dicts(
                        conn.execute(f"SELECT * FROM {_ident(table)} WHERE rowid = ?", (row[0],))
                    )
                )
                _check_row(table, full)
                h = row_hash(table, full)
            lines.append(f"{table}:{h}\n")


def _sqlite_order(value: Any) -> tuple[int, Any]:
    """A sort key that orders values as SQLite's ORDER BY does (BINARY collation: NULL,
    numbers, text by its UTF-8 bytes, i.e. by code point, then blobs)."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, bytes(value))


def _slow_rows(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> tuple[list[str], int]:
    sink = _Lines()
    if table == "records":
        where += " ORDER BY hash"
    for row in _dicts(conn.execute(f"SELECT * FROM {_ident(table)} {where}", params)):
        _check_row(table, row, sink)
    return sink.lines, len(sink.lines)


# -- hashing a large run on several cores ---------------------------------------------------
# A large run's rows are cut into chunks of ids, hashed by worker processes (threads do not
# help: SQLite's global memory mutex serializes them) and fed to the content hash in order.
# A committed run's rows never change, so a worker's own connection reads the same rows as
# the verifying transaction's snapshot. Small logs never start a worker.

_CHUNK_ROWS = 20_000
_Task = tuple[str, str, tuple[Any, ...]]  # table, WHERE ... ORDER BY, parameters


def _chunks(conn: sqlite3.Connection, table: str, run_id: int) -> list[_Task]:
    """The rows of one run in ``table`` as tasks in content order, ~_CHUNK_ROWS each."""
    if table == "records":
        # sorted by hash in Python (``_bulk_rows``): SQLite would sort the whole rows
        return [(table, "WHERE first_run_id = ?", (run_id,))]
    t = _ident(table)
    first = conn.execute(f"SELECT MIN(id) FROM {t} WHERE run_id = ?", (run_id,)).fetchone()[0]
    if first is None:
        return [(table, "WHERE run_id = ? ORDER BY id", (run_id,))]
    tasks: list[_Task] = []
    start = first
    while True:
        nxt = conn.execute(
            f"SELECT id FROM {t} WHERE run_id = ? AND id >= ? ORDER BY id LIMIT 1 OFFSET ?",
            (run_id, start, _CHUNK_ROWS),
        ).fetchone()
        if nxt is None:
            tasks.append((table, "WHERE run_id = ? AND id >= ? ORDER BY id", (run_id, start)))
            return tasks
        tasks.append(
            (table, "WHERE run_id = ? AND id >= ? AND id < ? ORDER BY id", (run_id, start, nxt[0]))
        )
        start = nxt[0]


_WORKER: dict[str, sqlite3.Connection] = {}


def _worker_open(path: str) -> None:
    conn = sqlite3.connect(path, timeout=60)
    conn.execute("PRAGMA query_only = ON")
    _WORKER["conn"] = conn


def _worker_run(task: _Task) -> tuple[list[str], int]:
    return _bulk_rows(_WORKER["conn"], *task)


class _Readers:
    """Worker processes, started on the first run large enough to split, each with its own
    read-only connection to the log file."""

    def __init__(self, conn: sqlite3.Connection, workers: int) -> None:
        rows = conn.execute("PRAGMA database_list").fetchall()
        self._path = next((str(r[2]) for r in rows if r[1] == "main"), "")
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._failed = workers < 2 or not self._path
        self.usable = True  # False once a worker process failed

    @property
    def pool(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._failed:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            try:
                self._pool = ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_open,
                    initargs=(self._path,),
                )
            except (OSError, ValueError):
                self._failed = True
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _results(
    conn: sqlite3.Connection, readers: _Readers | None, tasks: list[_Task]
) -> Iterator[tuple[str, list[str], int]]:
    """Each task's (table, lines, count), in task order; in worker processes when the run
    is large. A worker that cannot run (say, the file cannot be opened twice) only costs
    time: its task is done here instead."""
    # one task per table: nothing was split, the run is small
    pool = None if readers is None or len(tasks) <= 3 else readers.pool
    if pool is None:
        for task in tasks:
            yield (task[0], *_bulk_rows(conn, *task))
        return
    from concurrent.futures import BrokenExecutor

    window: deque[tuple[_Task, Future[tuple[list[str], int]] | None]] = deque()
    try:
        for task in tasks:
            fut = None
            if pool is not None and readers is not None and readers.usable:
                try:
                    fut = pool.submit(_worker_run, task)
                except (BrokenExecutor, RuntimeError, OSError):
                    readers.usable = False
            window.append((task, fut))
            if len(window) > 4:  # a few chunks ahead: memory stays bounded
                yield _take(conn, readers, *window.popleft())
        while window:
            yield _take(conn, readers, *window.popleft())
    finally:
        for _, fut in window:
            if fut is not None:
                fut.cancel()


def _take(
    conn: sqlite3.Connection,
    readers: _Readers | None,
    task: _Task,
    fut: Future[tuple[list[str], int]] | None,
) -> tuple[str, list[str], int]:
    if fut is not None and readers is not None:
        from concurrent.futures import BrokenExecutor

        try:
            return (task[0], *fut.result())
        except BrokenExecutor:
            readers.usable = False
    return (task[0], *_bulk_rows(conn, *task))


def _run_content(
    conn: sqlite3.Connection, seq: int, run_id: int, readers: _Readers | None = None
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
        if kind == "run" and entry["run_id"] is not None and entry["waiver_id"] is None:
            content = _run_content(conn, seq, int(entry["run_id"]), readers)
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
    dup = conn.execute(
        "SELECT kind, COALESCE(run_id, waiver_id) AS ref FROM chain "
        "GROUP BY kind, ref HAVING COUNT(*) > 1 LIMIT 1"
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


def _check_triggers(conn: sqlite3.Connection) -> None:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in LOG_TABLES:
        for name in trigger_names(table):
            if name not in present:
                raise _Diverged(
                    Divergence(
                        table,
                        "(schema)",
                        f"append-only trigger {name} is missing: the log can be edited",
                    )
                )


def _check_tables(conn: sqlite3.Connection) -> None:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in LOG_TABLES:
        if table not in present:
            raise _Diverged(Divergence(table, "(schema)", "the table is missing (dropped)"))


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def verify_log(conn: sqlite3.Connection) -> VerifyResult:
    """Check the whole log (read-only). The result names the first divergence, if any."""
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
            _check_triggers(conn)
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
