"""Configuration: defaults, a config file, ``DECAUDIT_*`` environment variables and flags.

Precedence, highest first: command-line flags, environment variables, the config file,
the defaults.

**The file.** ``.decaudit.toml`` (top-level keys) or ``pyproject.toml`` (keys under
``[tool.decaudit]``), found by walking up from the working directory: the nearest folder
that has one wins; when one folder has both, ``.decaudit.toml`` wins; a ``pyproject.toml``
without a ``[tool.decaudit]`` table is passed over. ``--config FILE`` (or ``DECAUDIT_CONFIG``)
names the file explicitly and turns discovery off. Keys may be spelled with ``_`` or ``-``.
Relative paths in a file (``db``, ``baseline``, ``rules``, ``paths``) are relative to the
folder of that file; from the environment or flags, to the working directory.

**Keys** (see :data:`KEYS`): ``paths``, ``db``, ``fail_on``, ``min_severity``, ``select``,
``ignore``, ``rules``, ``format``, ``baseline``, ``max_file_size``, ``today``,
``extensions``, ``exclude``, ``severity`` (table: rule id -> severity), ``params`` (table:
rule id -> table of parameter -> value), ``history.min_decisions`` and ``log``. The secret
``DECAUDIT_LOG_KEY`` (the HMAC key of checkpoints) is read from the environment only and is
never displayed nor part of the digest.

An unknown key, a wrong type or a bad value is a :class:`ConfigError` naming the file, the
line when it can be found, and the key (with a "did you mean" suggestion for typos).
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .types import SEVERITIES

CONFIG_FILE = ".decaudit.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON_CHOICES: tuple[str, ...] = (*SEVERITIES, "never")
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    ".yaml",
    ".yml",
    ".json",
    ".jsonl",
    ".md",
    ".markdown",
    ".csv",
)
DEFAULT_MAX_FILE_SIZE = 10 * 2**20
SIZE_UNITS: Mapping[str, int] = {
    "": 1,
    "b": 1,
    "k": 2**10,
    "kb": 2**10,
    "kib": 2**10,
    "m": 2**20,
    "mb": 2**20,
    "mib": 2**20,
    "g": 2**30,
    "gb": 2**30,
    "gib": 2**30,
}
SECRET_KEYS: frozenset[str] = frozenset({"log_key"})
_FORMAT_NAMES = ("text", "json", "jsonl", "sarif", "junit", "github", "markdown")


class _Bad(ValueError):
    """A value of the wrong type or out of range (the message says what was expected)."""


# --- value parsers: (raw value, from_text) -> normalised value -------------------------
# ``from_text`` is true for environment variables and flags given as strings.


def _str(value: Any, from_text: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"expected a non-empty string, got {_show(value)}")
    return value.strip()


def _choice(*choices: str) -> Callable[[Any, bool], str]:
    def parse(value: Any, from_text: bool) -> str:
        text = value.strip().lower() if isinstance(value, str) else value
        if text not in choices:
            raise _Bad(f"expected one of {', '.join(choices)}, got {_show(value)}")
        return str(text)

    return parse


def _list(sep: str = ",") -> Callable[[Any, bool], tuple[str, ...]]:
    def parse(value: Any, from_text: bool) -> tuple[str, ...]:
        if isinstance(value, str):
            items: list[Any] = value.split(sep) if (from_text or sep == ",") else [value]
        elif isinstance(value, list | tuple):
            items = list(value)
        else:
            raise _Bad(f"expected a list of strings, got {_show(value)}")
        out: list[str] = []
        for item in items:
            if not isinstance(item, str):
                raise _Bad(f"expected a list of strings, got an item {_show(item)}")
            for part in item.split(",") if sep == "," else [item]:
                if part.strip():
                    out.append(part.strip())
        return tuple(out)

    return parse


def _extensions(value: Any, from_text: bool) -> tuple[str, ...]:
    exts = _list()(value, from_text)
    if not exts:
        raise _Bad("expected at least one file extension")
    return tuple(e.lower() if e.startswith(".") else "." + e.lower() for e in exts)


def _formats(value: Any, from_text: bool) -> str:
    return _choice(*_FORMAT_NAMES)(value, from_text)


def _size(value: Any, from_text: bool) -> int:
    if isinstance(value, bool):
        raise _Bad(f"expected a size in bytes or a string like '10MB', got {_show(value)}")
    if isinstance(value, int):
        number = float(value)
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*", value)
        if not match or match.group(2).lower() not in SIZE_UNITS:
            raise _Bad(f"expected a size like 10MB, 512KB or 1048576, got {_show(value)}")
        number = float(match.group(1)) * SIZE_UNITS[match.group(2).lower()]
    else:
        raise _Bad(f"expected a size in bytes or a string like '10MB', got {_show(value)}")
    if number < 1:
        raise _Bad(f"expected a size of at least 1 byte, got {_show(value)}")
    return int(number)


def _positive_int(value: Any, from_text: bool) -> int:
    if isinstance(value, str) and from_text and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"expected a whole number of at least 1, got {_show(value)}")
    return value


def _bool(value: Any, from_text: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and from_text:
        text = value.strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    raise _Bad(f"expected true or false, got {_show(value)}")


def _date(value: Any, from_text: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _Bad(f"expected a date (YYYY-MM-DD), got the date-time {value.isoformat()}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Bad(f"expected a date (YYYY-MM-DD), got {_show(value)}")


def _severity_table(value: Any, from_text: bool) -> dict[str, str]:
    if isinstance(value, str) and from_text:  # "BEN001=low,ALT002=critical"
        pairs: dict[str, Any] = {}
        for item in filter(None, (p.strip() for p in value.split(","))):
            rule, sep, sev = item.partition("=")
            if not sep:
                raise _Bad(f"expected RULE=SEVERITY pairs separated by commas, got {item!r}")
            pairs[rule.strip()] = sev.strip()
        value = pairs
    if not isinstance(value, dict):
        raise _Bad(f"expected a table of rule id = severity, got {_show(value)}")
    out: dict[str, str] = {}
    for rule, sev in value.items():
        if sev not in SEVERITIES:
            raise _Bad(f"{rule}: expected one of {', '.join(SEVERITIES)}, got {_show(sev)}")
        out[str(rule)] = sev
    return out


def _params_table(value: Any, from_text: bool) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise _Bad(f"expected a table of rule id -> table of parameters, got {_show(value)}")
    out: dict[str, dict[str, Any]] = {}
    for rule, params in value.items():
        if not isinstance(params, dict):
            raise _Bad(f"{rule}: expected a table of parameter = value, got {_show(params)}")
        out[str(rule)] = dict(params)
    return out


def _show(value: Any) -> str:
    kind = type(value).__name__
    shown = repr(value)
    return f"{shown} ({kind})" if len(shown) <= 60 else f"a {kind}"


# --- the keys --------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One setting: its name in ``Config.values``, file spelling, parser, default and env."""

    name: str  # in Config.values
    parse: Callable[[Any, bool], Any]
    default: Any
    env: str | None
    help: str
    path: bool = False  # relative paths are resolved against the config file's folder
    file_name: str = ""  # spelling in a file when it differs (history.min_decisions)

    @property
    def display(self) -> str:
        return self.file_name or self.name


