"""The log's schema, created and upgraded by versioned, additive migrations.

Each migration runs inside the caller's ``BEGIN IMMEDIATE`` transaction and records itself in
``migrations``. Tables are created with sqlite-utils (``strict=True``); the append-only
triggers are plain SQL, which sqlite-utils cannot express. Never call ``transform()`` on these
tables: it rebuilds the table and drops its triggers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .hashing import row_hash

if TYPE_CHECKING:
    import sqlite_utils

# table -> primary key column. Every one is STRICT, insert-only and guarded by triggers.
PRIMARY_KEYS: dict[str, str] = {
    "migrations": "version",
    "runs": "id",
    "records": "hash",
    "run_records": "id",
    "findings": "id",
    "waivers": "id",
    "chain": "seq",
    "checkpoints": "id",
    "actuals": "id",
    "outcomes": "id",
}
# Tables added by a later migration: a log below that version has no such table yet.
TABLE_SINCE: dict[str, int] = {"actuals": 4, "outcomes": 5}
LOG_TABLES: tuple[str, ...] = tuple(PRIMARY_KEYS)
# Tables whose rows carry a ``row_hash`` column (the chain is hashed by its entry_hash).
HASHED_TABLES: tuple[str, ...] = tuple(t for t in LOG_TABLES if t != "chain")
FTS_TABLE = "findings_fts"  # FTS5 index on findings.message; virtual, so neither STRICT nor guarded

# The columns of each data table, in table order, without ``row_hash`` (the writer inserts
# them; the read side selects them; the query commands' JSON and CSV list them).
RUN_RECORD_COLUMNS = ("id", "run_id", "record_hash", "decision_id", "file", "line", "format")
RECORD_COLUMNS = (
    "hash",
    "decision_id",
    "title",
    "project_type",
    "status",
    "decision_date",
    "canonical",
    "first_run_id",
)
FINDING_COLUMNS = (
    "id",
    "run_id",
    "decision_id",
    "record_hash",
    "rule_id",
    "rule_name",
    "rule_digest",
    "family",
    "severity",
    "message",
    "evidence",
    "path",
    "file",
    "line",
    "fingerprint",
    "waived",
    "waiver_id",
    "waiver_source",
    "waiver_reason",
    "waiver_approver",
    "waiver_expires",
    "expired_waiver_until",
)
ACTUAL_COLUMNS = (
    "id",
    "batch",
    "decision_id",
    "item_kind",
    "item_id",
    "value",
    "as_of",
    "source",
    "created_at",
    "actor",
)
RUN_COLUMNS = (
    "id",
    "started_at",
    "finished_at",
    "tool_version",
    "ruleset_digest",
    "config_digest",
    "input_digest",
    "command",
    "actor",
    "ci",
    "exit_status",
    "record_count",
    "finding_count",
    "error_count",
    "errors",
)


def trigger_names(table: str) -> tuple[str, str, str]:
    return (f"{table}_no_update", f"{table}_no_delete", f"{table}_no_replace")


def _append_only_sql(table: str) -> str:
    pk = PRIMARY_KEYS[table]
    upd, dele, rep = trigger_names(table)
    msg = f"decaudit audit log is append-only: {{}} on {table} refused"
    return f"""
