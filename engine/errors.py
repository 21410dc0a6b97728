"""The errors the library raises on purpose. The CLI prints them in one line and exits 2."""

from __future__ import annotations


class DecauditError(Exception):
    """Base class: a problem the user can fix (bad input, rule, config, log path...)."""


class RuleFileError(DecauditError):
    """A rule file that is malformed: names file and the path inside it."""

    def __init__(self, file: str, path: str, message: str, line: int | None = None) -> None:
        self.file, self.path, self.message, self.line = file, path, message, line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {path}: {message}" if path else f"{where}: {message}")


class ConfigError(DecauditError):
    """A configuration file or value that is invalid."""


class LogError(DecauditError):
    """The audit log cannot be opened, read or written."""
