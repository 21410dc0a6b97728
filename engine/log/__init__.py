"""The audit log: append-only, hash-chained, concurrency-safe SQLite history.

See docs/audit-log.md for the tables, the hashing scheme and what ``verify`` detects.
"""

from __future__ import annotations

from .checkpoint import Checkpoint, load_checkpoint, log_key
from .provenance import RunMeta, ci_context, current_actor
from .store import AuditLog
from .verify import Divergence, VerifyResult
from .waivers import LogWaiver
from .writer import RunWriter

__all__ = [
    "AuditLog",
    "Checkpoint",
    "Divergence",
    "LogWaiver",
    "RunMeta",
    "RunWriter",
    "VerifyResult",
    "ci_context",
    "current_actor",
    "load_checkpoint",
    "log_key",
]
