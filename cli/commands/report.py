"""``decaudit report``: the self-contained HTML governance report, built from the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from decaudit.cli.options import count_type, db_option, db_path, fail, handle_errors, settings

DEFAULT_OUTPUT = "decaudit-report.html"


def _day(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r}: expected a date as YYYY-MM-DD")
    return day


@click.command()
@click.option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Where to write the report ('-' for stdout).",
)
@click.option("--since", metavar="DATE", help="Only runs started on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only runs started on or before DATE (YYYY-MM-DD).")
@click.option(
    "--top",
    type=count_type(0),
    metavar="N",
    default=50,
    show_default=True,
    help="Decisions listed by risk, with their findings and brief; rows of every other "
    "listing (the rest is counted; see --all).",
)
@click.option(
    "--all",
    "list_all",
    is_flag=True,
    help="List every decision in the ranking and every row of the other listings "
    "(--top still bounds the detailed decisions).",
)
@click.option(
    "--base",
    metavar="DIR",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder that relative record paths are resolved against for the links "
    "(the repository root with --link-base) [default: the current folder].",
)
@click.option(
    "--link-base",
    metavar="URL",
    default=None,
    help="Link records to URL/PATH#LLINE, e.g. https://github.com/ORG/REPO/blob/main "
    "[default: links relative to the report].",
)
@click.option(
    "--title",
    metavar="TEXT",
    default=None,
    help="Title of the report [default: Decision audit report].",
)
@db_option
@handle_errors
def report(
    output: str,
    since: str | None,
    until: str | None,
    top: int,
    list_all: bool,
    base: str | None,
    link_base: str | None,
    title: str | None,
    db: str | None,
) -> None:
    """Write the HTML governance report from the audit log.

    One self-contained file (inline CSS and SVG, no scripts, no network): headline numbers,
    findings by family and rule, decisions ranked by risk, predicted versus realized
    benefits, cost overrun, benefits over time (reviews due, and the figures recorded after
    approval with `decaudit actuals`), the portfolio mix per quarter, what changed since the
    previous run, and links back to the records.
    """
    from decaudit.engine.html import load_report, write_atomic
    from decaudit.engine.html.render import DEFAULT_TITLE, render

    start, end = _day(since, "--since"), _day(until, "--until")
    if start and end and start > end:
        fail(f"--since {start} is after --until {end}")
    after = int(settings()["review_after_days"])
    data = load_report(
        db_path(db), since=start, until=end, review_after_days=after, top=top, list_all=list_all
    )
    report_dir = Path.cwd() if output == "-" else Path(output).resolve().parent
    html = render(
        data,
        base=Path(base or "."),
        title=title or DEFAULT_TITLE,
        report_dir=report_dir,
        link_base=link_base,
    )
    if output == "-":
        click.echo(html, nl=False)
        return
    write_atomic(output, html)
    open_count = sum(data.open_by_severity.values())
    click.echo(
        f"Wrote {output}: {data.decision_count} decision(s), {open_count} open finding(s), "
        f"{len(data.runs)} run(s).",
        err=True,
    )
