"""``decaudit findings``: query the findings in the audit log."""

from __future__ import annotations

import click
from decaudit.cli.options import (
    SEVERITY_CHOICES,
    db_option,
    db_path,
    handle_errors,
    query_format_option,
    split_list,
)

CSV_FIELDS = (
    "id",
    "run_id",
    "run_started_at",
    "decision_id",
    "rule_id",
    "rule_name",
    "family",
    "severity",
    "message",
    "path",
    "file",
    "line",
    "fingerprint",
    "rule_digest",
    "record_hash",
    "waived",
    "waiver_id",
    "waiver_source",
    "waiver_reason",
    "waiver_approver",
    "waiver_expires",
    "expired_waiver_until",
    "evidence",
)


@click.command("findings")
@click.option(
    "--rule",
    "rules",
    multiple=True,
    metavar="ID",
    help="Rule id or name; repeat or comma-separate for several.",
)
@click.option(
    "--family",
    "families",
    multiple=True,
    metavar="FAMILY",
    help="Rule family (incremental, alternatives, benefits, governance, hygiene).",
)
@click.option(
    "--severity",
    type=click.Choice(list(reversed(SEVERITY_CHOICES))),
    default=None,
    help="This severity or higher (like --fail-on).",
)
@click.option(
    "--decision",
    "decisions",
    multiple=True,
    metavar="ID",
    help="Decision id; repeat or comma-separate for several.",
)
@click.option(
    "--run",
    "run_ref",
    default=None,
    metavar="RUN",
    help="Only this run: a run id, 'latest' or 'previous'.",
)
@click.option(
    "--since",
    metavar="TIME",
    default=None,
    help="Runs started at or after TIME (YYYY-MM-DD or ISO 8601, UTC).",
)
@click.option(
    "--until",
    metavar="TIME",
    default=None,
    help="Runs started at or before TIME (a bare date includes that whole day).",
)
@click.option(
    "--waived/--open",
    "waived",
    default=None,
    help="Only waived findings, or only open (not waived) ones.",
)
@click.option(
    "--search", metavar="TEXT", default=None, help="Full-text search in the messages (a phrase)."
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, metavar="N", help="At most N findings."
)
@db_option
@query_format_option
@handle_errors
def findings(
    rules: tuple[str, ...],
    families: tuple[str, ...],
    severity: str | None,
    decisions: tuple[str, ...],
    run_ref: str | None,
    since: str | None,
    until: str | None,
    waived: bool | None,
    search: str | None,
    limit: int | None,
    db: str | None,
    fmt: str,
) -> None:
    """Query the findings of every run in the audit log, oldest first.

    Filters combine with AND; several values of one filter combine with OR. Times are when
    the run started, in UTC.
    """
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.output import Column, render_csv, render_json, render_table
    from decaudit.engine.log.queries import FindingFilter, iter_findings, resolve_run

    with AuditLog.open(db_path(db), create=False) as log:
        flt = FindingFilter(
            rules=split_list(rules),
            families=split_list(families),
            min_severity=severity,
            decisions=split_list(decisions),
            run_id=None if run_ref is None else resolve_run(log.conn, run_ref),
            since=since,
            until=until,
            waived=waived,
            search=search,
            limit=limit,
        )
        rows = list(iter_findings(log.conn, flt))
    if fmt == "json":
        click.echo(render_json([f.to_dict() for f in rows]))
    elif fmt == "csv":
        click.echo(render_csv(CSV_FIELDS, ([f.to_dict()[k] for k in CSV_FIELDS] for f in rows)))
    elif not rows:
        click.echo("no findings match", err=True)
    else:
        cols = (
            Column("RUN", right=True),
            Column("DECISION", max_width=16),
            Column("RULE", max_width=10),
            Column("SEVERITY"),
            Column("WAIVED"),
            Column("MESSAGE", flex=True),
        )
        click.echo(
            render_table(
                cols,
                (
                    (
                        f.run_id,
                        f.decision_id,
                        f.rule_id,
                        f.severity,
                        "yes" if f.waived else "",
                        f.message,
                    )
                    for f in rows
                ),
            )
        )