CREATE TRIGGER [{upd}] BEFORE UPDATE ON [{table}]
BEGIN SELECT RAISE(ABORT, '{msg.format("UPDATE")}'); END;
CREATE TRIGGER [{dele}] BEFORE DELETE ON [{table}]
BEGIN SELECT RAISE(ABORT, '{msg.format("DELETE")}'); END;
CREATE TRIGGER [{rep}] BEFORE INSERT ON [{table}]
WHEN EXISTS (SELECT 1 FROM [{table}] WHERE [{pk}] = NEW.[{pk}])
BEGIN SELECT RAISE(ABORT, '{msg.format("overwriting INSERT")}'); END;
"""


def expected_triggers() -> dict[str, tuple[str, str]]:
    """Every append-only trigger: name -> (table, its CREATE TRIGGER text), as created."""
    out: dict[str, tuple[str, str]] = {}
    for table in LOG_TABLES:
        statements = [s.strip() for s in _append_only_sql(table).split("END;") if s.strip()]
        for name, sql in zip(trigger_names(table), statements, strict=True):
            out[name] = (table, sql + " END")
    return out


def _create(
    db: sqlite_utils.Database,
    name: str,
    columns: dict[str, type],
    not_null: set[str],
    fks: list[tuple[str, str, str]] | None = None,
) -> None:
    db.create_table(
        name,
        columns,
        pk=PRIMARY_KEYS[name],
        not_null=not_null,
        foreign_keys=fks or [],
        strict=True,
    )
    db.executescript(_append_only_sql(name))


def _migration_1(db: sqlite_utils.Database) -> None:
    """The initial schema: the eight tables, their triggers, and the run_id indexes."""
    s, i = str, int
    _create(
        db,
        "migrations",
        {"version": i, "name": s, "applied_at": s, "row_hash": s},
        {"name", "applied_at", "row_hash"},
    )
    _create(
        db,
        "runs",
        {
            "id": i,
            "started_at": s,
            "finished_at": s,
            "tool_version": s,
            "ruleset_digest": s,
            "config_digest": s,
            "input_digest": s,
            "command": s,
            "actor": s,
            "ci": s,
            "exit_status": i,
            "record_count": i,
            "finding_count": i,
            "error_count": i,
            "errors": s,
            "row_hash": s,
        },
        {"started_at", "finished_at", "exit_status", "record_count", "finding_count", "row_hash"},
    )
    _create(
        db,
        "records",
        {
            "hash": s,
            "decision_id": s,
            "title": s,
            "project_type": s,
            "status": s,
            "decision_date": s,
            "canonical": s,
            "first_run_id": i,
            "row_hash": s,
        },
        {"decision_id", "canonical", "first_run_id", "row_hash"},
        [("first_run_id", "runs", "id")],
    )
    _create(
        db,
        "run_records",
        {
            "id": i,
            "run_id": i,
            "record_hash": s,
            "decision_id": s,
            "file": s,
            "line": i,
            "format": s,
            "row_hash": s,
        },
        {"run_id", "record_hash", "decision_id", "row_hash"},
        [("run_id", "runs", "id"), ("record_hash", "records", "hash")],
    )
    _create(
        db,
        "waivers",
        {
            "id": i,
            "action": s,
            "revokes": i,
            "decision_id": s,
            "rule_id": s,
            "reason": s,
            "approver": s,
            "expires": s,
            "created_at": s,
            "actor": s,
            "row_hash": s,
        },
        {"action", "decision_id", "rule_id", "reason", "created_at", "row_hash"},
    )
    _create(
        db,
        "findings",
        {
            "id": i,
            "run_id": i,
            "decision_id": s,
            "record_hash": s,
            "rule_id": s,
            "rule_name": s,
            "rule_digest": s,
            "family": s,
            "severity": s,
            "message": s,
            "evidence": s,
            "path": s,
            "file": s,
            "line": i,
            "fingerprint": s,
            "waived": i,
            "waiver_id": i,
            "waiver_source": s,
            "waiver_reason": s,
            "waiver_approver": s,
            "waiver_expires": s,
            "expired_waiver_until": s,
            "row_hash": s,
        },
        {
            "run_id",
            "decision_id",
            "rule_id",
            "severity",
            "message",
            "fingerprint",
            "waived",
            "row_hash",
        },
        [
            ("run_id", "runs", "id"),
            ("record_hash", "records", "hash"),
            ("waiver_id", "waivers", "id"),
        ],
    )
    _create(
        db,
        "chain",
        {
            "seq": i,
            "kind": s,
            "run_id": i,
            "waiver_id": i,
            "prev_hash": s,
            "content_hash": s,
            "entry_hash": s,
            "created_at": s,
        },
        {"kind", "prev_hash", "content_hash", "entry_hash", "created_at"},
        [("run_id", "runs", "id"), ("waiver_id", "waivers", "id")],
    )
    _create(
        db,
        "checkpoints",
        {
            "id": i,
            "seq": i,
            "head_hash": s,
            "created_at": s,
            "signature": s,
            "actor": s,
            "row_hash": s,
        },
        {"seq", "head_hash", "created_at", "signature", "row_hash"},
    )
    db.executescript("""
CREATE INDEX idx_findings_run ON findings (run_id);
CREATE INDEX idx_run_records_run ON run_records (run_id);
CREATE INDEX idx_records_first_run ON records (first_run_id);
CREATE INDEX idx_chain_run ON chain (run_id);
""")


def _migration_2(db: sqlite_utils.Database) -> None:
    """Query indexes, and full-text search on findings.message (for the CLI and Datasette)."""
    db.executescript("""
