"""``decaudit findings``: query the findings in the audit log."""

from __future__ import annotations

import click
from decaudit.cli.options import (
    SEVERITY_CHOICES,
    count_type,
    db_option,
    db_path,
    handle_errors,
    query_format_option,
    split_list,
)
from decaudit.engine.vocab import FAMILIES


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
    help=f"Rule family ({', '.join(FAMILIES)}).",
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
@click.option("--limit", type=count_type(), default=None, metavar="N", help="At most N findings.")
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
    from decaudit.cli.output import Column, output_rows
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.queries import (
        FindingFilter,
        iter_findings,
        iter_findings_json,
        resolve_run,
    )
    from decaudit.engine.log.rows import FINDING_FIELDS

    with AuditLog.read(db_path(db)) as log:
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
        output_rows(
            fmt,
            (f.to_dict() for f in iter_findings(log.conn, flt)),
            fields=FINDING_FIELDS,  # every column of the findings table, and the run's start
            table=[
                (Column("RUN", right=True), "run_id"),
                (Column("DECISION", max_width=16), "decision_id"),
                (Column("RULE", max_width=10), "rule_id"),
                (Column("SEVERITY"), "severity"),
                (Column("WAIVED"), lambda f: "yes" if f["waived"] else ""),
                (Column("MESSAGE", flex=True), "message"),
            ],
            empty="no findings match",
            json_texts=lambda: iter_findings_json(log.conn, flt),
        )
