"""``make docs``: generate the rule reference (docs/rules.md) and the CLI reference
(docs/cli.md, from the real ``--help`` of every command).

``python -m decaudit.cli.docgen`` writes both; ``--check`` exits 1 when a committed file
differs from what would be generated (tests/test_docs.py runs the same comparison).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from .main import COMMANDS, cli

REPO = Path(__file__).resolve().parent.parent
RULES_MD = REPO / "docs" / "rules.md"
CLI_MD = REPO / "docs" / "cli.md"
WIDTH = 100

RULES_HEADER = """\
# The built-in rule pack

<!-- Generated from rules/*.yaml by `make docs`: do not edit by hand. -->

decaudit ships {count} rules in five families. Each rule file carries its rationale and
sources, its parameters and its examples; `decaudit rules show ID` prints all of it and
`decaudit rules test` runs the examples. Severities are the defaults: a configuration file
can override them, and every threshold below is a parameter it can override too.

| id | name | severity | family | title |
| --- | --- | --- | --- | --- |
"""

CLI_HEADER = """\
# Command-line reference

<!-- Generated from the commands' --help by `make docs`: do not edit by hand. -->

Every command, as `decaudit COMMAND --help` prints it. Settings given as flags override
`DECAUDIT_*` environment variables, which override the config file, which overrides the
defaults (`decaudit config` shows each value and its source).
"""


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(?:\s+[A-Z(\"]|$)", flat)
    return match.group(1) if match else flat


def rules_reference() -> str:
    """docs/rules.md: the catalogue of the built-in pack, from the rule files."""
    from decaudit.engine.rules.loader import load_pack
    from decaudit.engine.rules.model import Rule
    from decaudit.engine.vocab import FAMILIES

    def target(rule: Rule) -> str:
        if rule.is_join:
            joined = " + ".join(f"{a.name} ({a.on})" for a in rule.aliases)
            return f"a join of {joined}; points at `{rule.at}`"
        return f"one `{rule.on}` fact"

    def section(rule: Rule) -> str:
        info = rule.info
        lines = [
            f"### {info.id} {info.name}",
            "",
            f"**{info.title}.**",
            "",
            f"- Severity: {info.severity}. Family: {info.family}. Evaluated on {target(rule)}.",
        ]
        if rule.defaults:
            params = ", ".join(f"`{k}` = {v}" for k, v in rule.defaults.items())
            lines.append(f"- Parameters: {params}.")
        lines.append(f"- Examples: {len(rule.examples)}.")
        lines += [
            "",
            _first_sentence(info.rationale),
            "",
            f"Fix: {_first_sentence(info.remediation)}",
        ]
        if info.brief is not None and info.brief.question:
            lines += ["", f"In the approver's brief it asks: *{info.brief.question}*"]
        lines += ["", "Sources:", ""]
        lines += [
            f"- [{ref.title}]({ref.url})" if ref.url else f"- {ref.title}"
            for ref in info.references
        ]
        return "\n".join(lines) + "\n"

    rules = sorted(load_pack().rules, key=lambda r: (FAMILIES.index(r.info.family), r.id))
    out = [RULES_HEADER.format(count=len(rules))]
    out += [
        f"| [{r.id}](#{r.id.lower()}-{r.info.name}) | {r.info.name} | {r.info.severity} "
        f"| {r.info.family} | {r.info.title} |\n"
        for r in rules
    ]
    for family in FAMILIES:
        members = [r for r in rules if r.info.family == family]
        if members:
            out.append(f"\n## {family.capitalize()}\n\n")
            out.append("\n".join(section(r) for r in members))
    return "".join(out)


def command_help(*names: str) -> str:
    """The real ``--help`` of ``decaudit NAMES...``, at a fixed width."""
    result = CliRunner().invoke(
        cli, [*names, "--help"], prog_name="decaudit", terminal_width=WIDTH, env={}
    )
    if result.exit_code != 0:
        raise RuntimeError(f"decaudit {' '.join(names)} --help failed: {result.output}")
    return result.output.rstrip("\n")


def commands() -> list[tuple[str, ...]]:
    """Every command and sub-command, as argument tuples (``("rules", "show")``)."""
    out: list[tuple[str, ...]] = []
    ctx = click.Context(cli, info_name="decaudit")
    for name in sorted(COMMANDS):
        out.append((name,))
        command = cli.get_command(ctx, name)
        if isinstance(command, click.Group):
            out += [(name, sub) for sub in sorted(command.list_commands(ctx))]
    return out


def cli_reference() -> str:
    """docs/cli.md: every command's --help."""
    out = [CLI_HEADER, "\n## decaudit\n\n```text\n", command_help(), "\n```\n"]
    for names in commands():
        title = " ".join(names)
        out += [f"\n## decaudit {title}\n\n```text\n", command_help(*names), "\n```\n"]
    return "".join(out)


GENERATED = {RULES_MD: rules_reference, CLI_MD: cli_reference}


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = []
    for path, generate in GENERATED.items():
        text = generate()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(path.relative_to(REPO).as_posix())
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO).as_posix()}")
    if stale:
        print(f"stale: {', '.join(stale)} (run `make docs`)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
