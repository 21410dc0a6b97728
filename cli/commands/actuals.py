"""``decaudit actuals``: record figures measured after approval in the audit log, or list
them."""

from __future__ import annotations

from typing import Any

import click
from decaudit.cli.options import db_option, db_path, fail, handle_errors, query_format_option
from decaudit.engine.log.schema import ACTUAL_COLUMNS

# the actuals table's columns, less the batch number (a detail of the chain)
CSV_FIELDS = tuple(c for c in ACTUAL_COLUMNS if c != "batch")


@click.command("actuals")
@click.argument("decision_id", required=False)
@click.option("--benefit", "benefit", metavar="ID", default=None, help="The benefit measured.")
@click.option("--cost", "cost", metavar="ID", default=None, help="The cost measured.")
@click.option("--value", metavar="AMOUNT", default=None, help="The measured figure.")
@click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", default=None, help="The day it is measured as of."
)
@click.option("--source", metavar="TEXT", default=None, help="Where the figure comes from.")
@click.option(
    "--file",
    "file_",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    default=None,
    help="Record many figures from a CSV or .xlsx file (one batch: all or nothing).",
)
@click.option("--sheet", metavar="NAME", default=None, help="The sheet of an .xlsx --file.")
@click.option("--list", "list_", is_flag=True, help="List recorded figures (of DECISION_ID).")
@db_option
@query_format_option
@handle_errors
def actuals(
    decision_id: str | None,
    benefit: str | None,
    cost: str | None,
    value: str | None,
    as_of: str | None,
    source: str | None,
    file_: str | None,
    sheet: str | None,
    list_: bool,
    db: str | None,
    fmt: str,
) -> None:
    """Record the actual figure of a benefit or cost of DECISION_ID, as of a date.

    \b
    decaudit actuals DEC-2024-007 --benefit B1 --value 180000 --as-of 2025-12-31 \\
        --source "finance ledger Q4"
    decaudit actuals DEC-2024-007 --cost C1 --value 1350000 --as-of 2025-12-31
    decaudit actuals --file actuals.csv        # columns: decision, benefit or cost,
                                               # value, as_of, source
    decaudit actuals --list [DECISION_ID]

    The figures go into the audit log, append-only and in its hash chain (`verify` covers
    them); the record file is never touched. A benefit or cost is named by its id, else its
    description, in the approved (chosen) option's business case as the log last audited
    it. Later `check` runs, `calibration`, the report and the brief use the latest figure of
    each item (latest as-of date, then latest entry); `history` shows the trail.
    """
    from decaudit.engine.clock import today
    from decaudit.engine.log import AuditLog

    path = db_path(db)
    if list_:
        if any(v is not None for v in (benefit, cost, value, as_of, source, file_)):
            fail("--list takes only an optional DECISION_ID")
        _list(path, decision_id, fmt)
        return
    figures = _figures(decision_id, benefit, cost, value, as_of, source, file_, sheet)
    from decaudit.engine.recording import record_figures

    with AuditLog.open(path, create=False) as log:
        ids = record_figures(log, figures, today())
    what = "figure" if len(ids) == 1 else "figures"
    click.echo(f"recorded {len(ids)} {what} in {path} (entries {ids[0]}..{ids[-1]})")


def _figures(
    decision_id: str | None,
    benefit: str | None,
    cost: str | None,
    value: str | None,
    as_of: str | None,
    source: str | None,
    file_: str | None,
    sheet: str | None,
) -> list[Any]:
    from decaudit.engine.recording import FigureInput

    if file_ is not None:
        if any(v is not None for v in (decision_id, benefit, cost, value, as_of, source)):
            fail("--file takes its figures from the file: give no DECISION_ID or figure options")
        from decaudit.engine.figures import read_figures

        figures = read_figures(file_, sheet=sheet)
        if not figures:
            fail(f"{file_}: no figures in the file")
        return figures
    if sheet is not None:
        fail("--sheet goes with an .xlsx --file")
    if decision_id is None:
        fail("give DECISION_ID --benefit ID (or --cost ID) --value X --as-of DATE, or --file")
    if (benefit is None) == (cost is None):
        fail("name one item: --benefit ID or --cost ID")
    if value is None or as_of is None:
        fail("--value and --as-of are required")
    kind, item = ("benefit", benefit) if benefit is not None else ("cost", cost)
    return [FigureInput(decision_id, kind, item or "", value, as_of, source)]


def _list(path: str, decision_id: str | None, fmt: str) -> None:
    from decaudit.cli.output import Column, output_rows
    from decaudit.engine.log import AuditLog

    with AuditLog.read(path) as log:
        rows = [{k: getattr(a, k) for k in CSV_FIELDS} for a in log.actuals(decision_id)]
    output_rows(
        fmt,
        rows,
        fields=CSV_FIELDS,
        table=[
            (Column("DECISION"), "decision_id"),
            (Column("ITEM"), lambda r: f"{r['item_kind']} {r['item_id']}"),
            (Column("VALUE", right=True), lambda r: f"{r['value']:,.0f}"),
            (Column("AS OF"), "as_of"),
            (Column("SOURCE", flex=True), lambda r: r["source"] or ""),
        ],
        empty="no figures recorded" + (f" for {decision_id}" if decision_id else ""),
    )
