"""Option bundles shared by several commands, the one settings resolver, and the error exit.

Every command takes its settings from :func:`settings`: flag > ``DECAUDIT_*`` environment >
config file (``--config FILE``, ``DECAUDIT_CONFIG``, or the nearest ``.decaudit.toml`` /
``[tool.decaudit]``) > default, with the source of each value recorded
(``decaudit config`` shows them). Choices come from the vocabulary
(:mod:`decaudit.engine.vocab`), which imports nothing heavy.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click
from decaudit.engine.vocab import (
    DEFAULT_DB,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    QUERY_FORMATS,
    SEVERITIES_DESC,
)

if TYPE_CHECKING:
    from decaudit.engine.config import Config

F = TypeVar("F", bound=Callable[..., Any])

# Severities, most severe first, as the --fail-on/--min-severity/--severity choices list them.
SEVERITY_CHOICES = SEVERITIES_DESC
CONFIG_META = "decaudit.config"  # ctx.meta key of --config

__all__ = [
    "DEFAULT_DB",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "SEVERITY_CHOICES",
    "RegistryChoice",
    "config_option",
    "db_option",
    "db_path",
    "fail",
    "format_option",
    "handle_errors",
    "query_format_option",
    "settings",
    "split_list",
]

# Integer arguments are range-checked by click (a clean usage error, exit 2), never handed
# to SQLite out of its 64-bit range.
MAX_INT = 2**63 - 1
MAX_JOBS = 256


def count_type(minimum: int = 1) -> click.IntRange:
    """A count or an id: ``minimum`` .. 2**63-1."""
    return click.IntRange(min=minimum, max=MAX_INT)


def fail(message: str) -> NoReturn:
    """Print ``decaudit: error: MESSAGE`` on stderr and exit 2 (usage, input, I/O...)."""
    click.echo(f"decaudit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated options and comma lists alike: ``--rule A,B --rule C`` -> ``(A, B, C)``."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


class RegistryChoice(click.Choice):  # type: ignore[type-arg,unused-ignore]
    """A choice among the names of a registry (output formats...), read when the option is
    parsed or the help shown: a name registered in the vocabulary is offered everywhere."""

    def __init__(self, registry: Mapping[str, Any] | Sequence[str]) -> None:
        self._registry = registry
        super().__init__(list(registry))

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        return list(self._registry)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # always the registry's current names


# --- settings --------------------------------------------------------------------------


def _remember_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta[CONFIG_META] = value


def config_option(f: F) -> F:
    """``--config FILE``: the config file to use (instead of the nearest one)."""
    return click.option(
        "--config",
        metavar="FILE",
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_remember_config,
        help="Configuration file to use [default: the nearest .decaudit.toml or "
        "[tool.decaudit] in pyproject.toml; $DECAUDIT_CONFIG].",
    )(f)


def settings(**flags: Any) -> Config:
    """The effective settings of this command: ``flags`` (``None``: not given) over the
    environment, the config file and the defaults, each value with its source."""
    from decaudit.engine.config import load_config

    ctx = click.get_current_context(silent=True)
    config_file = ctx.meta.get(CONFIG_META) if ctx is not None else None
    cfg = load_config(Path.cwd(), os.environ, config_file)
    given = {k: v for k, v in flags.items() if v is not None}
    return cfg.with_flags(**given) if given else cfg


def db_path(explicit: str | None) -> str:
    """The audit log: --db, then DECAUDIT_DB, then ``db`` in the config file, then
    decaudit.db beside the config file (or here, without one)."""
    return str(settings(db=explicit)["db"])


def db_option(f: F) -> F:
    """``--db PATH`` (the audit log) and ``--config FILE``."""
    return config_option(
        click.option(
            "--db",
            "db",
            metavar="PATH",
            default=None,
            help="Audit log file [default: db in the config file, $DECAUDIT_DB, or "
            "decaudit.db beside the config file or here].",
        )(f)
    )


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
query_format_option = format_option(*QUERY_FORMATS)


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
