"""``decaudit history DECISION_ID``: every run and finding for one decision, oldest first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    from decaudit.cli.output import Column, output_rows, output_width, render_table
    from decaudit.cli.output import short_time as st
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.queries import history as load_history

    with AuditLog.read(db_path(db)) as log:
        runs = load_history(log.conn, decision_id)
        figures = [_figure(a) for a in log.actuals(decision_id)]
    rows: list[dict[str, Any]] = []  # one per finding, or per run without findings
    for r in runs:
        base = {k: v for k, v in r.to_dict().items() if k != "findings"}
        rows.extend({**f.to_dict(), **base} for f in r.findings)
        if not r.findings:
            rows.append(base)
    cols = (
        Column("RULE"),
        Column("SEVERITY"),
        Column("DIGEST"),
        Column("WAIVED"),
        Column("MESSAGE", flex=True),
    )

    def blocks(_: Sequence[Mapping[str, Any]]) -> str:
        out = []
        for r in runs:
            where = f"{r.file}:{r.line}" if r.file else "(not audited in this run)"
            snap = f"  record {r.record_hash[:12]}" if r.record_hash else ""
            head = f"run {r.run_id}  {st(r.started_at)}  {where}{snap}"
            if not r.findings:
                out.append(f"{head}\n  no findings")
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
            out.append(head + "\n" + "\n".join("  " + line for line in table.splitlines()))
        if figures:
            out.append(_trail(figures))
        return "\n\n".join(out)

    output_rows(
        fmt,
        rows,
        fields=CSV_FIELDS,
        table=blocks,
        empty=f"decision {decision_id} is not in the audit log",
        document={
            "decision_id": decision_id,
            "runs": [r.to_dict() for r in runs],
            "actuals": figures,
        },
    )


def _figure(actual: Any) -> dict[str, Any]:
    keys = ("id", "item_kind", "item_id", "value", "as_of", "source", "created_at", "actor")
    return {k: getattr(actual, k) for k in keys}


def _trail(figures: Sequence[Mapping[str, Any]]) -> str:
    """The figures recorded after approval, oldest as-of first (``decaudit actuals``)."""
    from decaudit.cli.output import Column, output_width, render_table

    table = render_table(
        (
            Column("ITEM"),
            Column("VALUE", right=True),
            Column("AS OF"),
            Column("RECORDED"),
            Column("SOURCE", flex=True),
        ),
        [
            (
                f"{f['item_kind']} {f['item_id']}",
                f"{f['value']:,.0f}",
                f["as_of"],
                f"{str(f['created_at'])[:10]} {f['actor'] or ''}".strip(),
                f["source"] or "",
            )
            for f in figures
        ],
        width=output_width() - 2,
    )
    head = f"figures recorded after approval ({len(figures)})"
    return head + "\n" + "\n".join("  " + line for line in table.splitlines())
