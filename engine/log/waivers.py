"""Waivers kept in the log: grants and revocations, each its own chain entry.

A grant accepts one rule's findings on one decision until ``expires`` (inclusive, UTC). A
revocation is a new row (``action = 'revoke'``, ``revokes`` = the grant's id): nothing is
ever updated. Each row gets a chain entry of kind ``waiver``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import LogError
from .hashing import ContentHash, row_hash
from .writer import append_chain_entry


@dataclass(frozen=True)
class LogWaiver:
    """A granted waiver, with its revocation if any."""

    id: int
    decision_id: str
    rule_id: str
    reason: str
    approver: str | None
    expires: dt.date
    created_at: str
    actor: str | None
    revoked_by: int | None = None  # id of the revocation row
    revoked_at: str | None = None
    revoke_reason: str | None = None

    def status(self, on: dt.date) -> str:
        """``live``, ``expired`` (after its inclusive expiry date) or ``revoked``."""
        if self.revoked_by is not None:
            return "revoked"
        return "live" if self.expires >= on else "expired"


_COLUMNS = (
    "id",
    "action",
    "revokes",
    "decision_id",
    "rule_id",
    "reason",
    "approver",
    "expires",
    "created_at",
    "actor",
)


def _append(conn: sqlite3.Connection, row: dict[str, Any]) -> int:
    """Insert one waivers row and its chain entry. Call inside BEGIN IMMEDIATE."""
    row["id"] = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM waivers").fetchone()[0])
    values = {c: row.get(c) for c in _COLUMNS}
    h = row_hash("waivers", values)
    conn.execute(
        f"INSERT INTO waivers ({', '.join(_COLUMNS)}, row_hash)"
        f" VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
        (*values.values(), h),
    )
    content = ContentHash("waiver")
    content.add("waivers", h)
    append_chain_entry(conn, "waiver", content.hexdigest(), row["created_at"], waiver_id=row["id"])
    return int(row["id"])


def grant(
    conn: sqlite3.Connection,
    *,
    decision_id: str,
    rule_id: str,
    reason: str,
    approver: str | None,
    expires: dt.date,
    created_at: str,
    actor: str,
    today: dt.date,
) -> int:
    """Append a waiver; returns its id. The expiry must not be in the past."""
    decision_id, rule_id, reason = decision_id.strip(), rule_id.strip(), reason.strip()
    if not decision_id:
        raise LogError("a waiver needs a decision id")
    if not rule_id:
        raise LogError("a waiver needs a rule id")
    if not reason:
        raise LogError("a waiver needs a reason (--reason)")
    if expires < today:
        raise LogError(
            f"--expires {expires.isoformat()} is in the past (today is {today.isoformat()} UTC)"
        )
    return _append(
        conn,
        {
            "action": "grant",
            "decision_id": decision_id,
            "rule_id": rule_id,
            "reason": reason,
            "approver": (approver or "").strip() or None,
            "expires": expires.isoformat(),
            "created_at": created_at,
            "actor": actor,
        },
    )


def revoke(
    conn: sqlite3.Connection,
    *,
    waiver_id: int,
    reason: str,
    approver: str | None,
    created_at: str,
    actor: str,
) -> int:
    """Append the revocation of grant ``waiver_id``; returns the revocation's id."""
    reason = reason.strip()
    if not reason:
        raise LogError("a revocation needs a reason (--reason)")
    row = conn.execute(
        "SELECT action, decision_id, rule_id FROM waivers WHERE id = ?", (waiver_id,)
    ).fetchone()
    if row is None:
        raise LogError(f"no waiver {waiver_id} in the log (see `decaudit waive --list`)")
    if row[0] != "grant":
        raise LogError(f"waiver {waiver_id} is itself a revocation")
    done = conn.execute(
        "SELECT id FROM waivers WHERE action = 'revoke' AND revokes = ?", (waiver_id,)
    ).fetchone()
    if done is not None:
        raise LogError(f"waiver {waiver_id} was already revoked (by {done[0]})")
    return _append(
        conn,
        {
            "action": "revoke",
            "revokes": waiver_id,
            "decision_id": row[1],
            "rule_id": row[2],
            "reason": reason,
            "approver": (approver or "").strip() or None,
            "created_at": created_at,
            "actor": actor,
        },
    )


_GRANTS = """
SELECT g.id, g.decision_id, g.rule_id, g.reason, g.approver, g.expires, g.created_at,
       g.actor, r.id, r.created_at, r.reason
FROM waivers g
LEFT JOIN waivers r ON r.action = 'revoke' AND r.revokes = g.id
WHERE g.action = 'grant' {where}
GROUP BY g.id
ORDER BY g.id
"""


def list_waivers(conn: sqlite3.Connection) -> list[LogWaiver]:
    """Every grant, oldest first, with its revocation if any."""
    return _waivers(conn.execute(_GRANTS.format(where="")).fetchall())


def waivers_of(conn: sqlite3.Connection, decision_id: str) -> list[LogWaiver]:
    """The grants of one decision, oldest first, with their revocations (indexed)."""
    rows = conn.execute(_GRANTS.format(where="AND g.decision_id = ?"), (decision_id,))
    return _waivers(rows.fetchall())


def _waivers(rows: list[Any]) -> list[LogWaiver]:
    out = []
    for r in rows:
        try:
            expires = dt.date.fromisoformat(r[5])
        except (TypeError, ValueError) as exc:
            raise LogError(f"waiver {r[0]} has an invalid expiry {r[5]!r}") from exc
        out.append(LogWaiver(r[0], r[1], r[2], r[3], r[4], expires, r[6], r[7], r[8], r[9], r[10]))
    return out
