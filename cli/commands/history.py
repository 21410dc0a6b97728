"""``decaudit history DECISION_ID``: every run and finding for one decision, oldest first."""

from __future__ import annotations

import click
from decaudit.cli.options import db_option, db_path, handle_errors, query_format_option

CSV_FIELDS = (
    "run_id",
    "started_at",
    "file",
    "line",
    "record_hash",
    "rule_id",
    "rule_name",
    "severity",
    "message",
    "rule_digest",
    "waived",
    "waiver_expires",
    "fingerprint",
)


@click.command("history")
@click.argument("decision_id")
@db_option
@query_format_option
@handle_errors
def history(decision_id: str, db: str | None, fmt: str) -> None:
    """Every run that audited DECISION_ID and every finding on it, oldest first.

    Each run shows when it ran, the file and record snapshot audited, then its findings:
    rule id, severity, the rule's digest (short: a changed digest means the rule changed),
    whether a waiver applied, and the message.
    """
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.output import (
        Column,
        output_width,
        render_csv,
        render_json,
        render_table,
    )
    from decaudit.engine.log.output import short_time as st
    from decaudit.engine.log.queries import history as load_history

    with AuditLog.open(db_path(db), create=False) as log:
        runs = load_history(log.conn, decision_id)
    if fmt == "json":
        click.echo(render_json({"decision_id": decision_id, "runs": [r.to_dict() for r in runs]}))
        return
    if fmt == "csv":
        rows = []
        for r in runs:
            base = (r.run_id, r.started_at, r.file, r.line, r.record_hash)
            if not r.findings:
                rows.append((*base, *([None] * (len(CSV_FIELDS) - len(base)))))
            for f in r.findings:
                rows.append(
                    (
                        *base,
                        f.rule_id,
                        f.rule_name,
                        f.severity,
                        f.message,
                        f.rule_digest,
                        f.waived,
                        f.waiver_expires,
                        f.fingerprint,
                    )
                )
        click.echo(render_csv(CSV_FIELDS, rows))
        return
    if not runs:
        click.echo(f"decision {decision_id} is not in the audit log", err=True)
        return
    cols = (
        Column("RULE"),
        Column("SEVERITY"),
        Column("DIGEST"),
        Column("WAIVED"),
        Column("MESSAGE", flex=True),
    )
    blocks = []
    for r in runs:
        where = f"{r.file}:{r.line}" if r.file else "(not audited in this run)"
        snap = f"  record {r.record_hash[:12]}" if r.record_hash else ""
        head = f"run {r.run_id}  {st(r.started_at)}  {where}{snap}"
        if not r.findings:
            blocks.append(f"{head}\n  no findings")
            continue
        table = render_table(
            cols,
            [
                (
                    f.rule_id,
                    f.severity,
                    (f.rule_digest or "")[:8],
                    "yes" if f.waived else "",
                    f.message,
                )
                for f in r.findings
            ],
            width=output_width() - 2,
        )
        blocks.append(head + "\n" + "\n".join("  " + line for line in table.splitlines()))
    click.echo("\n\n".join(blocks))
