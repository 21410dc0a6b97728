"""Baseline files: the findings accepted as they stand, so a check reports only new ones.

A baseline is JSON::

    {"schema_version": 1, "tool": {"name": "decaudit", "version": "0.1.0"},
     "created_at": "2026-03-05T09:30:00Z",
     "findings": [{"fingerprint", "rule_id", "decision_id", "path", "message"}, ...]}

Findings are keyed on their fingerprint (rule id, decision id, JSON path of the flagged
item) and sorted by it. There are no line numbers, so a baseline survives edits that move
lines; a finding on another item, rule or decision is new. Rule id, decision and message are
there for the humans who review the file in a pull request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import __version__
from .clock import utc_stamp
from .errors import ConfigError, DecauditError
from .files import write_atomic
from .types import Finding

SCHEMA_VERSION = 1
_FINGERPRINT = re.compile(r"[0-9a-f]{16,64}")


def baseline_document(
    findings: Iterable[Finding], *, created_at: str | None = None
) -> dict[str, Any]:
    """The baseline as a dict: one entry per distinct fingerprint, sorted by fingerprint."""
    entries: dict[str, dict[str, str]] = {}
    for f in findings:
        entries.setdefault(
            f.fingerprint,
            {
                "fingerprint": f.fingerprint,
                "rule_id": f.rule_id,
                "decision_id": f.decision_id,
                "path": f.path,
                "message": f.message,
            },
        )
    stamp = created_at or utc_stamp()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "decaudit", "version": __version__},
        "created_at": stamp,
        "findings": [entries[k] for k in sorted(entries)],
    }


def write_baseline(
    path: str | Path, findings: Iterable[Finding], *, created_at: str | None = None
) -> int:
    """Write ``findings`` (waived ones included, as given) to ``path``; returns how many
    distinct fingerprints were written. The file is replaced atomically; its folder is
    created when missing. Raises :class:`ConfigError` when it cannot be written."""
    target = Path(path)
    doc = baseline_document(findings, created_at=created_at)
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(target, text, make_parents=True)
    except DecauditError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc}") from None
    return len(doc["findings"])


def load_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints of a baseline file. :class:`ConfigError` (naming the file) when it
    is missing, unreadable, not JSON or not a decaudit baseline."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline file not found (create it with --write-baseline {path})"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: baseline is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise ConfigError(f'{path}: not a decaudit baseline (no "findings" list)')
    version = doc.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ConfigError(
            f"{path}: unsupported baseline schema_version {version!r} (expected {SCHEMA_VERSION})"
        )
    items = doc["findings"]
    if not isinstance(items, list):
        raise ConfigError(f'{path}: baseline "findings" must be a list')
    out: set[str] = set()
    for i, item in enumerate(items):
        fp = item.get("fingerprint") if isinstance(item, dict) else None
        if not isinstance(fp, str) or not _FINGERPRINT.fullmatch(fp):
            raise ConfigError(f'{path}: findings[{i}]: missing or malformed "fingerprint"')
        out.add(fp)
    return frozenset(out)


def apply_baseline(
    findings: Iterable[Finding], baseline: frozenset[str]
) -> tuple[tuple[Finding, ...], int, int]:
    """``(new_findings, matched_count, fixed_count)``.

    ``new_findings`` are the findings whose fingerprint is not in the baseline, in their
    order; ``matched_count`` is how many findings the baseline hid; ``fixed_count`` is how
    many baseline fingerprints no finding has any more. Pass every finding of the run
    (before --min-severity filtering) or fixed counts will include merely hidden ones.
    """
    new: list[Finding] = []
    matched = 0
    seen: set[str] = set()
    for f in findings:
        fp = f.fingerprint
        seen.add(fp)
        if fp in baseline:
            matched += 1
        else:
            new.append(f)
    return tuple(new), matched, len(baseline - seen)


__all__ = [
    "SCHEMA_VERSION",
    "apply_baseline",
    "baseline_document",
    "load_baseline",
    "write_baseline",
]
