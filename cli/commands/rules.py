"""``decaudit rules``: list, show, test and validate rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..options import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    config_option,
    fail,
    format_option,
    handle_errors,
    settings,
)

_DIR = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)


F = TypeVar("F", bound=Callable[..., Any])


def rules_option(f: F) -> F:
    """``--rules DIR``, repeatable: extra rule packs."""
    return click.option(
        "--rules",
        "rule_dirs",
        type=_DIR,
        multiple=True,
        metavar="DIR",
        help="An extra rule pack (repeatable).",
    )(f)


@click.group()
def rules() -> None:
    """List, show, test and validate rules.

    The built-in pack is loaded (test and validate: unless --no-builtin); add a pack
    with --rules DIR (list, show) or by naming its folder (test, validate).
    """


def _effective_pack(rule_dirs: tuple[Path, ...]) -> Any:
    """The pack as ``check`` would run it: extra packs, severities and parameters from the
    flags, the environment and the config file."""
    from decaudit.engine.rules.loader import load_pack

    cfg = settings(rules=[str(d) for d in rule_dirs] or None)
    return load_pack(
        [Path(d) for d in cfg["rules"]], params=cfg["params"], severities=cfg["severity"]
    )


@rules.command("list")
@rules_option
@format_option("table", "json")
@config_option
@handle_errors
def list_rules(rule_dirs: tuple[Path, ...], fmt: str) -> None:
    """List the rules: id, name, severity, family and title (severities as configured)."""
    from decaudit.cli.output import Column, output_rows

    rows = [
        {
            "id": r.id,
            "name": r.info.name,
            "severity": r.info.severity,
            "family": r.info.family,
            "title": r.info.title,
            "file": r.file,
        }
        for r in _effective_pack(rule_dirs).rules
    ]
    output_rows(
        fmt,
        rows,
        fields=("id", "name", "severity", "family", "title", "file"),
        table=[
            (Column("ID"), "id"),
            (Column("NAME"), "name"),
            (Column("SEVERITY"), "severity"),
            (Column("FAMILY"), "family"),
            (Column("TITLE"), "title"),
        ],
    )


@rules.command("show")
@click.argument("rule_id")
@rules_option
@config_option
@handle_errors
def show_rule(rule_id: str, rule_dirs: tuple[Path, ...]) -> None:
    """Full documentation of one rule, with its examples (severity and parameters as
    configured)."""
    from decaudit.engine.rules.describe import show

    wanted = rule_id.upper()
    for rule in _effective_pack(rule_dirs).rules:
        if rule.id == wanted or rule.info.name == rule_id:
            click.echo(show(rule), nl=False)
            return
    fail(f"unknown rule '{rule_id}' (decaudit rules list shows them)")


def _pack_errors(folder: Path | None, builtin: bool) -> tuple[object, list[str]]:
    from decaudit.engine.rules.loader import collect

    pack, errors = collect([folder] if folder else [], builtin=builtin)
    return pack, [str(e) for e in errors]


@rules.command("validate")
@click.argument("folder", required=False, type=_DIR)
@click.option(
    "--builtin/--no-builtin", default=True, show_default=True, help="Include the built-in pack."
)
@handle_errors
def validate(folder: Path | None, builtin: bool) -> None:
    """Check rule files: structure, facts, operators, values, templates, examples.

    Exit 0 when every rule loads, 2 with every error found (file:line: path: message).
    """
    from decaudit.engine.rules.model import RulePack

    pack, errors = _pack_errors(folder, builtin)
    assert isinstance(pack, RulePack)
    if errors:
        for line in errors:
            click.echo(line)
        n = len(errors)
        click.echo(f"{n} error{'s' if n != 1 else ''}", err=True)
        raise SystemExit(EXIT_ERROR)
    n = len(pack.rules)
    click.echo(f"{n} rule{'s' if n != 1 else ''} OK")


@rules.command("test")
@click.argument("folder", required=False, type=_DIR)
@click.option(
    "--builtin/--no-builtin", default=True, show_default=True, help="Include the built-in pack."
)
@click.option("--rule", "only", multiple=True, metavar="ID", help="Test only this rule.")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@handle_errors
def test(folder: Path | None, builtin: bool, only: tuple[str, ...], quiet: bool) -> None:
    """Run every rule's examples through the rules engine.

    One line per example, PASS or FAIL; exit 1 when an example does not produce what it
    says, 2 when a rule file is invalid.
    """
    from decaudit.engine.rules.model import RulePack
    from decaudit.engine.ruletests import run_examples, summary

    pack, errors = _pack_errors(folder, builtin)
    assert isinstance(pack, RulePack)
    if errors:
        for line in errors:
            click.echo(line, err=True)
        raise SystemExit(EXIT_ERROR)
    wanted = [r.upper() for r in only]
    unknown = [r for r in wanted if r not in {rule.id for rule in pack.rules}]
    if unknown:
        fail(f"unknown rule '{unknown[0]}'")
    results = run_examples(pack, wanted or None)
    for res in results:
        if res.passed and quiet:
            continue
        status = "PASS" if res.passed else "FAIL"
        line = f"{status} {res.rule_id} {res.name}"
        if not res.passed:
            line += f" ({res.file}:{res.example.line}): " + "; ".join(res.problems)
        click.echo(line)
    s = summary(results)
    rules_count = len({r.rule_id for r in results})
    click.echo(
        f"{s['examples']} examples of {rules_count} rules: "
        f"{s['passed']} passed, {s['failed']} failed"
    )
    if s["failed"]:
        raise SystemExit(EXIT_FINDINGS)