KEYS: tuple[Key, ...] = (
    Key("paths", _list(), (), "DECAUDIT_PATHS", "Files or folders to check when none is given.",
        path=True),
    Key("db", _str, "decaudit.db", "DECAUDIT_DB", "The audit log (SQLite).", path=True),
    Key("fail_on", _choice(*FAIL_ON_CHOICES), "high", "DECAUDIT_FAIL_ON",
        "Exit 1 when a finding is at or above this severity (never: always 0)."),
    Key("min_severity", _choice(*SEVERITIES), "info", "DECAUDIT_MIN_SEVERITY",
        "Show only findings at or above this severity."),
    Key("select", _list(), (), "DECAUDIT_SELECT", "Run only these rule ids or families."),
    Key("ignore", _list(), (), "DECAUDIT_IGNORE", "Skip these rule ids or families."),
    Key("rules", _list(os.pathsep), (), "DECAUDIT_RULES", "Extra rule pack folders.", path=True),
    Key("format", _formats, "text", "DECAUDIT_FORMAT", "Default output format."),
    Key("baseline", _str, None, "DECAUDIT_BASELINE",
        "Report only findings not in this baseline file.", path=True),
    Key("max_file_size", _size, DEFAULT_MAX_FILE_SIZE, "DECAUDIT_MAX_FILE_SIZE",
        "Refuse input files larger than this (bytes, or 10MB, 512KB...)."),
    Key("today", _date, None, "DECAUDIT_TODAY",
        "The audit date, for reproducible audits (default: today, UTC)."),
    Key("extensions", _extensions, DEFAULT_EXTENSIONS, "DECAUDIT_EXTENSIONS",
        "File extensions read when walking folders."),
    Key("exclude", _list(), (), "DECAUDIT_EXCLUDE", "Glob patterns of files to skip."),
    Key("severity", _severity_table, {}, "DECAUDIT_SEVERITY",
        "Severity overrides: rule id = severity."),
    Key("params", _params_table, {}, None, "Rule parameter overrides: [params.RULE] name = value."),
    Key("history_min_decisions", _positive_int, 3, "DECAUDIT_HISTORY_MIN_DECISIONS",
        "Past decisions needed before BEN009 uses the organisation's track record.",
        file_name="history.min_decisions"),
    Key("log", _bool, True, None, "Append runs to the audit log (false: like --no-log)."),
    Key("log_key", _str, None, "DECAUDIT_LOG_KEY",
        "HMAC key of log checkpoints (environment only, secret)."),
)  # fmt: skip
KEY_BY_NAME: Mapping[str, Key] = {k.name: k for k in KEYS}
FILE_KEYS: tuple[str, ...] = tuple(k.display for k in KEYS if k.name not in SECRET_KEYS)


