"""Config files: discovery walking up from a folder, reading, and validating their values.

Relative paths in a file are relative to the file's folder; they are rewritten relative to
the working directory. Errors name the file and, when it can be found, the line.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .keys import FILE_KEYS, KEY_BY_NAME, SECRET_KEYS, Key
from .values import _Bad, _show, _suggest

CONFIG_FILE = ".decaudit.toml"
PYPROJECT = "pyproject.toml"


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
