"""The effective configuration (:class:`Config`) and the file selection it implies."""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .keys import KEY_BY_NAME, KEYS, SECRET_KEYS
from .values import _Bad, _suggest


@dataclass(frozen=True)
class Config:
    """The effective configuration.

    ``values`` maps every key of :data:`KEYS` (``history_min_decisions`` for the file's
    ``history.min_decisions``) to its normalised value: ``str`` for db, fail_on,
    min_severity, format, baseline (or None); ``tuple[str, ...]`` for paths, select,
    ignore, rules, extensions, exclude; ``int`` for max_file_size, history_min_decisions;
    ``datetime.date`` for today; ``bool`` for log; ``dict`` for severity and params;
    ``str | None`` for the secret log_key.

    ``sources`` maps each key to where its value came from: ``default``, ``file: PATH``,
    ``env: DECAUDIT_X`` or ``flag``. ``file`` is the config file read, if any.
    """

    values: Mapping[str, Any]
    sources: Mapping[str, str]
    file: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def with_flags(self, **flags: Any) -> Config:
        """A copy with command-line flags applied (source ``flag``); ``None`` means not given.

        Names are the keys of ``values`` (``history_min_decisions``; ``log=False`` for
        --no-log). Values are validated like the file's; strings are parsed like
        environment variables (``max_file_size="10MB"``, ``today="2026-01-31"``).
        """
        values, sources = dict(self.values), dict(self.sources)
        for name, raw in flags.items():
            key = KEY_BY_NAME.get(name.replace("-", "_").replace(".", "_"))
            if key is None:
                raise ConfigError(f"unknown setting {name!r}{_suggest(name, KEY_BY_NAME)}")
            if raw is None:
                continue
            try:
                values[key.name] = key.parse(raw, isinstance(raw, str))
            except _Bad as exc:
                flag = "--" + key.name.replace("_", "-")
                raise ConfigError(f"{flag}: {exc}") from None
            sources[key.name] = "flag"
        return Config(values=values, sources=sources, file=self.file)

    @property
    def digest(self) -> str:
        """sha256 of the canonical effective values, secrets excluded (logged with each run)."""
        public = {k: v for k, v in self.values.items() if k not in SECRET_KEYS}
        canonical = json.dumps(public, sort_keys=True, separators=(",", ":"), default=_jsonable)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def selects(self, path: str) -> bool:
        """Whether a file found walking a folder is read, by ``extensions`` and ``exclude``."""
        return selected(path, self.values["extensions"], self.values["exclude"])

    def display(self, key: str) -> str:
        """A value as ``decaudit config`` shows it (secrets as ``(set)`` / ``(not set)``)."""
        value = self.values.get(key)
        if key in SECRET_KEYS:
            return "(set)" if value else "(not set)"
        if value is None:
            return "(none)"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, tuple):
            return ", ".join(value) if value else "(none)"
        if isinstance(value, dict):
            return json.dumps(value, sort_keys=True, default=_jsonable) if value else "(none)"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def public_values(self) -> dict[str, Any]:
        """JSON-ready values, secrets replaced by whether they are set."""
        out: dict[str, Any] = {}
        for key in KEYS:
            value = self.values.get(key.name)
            if key.name in SECRET_KEYS:
                out[key.display] = "(set)" if value else None
            else:
                out[key.display] = json.loads(json.dumps(value, default=_jsonable))
        return out


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches one of the ``exclude`` glob patterns.

    Patterns are matched against the POSIX path and each of its trailing parts, so
    ``drafts``, ``drafts/*``, ``**/drafts/**`` and ``*.tmp.yaml`` all work wherever the file
    is; ``*`` also matches ``/``.
    """
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    parts = [p for p in posix.split("/") if p]
    candidates = {posix, "/" + posix, *("/".join(parts[i:]) for i in range(len(parts)))}
    for pattern in patterns:
        pat = pattern.replace("\\", "/").rstrip("/")
        if any(fnmatch.fnmatchcase(c, pat) for c in candidates):
            return True
        if "/" not in pat and any(fnmatch.fnmatchcase(part, pat) for part in parts[:-1]):
            return True  # a bare folder name or pattern excludes everything under it
    return False


def selected(path: str, extensions: Sequence[str], patterns: Sequence[str]) -> bool:
    """Whether a file met while walking a folder is read: its extension is one of
    ``extensions`` (case-insensitive) and it is not :func:`excluded`."""
    lower = path.lower()
    if not any(lower.endswith(ext.lower()) for ext in extensions):
        return False
    return not excluded(path, patterns)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    return str(value)
