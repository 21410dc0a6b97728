"""The settings: each key's name, parser, default, environment variable and help."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..vocab import DEFAULT_DB, SEVERITIES
from .values import (
    DEFAULT_EXTENSIONS,
    DEFAULT_MAX_FILE_SIZE,
    FAIL_ON_CHOICES,
    _bool,
    _choice,
    _count,
    _date,
    _extensions,
    _formats,
    _list,
    _params_table,
    _positive_int,
    _severity_table,
    _share,
    _size,
    _str,
)

SECRET_KEYS: frozenset[str] = frozenset({"log_key"})


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
    Key("db", _str, DEFAULT_DB, "DECAUDIT_DB",
        "The audit log (SQLite); default: beside the config file, else here.", path=True),
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
    Key("review_after_days", _positive_int, 365, "DECAUDIT_REVIEW_AFTER_DAYS",
        "Days after an approved decision's date when its benefits review falls due, when the "
        "record sets no review date (decaudit reviews)."),
    Key("convention_share", _share, 0.65, "DECAUDIT_CONVENTION_SHARE",
        "Report a convention rule (GOV002, REC003) once for a folder when at least this "
        "share of the folder's records leave its field empty (0.65: two in three)."),
    Key("convention_min_records", _count, 3, "DECAUDIT_CONVENTION_MIN_RECORDS",
        "...and at least this many of them (0: never fold, report every record)."),
    Key("max_options", _positive_int, 200, "DECAUDIT_MAX_OPTIONS",
        "Most options one record may hold."),
    Key("max_benefits", _positive_int, 1000, "DECAUDIT_MAX_BENEFITS",
        "Most benefits one record may hold, over all its options."),
    Key("max_costs", _positive_int, 1000, "DECAUDIT_MAX_COSTS",
        "Most costs one record may hold, over all its options."),
    Key("max_list_items", _positive_int, 1000, "DECAUDIT_MAX_LIST_ITEMS",
        "Most items of any other list in a record (and list items in a document)."),
    Key("log", _bool, True, None, "Append runs to the audit log (false: like --no-log)."),
    Key("log_key", _str, None, "DECAUDIT_LOG_KEY",
        "HMAC key of log checkpoints (environment only, secret)."),
)  # fmt: skip
KEY_BY_NAME: Mapping[str, Key] = {k.name: k for k in KEYS}
FILE_KEYS: tuple[str, ...] = tuple(k.display for k in KEYS if k.name not in SECRET_KEYS)
