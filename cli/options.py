"""Option bundles shared by several commands, as decorators, and the common error exit."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "decaudit.db"
# Severities, most severe first, as the --fail-on/--min-severity/--severity choices list them.
SEVERITY_CHOICES = ("critical", "high", "medium", "low", "info")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    """Print ``decaudit: error: MESSAGE`` on stderr and exit 2 (usage, input, I/O...)."""
    click.echo(f"decaudit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated options and comma lists alike: ``--rule A,B --rule C`` -> ``(A, B, C)``."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def db_path(explicit: str | None) -> str:
    """The audit log path: --db, then DECAUDIT_DB, then ./decaudit.db."""
    return explicit or os.environ.get("DECAUDIT_DB") or DEFAULT_DB


def db_option(f: F) -> F:
    """``--db PATH``: the audit log (default ./decaudit.db, or $DECAUDIT_DB)."""
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        default=None,
        help="Audit log file [default: ./decaudit.db, or $DECAUDIT_DB].",
    )(f)


def format_option(*choices: str) -> Callable[[F], F]:
    """``-f/--format`` limited to ``choices``; the first one is the default."""

    def decorate(f: F) -> F:
        return click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(list(choices)),
            default=choices[0],
            show_default=True,
            help="Output format.",
        )(f)

    return decorate


# ``--format table|json|csv`` for the commands that query the log.
query_format_option = format_option("table", "json", "csv")


def handle_errors(f: F) -> F:
    """Turn expected library errors into a one-line message and exit 2, never a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from decaudit.engine.errors import DecauditError

        try:
            return f(*args, **kwargs)
        except DecauditError as exc:
            fail(str(exc))
        except BrokenPipeError:
            raise  # the reader went away (``| head``): main() ends quietly
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")

    return wrapper  # type: ignore[return-value]
