"""``decaudit brief PATH...``: the approver's brief of each record, in Markdown."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ..options import db_option, fail, handle_errors, settings


@click.command("brief")
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--decision",
    "decisions",
    multiple=True,
    metavar="ID",
    help="Brief a decision from the audit log, as its latest audit saw it. Repeatable.",
)
@click.option("--proposals-only", is_flag=True, help="Only records whose status is proposed.")
@click.option("-o", "--output", metavar="FILE", help="Write the briefs to FILE ('-': stdout).")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Add the rule pack in DIR. Repeatable.",
)
@db_option
@click.option(
    "--today",
    metavar="DATE",
    help="Brief as of this date (YYYY-MM-DD), for reproducible output [default: today UTC].",
)
@handle_errors
def brief(
    paths: tuple[str, ...],
    decisions: tuple[str, ...],
    proposals_only: bool,
    output: str | None,
    rules_dirs: tuple[str, ...],
    db: str | None,
    today: str | None,
) -> None:
    """Write the approver's brief of each record in PATH... (or of --decision ID from the log).

    For every record, one page for the person about to decide: the verdict (ready or not,
    and why), the options to ask for, the assumptions to challenge, the projected benefit
    beside what similar projects and your own past decisions realized, the benefits review
    to write into the approval, and at most 7 questions for the meeting, each with a
    footnote naming its rule, the record line and the source.

    The audit log (--db) is read for the track record and waivers; nothing is appended.
    Exit codes: 0 briefs written; 2 a usage, config, rule, input, log or I/O error (an
    unreadable file is reported and the other records are still briefed).
    """
    from decaudit.engine.brief import BriefContext, build_briefs, is_proposal, render_document
    from decaudit.engine.check import CheckOptions, run_check
    from decaudit.engine.files import write_atomic

    if paths and decisions:
        fail("give either PATH... or --decision ID, not both")
    flags: dict[str, Any] = {"rules": list(rules_dirs) or None, "db": db, "today": today}
    cfg = settings(**flags)
    values = cfg.values
    day: dt.date = values["today"]
    code = 0
    if decisions:
        briefs = _past_briefs(decisions, values, day)
    else:
        paths = paths or tuple(values["paths"])
        if not paths:
            fail("no PATH given (try: decaudit brief decisions/, or --decision ID)")
        opts = CheckOptions(
            paths=tuple(paths),
            rules_dirs=tuple(Path(p) for p in values["rules"]),
            select=tuple(values["select"]),
            ignore=tuple(values["ignore"]),
            severities=values["severity"],
            params=values["params"],
            db=None,
            history_db=values["db"],
            today=day,
            max_file_size=values["max_file_size"],
            history_min=values["history_min_decisions"],
            select_file=cfg.selects,
            stdin=sys.stdin.buffer if "-" in paths else None,
            keep_records=True,
            fail_on="never",
        )
        result = run_check(opts)
        for err in result.errors:
            click.echo(f"decaudit: {err}", err=True)
        code = 2 if result.errors else 0
        ctx = BriefContext.of(result.rules, day, result.history, result.min_history)
        records = [s for s in result.records if not proposals_only or is_proposal(s.record.status)]
        briefs = build_briefs(records, result.findings, ctx)
    if proposals_only:
        briefs = [b for b in briefs if is_proposal(b.status)]
    text = render_document(briefs, max_bytes=0)
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_atomic(output, text, make_parents=True)
        click.echo(f"Wrote {output}: {len(briefs)} brief(s).", err=True)
    click.get_current_context().exit(code)


def _past_briefs(decisions: tuple[str, ...], values: dict[str, Any], day: dt.date) -> list[Any]:
    from decaudit.engine.brief import BriefContext, build_brief
    from decaudit.engine.brief.history import past_decision, realization_history
    from decaudit.engine.log.connection import connect_readonly, snapshot
    from decaudit.engine.rules.loader import load_pack

    db = values["db"]
    pack = load_pack(tuple(Path(p) for p in values["rules"]))
    conn = connect_readonly(db)
    try:
        with snapshot(conn):
            history = realization_history(conn)
            ctx = BriefContext.of(pack.infos, day, history, values["history_min_decisions"])
            out = []
            for did in decisions:
                past = past_decision(conn, did)
                out.append(build_brief(past.source, past.findings, ctx))
    finally:
        conn.close()
    return out