# --- the result ------------------------------------------------------------------------


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


def _suggest(name: str, choices: Mapping[str, Any] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name.replace("-", "_"), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- discovery and loading -------------------------------------------------------------


def find_config_file(cwd: Path) -> Path | None:
    """The nearest ``.decaudit.toml``, or ``pyproject.toml`` with ``[tool.decaudit]``,
    walking up from ``cwd``."""
    folder = cwd.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "decaudit" not in text:
        return False
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return bool(re.search(r"^\s*\[\s*tool\s*\.\s*decaudit\b", text, re.M))
    return isinstance(doc.get("tool"), dict) and "decaudit" in doc["tool"]


def _read_file(path: Path, shown: str) -> tuple[dict[str, Any], str]:
    """The settings table of a config file and its text (for line numbers)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{shown}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{shown}: is a folder, not a config file") from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read config file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: config file is not UTF-8 text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(shown, exc)) from None
    if path.name == PYPROJECT:
        tool = doc.get("tool", {})
        table = tool.get("decaudit", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{shown}: [tool.decaudit] must be a table")
        return table, text
    return doc, text


def _toml_error(path: str, exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column \d+\)$", message)
    if match:
        reason = message[: match.start()].strip()
        return f"{path}:{match.group(1)}: invalid TOML: {reason}"
    return f"{path}: invalid TOML: {message}"


def _line_of(text: str, dotted: str) -> int | None:
    """The line where ``dotted`` (``fail_on``, ``history.min_decisions``) is set, if found."""
    parts = dotted.split(".")
    last = re.escape(parts[-1])
    spellings = f"(?:{last}|{last.replace('_', '-')}|\"{last}\"|'{last}')"
    assignment = re.compile(rf"^\s*(?:[\w.\"'-]+\.)?{spellings}\s*=")
    header = re.compile(rf"^\s*\[\[?\s*(?:[\w\"'-]+\s*\.\s*)*{spellings}\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if assignment.match(line) or header.match(line):
            return number
    return None


def _where(path: str, text: str, dotted: str) -> str:
    line = _line_of(text, dotted)
    return f"{path}:{line}" if line else str(path)


def _file_values(path: Path, shown: str, cwd: Path) -> dict[str, Any]:
    """Validated values from one config file, keyed by ``Config.values`` names.

    ``shown`` is how messages name the file."""
    table, text = _read_file(path, shown)
    scope = "[tool.decaudit]" if path.name == PYPROJECT else path.name
    out: dict[str, Any] = {}
    for raw_name, raw in table.items():
        name = raw_name.replace("-", "_")
        if name == "history":
            if not isinstance(raw, dict):
                raise ConfigError(
                    f"{_where(shown, text, 'history')}: history: expected a table "
                    f"(history.min_decisions = N), got {_show(raw)}"
                )
            for sub, value in raw.items():
                sub_name = sub.replace("-", "_")
                if sub_name != "min_decisions":
                    raise ConfigError(
                        f"{_where(shown, text, 'history.' + sub)}: unknown key "
                        f"'history.{sub}' in {scope}{_suggest(sub, ('min_decisions',))}"
                    )
                out["history_min_decisions"] = _parse_file_value(
                    KEY_BY_NAME["history_min_decisions"], value, path, shown, text, cwd
                )
            continue
        key = KEY_BY_NAME.get(name)
        if key is None or key.file_name:
            raise ConfigError(
                f"{_where(shown, text, raw_name)}: unknown key {raw_name!r} in {scope}"
                f"{_suggest(name, FILE_KEYS)}"
            )
        if key.name in SECRET_KEYS:
            raise ConfigError(
                f"{_where(shown, text, raw_name)}: {raw_name} is a secret and cannot be set in a "
                f"config file: use the DECAUDIT_LOG_KEY environment variable"
            )
        out[key.name] = _parse_file_value(key, raw, path, shown, text, cwd)
    return out


def _parse_file_value(key: Key, raw: Any, path: Path, shown: str, text: str, cwd: Path) -> Any:
    try:
        value = key.parse(raw, False)
    except _Bad as exc:
        raise ConfigError(f"{_where(shown, text, key.display)}: {key.display}: {exc}") from None
    if key.path:
        value = _resolve(value, path.parent, cwd)
    return value


def _resolve(value: Any, base: Path, cwd: Path) -> Any:
    """A relative path of a config file, which is relative to the file's folder, rewritten
    relative to the working directory (``../decisions``), so messages stay short."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(_resolve(v, base, cwd) for v in value)
    p = Path(os.path.expanduser(value))
    if p.is_absolute():
        return str(p)
    try:
        return os.path.relpath(base / p, cwd.resolve())
    except ValueError:  # another drive on Windows
        return str(base / p)


def _env_values(environ: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    out: dict[str, tuple[Any, str]] = {}
    for key in KEYS:
        if key.env is None:
            continue
        raw = environ.get(key.env)
        if raw is None or raw.strip() == "":
            continue
        if key.name in SECRET_KEYS:
            out[key.name] = (raw, key.env)  # never stripped nor shown
            continue
        try:
            out[key.name] = (key.parse(raw, True), key.env)
        except _Bad as exc:
            raise ConfigError(f"{key.env}: {exc}") from None
    no_log = environ.get("DECAUDIT_NO_LOG")
    if no_log is not None and no_log.strip():
        try:
            out["log"] = (not _bool(no_log, True), "DECAUDIT_NO_LOG")
        except _Bad as exc:
            raise ConfigError(f"DECAUDIT_NO_LOG: {exc}") from None
    return out


def load_config(
    cwd: Path,
    environ: Mapping[str, str],
    explicit_file: str | Path | None = None,
    *,
    today: dt.date | None = None,
) -> Config:
    """The effective configuration for a command run in ``cwd``, before flags.

    ``explicit_file`` (``--config``) beats ``DECAUDIT_CONFIG``, which beats discovery from
    ``cwd``. ``today`` is the default audit date (today, UTC, when not given). Raises
    :class:`ConfigError` for a missing, unreadable or invalid file or environment value.
    """
    values: dict[str, Any] = {k.name: k.default for k in KEYS}
    values["today"] = today or dt.datetime.now(dt.UTC).date()
    sources: dict[str, str] = dict.fromkeys(values, "default")
    named = explicit_file or environ.get("DECAUDIT_CONFIG") or None
    path: Path | None
    if named:
        given = Path(os.path.expanduser(str(named)))
        path = given if given.is_absolute() else cwd / given
    else:
        path = find_config_file(cwd)
    if path is not None:
        shown = _shown_path(path, cwd)
        for name, value in _file_values(path, shown, cwd).items():
            values[name] = value
            sources[name] = f"file: {shown}"
    for name, (value, var) in _env_values(environ).items():
        values[name] = value
        sources[name] = f"env: {var}"
    return Config(values=values, sources=sources, file=path)


def _shown_path(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)


__all__ = [
    "CONFIG_FILE",
    "DEFAULT_EXTENSIONS",
    "DEFAULT_MAX_FILE_SIZE",
    "FAIL_ON_CHOICES",
    "KEYS",
    "SECRET_KEYS",
    "Config",
    "Key",
    "excluded",
    "find_config_file",
    "load_config",
    "selected",
]
