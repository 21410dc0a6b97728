"""``decaudit reviews``: the benefits reviews that are due or overdue, from the audit log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click
from decaudit.cli.options import db_option, db_path, format_option, handle_errors, settings

CSV_FIELDS = (
    "decision_id",
    "title",
    "owner",
    "status",
    "due",
    "days_overdue",
    "benefits",
    "measured",
    "projected_total",
    "measured_total",
    "last_measured",
    "file",
    "line",
)


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return "No benefits review is due."
    out = [
        "| Decision | Owner | Status | Due | Days overdue | Benefits measured | Projected |"
        " Measured so far |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        title = str(r["title"]).replace("|", "\\|")
        out.append(
            f"| {r['decision_id']}: {title} | {r['owner'] or '-'} | {r['status']} | {r['due']} |"
            f" {r['days_overdue'] or ''} | {r['measured']} of {r['benefits']} |"
            f" {_money(r['projected_total'])} | {_money(r['measured_total'])} |"
        )
    return "\n".join(out)


@click.command("reviews")
@click.option(
    "--all", "all_", is_flag=True, help="Also list upcoming reviews and those already done."
)
@click.option(
    "--within",
    type=click.IntRange(0, 36_500),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="A review falling due within this many days counts as due.",
)
@click.option(
    "--after-days",
    type=click.IntRange(1, 36_500),
    default=None,
    metavar="DAYS",
    help="Days after the decision date when a review falls due if the record sets no date "
    "[default: review_after_days in the config, 365].",
)
@click.option("--fail-on-overdue", is_flag=True, help="Exit 1 when any review is overdue.")
@db_option
@format_option("table", "json", "csv", "markdown")
@handle_errors
def reviews(
    all_: bool,
    within: int,
    after_days: int | None,
    fail_on_overdue: bool,
    db: str | None,
    fmt: str,
) -> None:
    """List the approved decisions whose benefits review is due or overdue.

    \b
    decaudit reviews
    decaudit reviews --all -f markdown
    decaudit reviews --fail-on-overdue          # in a scheduled CI job

    A review is due on the date the record sets (review date), else --after-days after the
    decision date. It is done when every projected benefit of the approved case has a
    measured figure: in the record, or recorded with `decaudit actuals`.
    Each row shows the owner, the projected total, what has been measured so far, and the
    days overdue.
    """
    from decaudit.cli.output import Column, output_rows
    from decaudit.engine.clock import today
    from decaudit.engine.log import AuditLog
    from decaudit.engine.log.read import latest_snapshots
    from decaudit.engine.reviews import STATES
    from decaudit.engine.reviews import reviews as due_reviews

    cfg = settings(db=db, review_after_days=after_days)
    path = db_path(db)
    with AuditLog.read(path) as log:
        snapshots = latest_snapshots(log.conn)
    found = due_reviews(
        snapshots,
        cfg["today"] or today(),
        after_days=int(cfg["review_after_days"]),
        within=within,
        states=STATES if all_ else ("overdue", "due"),
    )
    rows = [r.to_dict() for r in found]
    if fmt == "markdown":
        click.echo(_markdown(rows))
    else:
        output_rows(
            fmt,
            rows,
            fields=CSV_FIELDS,
            table=[
                (Column("DECISION"), "decision_id"),
                (Column("OWNER", max_width=24), lambda r: r["owner"] or "-"),
                (Column("STATUS"), "status"),
                (Column("DUE"), "due"),
                (Column("OVERDUE", right=True), lambda r: r["days_overdue"] or ""),
                (Column("MEASURED"), lambda r: f"{r['measured']} of {r['benefits']}"),
                (Column("PROJECTED", right=True), lambda r: _money(r["projected_total"])),
                (Column("SO FAR", right=True), lambda r: _money(r["measured_total"])),
                (Column("TITLE", flex=True), "title"),
            ],
            empty="no benefits review is due",
        )
    if fail_on_overdue and any(r.status == "overdue" for r in found):
        raise SystemExit(1)
