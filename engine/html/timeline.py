"""The report's "Benefits over time" section: the benefits reviews due, and predicted against
realized as figures came in (``decaudit actuals``), per decision and for the portfolio."""

from __future__ import annotations

from typing import Any

from ..actuals import item_name, items, name_key
from .data import ReportData
from .markup import anchor, html_note, html_section, html_table, pct
from .svg import esc

TITLE = "Benefits over time"
LEAD = (
    "Approved decisions whose benefits review is due or overdue, then each figure measured "
    "after approval against its business case, in the order the figures came in. Figures "
    "recorded with <code>decaudit actuals</code> are kept in the log; the record files are "
    "never edited."
)


def _reviews_table(data: ReportData) -> str:
    due = [r for r in data.reviews if r.status in ("overdue", "due")]
    if not due:
        return html_note("No benefits review is due or overdue.")
    shown = data.shown(len(due))
    more = ""
    if shown < len(due):
        more = html_note(
            f"The first {shown} of {len(due)}: decaudit reviews or decaudit report --all "
            "lists them all."
        )
    return (
        html_table(
            "Benefits reviews due or overdue",
            ["decision", "owner", "status", "due", "days overdue", "measured", "projected"],
            (
                [
                    f'<a href="#{anchor(r.decision_id)}-row">{esc(r.decision_id)}</a>',
                    esc(r.owner or "–"),
                    esc(r.status),
                    esc(r.due),
                    str(r.days_overdue or ""),
                    f"{r.measured} of {r.benefits}",
                    f"{r.projected_total:,.0f}",
                ]
                for r in due[:shown]
            ),
            {4, 6},
        )
        + more
    )


def _projected(record: Any) -> dict[tuple[str, str], float]:
    out = {}
    for kind in ("benefit", "cost"):
        for item in items(record, kind):
            if isinstance(item.get("projected"), int | float):
                out[(kind, name_key(item_name(item)))] = float(item["projected"])
    return out


def _trail_rows(data: ReportData) -> list[list[str]]:
    records = data.figure_records
    rows = []
    for did, figures in sorted(data.figures.items()):
        projected = _projected(records.get(did, {}))
        for f in figures:
            plan = projected.get((f.item_kind, name_key(f.item_id)))
            rows.append(
                [
                    f'<a href="#{anchor(did)}-row">{esc(did)}</a>',
                    esc(f"{f.item_kind} {f.item_id}"),
                    esc(f.as_of),
                    "–" if plan is None else f"{plan:,.0f}",
                    f"{f.value:,.0f}",
                    pct(f.value / plan) if plan else "–",
                    esc(f.source or ""),
                ]
            )
    return rows


def _portfolio_rows(data: ReportData) -> list[list[str]]:
    """Per year of the as-of dates: the benefits measured by then (latest figure of each) and
    what their cases projected."""
    records = data.figure_records
    years = sorted({f.as_of[:4] for figs in data.figures.values() for f in figs})
    rows = []
    for year in years:
        latest: dict[tuple[str, str], tuple[str, int, float]] = {}
        plans: dict[tuple[str, str], float] = {}
        for did, figures in data.figures.items():
            projected = _projected(records.get(did, {}))
            for f in figures:
                key = (f.item_kind, name_key(f.item_id))
                if f.item_kind != "benefit" or f.as_of[:4] > year or key not in projected:
                    continue
                k = (did, key[1])
                if k not in latest or (f.as_of, f.id) > latest[k][:2]:
                    latest[k] = (f.as_of, f.id, f.value)
                    plans[k] = projected[key]
        if not latest:
            continue
        planned, came = sum(plans.values()), sum(v for _, _, v in latest.values())
        decisions = len({d for d, _ in latest})
        rows.append(
            [esc(year), str(decisions), f"{planned:,.0f}", f"{came:,.0f}", pct(came / planned)]
        )
    return rows


def over_time_section(data: ReportData) -> str:
    body = _reviews_table(data)
    trail = _trail_rows(data)
    if not trail:
        command = "decaudit actuals DECISION --benefit ID --value X --as-of DATE"
        body += (
            '<p class="note">No figure has been recorded after approval yet: record one '
            f"with <code>{esc(command)}</code>.</p>"
        )
        return html_section("over-time", TITLE, LEAD, body)
    body += html_table(
        "Portfolio: benefits measured by the end of each year against their cases",
        ["year", "decisions", "projected", "realized", "realization"],
        _portfolio_rows(data),
        {1, 2, 3, 4},
    )
    body += html_table(
        "Every figure recorded after approval, by decision and as-of date",
        ["decision", "item", "as of", "projected", "measured", "of projected", "source"],
        trail,
        {3, 4, 5},
    )
    return html_section("over-time", TITLE, LEAD, body)