CREATE INDEX idx_findings_decision ON findings (decision_id);
CREATE INDEX idx_findings_rule ON findings (rule_id);
CREATE INDEX idx_findings_fingerprint ON findings (fingerprint);
CREATE INDEX idx_run_records_decision ON run_records (decision_id);
CREATE INDEX idx_waivers_target ON waivers (decision_id, rule_id);
CREATE INDEX idx_waivers_revokes ON waivers (revokes);
""")
    # External-content FTS5 table (sqlite-utils fills it with the existing rows). The run
    # writer indexes each run's findings in bulk inside the run's transaction, which is far
    # cheaper than a trigger per row.
    db.table("findings").enable_fts(["message"], fts_version="FTS5", create_triggers=False)


def _migration_3(db: sqlite_utils.Database) -> None:
    """Indexes that serve the case-insensitive rule filter of ``decaudit findings`` as written:
    ``rule_id COLLATE NOCASE IN (...) OR rule_name COLLATE NOCASE IN (...)`` cannot use an
    index built with the default BINARY collation, so it scanned every finding."""
    db.execute("CREATE INDEX idx_findings_rule_nocase ON findings (rule_id COLLATE NOCASE)")
    db.execute("CREATE INDEX idx_findings_rule_name_nocase ON findings (rule_name COLLATE NOCASE)")


def _migration_4(db: sqlite_utils.Database) -> None:
    """Actual figures measured after approval (``decaudit actuals``): append-only rows, each
    batch covered by one chain entry of kind ``actuals`` (``chain.actual_id`` names the batch,
    the id of its first row)."""
    s = str
    _create(
        db,
        "actuals",
        {
            "id": int,
            "batch": int,
            "decision_id": s,
            "item_kind": s,
            "item_id": s,
            "value": float,
            "as_of": s,
            "source": s,
            "created_at": s,
            "actor": s,
            "row_hash": s,
        },
        {
            "batch",
            "decision_id",
            "item_kind",
            "item_id",
            "value",
            "as_of",
            "created_at",
            "row_hash",
        },
    )
    db.execute("ALTER TABLE chain ADD COLUMN actual_id INTEGER")
    db.execute("CREATE INDEX idx_actuals_decision ON actuals (decision_id, item_kind, item_id)")
    db.execute("CREATE INDEX idx_actuals_batch ON actuals (batch)")


def _migration_5(db: sqlite_utils.Database) -> None:
    """The track record kept per decision (:mod:`.outcomes`): append-only rows written when a
    decision's measured outcome changes, each batch covered by the chain entry of the run or
    batch of figures that wrote it (``chain.outcome_id``). The history already logged is
    computed once, under a chain entry of kind ``outcomes`` (see :func:`_fill_outcomes`)."""
    s, f = str, float
    _create(
        db,
        "outcomes",
        {
            "id": int,
            "batch": int,
            "decision_id": s,
            "project_type": s,
            "benefit_type": s,
            "projected": f,
            "realized": f,
            "ratio": f,
            "row_hash": s,
        },
        {"batch", "decision_id", "row_hash"},
    )
    db.execute("ALTER TABLE chain ADD COLUMN outcome_id INTEGER")
    db.execute("CREATE INDEX idx_outcomes_decision ON outcomes (decision_id, batch)")
    db.execute("CREATE INDEX idx_outcomes_type ON outcomes (project_type, benefit_type)")
    db.execute("CREATE INDEX idx_outcomes_batch ON outcomes (batch)")


def _migration_6(db: sqlite_utils.Database) -> None:
    """``findings(rule_id)`` dropped: ``--rule`` uses the two NOCASE indexes of migration 3,
    and each run paid for this one on every finding (no row is changed)."""
    db.execute("DROP INDEX IF EXISTS idx_findings_rule")


def _fill_outcomes(conn: sqlite3.Connection, applied_at: str) -> None:
    from .outcomes import backfill

    backfill(conn, applied_at)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]
    # run after ``apply`` with the time the migration is applied (rows a chain entry covers)
    fill: Callable[[sqlite3.Connection, str], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _migration_1),
    Migration(2, "query indexes and full-text search on finding messages", _migration_2),
    Migration(3, "case-insensitive indexes on rule id and rule name", _migration_3),
    Migration(4, "actual figures recorded after approval", _migration_4),
    Migration(5, "the track record kept per decision", _migration_5, _fill_outcomes),
    Migration(6, "no binary index on finding rule ids (--rule uses the NOCASE ones)", _migration_6),
)
# A pending migration that computes from the history (one with a ``fill``) is announced on
# stderr when the log holds at least this many audited records: it runs once, but a big
# history takes a while (about a second per 100,000 audited records).
BIG_HISTORY = 20_000
OUTCOMES_SINCE = 5  # the migration whose chain entry (kind ``outcomes``) covers the backfill
CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """0 for a database without the log, else the highest applied migration."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not has:
        return 0
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)


def history_to_fill(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> int:
    """The number of audited records a pending migration up to ``target`` will read to fill
    its table from the history (0 when none will)."""
    current = schema_version(conn)
    if current == 0 or not any(
        m.fill is not None and current < m.version <= target for m in MIGRATIONS
    ):
        return 0
    row = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM run_records").fetchone()
    return int(row[0] or 0)


def apply_migrations(
    conn: sqlite3.Connection, applied_at: str, target: int = CURRENT_VERSION
) -> list[int]:
    """Apply the pending migrations up to ``target``. Call inside BEGIN IMMEDIATE."""
    import sqlite_utils  # only needed to create or upgrade the schema

    db = sqlite_utils.Database(conn)
    done: list[int] = []
    current = schema_version(conn)
    for mig in MIGRATIONS:
        if mig.version <= current or mig.version > target:
            continue
        mig.apply(db)
        if mig.fill is not None:
            mig.fill(conn, applied_at)
        row = {"version": mig.version, "name": mig.name, "applied_at": applied_at}
        conn.execute(
            "INSERT INTO migrations (version, name, applied_at, row_hash) VALUES (?, ?, ?, ?)",
            (mig.version, mig.name, applied_at, row_hash("migrations", row)),
        )
        done.append(mig.version)
    return done
