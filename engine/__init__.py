"""decaudit's library: records, facts, rules, evaluation, the audit log and reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("decaudit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
