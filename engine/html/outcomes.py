"""The outcome sections of the governance report: benefits, costs and the portfolio mix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..calibration import FEW, UNSPECIFIED, distribution
from .data import MIX_KINDS, ReportData
from .markup import (
    KIND_COLORS,
    anchor,
    html_figure,
    html_note,
    html_section,
    html_table,
    money,
    pct,
)
from .svg import Bar, Point, Series, esc, hbar_chart, scatter_chart, stacked_chart

NO_DATA = "No data yet"
MAX_BARS = 40  # bars in the per-decision cost chart (the table lists every decision)


def benefits_section(data: ReportData) -> str:
    title = "Predicted versus realized benefits"
    lead = (
        "For each decision whose chosen option has benefits with both a projected and a "
        "realized figure: the sum of those lines, projected against realized. Points under the "
        "1:1 line fell short of their business case."
    )
    outcomes = data.outcomes
    if not outcomes:
        return html_section(
            "benefits",
            title,
            lead,
            html_note(
                f"{NO_DATA}: no audited decision records realized benefits on its chosen option."
            ),
        )
    median = data.median_realization
    rows = sorted(outcomes, key=lambda p: p[1].realization)
    shown = data.shown(len(rows))
    listed = {d.decision_id for d, _ in rows[:shown]}
    # every decision is a point; those the table lists also carry their figures and link
    points = [
        Point(
            o.projected_benefits,
            o.realized_benefits,
            f"{d.decision_id}: projected {money(o.projected_benefits)}, realized "
            f"{money(o.realized_benefits)} ({pct(o.realization)})"
            if d.decision_id in listed
            else "",
            f"#{anchor(d.decision_id)}-row" if d.decision_id in listed else None,
            d.decision_id,
        )
        for d, o in outcomes
    ]
    desc = f"{len(points)} decisions. Median realization ratio {pct(median)}. " + "; ".join(
        f"{d.decision_id}: {pct(o.realization)}" for d, o in outcomes[:50]
    )
    chart = scatter_chart(
        "chart-benefits",
        points,
        title="Projected versus realized benefits per decision",
        desc=desc,
        x_label="projected benefits",
        y_label="realized benefits",
        median_ratio=median,
        tick_format=money,
    )
    table = html_table(
        "Benefits per decision, lowest realization first",
        ["decision", "title", "project type", "projected", "realized", "realization"],
        (
            [
                f'<a href="#{anchor(d.decision_id)}-row">{esc(d.decision_id)}</a>',
                esc(d.title),
                esc(d.project_type or "–"),
                f"{o.projected_benefits:,.0f}",
                f"{o.realized_benefits:,.0f}",
                pct(o.realization),
            ]
            for d, o in rows[:shown]
        ),
        {3, 4, 5},
    ) + _more(shown, len(rows))
    caption = (
        f"Dashed grey: 1:1 (realized as projected). Orange: the organisation's median "
        f"realization ratio ({pct(median)})."
    )
    return html_section(
        "benefits", title, lead, html_figure(chart, caption) + table + _track_record(data)
    )


def _track_record(data: ReportData) -> str:
    """Realization by project type: the history rule BEN009 holds new proposals to."""
    groups: dict[str, dict[str, float]] = {}
    for d, o in data.outcomes:
        groups.setdefault(d.project_type or UNSPECIFIED, {})[d.decision_id] = o.realization
    rows = []
    for ptype, ratios in sorted(groups.items()):
        dist = distribution(ratios)
        if dist is None:
            continue
        rows.append(
            [
                esc(ptype),
                str(dist.count),
                pct(dist.p25),
                pct(dist.median),
                pct(dist.p75),
                f"too few (&lt; {FEW})" if dist.few else "",
                esc(_ids(dist.decisions, data.shown(len(dist.decisions)))),
            ]
        )
    table = html_table(
        "Realization by project type",
        ["project type", "decisions", "p25", "median", "p75", "note", "decisions"],
        rows,
        {1, 2, 3, 4},
    )
    return (
        "<h3>Track record by project type</h3>"
        '<p class="lead">The organisation\'s own reference class: new proposals of a type are '
        "held to its median by rule BEN009 (<code>decaudit calibration</code> has the full "
        "figures).</p>" + table
    )


def _more(shown: int, total: int) -> str:
    """The note under a listing cut to its first ``shown`` rows of ``total``."""
    if shown >= total:
        return ""
    return html_note(f"The first {shown} of {total}: decaudit report --all lists them all.")


def _ids(ids: Sequence[str], shown: int) -> str:
    more = f" and {len(ids) - shown} more" if shown < len(ids) else ""
    return ", ".join(ids[:shown]) + more


def _overrun_color(ratio: float) -> str:
    return "#dc2626" if ratio > 1.2 else "#f59e0b" if ratio > 1 else "#10b981"


def costs_section(data: ReportData) -> str:
    title = "Cost overrun"
    lead = (
        "Realized / projected costs of the chosen option, over the cost lines with both "
        "figures. 100% is on budget; the dashed line at 120% is the benefit-shortfall threshold."
    )
    rows = sorted(data.cost_outcomes, key=lambda p: (-p[1].overrun, p[0].decision_id))
    if not rows:
        return html_section(
            "costs", title, lead, html_note(f"{NO_DATA}: no realized costs recorded.")
        )
    shown = rows[:MAX_BARS]
    bars = [
        Bar(
            d.decision_id,
            c.overrun * 100,
            _overrun_color(c.overrun),
            pct(c.overrun),
            f"#{anchor(d.decision_id)}-row",
        )
        for d, c in shown
    ]
    chart = hbar_chart(
        "chart-costs",
        bars,
        title="Cost overrun per decision (realized / projected costs)",
        desc="; ".join(f"{d.decision_id}: {pct(c.overrun)}" for d, c in shown),
        label_width=200,
        reference=((100.0, "on budget"), (120.0, "120%")),
        value_format="{:g}%",
    )
    caption = "Green within budget, amber over, red over 120%."
    listed = data.shown(len(rows))
    if len(rows) > len(shown):
        caption += f" The {len(shown)} largest overruns of {len(rows)}"
        caption += "; the table lists all." if listed == len(rows) else "."
    table = html_table(
        "Costs per decision, largest overrun first",
        ["decision", "title", "projected costs", "realized costs", "overrun"],
        (
            [
                f'<a href="#{anchor(d.decision_id)}-row">{esc(d.decision_id)}</a>',
                esc(d.title),
                f"{c.projected:,.0f}",
                f"{c.realized:,.0f}",
                pct(c.overrun),
            ]
            for d, c in rows[:listed]
        ),
        {2, 3, 4},
    ) + _more(listed, len(rows))
    return html_section("costs", title, lead, html_figure(chart, caption) + table)


def mix_section(data: ReportData) -> str:
    title = "Portfolio mix of chosen options"
    lead = (
        "The kind of each decision's chosen option (given, or inferred from its text), by the "
        "quarter of the decision date. The 70/20/10 rule of thumb puts about 10% on "
        "breakthrough choices."
    )
    if not data.mix:
        return html_section(
            "mix", title, lead, html_note(f"{NO_DATA}: no decision has a chosen option.")
        )
    kinds = [k for k in MIX_KINDS if any(q.counts.get(k) for q in data.mix)]
    series = [Series(k, KIND_COLORS[k]) for k in kinds]
    values = [[q.counts.get(k, 0) for k in kinds] for q in data.mix]
    desc = "; ".join(
        f"{q.quarter}: " + ", ".join(f"{q.counts[k]} {k}" for k in kinds if q.counts.get(k))
        for q in data.mix
    )
    chart = stacked_chart(
        "chart-mix",
        [q.quarter for q in data.mix],
        series,
        values,
        title="Chosen option kinds per quarter",
        desc=desc,
    )
    overall = {k: sum(q.counts.get(k, 0) for q in data.mix) for k in kinds}
    rows = [(q.quarter, q.counts) for q in data.mix if any(q.counts.values())]
    table = html_table(
        "Chosen option kinds per period (periods without decisions left out)",
        ["period", *kinds, "total", "breakthrough share"],
        (
            [
                esc(name),
                *(str(counts.get(k, 0)) for k in kinds),
                str(sum(counts.values())),
                _share(counts),
            ]
            for name, counts in [*rows, ("all", overall)]
        ),
        set(range(1, len(kinds) + 3)),
    )
    note = (
        html_note(
            f"{data.no_choice} decision(s) without exactly one chosen option are not counted."
        )
        if data.no_choice
        else ""
    )
    return html_section(
        "mix",
        title,
        lead,
        html_figure(chart, "Decisions per quarter, by chosen kind.") + table + note,
    )


def _share(counts: Mapping[str, int]) -> str:
    known = sum(n for k, n in counts.items() if k != "unknown")
    bt = counts.get("breakthrough", 0) + counts.get("replace-own-business", 0)
    return pct(bt / known) if known else "–"
