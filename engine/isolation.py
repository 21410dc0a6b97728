"""Per-record isolation: an unexpected exception on one record becomes that record's error.

Reading, deriving facts, evaluating rules, building messages and spooling to the log each
run one record at a time. Whatever goes wrong inside one of those steps (a bug, a value no
one foresaw) is turned into an :class:`~decaudit.engine.types.InputError` naming the file
and line of the record, so the run goes on, the other records are audited and logged, and
the exit code is 2 (an error), never 1 (findings) and never a traceback.
"""

from __future__ import annotations

from .types import InputError, SourceRecord

INTERNAL = "internal"


def describe(exc: BaseException) -> str:
    """``OverflowError: int too large to convert to float``, shortened to one line."""
    text = " ".join(str(exc).split())
    if len(text) > 300:
        text = text[:297] + "..."
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def record_error(src: SourceRecord, exc: BaseException, stage: str) -> InputError:
    """The error of a record whose ``stage`` (evaluating, logging...) raised ``exc``."""
    return InputError(
        src.file,
        src.line_of(()),
        f"record {src.record.id!r} could not be audited ({stage} failed: {describe(exc)}); "
        "the other records were audited. Please report this with the record",
        kind=INTERNAL,
    )


def file_error(path: str, exc: BaseException, line: int | None = None) -> InputError:
    """The error of a file whose reader raised ``exc`` (its later records are not read)."""
    return InputError(
        path,
        line,
        f"could not be read ({describe(exc)}); the other files were audited. "
        "Please report this with the file",
        kind=INTERNAL,
    )
