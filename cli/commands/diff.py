"""``decaudit diff RUN_A RUN_B``: findings new, resolved and unchanged, by fingerprint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click
from decaudit.cli.options import db_option, db_path, handle_errors, query_format_option

if TYPE_CHECKING:
    from decaudit.engine.log.rows import FindingRow

CHANGES = ("new", "resolved", "unchanged", "not_audited")
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
    from decaudit.engine.log.diff import run_diff
    from decaudit.engine.log.queries import resolve_run

    with AuditLog.read(db_path(db)) as log:
        a, b = resolve_run(log.conn, run_a), resolve_run(log.conn, run_b)
        d = run_diff(log.conn, a, b)
        listed = CHANGES if fmt != "table" or show_unchanged else CHANGES[:2]
        counts = dict.fromkeys(CHANGES, 0)

        def rows() -> Iterator[dict[str, Any]]:
            for change in listed:
                name, mark = NAMES[change]
                for f in d.rows(change):
                    counts[change] += 1
                    yield {"change": name, "mark": mark, **_fields(f, fmt)}

        document = {
            "run_a": a,
            "run_b": b,
            **{c: (f.to_dict() for f in d.rows(c)) for c in CHANGES},
        }
        output_rows(
            fmt,
            rows(),
            fields=CSV_FIELDS,
            table=[
                (Column(" "), "mark"),
                (Column("DECISION", max_width=16), "decision_id"),
                (Column("RULE", max_width=10), "rule_id"),
                (Column("SEVERITY"), "severity"),
                (Column("MESSAGE", flex=True), "message"),
            ],
            document=document,
        )
        if fmt != "table":
            return
        for change in CHANGES:
            if change not in listed:
                counts[change] = d.count(change)
    click.echo(
        f"run {a} -> run {b}: {counts['new']} new, {counts['resolved']} resolved, "
        f"{counts['unchanged']} unchanged"
        + (
            f", {counts['not_audited']} not audited (their decisions are not in run {b})"
            if counts["not_audited"]
            else ""
        )
    )


# change -> (its name in JSON and CSV rows, its mark in the table)
NAMES = {
    "new": ("new", "+"),
    "resolved": ("resolved", "-"),
    "unchanged": ("unchanged", " "),
    "not_audited": ("not-audited", "?"),
}
TABLE_FIELDS = ("decision_id", "rule_id", "severity", "message")


def _fields(f: FindingRow, fmt: str) -> dict[str, Any]:
    """What a row of ``fmt`` shows of ``f`` (a table keeps only its columns in memory)."""
    if fmt == "table":
        return {
            "decision_id": f.decision_id,
            "rule_id": f.rule_id,
            "severity": f.severity,
            "message": f.message,
        }
    return f.to_dict()
