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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import __version__
from .clock import utc_stamp
from .errors import ConfigError, DecauditError
from .files import open_atomic
from .runstate import FirstByKey
from .types import Finding

SCHEMA_VERSION = 1
_FINGERPRINT = re.compile(r"[0-9a-f]{16,64}")


def _entry(f: Finding) -> dict[str, str]:
    return {
        "fingerprint": f.fingerprint,
        "rule_id": f.rule_id,
        "decision_id": f.decision_id,
        "path": f.path,
        "message": f.message,
    }


def baseline_document(
    findings: Iterable[Finding], *, created_at: str | None = None
) -> dict[str, Any]:
    """The baseline as a dict: one entry per distinct fingerprint, sorted by fingerprint."""
    entries: dict[str, dict[str, str]] = {}
    for f in findings:
        if f.fingerprint not in entries:
            entries[f.fingerprint] = _entry(f)
    return _head(created_at, [entries[k] for k in sorted(entries)])


def _head(created_at: str | None, findings: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "decaudit", "version": __version__},
        "created_at": created_at or utc_stamp(),
        "findings": findings,
    }


class BaselineSpool:
    """Every finding of a run for ``--write-baseline``, as it comes: one entry per distinct
    fingerprint (the first one met), on disk (engine/runstate.py) rather than in memory;
    :func:`write_baseline` writes them sorted."""

    def __init__(self) -> None:
        self._store = FirstByKey()

    def append(self, finding: Finding) -> None:
        self._store.add(finding.fingerprint, _entry(finding))

    def entries(self) -> Iterator[dict[str, str]]:
        """The entries, sorted by fingerprint."""
        return self._store.values()

    def close(self) -> None:
        self._store.close()


def _chunks(entries: Iterable[dict[str, str]], created_at: str | None) -> Iterator[str]:
    """The text of ``json.dumps(doc, indent=2, ensure_ascii=False) + "\\n"``, an entry at a
    time (the same bytes, without the whole document in memory)."""
    head = json.dumps(_head(created_at, []), indent=2, ensure_ascii=False)
    yield head[: -len("[]\n}")] + "["
    first = True
    for entry in entries:
        body = json.dumps(entry, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield ("]" if first else "\n  ]") + "\n}\n"


def write_baseline(
    path: str | Path,
    findings: Iterable[Finding] | BaselineSpool,
    *,
    created_at: str | None = None,
) -> int:
    """Write ``findings`` (waived ones included, as given; or a :class:`BaselineSpool`) to
    ``path``, as it goes; returns how many distinct fingerprints were written. The file is
    replaced atomically; its folder is created when missing. Raises :class:`ConfigError`
    when it cannot be written."""
    if isinstance(findings, BaselineSpool):
        entries: Iterable[dict[str, str]] = findings.entries()
    else:
        entries = baseline_document(findings, created_at=created_at)["findings"]
    count = 0

    def counted() -> Iterator[dict[str, str]]:
        nonlocal count
        for entry in entries:
            count += 1
            yield entry

    try:
        with open_atomic(Path(path), make_parents=True) as fh:
            for chunk in _chunks(counted(), created_at):
                fh.write(chunk)
    except DecauditError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return count


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
    "BaselineSpool",
    "apply_baseline",
    "baseline_document",
    "load_baseline",
    "write_baseline",
]
