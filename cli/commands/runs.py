"""``decaudit runs``: the runs in the audit log, oldest first."""

from __future__ import annotations

import click
from decaudit.cli.options import count_type, db_option, db_path, handle_errors, query_format_option


@click.command("runs")
@db_option
@query_format_option
@click.option(
    "--limit", type=count_type(), default=None, metavar="N", help="Only the newest N runs."
)
@handle_errors
def runs(db: str | None, fmt: str, limit: int | None) -> None:
    """List the runs in the audit log, oldest first.

    Table columns: run id, start time (UTC), records audited, findings, exit status and the
    command line. JSON and CSV carry every provenance field (versions, digests, actor, CI).
    """
    from decaudit.cli.output import Column, output_rows, short_time
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.queries import list_runs
    from decaudit.engine.log.rows import RUN_FIELDS

    with AuditLog.read(db_path(db)) as log:
        rows = [r.to_dict() for r in list_runs(log.conn, limit=limit)]
    output_rows(
        fmt,
        rows,
        fields=RUN_FIELDS,  # every column of the runs table, in table order
        table=[
            (Column("RUN", right=True), "id"),
            (Column("STARTED (UTC)"), lambda r: short_time(r["started_at"])),
            (Column("RECORDS", right=True), "record_count"),
            (Column("FINDINGS", right=True), "finding_count"),
            (Column("EXIT", right=True), "exit_status"),
            (Column("COMMAND", flex=True), "command"),
        ],
        empty="no runs in the audit log yet",
    )
