"""``decaudit calibration``: the organisation's realized track record from the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from decaudit.cli.options import db_option, db_path, format_option, handle_errors

if TYPE_CHECKING:
    from decaudit.engine.calibration import Calibration, Distribution, Group


def _ratio(value: float) -> str:
    return f"{value:.2f}"


def _table(title: str, rows: list[list[str]]) -> str:
    header = ["group", "n", "p10", "p25", "median", "p75", "p90", "note", "decisions"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = [title]
    for row in [header, *rows]:
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=False)):
            cells.append(cell.ljust(width) if i in (0, 7) else cell.rjust(width))
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def render_table(cal: Calibration) -> str:
    from decaudit.engine.calibration import FEW

    if not cal.measured:
        return (
            f"{cal.decisions} decision(s) in the log; none has measured benefits yet "
            "(realized figures on the chosen option's benefits)."
        )

    def row(label: str, dist: Distribution | None) -> list[str]:
        if dist is None:
            return [label, "0", "", "", "", "", "", "no measured costs", ""]
        note = f"too few (< {FEW})" if dist.few else ""
        figures = [_ratio(getattr(dist, k)) for k in ("p10", "p25", "median", "p75", "p90")]
        return [label, str(dist.count), *figures, note, ", ".join(dist.decisions)]

    def section(what: str, groups: tuple[Group, ...], overrun: bool) -> str:
        rows = [row(g.key, g.overrun if overrun else g.realization) for g in groups]
        return _table(what, rows)

    overall = cal.overall
    assert overall is not None
    parts = [
        f"{len(cal.measured)} of {cal.decisions} decision(s) in the log have measured benefits.",
        "Realization = realized / projected benefits; cost overrun = realized / projected costs",
        "(chosen option, measured lines only; latest snapshot of each decision).",
        "",
        section("Realization ratio by project type", (overall, *cal.by_project_type), False),
        "",
        section("Realization ratio by benefit type", cal.by_benefit_type, False),
        "",
        section("Cost overrun by project type", (overall, *cal.by_project_type), True),
        "",
        section("Cost overrun by benefit type", cal.by_benefit_type, True),
    ]
    return "\n".join(parts)


@click.command()
@format_option("table", "json")
@db_option
@handle_errors
def calibration(fmt: str, db: str | None) -> None:
    """The organisation's own track record: how much of the projected benefits past
    decisions realized, and how far their costs overran, by project type and benefit type.

    Reads the latest snapshot of each decision in the audit log; only decisions whose chosen
    option has benefits with both projected and realized figures count. Percentiles of fewer
    than 5 decisions are flagged as too few.
    """
    from decaudit.cli.output import output_rows
    from decaudit.engine.history import calibrate

    cal = calibrate(db_path(db))
    output_rows(fmt, [], fields=(), table=lambda _: render_table(cal), document=cal.as_json())
