"""``decaudit diff RUN_A RUN_B``: findings new, resolved and unchanged, by fingerprint."""

from __future__ import annotations

import click
from decaudit.cli.options import db_option, db_path, handle_errors, query_format_option

CSV_FIELDS = ("change", "decision_id", "rule_id", "severity", "path", "fingerprint", "message")


@click.command("diff")
@click.argument("run_a")
@click.argument("run_b")
@click.option(
    "--unchanged/--changes-only",
    "show_unchanged",
    default=False,
    help="Table format: also list the unchanged and not-audited findings (JSON and CSV always"
    " have them).",
)
@db_option
@query_format_option
@handle_errors
def diff(run_a: str, run_b: str, show_unchanged: bool, db: str | None, fmt: str) -> None:
    """Compare the findings of RUN_A (before) and RUN_B (after): run ids, or `latest` and
    `previous` (`decaudit diff previous latest`).

    Findings are matched by fingerprint (rule, decision and JSON path of the flagged item),
    so moved lines do not count as changes. "new": only in RUN_B; "resolved": only in RUN_A,
    for a decision RUN_B audited; "not audited": only in RUN_A, for a decision RUN_B did not
    audit; "unchanged": in both. Always exits 0 when both runs exist.
    """
    from decaudit.cli.output import Column, output_rows
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.queries import diff_runs, resolve_run

    with AuditLog.read(db_path(db)) as log:
        a, b = resolve_run(log.conn, run_a), resolve_run(log.conn, run_b)
        result = diff_runs(log.conn, a, b)
    sections = (
        ("new", "+", result.new),
        ("resolved", "-", result.resolved),
        ("unchanged", " ", result.unchanged),
        ("not-audited", "?", result.not_audited),
    )
    rows = [
        {"change": name, "mark": mark, **f.to_dict()}
        for name, mark, items in sections
        for f in items
    ]
    if fmt == "table" and not show_unchanged:
        rows = [r for r in rows if r["change"] not in ("unchanged", "not-audited")]
    output_rows(
        fmt,
        rows,
        fields=CSV_FIELDS,
        table=[
            (Column(" "), "mark"),
            (Column("DECISION", max_width=16), "decision_id"),
            (Column("RULE", max_width=10), "rule_id"),
            (Column("SEVERITY"), "severity"),
            (Column("MESSAGE", flex=True), "message"),
        ],
        document=result.to_dict(),
    )
    if fmt != "table":
        return
    click.echo(
        f"run {a} -> run {b}: {len(result.new)} new, {len(result.resolved)} resolved, "
        f"{len(result.unchanged)} unchanged"
        + (
            f", {len(result.not_audited)} not audited (their decisions are not in run {b})"
            if result.not_audited
            else ""
        )
    )
