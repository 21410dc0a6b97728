"""The audit log: append-only, hash-chained, concurrency-safe SQLite history.

See docs/audit-log.md for the tables, the hashing scheme and what ``verify`` detects.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .provenance import RunMeta, ci_context, current_actor
from .store import AuditLog
from .waivers import LogWaiver
from .writer import RunWriter

if TYPE_CHECKING:
    from .checkpoint import Checkpoint, load_checkpoint, log_key
    from .verify import Divergence, VerifyResult

# verify and checkpoints are imported when first used: a check never needs them
_LAZY = {
    "Checkpoint": "checkpoint",
    "load_checkpoint": "checkpoint",
    "log_key": "checkpoint",
    "Divergence": "verify",
    "VerifyResult": "verify",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
