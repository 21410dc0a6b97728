"""``decaudit runs``: the runs in the audit log, oldest first."""

from __future__ import annotations

import click
from decaudit.cli.options import db_option, db_path, handle_errors, query_format_option
from decaudit.engine.log.writer import RUN_COLUMNS

RUN_CSV_FIELDS = RUN_COLUMNS  # every column of the runs table, in table order


@click.command("runs")
@db_option
@query_format_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, metavar="N", help="Only the newest N runs."
)
@handle_errors
def runs(db: str | None, fmt: str, limit: int | None) -> None:
    """List the runs in the audit log, oldest first.

    Table columns: run id, start time (UTC), records audited, findings, exit status and the
    command line. JSON and CSV carry every provenance field (versions, digests, actor, CI).
    """
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.output import Column, render_csv, render_json, render_table
    from decaudit.engine.log.output import short_time as st
    from decaudit.engine.log.queries import list_runs

    with AuditLog.open(db_path(db), create=False) as log:
        rows = list_runs(log.conn, limit=limit)
    if fmt == "json":
        click.echo(render_json([r.to_dict() for r in rows]))
    elif fmt == "csv":
        click.echo(
            render_csv(RUN_CSV_FIELDS, ([r.to_dict()[k] for k in RUN_CSV_FIELDS] for r in rows))
        )
    elif not rows:
        click.echo("no runs in the audit log yet", err=True)
    else:
        cols = (
            Column("RUN", right=True),
            Column("STARTED (UTC)"),
            Column("RECORDS", right=True),
            Column("FINDINGS", right=True),
            Column("EXIT", right=True),
            Column("COMMAND", flex=True),
        )
        data = [
            (r.id, st(r.started_at), r.record_count, r.finding_count, r.exit_status, r.command)
            for r in rows
        ]
        click.echo(render_table(cols, data))
