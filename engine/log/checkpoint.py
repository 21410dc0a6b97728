"""Signed checkpoints: (seq, head hash, time) under HMAC-SHA256 with ``DECAUDIT_LOG_KEY``.

The key never enters the database. A checkpoint kept outside the log lets ``verify`` detect
what the chain alone cannot: a cut-off tail and a consistent rewrite of the whole log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LogError
from .hashing import GENESIS, canonical_json, row_hash
from .verify import Divergence

KEY_ENV = "DECAUDIT_LOG_KEY"
FORMAT = "decaudit-checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    head_hash: str
    created_at: str
    signature: str

    def to_json(self) -> str:
        body = {
            "format": FORMAT,
            "version": 1,
            "algorithm": "HMAC-SHA256",
            "seq": self.seq,
            "head_hash": self.head_hash,
            "created_at": self.created_at,
            "signature": self.signature,
        }
        return json.dumps(body, indent=2) + "\n"


def log_key(environ: Mapping[str, str] | None = None) -> bytes:
    """The HMAC key from ``DECAUDIT_LOG_KEY``; a clear error when it is not set."""
    env = os.environ if environ is None else environ
    key = env.get(KEY_ENV, "")
    if not key:
        raise LogError(
            f"{KEY_ENV} is not set: checkpoints are signed with a secret key kept outside "
            "the log (set it, e.g. from your CI secret store)"
        )
    return key.encode("utf-8")


def sign(key: bytes, seq: int, head_hash: str, created_at: str) -> str:
    msg = canonical_json({"created_at": created_at, "head_hash": head_hash, "seq": seq})
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()


def create_checkpoint(
    conn: sqlite3.Connection, key: bytes, created_at: str, actor: str
) -> Checkpoint:
    """Sign the current head and note the checkpoint in the ``checkpoints`` table.
    Call inside BEGIN IMMEDIATE (the head must not move in between)."""
    tail = conn.execute("SELECT seq, entry_hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq, head = (int(tail[0]), str(tail[1])) if tail else (0, GENESIS)
    cp = Checkpoint(seq, head, created_at, sign(key, seq, head, created_at))
    next_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM checkpoints").fetchone()[0])
    row: dict[str, Any] = {
        "id": next_id,
        "seq": seq,
        "head_hash": head,
        "created_at": created_at,
        "signature": cp.signature,
        "actor": actor,
    }
    conn.execute(
        "INSERT INTO checkpoints (id, seq, head_hash, created_at, signature, actor, row_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (*row.values(), row_hash("checkpoints", row)),
    )
    return cp


def load_checkpoint(path: str | Path) -> Checkpoint:
    """Read a checkpoint file; a malformed one raises ``LogError`` naming the file."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LogError(f"{path}:{exc.lineno}: not a checkpoint file: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise LogError(f"{path}: not a checkpoint file: expected a JSON object")
    try:
        seq, head, created, sig = (
            data["seq"],
            data["head_hash"],
            data["created_at"],
            data["signature"],
        )
    except KeyError as exc:
        raise LogError(f"{path}: not a checkpoint file: missing {exc.args[0]!r}") from exc
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise LogError(f"{path}: not a checkpoint file: 'seq' must be a whole number")
    for name, value in (("head_hash", head), ("created_at", created), ("signature", sig)):
        if not isinstance(value, str):
            raise LogError(f"{path}: not a checkpoint file: {name!r} must be a string")
    return Checkpoint(seq, head, created, sig)


def check_checkpoint(conn: sqlite3.Connection, cp: Checkpoint, key: bytes) -> Divergence | None:
    """Compare the log's chain with a checkpoint; ``None`` when the log contains it."""
    expected = sign(key, cp.seq, cp.head_hash, cp.created_at)
    if not hmac.compare_digest(expected, cp.signature):
        return Divergence(
            "checkpoint",
            f"seq={cp.seq}",
            "signature does not match: the checkpoint was altered or "
            f"{KEY_ENV} is not the key it was signed with",
        )
    if cp.seq == 0:
        if cp.head_hash != GENESIS:
            return Divergence("checkpoint", "seq=0", "head hash of an empty log is wrong")
        return None
    last = conn.execute("SELECT MAX(seq) FROM chain").fetchone()[0] or 0
    row = conn.execute("SELECT entry_hash FROM chain WHERE seq = ?", (cp.seq,)).fetchone()
    if row is None:
        return Divergence(
            "chain",
            f"seq={cp.seq}",
            f"missing: the log ends at seq {last} but the checkpoint of {cp.created_at} was "
            f"taken at seq {cp.seq}: the newest entries were cut off",
        )
    if row[0] != cp.head_hash:
        return Divergence(
            "chain",
            f"seq={cp.seq}",
            f"entry hash {str(row[0])[:12]} is not the checkpoint's head {cp.head_hash[:12]} "
            f"(signed {cp.created_at}): the log was rewritten",
        )
    return None
