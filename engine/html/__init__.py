"""The HTML governance report: ``build_report`` reads the log, ``write_atomic`` saves it.

- ``data``: what the report shows, read from the log with read-only SQL;
- ``svg``: the inline charts;
- ``markup``: escaping, number formats, links, tables and badges;
- ``sections``: one function per section of the report;
- ``style``: the inline stylesheet;
- ``render``: the page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import write_atomic as write_atomic  # saves the report
from ..log.connection import connect_readonly, snapshot

if TYPE_CHECKING:
    from .data import ReportData


def load_report(
    db: str | Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
    review_after_days: int = 365,
    top: int = 50,
    list_all: bool = False,
) -> ReportData:
    """What the report of the log at ``db`` shows, read in one read transaction
    (``LogError`` when there is no log, or no run in the window): the first ``top`` rows of
    each listing, or every row with ``list_all``."""
    from .data import load

    conn = connect_readonly(db)
    try:
        with snapshot(conn):
            return load(
                conn,
                source=str(db),
                since=since,
                until=until,
                now=now,
                review_after_days=review_after_days,
                top=top,
                list_all=list_all,
            )
    finally:
        conn.close()


def build_report(
    db: str | Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    base: Path | None = None,
    top: int = 50,
    now: dt.datetime | None = None,
    title: str | None = None,
    report_dir: Path | None = None,
    link_base: str | None = None,
    list_all: bool = False,
) -> str:
    """The report of the log at ``db`` as one HTML document."""
    from .render import DEFAULT_TITLE, render

    data = load_report(db, since=since, until=until, now=now, top=top, list_all=list_all)
    return render(
        data,
        base=base,
        title=title or DEFAULT_TITLE,
        report_dir=report_dir,
        link_base=link_base,
    )
