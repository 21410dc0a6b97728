"""The ``decaudit`` command line: a thin layer over :mod:`decaudit.engine`.

Sub-commands live one per module in :mod:`decaudit.cli.commands` and are imported only when
invoked, so ``decaudit --help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from ..engine import __version__

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

# command name -> (module under decaudit.cli.commands, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("check", "check", "Audit decision records and log the run."),
    "brief": ("brief", "brief", "The approver's brief: what to ask before approving."),
    "facts": ("facts", "facts", "Show the facts derived from a record."),
    "schema": ("schema", "schema", "Print the JSON Schema of decision records."),
    "rules": ("rules", "rules", "List, show, test and validate rules."),
    "runs": ("runs", "runs", "List the runs in the audit log."),
    "history": ("history", "history", "Every run and finding for one decision."),
    "findings": ("findings", "findings", "Query findings in the audit log."),
    "diff": ("diff", "diff", "Findings new, resolved and unchanged between two runs."),
    "verify": ("verify", "verify", "Verify the audit log's hash chain."),
    "checkpoint": ("checkpoint", "checkpoint", "Export a signed checkpoint of the log."),
    "waive": ("waive", "waive", "Accept a finding for a while, with a reason."),
    "actuals": ("actuals", "actuals", "Record figures measured after approval."),
    "reviews": ("reviews", "reviews", "Benefits reviews due or overdue."),
    "report": ("report", "report", "Write the HTML governance report."),
    "calibration": ("calibration", "calibration", "The organisation's realized track record."),
    "config": ("config", "config", "Show the effective configuration and its sources."),
    "init": ("init", "init", "Scaffold a config file and an example record."),
    "datasette": ("datasette", "datasette", "Print or run the Datasette command for the log."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = importlib.import_module(f"decaudit.cli.commands.{spec[0]}")
        command: click.Command = getattr(module, spec[1])
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C: say what was (or was not) written and exit 130, like a shell does;
            # an unfinished run was rolled back, so the log is as it was before.
            from ..engine.interrupt import message

            click.echo(f"decaudit: {message()}", err=True)
            ctx.exit(EXIT_INTERRUPTED)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="decaudit")
def cli() -> None:
    """Audit decision records for incremental-only choices, missing breakthrough
    alternatives and unrealistic benefit assumptions.

    Every finding is appended to a tamper-evident SQLite audit log (decaudit.db beside the
    config file, or here; --db or DECAUDIT_DB). Exit codes: 0 ok, 1 findings at or above
    --fail-on (verify: log not intact), 2 usage, config, rule, input or I/O error.
    """


def main() -> None:
    try:
        cli()
    except BrokenPipeError:
        # The reader closed the pipe (``decaudit rules show X | head``): stop quietly.
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":  # python -m decaudit.cli.main
    main()
