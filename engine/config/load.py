"""The effective configuration before flags: defaults, then the file, then the environment."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..clock import today as clock_today
from ..errors import ConfigError
from ..vocab import DEFAULT_DB
from .files import _file_values, _resolve, find_config_file
from .keys import KEYS, SECRET_KEYS
from .model import Config
from .values import _Bad, _bool


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
    ``cwd``. With a config file, the default ``db`` is ``decaudit.db`` beside it. ``today``
    is the default audit date (today, UTC, when not given). Raises
    :class:`ConfigError` for a missing, unreadable or invalid file or environment value.
    """
    values: dict[str, Any] = {k.name: k.default for k in KEYS}
    values["today"] = today or clock_today({})
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
        # The default log sits beside the config file, wherever the command runs from.
        values["db"] = _resolve(DEFAULT_DB, path.parent, cwd)
        sources["db"] = f"default (beside {shown})"
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
