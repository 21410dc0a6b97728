"""``verify``'s schema checks: the append-only triggers as written, and (``--deep``) the
full-text index against the findings it indexes.

A trigger is compared by its SQL text (whitespace-insensitive), not only by its name: a
no-op trigger under the same name, or an extra trigger on a log table, is a divergence.
The full-text index (``findings_fts``, external content) is not part of the hash chain; an
emptied or edited index would make ``findings --search`` miss rows while the chain still
verifies, so ``--deep`` checks that every finding is indexed under its own message.
"""

from __future__ import annotations

import re
import sqlite3

from .schema import FTS_TABLE, LOG_TABLES, expected_triggers
from .verify_rows import Divergence, _Diverged


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").replace("[", "").replace("]", "").replace('"', "").split())


def check_triggers(conn: sqlite3.Connection, tables: tuple[str, ...] = LOG_TABLES) -> None:
    """Every append-only trigger of ``tables`` (those this log's schema version has) present
    with its expected SQL; no other trigger on a log table."""
    rows = conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    present = {name: (table, sql) for name, table, sql in rows}
    for name, (table, sql) in expected_triggers().items():
        if table not in tables:
            continue
        if name not in present:
            raise _Diverged(
                Divergence(
                    table,
                    "(schema)",
                    f"append-only trigger {name} is missing: the log can be edited",
                )
            )
        if _norm(present[name][1]) != _norm(sql):
            raise _Diverged(
                Divergence(
                    table,
                    "(schema)",
                    f"append-only trigger {name} was altered: its SQL is not the expected text",
                )
            )
    expected = expected_triggers()
    for name, (table, _sql) in sorted(present.items()):
        if name not in expected and table in LOG_TABLES:
            raise _Diverged(
                Divergence(table, "(schema)", f"unexpected trigger {name} on the table")
            )


_WORD = re.compile(r"[^\W_]+")
PHRASE_WORDS = 6


def check_fts(conn: sqlite3.Connection) -> None:
    """Every finding is in the full-text index, found by the words of its own message."""
    try:
        indexed = {r[0] for r in conn.execute(f"SELECT id FROM [{FTS_TABLE}_docsize]")}
    except sqlite3.OperationalError:
        raise _Diverged(
            Divergence(FTS_TABLE, "(schema)", "the full-text index is missing")
        ) from None
    cursor = conn.execute("SELECT id, message FROM findings ORDER BY id")
    missing = 0
    first: int | None = None
    ids: set[int] = set()
    for fid, message in cursor:
        ids.add(fid)
        if fid not in indexed:
            missing += 1
            first = fid if first is None else first
            continue
        words = _WORD.findall(message or "")[:PHRASE_WORDS]
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        hit = conn.execute(
            f"SELECT 1 FROM [{FTS_TABLE}] WHERE [{FTS_TABLE}] MATCH ? AND rowid = ?", (phrase, fid)
        ).fetchone()
        if hit is None:
            raise _Diverged(
                Divergence(
                    FTS_TABLE,
                    f"id={fid}",
                    "the full-text index does not hold this finding's message",
                )
            )
    if missing:
        raise _Diverged(
            Divergence(
                FTS_TABLE,
                f"id={first}",
                f"{missing} finding(s) missing from the full-text index (first id={first})",
            )
        )
    extra = indexed - ids
    if extra:
        raise _Diverged(
            Divergence(
                FTS_TABLE, f"id={min(extra)}", f"{len(extra)} index entr(ies) for no finding"
            )
        )
